//! Open documents: `{ version, rope }`, changed by `apply_changes` (pure, so incremental
//! sync is tested without a client).

use ropey::Rope;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use crate::position::{to_char, Encoding};

#[derive(Debug, Clone)]
pub struct Document {
    pub version: i32,
    pub rope: Rope,
}

impl Document {
    pub fn new(version: i32, text: &str) -> Document {
        Document {
            version,
            rope: Rope::from_str(text),
        }
    }
}

/// Applies changes in order, as the protocol requires: each range refers to the text left
/// by the previous change. A change without a range replaces the whole text.
pub fn apply_changes(rope: &mut Rope, changes: &[TextDocumentContentChangeEvent], enc: Encoding) {
    for change in changes {
        match change.range {
            None => *rope = Rope::from_str(&change.text),
            Some(range) => {
                let a = to_char(rope, range.start, enc);
                let b = to_char(rope, range.end, enc);
                let (start, end) = (a.min(b), a.max(b));
                rope.remove(start..end);
                rope.insert(start, &change.text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn edit(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut rope = Rope::from_str("fn a() {}\nfn b() {}\n");
        apply_changes(
            &mut rope,
            &[
                edit(0, 3, 0, 4, "alpha"),      // fn alpha() {}
                edit(1, 0, 1, 0, "pub "),       // pub fn b() {}
                edit(0, 12, 1, 0, " // one\n"), // across the line break
            ],
            Encoding::Utf16,
        );
        assert_eq!(rope.to_string(), "fn alpha() { // one\npub fn b() {}\n");
    }

    #[test]
    fn utf16_ranges_after_astral_characters() {
        let mut rope = Rope::from_str("let s = \"😀x\";");
        // `x` is at UTF-16 column 11 (the emoji takes two units).
        apply_changes(&mut rope, &[edit(0, 11, 0, 12, "y")], Encoding::Utf16);
        assert_eq!(rope.to_string(), "let s = \"😀y\";");
        apply_changes(&mut rope, &[edit(0, 13, 0, 14, "z")], Encoding::Utf8);
        assert_eq!(rope.to_string(), "let s = \"😀z\";");
    }

    #[test]
    fn full_replacement_and_reversed_or_clamped_ranges() {
        let mut rope = Rope::from_str("old");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new text".into(),
        };
        apply_changes(
            &mut rope,
            &[full, edit(0, 8, 0, 3, ""), edit(5, 0, 5, 0, "!")],
            Encoding::Utf16,
        );
        assert_eq!(rope.to_string(), "new!");
    }
}
