//! wbg-ide: editor features over core-gen's syntax model — diagnostics, hover, completion —
//! as plain data with line/column positions. The language server only converts positions
//! and protocol types; what is shown is decided here, from core-gen's parser and `.d.ts`
//! renderer. A crate of its own so the proc macro never compiles it.
//!
//! Results hold no `proc_macro2::Span`, so a caller may free proc_macro2's per-thread span
//! table (`proc_macro2::extra::invalidate_current_thread_spans`) after each call.

mod attr_context;
mod complete;
mod hover;
pub mod types;

pub use complete::{complete, Completion};
pub use hover::{hover, hover_with, CrateTypes, Hover};

use proc_macro2::Span;

/// A position as proc_macro2 counts it: `line` from 1, `column` from 0 in `char`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: Pos,
    pub end: Pos,
}

impl Range {
    pub fn of(span: Span) -> Range {
        let (s, e) = (span.start(), span.end());
        Range {
            start: Pos {
                line: s.line,
                column: s.column,
            },
            end: Pos {
                line: e.line,
                column: e.column,
            },
        }
    }

    /// Whether `pos` is inside, ends included (a cursor right after a name is on it).
    pub fn contains(&self, pos: Pos) -> bool {
        self.start <= pos && pos <= self.end
    }
}

/// A `Diagnostic` with its span resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdeDiagnostic {
    pub code: &'static str,
    /// An error fails the build; a warning is something wasm-bindgen only lints.
    pub is_error: bool,
    pub message: String,
    pub range: Range,
    /// Every fix the rule offers, preferred first.
    pub fixes: Vec<IdeFix>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdeFix {
    pub title: String,
    pub edits: Vec<(Range, String)>,
}

/// Every diagnostic of a source file: exactly what the macro would report, same text and
/// same place.
pub fn diagnostics(src: &str) -> Vec<IdeDiagnostic> {
    let (_, diags) = wbg_core_gen::parse_file(src);
    diags
        .iter()
        .map(|d| IdeDiagnostic {
            code: d.code,
            is_error: d.is_error(),
            message: d.message.clone(),
            range: Range::of(d.span),
            fixes: d
                .fixes()
                .map(|f| IdeFix {
                    title: f.title.clone(),
                    edits: f
                        .edits
                        .iter()
                        .map(|(span, text)| (Range::of(*span), text.clone()))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// Byte offset of `pos` in `src` (clamped to the line's end and the text's end).
pub(crate) fn offset_of(src: &str, pos: Pos) -> usize {
    let mut offset = 0;
    for (i, line) in src.split_inclusive('\n').enumerate() {
        if i + 1 == pos.line {
            let body = line.strip_suffix('\n').unwrap_or(line);
            return offset
                + body
                    .char_indices()
                    .nth(pos.column)
                    .map_or(body.len(), |(b, _)| b);
        }
        offset += line.len();
    }
    src.len()
}

/// The position of a byte offset (which must be on a char boundary).
pub(crate) fn pos_of(src: &str, offset: usize) -> Pos {
    let before = &src[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count(),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! `$0` marks the cursor in test sources.

    use super::{pos_of, Pos};

    pub fn cursor(src_with_cursor: &str) -> (String, Pos) {
        let at = src_with_cursor
            .find("$0")
            .expect("test source has a $0 cursor");
        let src = src_with_cursor.replacen("$0", "", 1);
        let pos = pos_of(&src, at);
        (src, pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_round_trip_over_non_ascii() {
        let src = "a\nhé llo\n\nend";
        for (offset, _) in src.char_indices() {
            assert_eq!(offset_of(src, pos_of(src, offset)), offset);
        }
        assert_eq!(pos_of(src, 5), Pos { line: 2, column: 2 });
    }

    #[test]
    fn diagnostics_carry_ranges_and_fixes() {
        let d = diagnostics("#[wasm_bindgen(js_nme = \"x\")]\npub fn f() {}\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "unknown-option");
        let at = |line, column| Pos { line, column };
        assert_eq!(
            d[0].range,
            Range {
                start: at(1, 15),
                end: at(1, 21)
            }
        );
        assert_eq!(d[0].fixes[0].title, "Replace with `js_name`");
        assert_eq!(
            d[0].fixes[0].edits,
            vec![(d[0].range, "js_name".to_string())]
        );
    }
}
