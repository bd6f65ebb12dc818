//! `wbg check` on fixture crates. The expected diagnostics live in the fixture sources as
//! `//^^^ code: message` lines under the offending span (and `//= help: title` for a
//! fix), so each output format is asserted exactly and a new rule's case is one fixture
//! item plus its annotation.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use support::*;

/// One expected diagnostic, read from an annotation.
#[derive(Debug)]
struct Expected {
    file: String,
    line: usize,
    column: usize,
    width: usize,
    code: String,
    /// `code (warning): message` in the annotation.
    warning: bool,
    message: String,
    help: Option<String>,
    source_line: String,
}

/// Annotations of every `.rs` file under `crate_dir/src`, in `wbg check`'s order (files by
/// path, then by position); `shown` is how the crate directory appears in the output.
fn expected(crate_dir: &Path, shown: &str) -> Vec<Expected> {
    expected_in(crate_dir, shown, &["src"])
}

/// Like `expected`, for the `.rs` files under each of `dirs` of the crate.
fn expected_in(crate_dir: &Path, shown: &str, dirs: &[&str]) -> Vec<Expected> {
    let mut files = Vec::new();
    for dir in dirs {
        collect(&crate_dir.join(dir), Path::new(dir), &mut files);
    }
    files.sort();
    let mut out = Vec::new();
    for rel in files {
        let text = std::fs::read_to_string(crate_dir.join(&rel)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut target = 0;
        for (i, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            if let Some(help) = trimmed.strip_prefix("//= help: ") {
                let last: &mut Expected = out.last_mut().expect("help follows an annotation");
                last.help = Some(help.to_string());
            } else if trimmed.starts_with("//^") {
                let column = line.chars().position(|c| c == '^').unwrap() + 1;
                let rest = &line[line.find('^').unwrap()..];
                let width = rest.chars().take_while(|&c| c == '^').count();
                let (code, message) = rest[width..].trim().split_once(": ").unwrap();
                let (code, warning) = match code.strip_suffix(" (warning)") {
                    Some(code) => (code, true),
                    None => (code, false),
                };
                out.push(Expected {
                    file: format!("{shown}/{}", rel.display()),
                    line: target + 1,
                    column,
                    width,
                    code: code.to_string(),
                    warning,
                    message: message.to_string(),
                    help: None,
                    source_line: lines[target].to_string(),
                });
            } else {
                target = i;
            }
        }
    }
    out.sort_by_key(|e| (e.file.clone(), e.line, e.column));
    out
}

fn collect(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if entry.file_type().unwrap().is_dir() {
            collect(&entry.path(), &rel.join(&name), out);
        } else if name.to_string_lossy().ends_with(".rs") {
            out.push(rel.join(&name));
        }
    }
}

fn human(e: &Expected) -> String {
    let n = e.line.to_string();
    let pad = " ".repeat(n.len());
    let mut s = format!(
        "{}: {}\n{pad}--> {}:{}:{}\n{pad} |\n{n} | {}\n{pad} | {}{}\n",
        severity(e),
        e.message,
        e.file,
        e.line,
        e.column,
        e.source_line,
        " ".repeat(e.column - 1),
        "^".repeat(e.width)
    );
    if let Some(help) = &e.help {
        s.push_str(&format!("{pad} |\n{pad} = help: {help}\n"));
    }
    s + "\n"
}

fn severity(e: &Expected) -> &'static str {
    if e.warning {
        "warning"
    } else {
        "error"
    }
}

fn github(e: &Expected) -> String {
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title=wbg {}::{}\n",
        severity(e),
        e.file,
        e.line,
        e.column,
        e.line,
        e.column + e.width,
        e.code,
        e.message
    )
}

fn check(args: &[&str]) -> std::process::Output {
    run(wbg().arg("check").args(args).current_dir(fixtures()))
}

#[test]
fn the_fixture_covers_every_rule_wbg_check_reports() {
    let all = expected(&fixture("attr-errors"), "attr-errors");
    let codes: Vec<&str> = all.iter().map(|e| e.code.as_str()).collect();
    for code in [
        "unknown-option",
        "option-not-here",
        "generic-export",
        "start-signature",
        // The seed's two mistakes.
        "setter-prefix",
        "catch-needs-result",
    ] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    assert_eq!(
        all.iter()
            .filter(|e| e.code == "setter-prefix")
            .map(|e| e.source_line.trim())
            .collect::<Vec<_>>(),
        [
            "pub fn property(&mut self, value: u32) {",
            "fn property(this: &Bar, v: u32);"
        ],
        "the setter mistake in export and in import form"
    );
    assert!(all.iter().any(|e| e.help.is_some()), "a fix with its help");
    assert!(
        all.iter().any(|e| e.file.ends_with("nested/mod.rs")),
        "module files"
    );
}

#[test]
fn human_format() {
    let out = check(&["attr-errors"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let want: String = expected(&fixture("attr-errors"), "attr-errors")
        .iter()
        .map(human)
        .collect();
    assert_eq!(stdout(&out), want);
    let all = expected(&fixture("attr-errors"), "attr-errors");
    let warnings = all.iter().filter(|e| e.warning).count();
    assert_eq!(warnings, 1, "the fixture's one warning");
    let errors = all.len() - warnings;
    assert_eq!(
        last_line(&out),
        format!("error: {errors} problems (and 1 warning) in 2 of 3 files checked")
    );
}

#[test]
fn json_format() {
    let out = check(&["attr-errors", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let got: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let want = expected(&fixture("attr-errors"), "attr-errors");
    assert_eq!(got.len(), want.len(), "{}", stdout(&out));
    for (g, e) in got.iter().zip(&want) {
        let start = json!({ "line": e.line, "column": e.column });
        let end = json!({ "line": e.line, "column": e.column + e.width });
        let fix = e.help.as_ref().map(|title| {
            // The fix replaces the span with the name the help suggests, or ("Remove …")
            // deletes it.
            let text = if title.starts_with("Remove ") {
                ""
            } else {
                title.split('`').nth(1).unwrap()
            };
            json!({ "title": title, "edits": [{ "start": start, "end": end, "text": text }] })
        });
        let want = json!({
            "file": e.file, "start": start, "end": end, "severity": severity(e),
            "code": e.code, "message": e.message, "fix": fix,
        });
        assert_eq!(g, &want);
    }
}

#[test]
fn github_format() {
    let out = check(&["attr-errors", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let want: String = expected(&fixture("attr-errors"), "attr-errors")
        .iter()
        .map(github)
        .collect();
    assert_eq!(stdout(&out), want);
}

/// The crate directory may be `.`, the crate's Cargo.toml, or one file.
#[test]
fn paths() {
    let dir = fixture("attr-errors");
    let here = run(wbg()
        .args(["check", "--format", "github"])
        .current_dir(&dir));
    assert_eq!(
        stdout(&here),
        expected(&dir, "")
            .iter()
            .map(github)
            .collect::<String>()
            .replace("file=/", "file=")
    );
    let manifest = check(&["attr-errors/Cargo.toml", "--format", "github"]);
    assert_eq!(
        stdout(&manifest),
        stdout(&check(&["attr-errors", "--format", "github"]))
    );
    let one = check(&[
        "attr-errors/src/nested/mod.rs",
        "--format",
        "github",
        "--quiet",
    ]);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(stdout(&one).lines().count(), 2, "{}", stdout(&one));
    assert!(stdout(&one).starts_with("::error file=attr-errors/src/nested/mod.rs,line=6,"));
}

/// Targets outside `src/` (`[lib]`, `[[bin]]`, `[[example]]` paths, the conventional
/// `tests/`): those files and the modules beside them are checked too (no `src/` at all).
#[test]
fn lib_and_bin_paths_from_the_manifest() {
    let want = expected_in(
        &fixture("lib-path"),
        "lib-path",
        &["demos", "lib", "tests", "tools"],
    );
    let files: Vec<&str> = want.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "lib-path/demos/hello.rs",
            "lib-path/lib/main.rs",
            "lib-path/lib/util.rs",
            "lib-path/tests/web.rs",
            "lib-path/tools/cli.rs"
        ]
    );
    let out = check(&["lib-path", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), want.iter().map(github).collect::<String>());
    assert_eq!(last_line(&out), "error: 5 problems in 5 of 5 files checked");
}

/// `[lib] path = "lib.rs"` beside Cargo.toml: that file is checked, and the rest of the
/// crate's directory (target/ and the like) is not walked.
#[test]
fn lib_beside_the_manifest() {
    let dir = scratch("check-lib-beside");
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"beside\"\nversion = \"0.1.0\"\n\n[lib]\npath = \"lib.rs\"\n",
    )
    .unwrap();
    let mistake = "#[wasm_bindgen(js_nme = \"x\")]\npub fn f() {}\n";
    std::fs::write(dir.join("lib.rs"), mistake).unwrap();
    std::fs::create_dir_all(dir.join("target")).unwrap();
    std::fs::write(dir.join("target/generated.rs"), mistake).unwrap();
    let out = run(wbg()
        .args(["check", "--format", "github"])
        .current_dir(&dir));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "::error file=lib.rs,line=1,col=16,endLine=1,endColumn=22,title=wbg unknown-option::unknown `#[wasm_bindgen]` option `js_nme`; did you mean `js_name`?\n"
    );
}

/// A manifest that is not TOML: exit 3, as for `wbg build`, rather than a silent pass.
#[test]
fn unreadable_manifest() {
    let dir = scratch("check-bad-manifest");
    std::fs::write(dir.join("Cargo.toml"), "[package\nname = ").unwrap();
    let out = run(wbg().arg("check").current_dir(&dir));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot read Cargo.toml:1: unclosed table, expected `]`\n"
    );
}

#[test]
fn clean_crate() {
    let out = check(&["good"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(
        last_line(&out).starts_with("    Finished 1 file checked in ")
            && last_line(&out).ends_with("s: no problems"),
        "{}",
        stderr(&out)
    );
    let quiet = check(&["good", "--quiet"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr(&quiet), "");
}

/// What wasm-bindgen only lints (an option it ignores) is a warning: shown, exit 0.
#[test]
fn warnings_alone_pass() {
    let dir = scratch("check-warnings-only");
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"lint\"\nversion = \"0.1.0\"\n\n[lib]\npath = \"lib.rs\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("lib.rs"),
        "#[wasm_bindgen(readonly)]\npub fn f() {}\n",
    )
    .unwrap();
    let out = run(wbg()
        .args(["check", "--format", "github"])
        .current_dir(&dir));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "::warning file=lib.rs,line=1,col=16,endLine=1,endColumn=24,title=wbg option-not-here::`readonly` has no effect on an exported function, so it is ignored (it applies to a struct field); remove it\n"
    );
    assert!(
        last_line(&out).ends_with("s: 1 warning"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_crate() {
    let dir = scratch("check-no-crate");
    let out = run(wbg().arg("check").current_dir(&dir));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        "error: no Cargo.toml in the current directory; run wbg in a crate's directory or pass it as PATH\n"
    );
}

/// `wbg check --format json | head -1`: a reader that goes away is not an error.
#[test]
fn closed_stdout_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wbg"))
        .args(["check", "attr-errors", "--format", "json"])
        .current_dir(fixtures())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!stderr(&out).contains("internal error"), "{}", stderr(&out));
}

/// A generated crate of 50 000 lines in 200 files, a mistake in every tenth: all are
/// found, in order. (The speed figure is in docs/cli.md; timing is not asserted here.)
#[test]
fn large_crate() {
    let dir = scratch("check-large");
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"large\"\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    for i in 0..200 {
        std::fs::write(src.join(format!("m{i:03}.rs")), large_file(i)).unwrap();
    }
    let out = run(wbg()
        .args(["check", "--format", "github"])
        .current_dir(&dir));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let want: String = (0..200)
        .filter(|i| i % 10 == 0)
        .map(|i| {
            format!("::error file=src/m{i:03}.rs,line=3,col=16,endLine=3,endColumn=22,title=wbg unknown-option::unknown `#[wasm_bindgen]` option `js_nme`; did you mean `js_name`?\n")
        })
        .collect();
    assert_eq!(stdout(&out), want);
}

/// 250 lines: exported functions, plain functions and a struct; file `i % 10 == 0` has an
/// unknown option on line 3.
fn large_file(i: usize) -> String {
    let mut s = String::from("use wasm_bindgen::prelude::*;\n\n");
    s.push_str(if i % 10 == 0 {
        "#[wasm_bindgen(js_nme = \"first\")]\n"
    } else {
        "#[wasm_bindgen(js_name = \"first\")]\n"
    });
    s.push_str("pub fn first(a: u32) -> u32 {\n    a + 1\n}\n");
    let mut n = 0;
    while s.lines().count() < 244 {
        s.push_str(&format!(
            "\n/// Doubles `x`.\n#[wasm_bindgen]\npub fn f{n}(x: f64) -> f64 {{\n    let y = x * 2.0;\n    y\n}}\n"
        ));
        n += 1;
    }
    while s.lines().count() < 250 {
        s.push_str("// padding\n");
    }
    s
}
