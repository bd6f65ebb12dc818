//! Judging what the harness observed against the test's attributes (`should_panic`,
//! `expected`), and printing it the way libtest does: `test name ... ok`, the failures
//! with their captured output, and the `test result:` line cargo and CI scripts read.

use std::fmt::Write as _;
use std::time::Duration;

use super::section::TestInfo;

/// What happened when a test ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Returned `()` or `Ok(())`.
    Ok,
    /// Returned `Err`: libtest's `Error: {e:?}` text.
    Err(String),
    /// A Rust panic (the wasm trapped after the hook reported it).
    Panic { message: String, location: String },
    /// A JS exception reached the harness without a Rust panic.
    Exception { message: String, stack: String },
    /// No outcome within the per-test timeout.
    Timeout(Duration),
    /// The JS engine went away during the test.
    Crashed(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    /// The text shown under the test in the failures section.
    Failed(String),
}

pub fn judge(test: &TestInfo, outcome: &Outcome) -> Verdict {
    let panicked = match outcome {
        Outcome::Panic { message, .. } | Outcome::Exception { message, .. } => Some(message),
        _ => None,
    };
    match (&test.should_panic, panicked) {
        (None, None) if *outcome == Outcome::Ok => Verdict::Passed,
        (Some(None), Some(_)) => Verdict::Passed,
        (Some(Some(expected)), Some(message)) if message.contains(expected.as_str()) => {
            Verdict::Passed
        }
        (Some(Some(expected)), Some(message)) => Verdict::Failed(format!(
            "{}note: panic did not contain expected string\n      panic message: `{message:?}`,\n \
             expected substring: `{expected:?}`\n",
            describe(outcome)
        )),
        (Some(_), None) if matches!(outcome, Outcome::Ok | Outcome::Err(_)) => {
            Verdict::Failed(format!(
                "{}note: test did not panic as expected\n",
                describe(outcome)
            ))
        }
        _ => Verdict::Failed(describe(outcome)),
    }
}

/// The outcome as it reads in the failures section (empty for `Ok`).
fn describe(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Ok => String::new(),
        Outcome::Err(text) => format!("{text}\n"),
        Outcome::Panic { message, location } if location.is_empty() => {
            format!("panicked:\n{message}\n")
        }
        Outcome::Panic { message, location } => format!("panicked at {location}:\n{message}\n"),
        Outcome::Exception { message, stack } if stack.is_empty() => {
            format!("JavaScript exception: {message}\n")
        }
        Outcome::Exception { stack, .. } => format!("JavaScript exception: {stack}\n"),
        Outcome::Timeout(limit) => format!(
            "the test did not finish within {} s (set WASM_BINDGEN_TEST_TIMEOUT to change the limit)\n",
            limit.as_secs()
        ),
        Outcome::Crashed(why) => format!("{why}\n"),
    }
}

/// Prints results as they come and keeps what the end of the report needs.
pub struct Report {
    quiet: bool,
    show_output: bool,
    passed: usize,
    ignored: usize,
    /// Tests printed on the current terse line.
    terse_column: usize,
    /// `(name, captured output, failure text)`.
    failures: Vec<(String, String, String)>,
    successes: Vec<(String, String)>,
    out: String,
}

impl Report {
    pub fn new(quiet: bool, show_output: bool) -> Report {
        Report {
            quiet,
            show_output,
            passed: 0,
            ignored: 0,
            terse_column: 0,
            failures: Vec::new(),
            successes: Vec::new(),
            out: String::new(),
        }
    }

    /// `running N tests`.
    pub fn running(&mut self, n: usize) {
        let s = if n == 1 { "" } else { "s" };
        let _ = writeln!(self.out, "\nrunning {n} test{s}");
    }

    pub fn ignored(&mut self, test: &TestInfo) {
        self.ignored += 1;
        match &test.ignore {
            Some(Some(reason)) => self.line(&test.name, &format!("ignored, {reason}"), 'i'),
            _ => self.line(&test.name, "ignored", 'i'),
        }
    }

    pub fn finished(&mut self, test: &TestInfo, verdict: Verdict, output: String) {
        match verdict {
            Verdict::Passed => {
                self.passed += 1;
                self.line(&test.name, "ok", '.');
                if self.show_output {
                    self.successes.push((test.name.clone(), output));
                }
            }
            Verdict::Failed(text) => {
                self.line(&test.name, "FAILED", 'F');
                self.failures.push((test.name.clone(), output, text));
            }
        }
    }

    fn line(&mut self, name: &str, status: &str, terse: char) {
        if self.quiet {
            self.out.push(terse);
            self.terse_column += 1;
            // libtest wraps terse output at 88 characters.
            if self.terse_column == 88 {
                self.out.push('\n');
                self.terse_column = 0;
            }
        } else {
            let _ = writeln!(self.out, "test {name} ... {status}");
        }
    }

    /// What was printed since the last call (the caller writes it to stdout).
    pub fn take_output(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    pub fn failed(&self) -> bool {
        !self.failures.is_empty()
    }

    /// The failures section and the summary line.
    pub fn finish(&mut self, filtered_out: usize, elapsed: Duration) -> String {
        if self.quiet && self.terse_column > 0 {
            self.out.push('\n');
        }
        let mut section = |title: &str, items: Vec<(&String, &String, Option<&String>)>| {
            if items.is_empty() {
                return;
            }
            let _ = writeln!(self.out, "\n{title}:\n");
            for (name, output, failure) in &items {
                let _ = writeln!(self.out, "---- {name} stdout ----");
                self.out.push_str(output);
                if let Some(f) = failure {
                    self.out.push_str(f);
                }
                self.out.push('\n');
            }
            let _ = writeln!(self.out, "\n{title}:");
            for (name, _, _) in &items {
                let _ = writeln!(self.out, "    {name}");
            }
        };
        section(
            "successes",
            self.successes.iter().map(|(n, o)| (n, o, None)).collect(),
        );
        section(
            "failures",
            self.failures
                .iter()
                .map(|(n, o, f)| (n, o, Some(f)))
                .collect(),
        );
        let status = if self.failed() { "FAILED" } else { "ok" };
        let _ = writeln!(
            self.out,
            "\ntest result: {status}. {} passed; {} failed; {} ignored; 0 measured; {filtered_out} filtered out; finished in {:.2}s\n",
            self.passed,
            self.failures.len(),
            self.ignored,
            elapsed.as_secs_f64()
        );
        self.take_output()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(should_panic: Option<Option<&str>>) -> TestInfo {
        TestInfo {
            name: "m::t".into(),
            export: "__wbgt_t".into(),
            should_panic: should_panic.map(|e| e.map(String::from)),
            ignore: None,
            is_async: false,
        }
    }

    fn panic(message: &str) -> Outcome {
        Outcome::Panic {
            message: message.into(),
            location: "src/lib.rs:3:5".into(),
        }
    }

    #[test]
    fn plain_tests() {
        assert_eq!(judge(&test(None), &Outcome::Ok), Verdict::Passed);
        assert_eq!(
            judge(&test(None), &Outcome::Err("Error: \"no\"".into())),
            Verdict::Failed("Error: \"no\"\n".into())
        );
        assert_eq!(
            judge(&test(None), &panic("boom")),
            Verdict::Failed("panicked at src/lib.rs:3:5:\nboom\n".into())
        );
        assert_eq!(
            judge(&test(None), &Outcome::Timeout(Duration::from_secs(3))),
            Verdict::Failed(
                "the test did not finish within 3 s (set WASM_BINDGEN_TEST_TIMEOUT to change the limit)\n"
                    .into()
            )
        );
    }

    #[test]
    fn should_panic() {
        assert_eq!(judge(&test(Some(None)), &panic("x")), Verdict::Passed);
        let exception = Outcome::Exception {
            message: "thrown".into(),
            stack: String::new(),
        };
        assert_eq!(judge(&test(Some(Some("thr"))), &exception), Verdict::Passed);
        assert_eq!(
            judge(&test(Some(Some("oo"))), &panic("boom")),
            Verdict::Passed
        );
        assert_eq!(
            judge(&test(Some(Some("bam"))), &panic("boom")),
            Verdict::Failed(
                "panicked at src/lib.rs:3:5:\nboom\nnote: panic did not contain expected string\n      \
                 panic message: `\"boom\"`,\n expected substring: `\"bam\"`\n"
                    .into()
            )
        );
        assert_eq!(
            judge(&test(Some(None)), &Outcome::Ok),
            Verdict::Failed("note: test did not panic as expected\n".into())
        );
        assert!(matches!(
            judge(&test(Some(None)), &Outcome::Timeout(Duration::from_secs(1))),
            Verdict::Failed(_)
        ));
    }

    #[test]
    fn libtest_layout() {
        let mut r = Report::new(false, false);
        r.running(3);
        r.finished(&test(None), Verdict::Passed, String::new());
        let mut ignored = test(None);
        ignored.name = "m::i".into();
        ignored.ignore = Some(Some("slow".into()));
        r.ignored(&ignored);
        let mut failing = test(None);
        failing.name = "m::f".into();
        r.finished(
            &failing,
            Verdict::Failed("panicked at a.rs:1:1:\nno\n".into()),
            "log line\n".into(),
        );
        let text = r.take_output() + &r.finish(2, Duration::from_millis(1234));
        assert_eq!(
            text,
            "\nrunning 3 tests\ntest m::t ... ok\ntest m::i ... ignored, slow\ntest m::f ... FAILED\n\
             \nfailures:\n\n---- m::f stdout ----\nlog line\npanicked at a.rs:1:1:\nno\n\n\
             \nfailures:\n    m::f\n\
             \ntest result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 2 filtered out; finished in 1.23s\n\n"
        );
    }

    #[test]
    fn terse_layout() {
        let mut r = Report::new(true, false);
        r.running(1);
        r.finished(&test(None), Verdict::Passed, String::new());
        let text = r.take_output() + &r.finish(0, Duration::ZERO);
        assert_eq!(
            text,
            "\nrunning 1 test\n.\n\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\n"
        );
    }
}
