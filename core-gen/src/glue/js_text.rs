//! JS text, the leaf every renderer uses: string literals, identifiers, property names and
//! access (`.x` vs `["x"]`), doc comments, and names the glue gives things. No decisions
//! about conversions live here.

use crate::descriptor::Type;

/// Names a parameter may not have besides JS's reserved words: `await` (reserved in ES
/// modules) and the names the glue itself declares.
const GLUE_NAMES: &[&str] = &[
    "await", "wasm", "heap", "self", "ret", "depth", "seen", "moving",
];

/// A Rust argument name made safe as a JS parameter name.
pub fn js_ident(name: &str) -> String {
    if crate::js_words::RESERVED_WORDS.contains(&name) || GLUE_NAMES.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

/// Whether `name` can be written as a JS identifier (ASCII only, as the glue writes it).
pub fn is_plain_ident(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// A class member's name as declared: `name` or `["odd name"]`.
pub fn member_name(name: &str) -> String {
    if is_plain_ident(name) {
        name.to_string()
    } else {
        format!("[{}]", quote(name))
    }
}

/// Reading a property: `.name` or `["odd name"]`, to follow an expression.
pub fn property_access(name: &str) -> String {
    if is_plain_ident(name) {
        format!(".{name}")
    } else {
        format!("[{}]", quote(name))
    }
}

/// `target.name`, or `target["odd name"]` when the name is not an identifier.
pub fn member_access(target: &str, name: &str) -> String {
    format!("{target}{}", property_access(name))
}

/// How JS code reaches an export: `add`, or through its `js_namespace` objects,
/// `api.add` / `shapes["3d"].Point3D`.
pub fn export_path(namespace: &[String], name: &str) -> String {
    match namespace.split_first() {
        None => name.to_string(),
        Some((root, rest)) => {
            let objects = rest
                .iter()
                .fold(root.clone(), |path, part| member_access(&path, part));
            member_access(&objects, name)
        }
    }
}

/// An object literal's key: `name` or `"odd name"`.
pub fn object_key(name: &str) -> String {
    if is_plain_ident(name) {
        name.to_string()
    } else {
        quote(name)
    }
}

/// A JS (and JSON) string literal.
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

/// The JS array of an enum's values, in the order Rust numbers string variants.
/// The pointer a JS object of `class` holds for it: `__wbg_ptr`, or, for a class in an
/// `extends` chain, its own per-class field (`__wbg_ptr_Animal` on a `Dog` is the `Animal`).
pub fn class_ptr(obj: &str, class: &str, in_chain: bool) -> String {
    if in_chain {
        format!("{obj}.__wbg_ptr_{class}")
    } else {
        format!("{obj}.__wbg_ptr")
    }
}

pub fn enum_values_name(js_name: &str) -> String {
    format!(
        "__wbg_enum_{}",
        js_name.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    )
}

/// The typed array that holds a number type, and its element size.
pub fn typed_array(ty: &Type) -> Option<&'static str> {
    Some(match ty {
        Type::I8 => "Int8Array",
        Type::U8 => "Uint8Array",
        Type::I16 => "Int16Array",
        Type::U16 => "Uint16Array",
        // isize/usize are 32 bits on wasm32.
        Type::I32 | Type::Isize => "Int32Array",
        Type::U32 | Type::Usize => "Uint32Array",
        Type::I64 => "BigInt64Array",
        Type::U64 => "BigUint64Array",
        Type::F32 => "Float32Array",
        Type::F64 => "Float64Array",
        _ => return None,
    })
}
