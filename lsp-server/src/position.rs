//! The one place where positions change units: LSP positions (0-based lines, columns in
//! UTF-16 code units or, when negotiated, UTF-8 bytes) to rope char indices and to
//! wbg-ide's `Pos` (1-based lines, columns in chars), and back.
//!
//! The rope breaks lines at `\n` only, as proc_macro2 does, so line numbers agree with the
//! spans core-gen reports (a `\r` before the `\n` is part of the line's text).

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};
use wbg_ide as ide;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion needed), else the default UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// Char index of the start of `line` and of its end (before the `\n`), clamped to the text.
fn line_bounds(rope: &Rope, line: usize) -> (usize, usize) {
    if line >= rope.len_lines() {
        return (rope.len_chars(), rope.len_chars());
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
    }
    (start, start + len)
}

/// Char index of an LSP position; columns past the end of a line clamp to its end.
pub fn to_char(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let (start, end) = line_bounds(rope, pos.line as usize);
    let col = pos.character as usize;
    let at = match enc {
        Encoding::Utf16 => {
            let cu = rope.char_to_utf16_cu(start) + col;
            rope.utf16_cu_to_char(cu.min(rope.char_to_utf16_cu(end)))
        }
        Encoding::Utf8 => {
            let byte = rope.char_to_byte(start) + col;
            rope.byte_to_char(byte.min(rope.char_to_byte(end)))
        }
    };
    at.clamp(start, end)
}

pub fn from_char(rope: &Rope, idx: usize, enc: Encoding) -> Position {
    let idx = idx.min(rope.len_chars());
    let line = rope.char_to_line(idx);
    let start = rope.line_to_char(line);
    let character = match enc {
        Encoding::Utf16 => rope.char_to_utf16_cu(idx) - rope.char_to_utf16_cu(start),
        Encoding::Utf8 => rope.char_to_byte(idx) - rope.char_to_byte(start),
    };
    Position::new(line as u32, character as u32)
}

pub fn to_ide(rope: &Rope, pos: Position, enc: Encoding) -> ide::Pos {
    let idx = to_char(rope, pos, enc);
    let line = rope.char_to_line(idx);
    ide::Pos {
        line: line + 1,
        column: idx - rope.line_to_char(line),
    }
}

pub fn from_ide(rope: &Rope, pos: ide::Pos, enc: Encoding) -> Position {
    let (start, end) = line_bounds(rope, pos.line.saturating_sub(1));
    from_char(rope, (start + pos.column).min(end), enc)
}

pub fn range_from_ide(rope: &Rope, range: ide::Range, enc: Encoding) -> Range {
    Range::new(
        from_ide(rope, range.start, enc),
        from_ide(rope, range.end, enc),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "fn a() {}\r\n// é😀x\nlast";

    #[test]
    fn utf16_counts_surrogate_pairs_and_utf8_counts_bytes() {
        let rope = Rope::from_str(TEXT);
        // `x` on line 1: chars before it: `// é😀` = 5 chars, 6 UTF-16 units, 9 bytes.
        let x = TEXT.chars().position(|c| c == 'x').unwrap();
        assert_eq!(from_char(&rope, x, Encoding::Utf16), Position::new(1, 6));
        assert_eq!(from_char(&rope, x, Encoding::Utf8), Position::new(1, 9));
        assert_eq!(to_char(&rope, Position::new(1, 6), Encoding::Utf16), x);
        assert_eq!(to_char(&rope, Position::new(1, 9), Encoding::Utf8), x);
        assert_eq!(
            to_ide(&rope, Position::new(1, 6), Encoding::Utf16),
            ide::Pos { line: 2, column: 5 }
        );
        assert_eq!(
            from_ide(&rope, ide::Pos { line: 2, column: 5 }, Encoding::Utf16),
            Position::new(1, 6)
        );
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let rope = Rope::from_str(TEXT);
        // Past the end of line 0 stops before `\r\n`'s `\n` (the `\r` is line text).
        assert_eq!(to_char(&rope, Position::new(0, 99), Encoding::Utf16), 10);
        assert_eq!(
            to_char(&rope, Position::new(9, 0), Encoding::Utf16),
            rope.len_chars()
        );
        assert_eq!(
            from_ide(
                &rope,
                ide::Pos {
                    line: 3,
                    column: 99
                },
                Encoding::Utf8
            ),
            Position::new(2, 4)
        );
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
