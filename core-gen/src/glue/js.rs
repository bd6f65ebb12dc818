//! JS for one call into wasm: convert each argument, call the export, convert the result.
//! Free functions, methods, constructors and property accessors all render through
//! `render_call`; every conversion is decided here, at generation time.

use super::helpers::HelperSet;
use crate::descriptor::{Arg, EnumValue, Module, NamedKind, Type};

/// One top-level item of the generated module.
#[derive(Debug, Clone)]
pub struct JsExport {
    pub name: String,
    /// Statements the declaration needs, not exported (e.g. a class's finalizer).
    pub before: String,
    /// `/** ... */` block, possibly empty.
    pub doc: String,
    /// `function f() {}`, `class C {}` or `const E = ...;`
    pub decl: String,
}

const RESERVED: &[&str] = &[
    "arguments",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "eval",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "wasm",
    "heap",
    "self",
    "ret",
];

/// A Rust argument name made safe as a JS parameter name.
pub fn js_ident(name: &str) -> String {
    if RESERVED.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

fn is_plain_ident(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// `wasm.name` or `wasm["odd name"]` (the part after `wasm`).
pub fn js_property(name: &str) -> String {
    if is_plain_ident(name) {
        name.to_string()
    } else {
        format!("[{}]", quote(name))
    }
}

/// A class member or object key: `name` or `["odd name"]`.
pub fn member_name(name: &str) -> String {
    js_property(name)
}

pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `/** ... */` from doc lines plus extra `@` tags.
pub fn doc_comment(docs: &[String], tags: &[String], indent: &str) -> String {
    if docs.is_empty() && tags.is_empty() {
        return String::new();
    }
    let mut out = format!("{indent}/**\n");
    for line in docs.iter().chain(tags) {
        let line = line.replace("*/", "*\\/");
        if line.is_empty() {
            out.push_str(&format!("{indent} *\n"));
        } else {
            out.push_str(&format!("{indent} * {line}\n"));
        }
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

/// JSDoc `@param`/`@returns` tags for a signature.
pub fn jsdoc_tags(args: &[Arg], ret: Option<&Type>) -> Vec<String> {
    args.iter()
        .map(|a| {
            format!(
                "@param {{{}}} {}",
                super::ts::type_name(&a.ty),
                js_ident(&a.name)
            )
        })
        .chain(
            ret.filter(|t| **t != Type::Unit)
                .map(|t| format!("@returns {{{}}}", super::ts::type_name(t))),
        )
        .collect()
}

/// How the JS `this` takes part in the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum This<'a> {
    /// Free function or static method.
    None,
    /// `&self` / `&mut self`: pass the pointer, keep the object.
    Borrow(&'a str),
    /// `self`: pass the pointer and empty the JS object.
    Consume(&'a str),
    /// Constructor: the result becomes `this`.
    Construct(&'a str),
}

/// What a call needs from its surroundings.
pub struct Call<'a> {
    pub export: &'a str,
    pub args: &'a [Arg],
    pub ret: &'a Type,
    pub this: This<'a>,
    /// Calls this expression instead of `wasm.<export>` (closure invocation), with these
    /// arguments first.
    pub callee: Option<(&'a str, &'a [&'a str])>,
}

/// The parameter list and body (indented by `indent`) of a call.
pub fn render_call(
    call: &Call<'_>,
    module: &Module,
    helpers: &mut HelperSet,
    indent: &str,
) -> Result<(Vec<String>, String), String> {
    let mut params = Vec::new();
    let mut setup = Vec::new();
    let mut call_args = Vec::new();
    let mut finally = Vec::new();
    match call.this {
        This::None | This::Construct(_) => {}
        This::Borrow(class) => {
            helpers.require("classes");
            setup.push(format!(
                "if (this.__wbg_ptr === 0) throw freedError('{class}');"
            ));
            call_args.push("this.__wbg_ptr".to_string());
        }
        This::Consume(class) => {
            helpers.require("classes");
            setup.push(format!(
                "if (this.__wbg_ptr === 0) throw freedError('{class}');"
            ));
            setup.push("const self = this.__destroy_into_raw();".to_string());
            call_args.push("self".to_string());
        }
    }
    for (i, arg) in call.args.iter().enumerate() {
        let name = js_ident(&arg.name);
        let mut conv = ArgConv {
            setup: &mut setup,
            call_args: &mut call_args,
            finally: &mut finally,
        };
        arg_conversion(&arg.ty, &name, i, module, helpers, &mut conv)
            .map_err(|what| format!("argument `{}`: {what}", arg.name))?;
        params.push(name);
    }
    // Calls that borrow class objects release those borrows if a JS exception unwinds
    // through Rust (destructors do not run then).
    let borrows_class = matches!(call.this, This::Borrow(_))
        || call.args.iter().any(|a| match &a.ty {
            Type::Ref(inner) | Type::RefMut(inner) => {
                matches!(&**inner, Type::Named(n) if matches!(module.lookup(n), Some(NamedKind::Struct(_))))
            }
            _ => false,
        });
    if borrows_class {
        helpers.require("borrowLog");
        setup.push("const depth = borrowDepth();".to_string());
    }
    let wasm_call = match call.callee {
        Some((callee, lead)) => {
            let all: Vec<String> = lead
                .iter()
                .map(|s| s.to_string())
                .chain(call_args.iter().cloned())
                .collect();
            format!("{callee}({})", all.join(", "))
        }
        None => format!(
            "wasm.{}({})",
            js_property(call.export),
            call_args.join(", ")
        ),
    };
    let inner = match call.this {
        This::Construct(class) => {
            helpers.require("classes");
            format!(
                "const ret = {wasm_call};\nthis.__wbg_ptr = ret >>> 0;\n{class}Finalization.register(this, this.__wbg_ptr, this);\nreturn this;\n"
            )
        }
        _ => match return_conversion(call.ret, module, helpers)
            .map_err(|what| format!("return type: {what}"))?
        {
            None => format!("{wasm_call};\n"),
            Some(convert) => format!("const ret = {wasm_call};\nreturn {convert};\n"),
        },
    };
    let mut body = String::new();
    for s in &setup {
        body.push_str(&format!("{indent}{s}\n"));
    }
    if finally.is_empty() && !borrows_class {
        for line in inner.lines() {
            body.push_str(&format!("{indent}{line}\n"));
        }
    } else {
        body.push_str(&format!("{indent}try {{\n"));
        for line in inner.lines() {
            body.push_str(&format!("{indent}    {line}\n"));
        }
        if borrows_class {
            body.push_str(&format!("{indent}}} catch (e) {{\n{indent}    releaseBorrows(depth);\n{indent}    throw e;\n"));
        }
        if !finally.is_empty() {
            body.push_str(&format!("{indent}}} finally {{\n"));
            for line in &finally {
                body.push_str(&format!("{indent}    {line}\n"));
            }
        }
        body.push_str(&format!("{indent}}}\n"));
    }
    Ok((params, body))
}

struct ArgConv<'a> {
    setup: &'a mut Vec<String>,
    call_args: &'a mut Vec<String>,
    finally: &'a mut Vec<String>,
}

fn arg_conversion(
    ty: &Type,
    name: &str,
    i: usize,
    module: &Module,
    helpers: &mut HelperSet,
    out: &mut ArgConv<'_>,
) -> Result<(), String> {
    match ty {
        Type::Unit => {}
        Type::I8
        | Type::U8
        | Type::I16
        | Type::U16
        | Type::I32
        | Type::U32
        | Type::Isize
        | Type::Usize => out.call_args.push(name.to_string()),
        Type::F32 | Type::F64 | Type::I64 | Type::U64 | Type::Bool => {
            out.call_args.push(name.to_string())
        }
        Type::Char => out.call_args.push(format!("{name}.codePointAt(0)")),
        Type::Externref | Type::ExternType(_) => {
            helpers.require("addHeapObject");
            out.call_args.push(format!("addHeapObject({name})"));
        }
        Type::Slice(_) => return Err("slices must be passed by reference".into()),
        Type::Closure(_) => {
            return Err(
                "Rust closures cannot be received from JS; take a `JsValue` (a JS function)".into(),
            )
        }
        Type::String => string_arg(name, i, helpers, out),
        Type::Named(n) => match module.lookup(n) {
            Some(NamedKind::Struct(_)) => {
                helpers.require("classes");
                out.setup.push(format!("assertLive({name}, {n});"));
                out.setup
                    .push(format!("const ptr{i} = {name}.__destroy_into_raw();"));
                out.call_args.push(format!("ptr{i}"));
            }
            Some(NamedKind::Enum(e)) => {
                helpers.require("enums");
                let values = enum_values_name(&e.js_name);
                if e.is_string() {
                    out.call_args
                        .push(format!("stringEnumIndex({name}, {values}, '{n}')"));
                } else {
                    out.call_args
                        .push(format!("checkEnum({name}, {values}, '{n}')"));
                }
            }
            None => return Err(format!("`{n}` is not an exported class or enum")),
        },
        Type::Ref(inner) | Type::RefMut(inner) => match (ty, &**inner) {
            (Type::Ref(_), Type::String) => string_arg(name, i, helpers, out),
            (Type::Ref(_), Type::Externref | Type::ExternType(_)) => {
                helpers.require("addBorrowedObject");
                out.call_args.push(format!("addBorrowedObject({name})"));
                out.finally
                    .push("heap[stack_pointer++] = undefined;".to_string());
            }
            (_, Type::Named(n)) if matches!(module.lookup(n), Some(NamedKind::Struct(_))) => {
                helpers.require("classes");
                out.setup.push(format!("assertLive({name}, {n});"));
                out.call_args.push(format!("{name}.__wbg_ptr"));
            }
            (_, other) => {
                return Err(format!(
                    "references to {} are not supported",
                    super::ts::type_name(other)
                ))
            }
        },
        Type::Option(inner) => match &**inner {
            Type::Named(n) if matches!(module.lookup(n), Some(NamedKind::Struct(_))) => {
                helpers.require("classes");
                out.setup.push(format!("let ptr{i} = 0;"));
                out.setup.push(format!(
                    "if ({name} !== undefined && {name} !== null) {{ assertLive({name}, {n}); ptr{i} = {name}.__destroy_into_raw(); }}"
                ));
                out.call_args.push(format!("ptr{i}"));
            }
            other => {
                return Err(format!(
                    "`Option` of {} is not supported yet",
                    super::ts::type_name(other)
                ))
            }
        },
    }
    Ok(())
}

fn string_arg(name: &str, i: usize, helpers: &mut HelperSet, out: &mut ArgConv<'_>) {
    helpers.require("passStringToWasm");
    // Rust takes ownership of the buffer and frees it.
    out.setup
        .push(format!("const ptr{i} = passStringToWasm({name});"));
    out.setup.push(format!("const len{i} = WASM_VECTOR_LEN;"));
    out.call_args.push(format!("ptr{i}"));
    out.call_args.push(format!("len{i}"));
}

/// The JS array of an enum's values, in the order Rust numbers string variants.
pub fn enum_values_name(js_name: &str) -> String {
    format!(
        "__wbg_enum_{}",
        js_name.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    )
}

/// The expression that turns `ret` into the JS value, or `None` for no value.
fn return_conversion(
    ty: &Type,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<Option<String>, String> {
    Ok(Some(match ty {
        Type::Unit => return Ok(None),
        Type::I8 | Type::U8 | Type::I16 | Type::U16 | Type::I32 | Type::Isize => "ret".into(),
        Type::U32 | Type::Usize => "ret >>> 0".into(),
        Type::I64 | Type::F32 | Type::F64 => "ret".into(),
        Type::U64 => "BigInt.asUintN(64, ret)".into(),
        Type::Bool => "ret !== 0".into(),
        Type::Char => "String.fromCodePoint(ret)".into(),
        Type::Externref | Type::ExternType(_) => {
            helpers.require("takeObject");
            "takeObject(ret)".into()
        }
        Type::Slice(_) => return Err("slices cannot be returned yet".into()),
        Type::Closure(_) => {
            return Err("return a `Closure` as `JsValue` (`into_js_value()`)".into())
        }
        Type::String => {
            helpers.require("takeStringFromWasm");
            "takeStringFromWasm(ret)".into()
        }
        Type::Named(n) => match module.lookup(n) {
            Some(NamedKind::Struct(_)) => format!("{n}.__wrap(ret)"),
            Some(NamedKind::Enum(e)) if e.is_string() => format!("{}[ret]", enum_values_name(n)),
            Some(NamedKind::Enum(_)) => "ret".into(),
            None => return Err(format!("`{n}` is not an exported class or enum")),
        },
        Type::Option(inner) => match &**inner {
            Type::Named(n) if matches!(module.lookup(n), Some(NamedKind::Struct(_))) => {
                format!("ret === 0 ? undefined : {n}.__wrap(ret)")
            }
            other => {
                return Err(format!(
                    "`Option` of {} is not supported yet",
                    super::ts::type_name(other)
                ))
            }
        },
        Type::Ref(inner) if **inner == Type::String => {
            helpers.require("getStringFromWasm");
            helpers.require("retArea");
            "getStringFromWasm(ret, retSlot32(0) >>> 0)".into()
        }
        Type::Ref(inner) if matches!(**inner, Type::Externref | Type::ExternType(_)) => {
            helpers.require("heap");
            "getObject(ret)".into()
        }
        Type::Ref(_) | Type::RefMut(_) => {
            return Err("returning a reference is not supported".into())
        }
    }))
}

/// `{ Red: 0, "0": "Red", ... }` for numeric enums (TS-style reverse mapping included).
pub fn enum_object(variants: &[crate::descriptor::Variant]) -> String {
    let mut entries = Vec::new();
    for v in variants {
        if let EnumValue::Number(n) = v.value {
            entries.push(format!("{}: {n}", member_key(&v.name)));
            entries.push(format!("\"{n}\": {}", quote(&v.name)));
        }
    }
    format!("{{ {} }}", entries.join(", "))
}

fn member_key(name: &str) -> String {
    if is_plain_ident(name) {
        name.to_string()
    } else {
        quote(name)
    }
}
