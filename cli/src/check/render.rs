//! The three output formats of `wbg check`: rustc-style text, JSON lines and GitHub
//! Actions annotations.

use std::io::IsTerminal;

use serde_json::json;

use super::{Finding, Format, Pos};
use crate::ui::{color_allowed, Stdout, StdoutError};

pub fn print(findings: &[Finding], format: Format, out: &mut Stdout) -> Result<(), StdoutError> {
    let color = color_allowed(std::io::stdout().is_terminal());
    for f in findings {
        let text = match format {
            Format::Human => human(f, color),
            Format::Json => format!("{}\n", json_line(f)),
            Format::Github => format!("{}\n", github(f)),
        };
        out.write(&text)?;
    }
    Ok(())
}

/// ```text
/// error: unknown `#[wasm_bindgen]` option `js_nme`; did you mean `js_name`?
///  --> src/lib.rs:3:16
///   |
/// 3 | #[wasm_bindgen(js_nme = "x")]
///   |                ^^^^^^
///   |
///   = help: replace with `js_name`
/// ```
///
/// A warning starts with `warning:` and is underlined in yellow.
pub fn human(f: &Finding, color: bool) -> String {
    let paint = |style: &str, text: &str| {
        if color {
            format!("\x1b[{style}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let line_no = f.start.line.to_string();
    let pad = " ".repeat(line_no.len());
    let bar = paint("1;34", "|");
    // Tabs stay tabs under the caret so it lines up whatever the tab width.
    let lead: String = f
        .source_line
        .chars()
        .take(f.start.column - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let line_chars = f.source_line.chars().count();
    let end_column = if f.end.line == f.start.line {
        f.end.column
    } else {
        line_chars + 1
    };
    let width = end_column.saturating_sub(f.start.column).max(1);
    let (label, style) = if f.is_error {
        ("error", "1;31")
    } else {
        ("warning", "1;33")
    };
    let mut out = format!(
        "{}: {}\n{pad}{} {}:{}:{}\n{pad} {bar}\n{} {bar} {}\n{pad} {bar} {lead}{}\n",
        paint(style, label),
        paint("1", &f.message),
        paint("1;34", "-->"),
        f.file,
        f.start.line,
        f.start.column,
        paint("1;34", &line_no),
        f.source_line,
        paint(style, &"^".repeat(width)),
    );
    if let Some(fix) = &f.fix {
        out.push_str(&format!(
            "{pad} {bar}\n{pad} {} help: {}\n",
            paint("1;34", "="),
            fix.title
        ));
    }
    out.push('\n');
    out
}

fn position(p: Pos) -> serde_json::Value {
    json!({ "line": p.line, "column": p.column })
}

/// `{"code":..,"end":{..},"file":..,"fix":..,"message":..,"severity":"error","start":{..}}`
pub fn json_line(f: &Finding) -> String {
    let fix = f.fix.as_ref().map(|fix| {
        json!({
            "title": fix.title,
            "edits": fix.edits.iter().map(|(start, end, text)| json!({
                "start": position(*start),
                "end": position(*end),
                "text": text,
            })).collect::<Vec<_>>(),
        })
    });
    json!({
        "file": f.file,
        "start": position(f.start),
        "end": position(f.end),
        "severity": if f.is_error { "error" } else { "warning" },
        "code": f.code,
        "message": f.message,
        "fix": fix,
    })
    .to_string()
}

/// `::error file=src/lib.rs,line=3,col=16,endLine=3,endColumn=22,title=wbg unknown-option::...`
/// (`::warning ...` for a warning).
pub fn github(f: &Finding) -> String {
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        if f.is_error { "error" } else { "warning" },
        escape_property(&f.file),
        f.start.line,
        f.start.column,
        f.end.line,
        f.end.column,
        escape_property(&format!("wbg {}", f.code)),
        escape_data(&f.message),
    )
}

/// GitHub's workflow-command escaping for the message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// ... and for property values, which also end at `,` and `:`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::FixOut;

    fn finding(source_line: &str, start: (usize, usize), end: (usize, usize)) -> Finding {
        Finding {
            file: "src/lib.rs".into(),
            start: Pos {
                line: start.0,
                column: start.1,
            },
            end: Pos {
                line: end.0,
                column: end.1,
            },
            code: "unknown-option",
            is_error: true,
            message: "100% wrong, really: a\nb".into(),
            source_line: source_line.into(),
            fix: None,
        }
    }

    #[test]
    fn caret_under_the_span_with_tabs_kept() {
        let f = finding("\t#[wasm_bindgen(js_nme)]", (12, 17), (12, 23));
        assert_eq!(
            human(&f, false),
            "error: 100% wrong, really: a\nb\n  --> src/lib.rs:12:17\n   |\n12 | \t#[wasm_bindgen(js_nme)]\n   | \t               ^^^^^^\n\n"
        );
    }

    #[test]
    fn multi_line_span_underlines_to_the_end_of_its_first_line() {
        let mut f = finding("pub fn f<T>(", (1, 9), (3, 2));
        f.fix = Some(FixOut {
            title: "remove it".into(),
            edits: vec![],
        });
        assert_eq!(
            human(&f, false),
            "error: 100% wrong, really: a\nb\n --> src/lib.rs:1:9\n  |\n1 | pub fn f<T>(\n  |         ^^^^\n  |\n  = help: remove it\n\n"
        );
    }

    #[test]
    fn github_escapes() {
        let mut f = finding("x", (1, 1), (1, 2));
        f.file = "src/a,b:c.rs".into();
        assert_eq!(
            github(&f),
            "::error file=src/a%2Cb%3Ac.rs,line=1,col=1,endLine=1,endColumn=2,title=wbg unknown-option::100%25 wrong, really: a%0Ab"
        );
    }
}
