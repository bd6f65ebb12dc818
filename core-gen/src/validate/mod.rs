//! Validation rules over the syntax model, one file per rule. Each rule's message is
//! written only in its file, so the compiler and the editor cannot disagree.

mod async_export;
mod generic_export;
mod option_place;
mod start_signature;

use crate::diagnostic::Diagnostic;
use crate::syntax::Item;

/// Every rule's findings for one item.
pub fn check(item: &Item) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match item {
        Item::Function(f) => {
            option_place::check(crate::syntax::Place::ExportFn, &f.options, &mut out);
            generic_export::check(f, &mut out);
            async_export::check(f, &mut out);
            start_signature::check(f, &mut out);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    //! `check_diagnostics(src)`: `src` carries the expected diagnostics as
    //! `//^^^ code: message` lines under the offending span.

    pub fn check_diagnostics(annotated: &str) {
        let marker =
            |l: &str| l.trim_start().starts_with("//^") || l.trim_start().starts_with("// ^");
        let src: String = annotated
            .lines()
            .filter(|l| !marker(l))
            .map(|l| format!("{l}\n"))
            .collect();
        let (_, diags) = crate::syntax::parse_file(&src);
        let mut notes: Vec<(usize, String)> = diags
            .iter()
            .map(|d| {
                let (start, end) = (d.span.start(), d.span.end());
                let width = if end.line == start.line {
                    (end.column - start.column).max(1)
                } else {
                    1
                };
                let line = format!(
                    "{}//{} {}: {}",
                    " ".repeat(start.column.saturating_sub(2)),
                    "^".repeat(width),
                    d.code,
                    d.message
                );
                (start.line, line)
            })
            .collect();
        notes.sort_by_key(|(l, _)| *l);
        let mut out = String::new();
        for (i, l) in src.lines().enumerate() {
            out.push_str(l);
            out.push('\n');
            for (_, n) in notes.iter().filter(|(line, _)| *line == i + 1) {
                out.push_str(n);
                out.push('\n');
            }
        }
        let expected: String = annotated.lines().map(|l| format!("{l}\n")).collect();
        assert_eq!(out.trim_end(), expected.trim_end(), "\n--- got ---\n{out}");
    }
}
