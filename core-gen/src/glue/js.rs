//! JS for one call into wasm: convert each argument, call the export, convert the result.
//! Free functions, methods, constructors and property accessors all render through
//! `render_call`; every conversion is decided here, at generation time.

use super::convert::is_class;
use super::helpers::HelperSet;
use super::js_text::{class_ptr, doc_comment, js_ident, member_access, object_key, quote};
use crate::descriptor::{Arg, EnumValue, Module, Type};

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

/// What a JSDoc `@returns` says: the type, `unchecked_return_type`, `return_description`.
pub struct Returns<'a> {
    pub ty: &'a Type,
    pub ts_type: Option<&'a str>,
    pub description: Option<&'a str>,
}

impl<'a> Returns<'a> {
    pub fn of_function(f: &'a crate::descriptor::Function) -> Returns<'a> {
        Returns {
            ty: &f.ret,
            ts_type: f.ret_ts_type.as_deref(),
            description: f.ret_description.as_deref(),
        }
    }

    pub fn of_method(m: &'a crate::descriptor::Method) -> Returns<'a> {
        Returns {
            ty: &m.ret,
            ts_type: m.ret_ts_type.as_deref(),
            description: m.ret_description.as_deref(),
        }
    }
}

/// JSDoc `@param`/`@returns` tags for a signature; none under `skip_jsdoc`, where the
/// Rust doc comment carries the tags its author wrote.
pub fn jsdoc_tags(skip_jsdoc: bool, args: &[Arg], ret: Option<Returns<'_>>) -> Vec<String> {
    if skip_jsdoc {
        return Vec::new();
    }
    let described = |text: String, description: Option<&str>| match description {
        Some(d) => format!("{text} - {d}"),
        None => text,
    };
    super::ts::param_decls(args)
        .into_iter()
        .zip(args)
        .map(|(p, a)| {
            let text = if p.optional {
                format!("@param {{{}}} [{}]", p.ty, p.name)
            } else {
                format!("@param {{{}}} {}", p.ty, p.name)
            };
            described(text, a.description.as_deref())
        })
        .chain(ret.and_then(|r| {
            let ts = super::ts::return_type(r.ty, r.ts_type);
            (ts != "void" || r.description.is_some()).then(|| {
                let text = format!("@returns {{{ts}}}");
                match r.description {
                    Some(d) => format!("{text} {d}"),
                    None => text,
                }
            })
        }))
        .collect()
}

/// How the JS `this` takes part in the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum This<'a> {
    /// Free function or static method.
    None,
    /// `&self` / `&mut self`: pass the pointer, keep the object. `frame`: the export holds
    /// the receiver's borrow while code that may throw runs, so the glue releases it when the
    /// export throws (`descriptor::Method::opens_frame`).
    Borrow {
        class: &'a str,
        member: &'a str,
        frame: bool,
    },
    /// `self`: pass the pointer and empty the JS object.
    Consume { class: &'a str, member: &'a str },
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
///
/// The body runs in phases so that a call JS refuses changes nothing: every check first
/// (types, liveness, whether Rust would refuse to take an object), then the conversions
/// that allocate, then the moves that empty class objects, then the call.
pub fn render_call(
    call: &Call<'_>,
    module: &Module,
    helpers: &mut HelperSet,
    indent: &str,
) -> Result<(Vec<String>, String), String> {
    let mut params = Vec::new();
    let mut checks = Vec::new();
    let mut setup = Vec::new();
    let mut moves = Vec::new();
    let mut call_args = Vec::new();
    let mut finally = Vec::new();
    let mut moved = Vec::new();
    let mut lent = Vec::new();
    match call.this {
        This::None | This::Construct(_) => {}
        This::Borrow { class, member, .. } => {
            helpers.require("classes");
            checks.push(assert_this(class, member));
            call_args.push(class_ptr("this", class, module.in_class_chain(class)));
            lent.push("[this]".to_string());
        }
        This::Consume { class, member } => {
            helpers.require("classes");
            checks.push(assert_this(class, member));
            if module.in_class_chain(class) {
                helpers.require("inheritance");
                checks.push(format!(
                    "assertOwnClassCall(this, {}, {});",
                    class_ptr("this", class, true),
                    quote(&format!("{class}.{member}"))
                ));
            }
            checks.push("this.__assert_movable();".to_string());
            moves.push("const self = this.__destroy_into_raw();".to_string());
            call_args.push("self".to_string());
            moved.push("[this]".to_string());
        }
    }
    for (i, arg) in call.args.iter().enumerate() {
        let name = js_ident(&arg.name);
        let lowered = super::convert::lower(&arg.ty, &name, &format!("arg{i}"), module, helpers)
            .map_err(|what| format!("argument `{}`: {what}", arg.name))?;
        checks.extend(lowered.checks);
        setup.extend(lowered.setup);
        moves.extend(lowered.moves);
        call_args.extend(lowered.values);
        finally.extend(lowered.finally);
        moved.extend(lowered.moved);
        lent.extend(lowered.lent);
        params.push(name);
    }
    let moves_array = |ty: &Type| matches!(ty, Type::Vector(elem) if is_class(module, elem));
    let array_moved = call.args.iter().any(|a| match &a.ty {
        Type::Option(inner) => moves_array(inner),
        ty => moves_array(ty),
    });
    if !moved.is_empty() && (moved.len() + lent.len() > 1 || array_moved) {
        checks.extend(moved_once_check(&moved, &lent));
    }
    // Calls that borrow class objects release those borrows if a JS exception unwinds
    // through Rust (destructors do not run then). A `&self` / `&mut self` method's export
    // borrows its receiver first (macro: `shim::method_shim`), so its glue only has to hand
    // the object's pointer to Rust when the export throws: nothing is read before the call.
    // A plain field accessor holds no borrow while anything can throw, so its glue has no
    // `try` at all. Calls lending class objects as arguments read the borrow log's depth
    // first and release down to it.
    let lends_class = call.args.iter().any(|a| {
        let lent = |ty: &Type| match ty {
            Type::Ref(inner) | Type::RefMut(inner) => is_class(module, inner),
            _ => false,
        };
        match &a.ty {
            Type::Option(inner) => lent(inner),
            ty => lent(ty),
        }
    });
    // The receiver's borrow is released by the glue (`__wbindgen_unwind_receiver`) when the
    // export throws; only the export call is inside that `try`, so an exception from
    // converting the result (the borrow already released) cannot release it twice.
    let method_frame = matches!(call.this, This::Borrow { frame: true, .. });
    // The pointer the call passes for `this` (a chained class passes its own field).
    let receiver_ptr = if method_frame {
        call_args[0].clone()
    } else {
        String::new()
    };
    // A method's receiver is not in the borrow log, so its unwind releases only the
    // receiver; but with `extends`, Rust code in a method body can hold logged borrows
    // (`Parent::borrow`), so in a module with parent links a method also reads the log's
    // depth and releases what its body left above it.
    let parent_borrows = matches!(call.this, This::Borrow { frame: true, .. })
        && module.structs.iter().any(|s| s.parent.is_some());
    let borrows_class = lends_class || parent_borrows;
    if borrows_class {
        helpers.require("borrowLog");
        moves.push("const depth = borrowDepth();".to_string());
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
            "{}({})",
            member_access("wasm", call.export),
            call_args.join(", ")
        ),
    };
    let inner = match call.this {
        This::Construct(class) if module.in_class_chain(class) => {
            helpers.require("classes");
            format!("const ret = {wasm_call};\n{class}.__attach(this, ret);\nreturn this;\n")
        }
        This::Construct(class) => {
            helpers.require("classes");
            format!(
                "const ret = {wasm_call};\nthis.__wbg_ptr = ret >>> 0;\n{class}Finalization.register(this, this.__wbg_ptr, this);\nreturn this;\n"
            )
        }
        _ if *call.ret == Type::Unit && method_frame => format!(
            "try {{\n    {wasm_call};\n}} catch (e) {{\n    {unwind}({receiver_ptr});\n    throw e;\n}}\n",
            unwind = member_access("wasm", "__wbindgen_unwind_receiver")
        ),
        _ if *call.ret == Type::Unit => format!("{wasm_call};\n"),
        _ => {
            let results =
                crate::abi::result(call.ret).map_err(|e| format!("return type: {}", e.0))?;
            let reads = super::convert::ret_area_reads(&results, helpers);
            let value = super::convert::lift(call.ret, &reads, module, helpers)
                .map_err(|w| format!("return type: {w}"))?;
            if method_frame {
                // Only the export is inside `try`: once it returned, the receiver is
                // released, and an exception from converting the result must not release it
                // again.
                format!(
                    "let ret;\ntry {{\n    ret = {wasm_call};\n}} catch (e) {{\n    {unwind}({receiver_ptr});\n    throw e;\n}}\nreturn {value};\n",
                    unwind = member_access("wasm", "__wbindgen_unwind_receiver")
                )
            } else {
                format!("const ret = {wasm_call};\nreturn {value};\n")
            }
        }
    };
    let mut body = String::new();
    for s in checks.iter().chain(&setup).chain(&moves) {
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

/// The receiver check: `this` is a live object of `class` (not another class's object, whose
/// pointer Rust must never take as this class's). Inline, a type check and a compare; only
/// when it fails does `__assert_this` work out which error to throw.
fn assert_this(class: &str, member: &str) -> String {
    format!(
        "if (!(this instanceof {class}) || this.__wbg_ptr === 0) {class}.__assert_this(this, {});",
        quote(member)
    )
}

/// Rust refuses to take an object the same call also lends or takes (`c.absorb(c)`, an
/// array holding one object twice), but only after the JS side emptied it; so JS refuses
/// first. `moved` and `lent` are JS expressions giving arrays of class objects.
fn moved_once_check(moved: &[String], lent: &[String]) -> Vec<String> {
    // `[x]` joins as `x`, anything else is spread.
    let spread = |list: &[String]| {
        list.iter()
            .map(
                |l| match l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    Some(one) => one.to_string(),
                    None => format!("...{l}"),
                },
            )
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        format!("const seen = new Set([{}]);", spread(lent)),
        format!("for (const moving of [{}]) {{", spread(moved)),
        format!(
            "    if (seen.has(moving)) throw new Error({});",
            "`cannot move a \\`${moving.constructor.name}\\` object into Rust: the same call also uses it (as \\`this\\` or another argument)`"
        ),
        "    seen.add(moving);".to_string(),
        "}".to_string(),
    ]
}

/// `{ Red: 0, "0": "Red", ... }` for numeric enums (TS-style reverse mapping included).
/// Variants with doc comments keep them, one variant per line (as wasm-bindgen writes them).
pub fn enum_object(variants: &[crate::descriptor::Variant]) -> String {
    let documented = variants.iter().any(|v| !v.docs.is_empty());
    let mut entries = Vec::new();
    for v in variants {
        if let EnumValue::Number(n) = v.value {
            let pair = format!("{}: {n}, \"{n}\": {}", object_key(&v.name), quote(&v.name));
            if documented {
                entries.push(format!(
                    "{}    {pair},\n",
                    doc_comment(&v.docs, &[], "    ")
                ));
            } else {
                entries.push(pair);
            }
        }
    }
    if documented {
        format!("{{\n{}}}", entries.concat())
    } else {
        format!("{{ {} }}", entries.join(", "))
    }
}
