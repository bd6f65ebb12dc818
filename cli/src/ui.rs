//! What the CLI prints besides its results: cargo-style status lines, a spinner for long
//! steps when stderr is a terminal (plain lines otherwise), `--quiet`/`--verbose`, and
//! colours only on a terminal without `NO_COLOR`. Results go to stdout; all of this goes
//! to stderr, so `wbg check --format json | jq` stays clean.

use std::ffi::OsStr;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub verbosity: Verbosity,
    /// stderr is a terminal: spinners are allowed.
    tty: bool,
    color: bool,
}

const BOLD_GREEN: &str = "\x1b[1;32m";
const BOLD_RED: &str = "\x1b[1;31m";
const BOLD_YELLOW: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// `NO_COLOR` (any non-empty value) and `TERM=dumb` turn colours off, as does a stream
/// that is not a terminal.
pub fn color_allowed(is_terminal: bool) -> bool {
    color_allowed_by(
        is_terminal,
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    )
}

fn color_allowed_by(is_terminal: bool, no_color: Option<&OsStr>, term: Option<&OsStr>) -> bool {
    let no_color = no_color.is_some_and(|v| !v.is_empty());
    let dumb = term.is_some_and(|t| t == "dumb");
    is_terminal && !no_color && !dumb
}

impl Ui {
    pub fn new(quiet: bool, verbose: bool) -> Ui {
        let tty = std::io::stderr().is_terminal();
        let verbosity = if quiet {
            Verbosity::Quiet
        } else if verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        };
        Ui {
            verbosity,
            tty,
            color: color_allowed(tty),
        }
    }

    pub fn quiet(&self) -> bool {
        self.verbosity == Verbosity::Quiet
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// A cargo-style line: the verb right-aligned in 12 columns, bold green on a terminal.
    pub fn status(&self, verb: &str, message: &str) {
        if !self.quiet() {
            self.line(&format!("{} {message}", self.verb(verb, BOLD_GREEN)));
        }
    }

    /// Like `status` but only with `--verbose` (commands run, files written).
    pub fn detail(&self, verb: &str, message: &str) {
        if self.verbosity == Verbosity::Verbose {
            self.line(&format!("{} {message}", self.verb(verb, BOLD_GREEN)));
        }
    }

    pub fn warn(&self, message: &str) {
        if !self.quiet() {
            self.line(&format!(
                "{} {message}",
                self.paint(BOLD_YELLOW, "warning:")
            ));
        }
    }

    /// A failed step that does not end the command (`wbg watch`): the verb in bold red;
    /// printed even with `--quiet`.
    pub fn failed(&self, message: &str) {
        self.line(&format!("{} {message}", self.verb("Failed", BOLD_RED)));
    }

    /// The one `error:` line of a failure; printed even with `--quiet`.
    pub fn error(&self, message: &str) {
        self.line(&format!("{} {message}", self.paint(BOLD_RED, "error:")));
    }

    /// Runs `work`, showing a spinner with `verb message` on a terminal, or the status line
    /// first otherwise, so logs read in order.
    pub fn step<T>(&self, verb: &str, message: &str, work: impl FnOnce() -> T) -> T {
        if self.quiet() {
            return work();
        }
        if !self.tty {
            self.status(verb, message);
            return work();
        }
        let spinner = ProgressBar::new_spinner();
        spinner.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .expect("valid template")
                .tick_chars("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏ "),
        );
        spinner.set_message(format!("{} {message}", self.verb(verb, BOLD_GREEN)));
        spinner.enable_steady_tick(Duration::from_millis(80));
        let result = work();
        spinner.finish_and_clear();
        self.status(verb, message);
        result
    }

    pub fn paint(&self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    fn verb(&self, verb: &str, style: &str) -> String {
        self.paint(style, &format!("{verb:>12}"))
    }

    fn line(&self, text: &str) {
        // A closed stderr is not worth a panic.
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }
}

/// Writes to stdout; a reader that went away (`wbg check | head`) is not an error, so
/// callers treat `StdoutError::Closed` as "stop writing".
pub struct Stdout {
    out: std::io::StdoutLock<'static>,
}

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            out: std::io::stdout().lock(),
        }
    }

    /// Writes `text` as is; any error other than a closed pipe is an IO failure.
    pub fn write(&mut self, text: &str) -> Result<(), StdoutError> {
        self.out
            .write_all(text.as_bytes())
            .map_err(StdoutError::from)
    }

    pub fn flush(&mut self) -> Result<(), StdoutError> {
        self.out.flush().map_err(StdoutError::from)
    }
}

impl Default for Stdout {
    fn default() -> Self {
        Stdout::new()
    }
}

#[derive(Debug)]
pub enum StdoutError {
    /// The reader went away.
    Closed,
    Io(std::io::Error),
}

impl From<std::io::Error> for StdoutError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            StdoutError::Closed
        } else {
            StdoutError::Io(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_only_on_a_terminal_without_no_color() {
        let os = |s: &'static str| Some(OsStr::new(s));
        assert!(color_allowed_by(true, None, os("xterm-256color")));
        assert!(
            !color_allowed_by(false, None, os("xterm")),
            "not a terminal"
        );
        assert!(!color_allowed_by(true, os("1"), os("xterm")), "NO_COLOR");
        assert!(
            color_allowed_by(true, os(""), None),
            "an empty NO_COLOR does not count"
        );
        assert!(!color_allowed_by(true, None, os("dumb")), "TERM=dumb");
    }
}
