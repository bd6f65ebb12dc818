//! Where a cursor is inside `#[wasm_bindgen(...)]`, found on the text rather than the
//! syntax tree: completion happens while the code does not parse yet.

/// The identifier under (or just before) the cursor inside a `#[wasm_bindgen(...)]`
/// option list, as byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttrWord {
    pub start: usize,
    pub end: usize,
    /// At the place of an option name (after `(` or `,`), not inside a value.
    pub name_position: bool,
}

/// How far back to look for the attribute's `(`; attributes are short.
const MAX_SCAN: usize = 4096;

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

pub(crate) fn word_at(src: &str, offset: usize) -> AttrWordBounds {
    let bytes = src.as_bytes();
    let mut start = offset.min(bytes.len());
    while start > 0 && is_word(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = offset.min(bytes.len());
    while end < bytes.len() && is_word(bytes[end]) {
        end += 1;
    }
    AttrWordBounds { start, end }
}

pub(crate) struct AttrWordBounds {
    pub start: usize,
    pub end: usize,
}

/// The option-list context at `offset`, if the cursor is inside `#[wasm_bindgen(...)]`.
pub(crate) fn at(src: &str, offset: usize) -> Option<AttrWord> {
    let AttrWordBounds { start, end } = word_at(src, offset);
    let bytes = src.as_bytes();
    let floor = start.saturating_sub(MAX_SCAN);
    let mut depth = 0usize;
    // The first significant byte before the word, at the list's own level.
    let mut before: Option<u8> = None;
    let mut i = start;
    while i > floor {
        i -= 1;
        let b = bytes[i];
        if depth == 0 && before.is_none() && !b.is_ascii_whitespace() {
            before = Some(b);
        }
        match b {
            // Skip a string value backwards so brackets inside it do not count.
            b'"' => i = floor + src[floor..i].rfind('"')?,
            b')' | b']' => depth += 1,
            b'(' | b'[' if depth > 0 => depth -= 1,
            b'(' => {
                let name_position = matches!(before, Some(b'(' | b','));
                return is_wasm_bindgen_call(&src[..i]).then_some(AttrWord {
                    start,
                    end,
                    name_position,
                });
            }
            // An unmatched `[` is a list value or the attribute itself: not an option name.
            b'[' | b';' | b'{' | b'}' => return None,
            _ => {}
        }
    }
    None
}

/// Whether `text` ends with `#[wasm_bindgen` or `#[some::path::wasm_bindgen`.
fn is_wasm_bindgen_call(text: &str) -> bool {
    let text = text.trim_end();
    let Some(rest) = text.strip_suffix("wasm_bindgen") else {
        return false;
    };
    let mut rest = rest.trim_end();
    while let Some(r) = rest.strip_suffix("::") {
        let r = r.trim_end();
        rest = r.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
        rest = rest.trim_end();
    }
    rest.ends_with("#[")
        || rest
            .strip_suffix('[')
            .is_some_and(|r| r.trim_end().ends_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src_with_cursor: &str, expected: Option<(&str, bool)>) {
        let offset = src_with_cursor.find("$0").unwrap();
        let src = src_with_cursor.replacen("$0", "", 1);
        let got = at(&src, offset).map(|w| (&src[w.start..w.end], w.name_position));
        assert_eq!(got, expected, "{src_with_cursor}");
    }

    #[test]
    fn finds_option_names_and_values() {
        check("#[wasm_bindgen($0)]", Some(("", true)));
        check("#[wasm_bindgen(js_na$0)]", Some(("js_na", true)));
        check("#[wasm_bindgen(st$0ructural)]", Some(("structural", true)));
        check("#[wasm_bindgen(js_name = foo, cat$0", Some(("cat", true)));
        check("#[wasm_bindgen(js_name = fo$0o)]", Some(("foo", false)));
        check("#[wasm_bindgen(module = \"./a(b\", $0)]", Some(("", true)));
        check("#[wasm_bindgen(js_namespace = [\"a\", $0])]", None);
        check(
            "# [ wasm_bindgen :: prelude :: wasm_bindgen ( $0 ) ]",
            Some(("", true)),
        );
        check(
            "#[wasm_bindgen::prelude::wasm_bindgen(cat$0ch)]",
            Some(("catch", true)),
        );
        check("#[derive(Clo$0ne)]", None);
        check("fn f() { g($0) }", None);
    }
}
