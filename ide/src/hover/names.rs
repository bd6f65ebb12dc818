//! The types a whole file declares for JS, by Rust name: exported structs and enums (as
//! their JS name) and imported types. Hover parses only the item under the cursor, so a
//! signature naming `Counter` from elsewhere in the file would otherwise render as `any`
//! where the `.d.ts` says `Counter`. A line scan, not a parse: hover stays fast on large
//! files, and items that do not parse still count.
//!
//! `CrateTypes` is the same scan over the other files of the crate, which the caller (the
//! server) keeps and passes to each hover; the file's own declarations win over it.

use std::collections::HashMap;

use wbg_core_gen::descriptor::{qualified_name, Type};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Declared {
    /// An exported struct or enum: its JS name.
    Exported(String),
    /// An imported `type`: its JS class and `typescript_type`.
    Imported {
        js_class: String,
        typescript_type: Option<String>,
    },
}

#[derive(Debug, Default)]
pub(super) struct FileTypes(HashMap<String, Declared>);

/// The types the files of a crate declare for JS, by Rust name (see the module doc). A
/// name declared in several files (in different modules) keeps the first declaration.
#[derive(Debug, Default, Clone)]
pub struct CrateTypes(HashMap<String, Declared>);

impl CrateTypes {
    pub fn scan<'a>(sources: impl IntoIterator<Item = &'a str>) -> CrateTypes {
        let mut out = HashMap::new();
        for src in sources {
            for (name, declared) in FileTypes::scan(src).0 {
                out.entry(name).or_insert(declared);
            }
        }
        CrateTypes(out)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FileTypes {
    /// The file's declarations, then the crate's for the names the file does not declare.
    pub(super) fn scan_in(src: &str, krate: &CrateTypes) -> FileTypes {
        let mut out = FileTypes::scan(src).0;
        for (name, declared) in &krate.0 {
            if !out.contains_key(name) {
                out.insert(name.clone(), declared.clone());
            }
        }
        FileTypes(out)
    }

    pub(super) fn scan(src: &str) -> FileTypes {
        let mut out = HashMap::new();
        let mut attrs = String::new();
        let mut attr_depth = 0i32;
        // Brace depth at which the current `#[wasm_bindgen] extern` block closes.
        let mut extern_until: Option<i32> = None;
        let mut depth = 0i32;
        for line in src.lines() {
            let mut t = line.trim();
            // Attributes, possibly several on a line, possibly over several lines, possibly
            // followed by the item on the same line.
            while attr_depth > 0 || t.starts_with("#[") {
                let end = attribute_end(t, &mut attr_depth);
                attrs.push_str(&t[..end]);
                attrs.push(' ');
                t = t[end..].trim_start();
                if attr_depth > 0 || t.is_empty() {
                    break;
                }
            }
            if t.starts_with("//") || t.is_empty() {
                continue;
            }
            let exported = attrs.contains("wasm_bindgen");
            let decl = strip_visibility(t);
            if exported {
                for keyword in ["struct ", "enum "] {
                    if let Some(name) = decl.strip_prefix(keyword).map(ident) {
                        let js = option_value(&attrs, "js_name").unwrap_or(name);
                        let js = qualified_name(&namespace_value(&attrs), js);
                        out.insert(name.to_string(), Declared::Exported(js));
                    }
                }
                if decl.starts_with("extern") {
                    extern_until = Some(depth);
                }
            }
            if let (Some(_), Some(rest)) = (extern_until, decl.strip_prefix("type ")) {
                let name = ident(rest);
                if !name.is_empty() && !rest.contains('=') {
                    let js_class = option_value(&attrs, "js_name").unwrap_or(name);
                    out.insert(
                        name.to_string(),
                        Declared::Imported {
                            js_class: js_class.to_string(),
                            typescript_type: option_value(&attrs, "typescript_type")
                                .map(str::to_string),
                        },
                    );
                }
            }
            attrs.clear();
            depth += braces(t);
            if extern_until.is_some_and(|d| depth <= d) && t.contains('}') {
                extern_until = None;
            }
        }
        FileTypes(out)
    }

    /// The type an exported signature (the `.d.ts`) names: the class or enum, or what an
    /// imported type is exported as (`typescript_type`, else `any`).
    pub(super) fn exported(&self, rust_name: &str) -> Option<Type> {
        Some(match self.0.get(rust_name)? {
            Declared::Exported(js) => Type::Named(js.clone()),
            Declared::Imported {
                typescript_type, ..
            } => Type::ExternType(typescript_type.clone().unwrap_or_default()),
        })
    }

    /// The type an import's signature names: imported types are their JS class.
    pub(super) fn imported(&self, rust_name: &str) -> Option<Type> {
        Some(match self.0.get(rust_name)? {
            Declared::Exported(js) => Type::Named(js.clone()),
            Declared::Imported {
                js_class,
                typescript_type,
            } => Type::ExternType(typescript_type.clone().unwrap_or(js_class.clone())),
        })
    }
}

/// Where the attribute text in `line` ends: where the bracket `depth` returns to 0, or the
/// end of the line if it stays open.
fn attribute_end(line: &str, depth: &mut i32) -> usize {
    for (i, c) in line.char_indices() {
        match c {
            '[' => *depth += 1,
            ']' => {
                *depth -= 1;
                if *depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    line.len()
}

fn braces(line: &str) -> i32 {
    let code = line.split("//").next().unwrap_or_default();
    code.chars()
        .map(|c| match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        })
        .sum()
}

fn strip_visibility(line: &str) -> &str {
    let Some(rest) = line.strip_prefix("pub") else {
        return line;
    };
    let rest = rest.trim_start();
    match rest.strip_prefix('(') {
        Some(inner) => inner.split_once(')').map_or(rest, |(_, r)| r.trim_start()),
        None => rest,
    }
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let s = s.trim_start();
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The value of `name = value` or `name = "value"` in attribute text.
/// `js_namespace = a` or `js_namespace = ["a", "b"]` as a path (empty if absent).
fn namespace_value(attrs: &str) -> Vec<String> {
    let Some(at) = attrs.find("js_namespace") else {
        return Vec::new();
    };
    let rest = attrs[at + "js_namespace".len()..].trim_start();
    let Some(value) = rest.strip_prefix('=').map(str::trim_start) else {
        return Vec::new();
    };
    match value.strip_prefix('[') {
        Some(list) => list
            .split(']')
            .next()
            .unwrap_or_default()
            .split(',')
            .map(|item| item.trim().trim_matches('"').to_string())
            .filter(|item| !item.is_empty())
            .collect(),
        None => option_value(attrs, "js_namespace")
            .map(|n| vec![n.to_string()])
            .unwrap_or_default(),
    }
}

fn option_value<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            return Some(match value.strip_prefix('"') {
                Some(quoted) => quoted.split('"').next().unwrap_or_default(),
                None => ident(value),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exported_and_imported_types_of_the_whole_file() {
        let types = FileTypes::scan(
            r#"
#[wasm_bindgen(js_name = Tally)]
pub struct Counter { count: u32 }
#[wasm_bindgen] #[derive(Clone, Copy)] pub(crate) enum Level { Low, High }
#[wasm_bindgen(js_namespace = ["shapes", "3d"], js_name = "P")]
pub struct Point { x: f64 }
#[wasm_bindgen(js_namespace = calc)]
pub enum Sign { Minus }
pub struct NotExported;
#[derive(Debug)]
pub struct Unexported;
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "HTMLElement")]
    pub type Element;
    #[wasm_bindgen(
        js_name = "Map",
    )]
    type JsMap;
    type Bar;
    fn f() -> Bar;
}
trait T { type Item; }
"#,
        );
        assert_eq!(types.exported("Counter"), Some(Type::Named("Tally".into())));
        assert_eq!(types.exported("Level"), Some(Type::Named("Level".into())));
        assert_eq!(
            types.exported("Point"),
            Some(Type::Named("shapes__3d__P".into()))
        );
        assert_eq!(
            types.exported("Sign"),
            Some(Type::Named("calc__Sign".into()))
        );
        assert_eq!(types.exported("NotExported"), None);
        assert_eq!(types.exported("Unexported"), None);
        assert_eq!(types.exported("Item"), None, "a trait's associated type");
        assert_eq!(
            types.exported("Element"),
            Some(Type::ExternType("HTMLElement".into()))
        );
        assert_eq!(types.exported("Bar"), Some(Type::ExternType(String::new())));
        assert_eq!(
            types.imported("JsMap"),
            Some(Type::ExternType("Map".into()))
        );
        assert_eq!(types.imported("Bar"), Some(Type::ExternType("Bar".into())));
    }

    #[test]
    fn the_file_wins_over_the_crate() {
        let krate = CrateTypes::scan([
            "#[wasm_bindgen(js_name = Tally)]\npub struct Counter;",
            "#[wasm_bindgen]\npub struct Counter;\n#[wasm_bindgen]\npub enum Level { A }",
            "#[wasm_bindgen]\nextern \"C\" {\n    type Bar;\n}",
        ]);
        assert_eq!(krate.len(), 3);
        let types = FileTypes::scan_in("#[wasm_bindgen(js_name = Lvl)]\nenum Level { A }", &krate);
        assert_eq!(types.exported("Counter"), Some(Type::Named("Tally".into())));
        assert_eq!(types.exported("Level"), Some(Type::Named("Lvl".into())));
        assert_eq!(types.imported("Bar"), Some(Type::ExternType("Bar".into())));
        assert_eq!(types.exported("Other"), None);
    }
}
