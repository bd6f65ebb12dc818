//! Node as the engine: `node harness.mjs <from>`; the harness's events arrive as prefixed
//! lines on stdout, anything else Node prints (stdout or stderr) is test output.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Sender;

use super::session::{Engine, Event, EventKind};

/// What the harness writes before each JSON event (`EVENT_PREFIX` in harness.mjs).
const EVENT_PREFIX: &str = "\u{1}wbgt ";

pub struct Node {
    harness: PathBuf,
    events: Sender<Event>,
    child: Option<Child>,
}

impl Node {
    pub fn new(harness: PathBuf, events: Sender<Event>) -> Node {
        Node {
            harness,
            events,
            child: None,
        }
    }
}

impl Engine for Node {
    fn start(&mut self, from: usize, generation: u64) -> Result<(), String> {
        // NODE_PATH: the glue's directory (`require('wasm-bindgen-test.js')`) and the
        // directory cargo runs the test in, the crate root, where raw module names such as
        // `module = "tests/wasm/x.js"` resolve; as upstream's runner sets it.
        let glue_dir = self.harness.parent().map(PathBuf::from).unwrap_or_default();
        let mut node_path = vec![glue_dir];
        node_path.extend(std::env::current_dir().ok());
        if let Some(existing) = std::env::var_os("NODE_PATH") {
            node_path.extend(std::env::split_paths(&existing));
        }
        let node_path = std::env::join_paths(node_path).map_err(|e| e.to_string())?;
        let mut child = Command::new("node")
            // Tests may call `gc()` to observe finalizers.
            .arg("--expose-gc")
            .arg(&self.harness)
            .env("NODE_PATH", node_path)
            .arg(from.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                format!("cannot run `node` ({e}); Node.js 20 or later must be on PATH to run wasm tests")
            })?;
        let stdout = child.stdout.take().expect("piped");
        let stderr = child.stderr.take().expect("piped");
        forward(stderr, self.events.clone(), generation, false);
        // stdout carries the protocol, so its end is the engine's end.
        forward(stdout, self.events.clone(), generation, true);
        self.child = Some(child);
        Ok(())
    }

    fn exited(&mut self) -> Option<String> {
        // The end of stdout (`Closed`) says it, after every line before it.
        None
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Sends each line of `stream` as an event; `closes` sends `Closed` at its end.
fn forward(
    stream: impl Read + Send + 'static,
    events: Sender<Event>,
    generation: u64,
    closes: bool,
) {
    std::thread::spawn(move || {
        let send = |kind| events.send(Event { generation, kind }).is_ok();
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let kind = match line.strip_prefix(EVENT_PREFIX) {
                Some(json) => match serde_json::from_str(json) {
                    Ok(value) => EventKind::Harness(value),
                    Err(_) => EventKind::Output(line),
                },
                None => EventKind::Output(line),
            };
            if !send(kind) {
                return;
            }
        }
        if closes {
            send(EventKind::Closed);
        }
    });
}
