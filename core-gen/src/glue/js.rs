//! JS for exported functions: convert each argument, call the wasm export, convert the
//! result. Every conversion is decided here, at generation time.

use super::helpers::HelperSet;
use super::GlueError;
use crate::descriptor::{Function, Type};

/// A rendered `function name(args) { ... }` declaration.
#[derive(Debug, Clone)]
pub struct JsFunction {
    pub js_name: String,
    /// `/** ... */` block, possibly empty.
    pub doc: String,
    /// `function name(...) { ... }`
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
];

/// A Rust argument name made safe as a JS parameter name.
pub fn js_ident(name: &str) -> String {
    if RESERVED.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
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

pub fn render_function(f: &Function, helpers: &mut HelperSet) -> Result<JsFunction, GlueError> {
    let mut params = Vec::new();
    let mut setup = Vec::new();
    let mut call_args = Vec::new();
    let mut finally = Vec::new();
    for (i, arg) in f.args.iter().enumerate() {
        let name = js_ident(&arg.name);
        arg_conversion(
            &arg.ty,
            &name,
            i,
            helpers,
            &mut setup,
            &mut call_args,
            &mut finally,
        )
        .map_err(|what| {
            GlueError::unsupported(&f.js_name, format!("argument `{}`: {what}", arg.name))
        })?;
        params.push(name);
    }
    let call = format!("wasm.{}({})", js_property(&f.export), call_args.join(", "));
    let ret = return_conversion(&f.ret, helpers)
        .map_err(|what| GlueError::unsupported(&f.js_name, format!("return type: {what}")))?;
    let mut body = setup
        .iter()
        .map(|s| format!("    {s}\n"))
        .collect::<String>();
    let inner = match ret {
        None => format!("{call};\n"),
        Some(convert) => format!("const ret = {call};\nreturn {convert};\n"),
    };
    if finally.is_empty() {
        for line in inner.lines() {
            body.push_str(&format!("    {line}\n"));
        }
    } else {
        body.push_str("    try {\n");
        for line in inner.lines() {
            body.push_str(&format!("        {line}\n"));
        }
        body.push_str("    } finally {\n");
        for line in &finally {
            body.push_str(&format!("        {line}\n"));
        }
        body.push_str("    }\n");
    }
    let tags: Vec<String> = f
        .args
        .iter()
        .map(|a| {
            format!(
                "@param {{{}}} {}",
                super::ts::type_name(&a.ty),
                js_ident(&a.name)
            )
        })
        .chain(
            (f.ret != Type::Unit).then(|| format!("@returns {{{}}}", super::ts::type_name(&f.ret))),
        )
        .collect();
    let decl = format!(
        "function {}({}) {{\n{}}}\n",
        f.js_name,
        params.join(", "),
        body
    );
    Ok(JsFunction {
        js_name: f.js_name.clone(),
        doc: doc_comment(&f.docs, &tags, ""),
        decl,
    })
}

/// `wasm.name` or `wasm["odd name"]`.
pub fn js_property(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if plain {
        name.to_string()
    } else {
        format!("[{}]", serde_like_quote(name))
    }
}

fn serde_like_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn arg_conversion(
    ty: &Type,
    name: &str,
    i: usize,
    helpers: &mut HelperSet,
    setup: &mut Vec<String>,
    call_args: &mut Vec<String>,
    finally: &mut Vec<String>,
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
        | Type::Usize => call_args.push(name.to_string()),
        Type::F32 | Type::F64 | Type::I64 | Type::U64 | Type::Bool => {
            call_args.push(name.to_string())
        }
        Type::Char => call_args.push(format!("{name}.codePointAt(0)")),
        Type::Externref => {
            helpers.require("addHeapObject");
            call_args.push(format!("addHeapObject({name})"));
        }
        Type::String => string_arg(name, i, helpers, setup, call_args),
        Type::Ref(inner) => match &**inner {
            Type::String => string_arg(name, i, helpers, setup, call_args),
            Type::Externref => {
                helpers.require("addBorrowedObject");
                call_args.push(format!("addBorrowedObject({name})"));
                finally.push("heap[stack_pointer++] = undefined;".to_string());
            }
            other => {
                return Err(format!(
                    "references to {} are not supported",
                    super::ts::type_name(other)
                ))
            }
        },
        Type::RefMut(_) => return Err("`&mut` arguments are not supported yet".into()),
    }
    Ok(())
}

fn string_arg(
    name: &str,
    i: usize,
    helpers: &mut HelperSet,
    setup: &mut Vec<String>,
    call_args: &mut Vec<String>,
) {
    helpers.require("passStringToWasm");
    // Rust takes ownership of the buffer and frees it.
    setup.push(format!("const ptr{i} = passStringToWasm({name});"));
    setup.push(format!("const len{i} = WASM_VECTOR_LEN;"));
    call_args.push(format!("ptr{i}"));
    call_args.push(format!("len{i}"));
}

/// The expression that turns `ret` into the JS value, or `None` for no value.
fn return_conversion(ty: &Type, helpers: &mut HelperSet) -> Result<Option<String>, String> {
    Ok(Some(match ty {
        Type::Unit => return Ok(None),
        Type::I8 | Type::U8 | Type::I16 | Type::U16 | Type::I32 | Type::Isize => "ret".into(),
        Type::U32 | Type::Usize => "ret >>> 0".into(),
        Type::I64 | Type::F32 | Type::F64 => "ret".into(),
        Type::U64 => "BigInt.asUintN(64, ret)".into(),
        Type::Bool => "ret !== 0".into(),
        Type::Char => "String.fromCodePoint(ret)".into(),
        Type::Externref => {
            helpers.require("takeObject");
            "takeObject(ret)".into()
        }
        Type::String => {
            helpers.require("takeStringFromWasm");
            "takeStringFromWasm(ret)".into()
        }
        Type::Ref(inner) if **inner == Type::Externref => {
            helpers.require("heap");
            "getObject(ret)".into()
        }
        Type::Ref(_) | Type::RefMut(_) => {
            return Err("returning a reference is not supported".into())
        }
    }))
}
