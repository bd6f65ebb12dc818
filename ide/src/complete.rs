//! Completion of option names inside `#[wasm_bindgen(...)]`, from the one option table.

use super::{attr_context, offset_of, pos_of, Pos, Range};
use wbg_core_gen::syntax::attrs::{ValueShape, OPTIONS};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: &'static str,
    /// Where the option may be written, e.g. `applies to: an exported function`.
    pub detail: String,
    pub doc: &'static str,
    /// What to insert: the name, plus ` = ` for options that take a value.
    pub insert: String,
    /// The partial word the insertion replaces.
    pub replace: Range,
}

/// Every option, when the cursor is at an option name; nothing elsewhere.
pub fn complete(src: &str, pos: Pos) -> Vec<Completion> {
    let offset = offset_of(src, pos);
    let Some(word) = attr_context::at(src, offset) else {
        return Vec::new();
    };
    if !word.name_position {
        return Vec::new();
    }
    let replace = Range {
        start: pos_of(src, word.start),
        end: pos_of(src, word.end),
    };
    OPTIONS
        .iter()
        .map(|o| Completion {
            label: o.name,
            detail: applies_to(o.places),
            doc: o.doc,
            insert: match o.shape {
                ValueShape::Flag | ValueShape::FlagOrName => o.name.to_string(),
                _ => format!("{} = ", o.name),
            },
            replace,
        })
        .collect()
}

pub(crate) fn applies_to(places: &[wbg_core_gen::syntax::Place]) -> String {
    let places: Vec<&str> = places.iter().map(|p| p.describe()).collect();
    format!("applies to: {}", places.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::cursor;

    fn check_completion(src_with_cursor: &str, expected_word: &str, must_include: &[&str]) {
        let (src, pos) = cursor(src_with_cursor);
        let items = complete(&src, pos);
        let labels: Vec<&str> = items.iter().map(|c| c.label).collect();
        for name in must_include {
            assert!(labels.contains(name), "{name} missing from {labels:?}");
        }
        if let Some(first) = items.first() {
            let (s, e) = (
                offset_of(&src, first.replace.start),
                offset_of(&src, first.replace.end),
            );
            assert_eq!(&src[s..e], expected_word);
        }
    }

    #[test]
    fn option_names_complete_with_docs() {
        check_completion(
            "#[wasm_bindgen(js_na$0)]\npub fn f() {}",
            "js_na",
            &["js_name", "catch", "structural"],
        );
        let (src, pos) = cursor("#[wasm_bindgen(js_name = x, $0\npub fn f() {}");
        let items = complete(&src, pos);
        let js_name = items.iter().find(|c| c.label == "js_name").unwrap();
        assert_eq!(js_name.insert, "js_name = ");
        assert!(js_name.doc.contains("name JavaScript sees"));
        assert!(js_name
            .detail
            .starts_with("applies to: an exported function"));
        let start = items.iter().find(|c| c.label == "start").unwrap();
        assert_eq!(start.insert, "start");
    }

    #[test]
    fn nothing_outside_option_names() {
        for src in [
            "#[wasm_bindgen(js_name = fo$0)]",
            "#[derive($0)]",
            "fn f() { g($0) }",
        ] {
            let (src, pos) = cursor(src);
            assert!(complete(&src, pos).is_empty(), "{src}");
        }
    }
}
