//! Drives a JS engine (Node or Chromium) through the harness's events: one outcome per
//! test, output captured per test, and the per-test timeout. A test that times out, or
//! takes the engine down with it, is recorded and the engine is started again at the next
//! test, so one hanging test does not hide the rest.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::report::Outcome;

/// Something the engine said. `generation` tells runs of the engine apart, so a late
/// line from a run that was stopped is not taken for the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub generation: u64,
    pub kind: EventKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EventKind {
    /// A JSON event from the harness.
    Harness(Value),
    /// A line the engine printed outside the harness's protocol (counts as test output).
    Output(String),
    /// The engine's output ended: it exited.
    Closed,
}

/// A JS engine that runs the harness.
pub trait Engine {
    /// Starts a run of the harness at test `from` (an index into its config), tagging its
    /// events with `generation`.
    fn start(&mut self, from: usize, generation: u64) -> Result<(), String>;
    /// `Some(why)` when the engine is gone without having closed its output (only engines
    /// that do not send `Closed` need this).
    fn exited(&mut self) -> Option<String>;
    /// Ends the current run (idempotent).
    fn stop(&mut self);
}

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long one test may run.
    pub test: Duration,
    /// How long the engine may take to load the module and start the first test.
    pub startup: Duration,
}

/// What the session reports as tests finish.
pub enum Step {
    /// A line of test output, with `--nocapture` (otherwise it is kept for `Finished`).
    Output(String),
    Finished {
        index: usize,
        outcome: Outcome,
        output: String,
    },
}

/// How often the session looks at an engine that sends no `Closed`.
const POLL: Duration = Duration::from_millis(100);

/// Runs tests `0..count` of the harness config on `engine`.
pub fn run(
    engine: &mut dyn Engine,
    events: &Receiver<Event>,
    count: usize,
    limits: Limits,
    nocapture: bool,
    on_step: &mut dyn FnMut(Step),
) -> Result<(), String> {
    let mut next = 0;
    let mut generation = 0;
    while next < count {
        generation += 1;
        while events.try_recv().is_ok() {}
        engine.start(next, generation)?;
        let result = one_run(engine, events, generation, limits, nocapture, on_step);
        engine.stop();
        match result? {
            Some(resume) => next = resume,
            None => return Ok(()),
        }
    }
    Ok(())
}

/// One run of the engine. `Ok(Some(i))`: start again at test `i`; `Ok(None)`: all done.
fn one_run(
    engine: &mut dyn Engine,
    events: &Receiver<Event>,
    generation: u64,
    limits: Limits,
    nocapture: bool,
    on_step: &mut dyn FnMut(Step),
) -> Result<Option<usize>, String> {
    let started = Instant::now();
    let mut current: Option<(usize, Instant)> = None;
    let mut output = String::new();
    loop {
        let left = match current {
            Some((_, since)) => limits.test.saturating_sub(since.elapsed()),
            None => limits.startup.saturating_sub(started.elapsed()),
        };
        if left.is_zero() {
            return match current {
                Some((index, _)) => {
                    finish(on_step, index, Outcome::Timeout(limits.test), &mut output);
                    Ok(Some(index + 1))
                }
                None => Err(format!(
                    "the JS engine did not start the tests within {} s",
                    limits.startup.as_secs()
                )),
            };
        }
        let event = match events.recv_timeout(left.min(POLL)) {
            Ok(e) if e.generation == generation => e.kind,
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => match engine.exited() {
                Some(why) => {
                    output.push_str(&why);
                    output.push('\n');
                    EventKind::Closed
                }
                None => continue,
            },
            Err(RecvTimeoutError::Disconnected) => EventKind::Closed,
        };
        match event {
            EventKind::Output(line) => {
                if nocapture {
                    on_step(Step::Output(line));
                } else {
                    output.push_str(&line);
                    output.push('\n');
                }
            }
            EventKind::Closed => {
                return match current {
                    Some((index, _)) => {
                        let why = "the JS engine exited while the test was running".to_string();
                        finish(on_step, index, Outcome::Crashed(why), &mut output);
                        Ok(Some(index + 1))
                    }
                    None => Err(format!(
                        "the JS engine exited before finishing the tests{}",
                        if output.is_empty() {
                            String::new()
                        } else {
                            format!(":\n{}", output.trim_end())
                        }
                    )),
                };
            }
            EventKind::Harness(value) => match harness_event(&value) {
                HarnessEvent::Start(index) => {
                    current = Some((index, Instant::now()));
                    output.clear();
                }
                HarnessEvent::Log(text) => {
                    if nocapture {
                        on_step(Step::Output(text));
                    } else {
                        output.push_str(&text);
                        output.push('\n');
                    }
                }
                HarnessEvent::End(index, outcome) => {
                    finish(on_step, index, outcome, &mut output);
                    current = None;
                }
                HarnessEvent::Done => return Ok(None),
                HarnessEvent::Fatal(message) => return Err(message),
                HarnessEvent::Unknown => {}
            },
        }
    }
}

fn finish(on_step: &mut dyn FnMut(Step), index: usize, outcome: Outcome, output: &mut String) {
    on_step(Step::Finished {
        index,
        outcome,
        output: std::mem::take(output),
    });
}

enum HarnessEvent {
    Start(usize),
    Log(String),
    End(usize, Outcome),
    Done,
    Fatal(String),
    Unknown,
}

/// Reads one event of the harness's protocol (see `harness.mjs`).
fn harness_event(v: &Value) -> HarnessEvent {
    let text = |key: &str| v[key].as_str().unwrap_or_default().to_string();
    let index = v["i"].as_u64().map(|i| i as usize);
    match (v["ev"].as_str(), index) {
        (Some("start"), Some(i)) => HarnessEvent::Start(i),
        (Some("log"), _) => HarnessEvent::Log(text("text")),
        (Some("end"), Some(i)) => {
            let outcome = match v["outcome"].as_str() {
                Some("ok") => Outcome::Ok,
                Some("err") => Outcome::Err(text("message")),
                Some("panic") => Outcome::Panic {
                    message: text("message"),
                    location: text("location"),
                },
                _ => Outcome::Exception {
                    message: text("message"),
                    stack: text("stack"),
                },
            };
            HarnessEvent::End(i, outcome)
        }
        (Some("done"), _) => HarnessEvent::Done,
        (Some("fatal"), _) => HarnessEvent::Fatal(text("message")),
        _ => HarnessEvent::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::sync::mpsc::{channel, Sender};

    /// Replays a script per run: each `start` sends the events of the next run.
    struct Scripted {
        tx: Sender<Event>,
        runs: Vec<Vec<EventKind>>,
        starts: Vec<usize>,
    }

    impl Engine for Scripted {
        fn start(&mut self, from: usize, generation: u64) -> Result<(), String> {
            self.starts.push(from);
            // A stale line from an earlier run must be ignored.
            let _ = self.tx.send(Event {
                generation: generation + 100,
                kind: EventKind::Output("stale".into()),
            });
            for kind in self.runs.remove(0) {
                let _ = self.tx.send(Event { generation, kind });
            }
            Ok(())
        }
        fn exited(&mut self) -> Option<String> {
            None
        }
        fn stop(&mut self) {}
    }

    fn h(v: Value) -> EventKind {
        EventKind::Harness(v)
    }

    fn drive(
        runs: Vec<Vec<EventKind>>,
        count: usize,
    ) -> (Result<(), String>, Vec<String>, Vec<usize>) {
        let (tx, rx) = channel();
        let mut engine = Scripted {
            tx,
            runs,
            starts: Vec::new(),
        };
        let limits = Limits {
            test: Duration::from_millis(300),
            startup: Duration::from_millis(300),
        };
        let mut seen = Vec::new();
        let result = run(&mut engine, &rx, count, limits, false, &mut |step| {
            if let Step::Finished {
                index,
                outcome,
                output,
            } = step
            {
                seen.push(format!("{index} {outcome:?} {output:?}"));
            }
        });
        (result, seen, engine.starts)
    }

    #[test]
    fn outcomes_and_captured_output() {
        let (result, seen, starts) = drive(
            vec![vec![
                h(json!({"ev": "start", "i": 0})),
                h(json!({"ev": "log", "level": "log", "text": "hello"})),
                EventKind::Output("raw line".into()),
                h(
                    json!({"ev": "end", "i": 0, "outcome": "panic", "message": "boom", "location": "a.rs:1:2"}),
                ),
                h(json!({"ev": "start", "i": 1})),
                h(json!({"ev": "end", "i": 1, "outcome": "err", "message": "Error: x"})),
                h(json!({"ev": "done"})),
            ]],
            2,
        );
        assert_eq!(result, Ok(()));
        assert_eq!(starts, [0]);
        assert_eq!(
            seen,
            [
                "0 Panic { message: \"boom\", location: \"a.rs:1:2\" } \"hello\\nraw line\\n\"",
                "1 Err(\"Error: x\") \"\"",
            ]
        );
    }

    #[test]
    fn a_hanging_test_times_out_and_the_rest_run() {
        let (result, seen, starts) = drive(
            vec![
                vec![h(json!({"ev": "start", "i": 0}))],
                vec![
                    h(json!({"ev": "start", "i": 1})),
                    h(json!({"ev": "end", "i": 1, "outcome": "ok"})),
                    h(json!({"ev": "done"})),
                ],
            ],
            2,
        );
        assert_eq!(result, Ok(()));
        assert_eq!(starts, [0, 1]);
        assert_eq!(seen, ["0 Timeout(300ms) \"\"", "1 Ok \"\""]);
    }

    #[test]
    fn an_engine_that_dies_mid_test_is_restarted() {
        let (result, seen, starts) = drive(
            vec![
                vec![h(json!({"ev": "start", "i": 0})), EventKind::Closed],
                vec![
                    h(json!({"ev": "start", "i": 1})),
                    h(json!({"ev": "end", "i": 1, "outcome": "ok"})),
                    h(json!({"ev": "done"})),
                ],
            ],
            2,
        );
        assert_eq!(result, Ok(()));
        assert_eq!(starts, [0, 1]);
        assert_eq!(
            seen[0],
            "0 Crashed(\"the JS engine exited while the test was running\") \"\""
        );
    }

    #[test]
    fn fatal_and_silent_engines_are_errors() {
        let (result, _, _) = drive(
            vec![vec![h(json!({"ev": "fatal", "message": "cannot load"}))]],
            1,
        );
        assert_eq!(result, Err("cannot load".into()));
        let (result, _, _) = drive(
            vec![vec![EventKind::Output("oops".into()), EventKind::Closed]],
            1,
        );
        assert_eq!(
            result,
            Err("the JS engine exited before finishing the tests:\noops".into())
        );
        let (result, _, _) = drive(vec![vec![]], 1);
        assert_eq!(
            result,
            Err("the JS engine did not start the tests within 0 s".into())
        );
    }
}
