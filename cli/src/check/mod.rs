//! `wbg check`: every `#[wasm_bindgen]` item in the crate's sources (`files.rs` says
//! which), validated by core-gen's `parse_file` (the same messages as the macro and
//! the language server) without rustc. Files are parsed in parallel; findings come out
//! sorted by file and line.

mod files;
mod render;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use clap::{Args, ValueEnum};
use wbg_core_gen::diagnostic::Diagnostic;

use crate::exit::{Exit, Failure};
use crate::ui::{Stdout, StdoutError, Ui};

pub use files::{files_to_check, Source};

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The crate's directory (or its Cargo.toml), or one `.rs` file.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// How to print the problems found.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style: message, file:line:col, the source line and a caret.
    Human,
    /// One JSON object per line, for tools.
    Json,
    /// GitHub Actions annotations (`::error file=...,line=...::message`).
    Github,
}

/// A position, 1-based; columns count characters, as rustc's do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// One diagnostic, located in its file.
#[derive(Debug, Clone)]
pub struct Finding {
    /// As shown to the user: the crate path joined with the file's path under it.
    pub file: String,
    pub start: Pos,
    pub end: Pos,
    pub code: &'static str,
    /// Errors fail the check; warnings (what wasm-bindgen only lints) are shown but do not.
    pub is_error: bool,
    pub message: String,
    /// The text of the line `start` is on.
    pub source_line: String,
    pub fix: Option<FixOut>,
}

#[derive(Debug, Clone)]
pub struct FixOut {
    pub title: String,
    pub edits: Vec<(Pos, Pos, String)>,
}

/// `wbg check`: prints every finding and returns `Problems` when there is any.
pub fn run(args: &CheckArgs, ui: &Ui) -> Result<Exit, Failure> {
    let started = Instant::now();
    let files = files_to_check(&args.path)?;
    if files.is_empty() {
        ui.warn(&format!(
            "no .rs files in {} (src/ and the manifest's [lib] and [[bin]] paths); pass the directory of a crate",
            args.path.display()
        ));
    }
    let findings = ui.step("Checking", &plural(files.len(), "file"), || {
        check_files(&files)
    })?;
    let mut out = Stdout::new();
    let printed = render::print(&findings, args.format, &mut out).and_then(|()| out.flush());
    match printed {
        Ok(()) | Err(StdoutError::Closed) => {}
        Err(StdoutError::Io(e)) => return Err(Failure::io(format!("cannot write output: {e}"))),
    }
    let elapsed = started.elapsed().as_secs_f64();
    let errors = findings.iter().filter(|f| f.is_error).count();
    let warnings = findings.len() - errors;
    if errors == 0 {
        let found = if warnings == 0 {
            "no problems".to_string()
        } else {
            plural(warnings, "warning")
        };
        ui.status(
            "Finished",
            &format!(
                "{} checked in {elapsed:.2}s: {found}",
                plural(files.len(), "file")
            ),
        );
        return Ok(Exit::Success);
    }
    let mut with_problems: Vec<&str> = findings
        .iter()
        .filter(|f| f.is_error)
        .map(|f| f.file.as_str())
        .collect();
    with_problems.dedup();
    let and_warnings = if warnings == 0 {
        String::new()
    } else {
        format!(" (and {})", plural(warnings, "warning"))
    };
    ui.error(&format!(
        "{}{and_warnings} in {} of {} files checked",
        plural(errors, "problem"),
        with_problems.len(),
        files.len()
    ));
    Ok(Exit::Problems)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

type FileResult = Result<Vec<Finding>, Failure>;

/// Parses every file, spreading them over the available cores.
pub fn check_files(files: &[Source]) -> Result<Vec<Finding>, Failure> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(files.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, FileResult)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                // Spans from the parser are only meaningful on the thread that parsed (the
                // source map is thread-local), so each file is located where it is parsed.
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = files.get(i) else { break };
                    mine.push((i, check_one(source)));
                }
                results.lock().expect("no worker panics").extend(mine);
            });
        }
    });
    let mut results = results.into_inner().expect("no worker panics");
    results.sort_by_key(|(i, _)| *i);
    let mut findings = Vec::new();
    for (_, r) in results {
        findings.extend(r?);
    }
    Ok(findings)
}

fn check_one(source: &Source) -> FileResult {
    let text = std::fs::read_to_string(&source.path)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", source.path.display())))?;
    let (_, diagnostics) = wbg_core_gen::parse_file(&text);
    let lines: Vec<&str> = text.lines().collect();
    let mut findings: Vec<Finding> = diagnostics
        .iter()
        .map(|d| locate(d, &source.shown, &lines))
        .collect();
    findings.sort_by_key(|f| (f.start, f.end));
    Ok(findings)
}

fn pos(lc: proc_macro2::LineColumn) -> Pos {
    Pos {
        line: lc.line.max(1),
        column: lc.column + 1,
    }
}

fn locate(d: &Diagnostic, file: &str, lines: &[&str]) -> Finding {
    let start = pos(d.span.start());
    let end = pos(d.span.end());
    let fix = d.fix.as_ref().map(|f| FixOut {
        title: f.title.clone(),
        edits: f
            .edits
            .iter()
            .map(|(span, text)| (pos(span.start()), pos(span.end()), text.clone()))
            .collect(),
    });
    Finding {
        file: file.to_string(),
        start,
        end,
        code: d.code,
        is_error: d.is_error(),
        message: d.message.clone(),
        source_line: lines
            .get(start.line - 1)
            .map(|l| l.to_string())
            .unwrap_or_default(),
        fix,
    }
}
