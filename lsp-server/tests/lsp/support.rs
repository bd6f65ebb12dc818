//! A minimal LSP client driving the real `wbg-lsp` binary over stdio (Content-Length
//! framed JSON-RPC), and one `check_*` helper per feature so tests read as data. Also used
//! by `examples/latency.rs`.

#![allow(dead_code)] // Each user takes what it needs.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Server {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    incoming: Receiver<Value>,
    /// Messages received but not yet asked for.
    backlog: Vec<Value>,
    next_id: i64,
}

fn send(stdin: &Mutex<ChildStdin>, msg: &Value) {
    let body = msg.to_string();
    let mut w = stdin.lock().unwrap();
    // The server may already be gone (exit tests); the caller checks what matters.
    let _ = write!(w, "Content-Length: {}\r\n\r\n{body}", body.len());
    let _ = w.flush();
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            len = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The server under test: cargo's build of it for tests; for the latency example, `$WBG_LSP`
/// or the release build.
pub fn binary() -> PathBuf {
    match option_env!("CARGO_BIN_EXE_wbg-lsp") {
        Some(path) => path.into(),
        None => std::env::var_os("WBG_LSP")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("target/release/wbg-lsp")),
    }
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// `(line, UTF-16 column)` of a byte offset, as LSP counts by default.
pub fn lsp_position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col: usize = before[line_start..].chars().map(char::len_utf16).sum();
    json!({ "line": before.matches('\n').count(), "character": col })
}

/// Removes the `$0` cursor marker: `(text, byte offset)`.
pub fn cursor(src: &str) -> (String, usize) {
    let at = src.find("$0").expect("a $0 cursor");
    (src.replacen("$0", "", 1), at)
}

impl Server {
    /// Starts the binary and completes `initialize`/`initialized` for `root`.
    pub fn start(root: &Path, options: Value) -> Server {
        Self::start_with(
            root,
            options,
            json!({ "window": { "workDoneProgress": true } }),
        )
    }

    pub fn start_with(root: &Path, options: Value, capabilities: Value) -> Server {
        let mut child = Command::new(binary())
            .arg("--stdio")
            .env("CARGO_TARGET_DIR", repo_root().join("target").join("wasm"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("wbg-lsp starts");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        let answer = stdin.clone();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut r) {
                // Requests from the server (e.g. workDoneProgress/create) get an empty success.
                if msg.get("method").is_some() && msg.get("id").is_some() {
                    send(
                        &answer,
                        &json!({ "jsonrpc": "2.0", "id": msg["id"], "result": null }),
                    );
                }
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            stdin,
            incoming,
            backlog: Vec::new(),
            next_id: 0,
        };
        let folder = json!([{ "uri": uri(root), "name": "root" }]);
        let init = server.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities,
                    "workspaceFolders": folder, "initializationOptions": options }),
        );
        assert!(
            init["capabilities"]["hoverProvider"].as_bool().unwrap(),
            "{init}"
        );
        server.notify("initialized", json!({}));
        server
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        send(
            &self.stdin,
            &json!({ "jsonrpc": "2.0", "method": method, "params": params }),
        );
    }

    /// Sends a request and returns its `result` (panics on an error reply).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let reply = self.request_raw(method, params);
        assert!(reply.get("error").is_none(), "{method} failed: {reply}");
        reply["result"].clone()
    }

    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        send(
            &self.stdin,
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        );
        self.wait_for(&format!("reply to {method}"), TIMEOUT, |m| {
            m["id"] == json!(id) && m.get("method").is_none()
        })
    }

    /// The first message (already received or arriving within `timeout`) matching `pred`.
    pub fn wait_for(
        &mut self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&Value) -> bool,
    ) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(msg) if pred(&msg) => return msg,
                Ok(msg) => self.backlog.push(msg),
                Err(_) => panic!(
                    "timed out waiting for {what}; received: {:#?}",
                    self.backlog
                ),
            }
        }
    }

    /// Everything received so far (without waiting) that matches `pred`, consumed.
    pub fn drain(&mut self, pred: impl Fn(&Value) -> bool) -> Vec<Value> {
        while let Ok(msg) = self.incoming.try_recv() {
            self.backlog.push(msg);
        }
        let (hit, keep) = std::mem::take(&mut self.backlog)
            .into_iter()
            .partition(|m| pred(m));
        self.backlog = keep;
        hit
    }

    pub fn open(&mut self, path: &Path, text: &str) {
        let item = json!({ "uri": uri(path), "languageId": "rust", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": item }));
    }

    /// Replaces the whole text (version `version`).
    pub fn change(&mut self, path: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(path), "version": version },
                    "contentChanges": [{ "text": text }] }),
        );
    }

    /// Replaces the text between two byte offsets of `old` (an incremental change).
    pub fn edit(
        &mut self,
        path: &Path,
        version: i32,
        old: &str,
        range: (usize, usize),
        text: &str,
    ) {
        let range =
            json!({ "start": lsp_position(old, range.0), "end": lsp_position(old, range.1) });
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(path), "version": version },
                    "contentChanges": [{ "range": range, "text": text }] }),
        );
    }

    pub fn save(&mut self, path: &Path) {
        self.notify(
            "textDocument/didSave",
            json!({ "textDocument": { "uri": uri(path) } }),
        );
    }

    /// The diagnostics published for `path` at document version `version`.
    pub fn diagnostics(&mut self, path: &Path, version: i32) -> Vec<Value> {
        let u = uri(path);
        let msg = self.wait_for("publishDiagnostics", TIMEOUT, |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == json!(u)
                && m["params"]["version"] == json!(version)
        });
        msg["params"]["diagnostics"].as_array().unwrap().clone()
    }

    pub fn at(&self, path: &Path, text: &str, offset: usize) -> Value {
        json!({ "textDocument": { "uri": uri(path) }, "position": lsp_position(text, offset) })
    }

    /// `shutdown`, then `exit` with stdin left open: the server must exit by itself, with 0.
    pub fn shutdown_and_exit(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert_eq!(status.code(), Some(0), "exit code after shutdown + exit");
                return;
            }
            assert!(
                Instant::now() < deadline,
                "wbg-lsp did not exit after `exit` with stdin open"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A scratch directory under target/, fresh for each test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = repo_root().join("target").join("lsp-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Opens `text` as `src/lib.rs` of a scratch folder in a fresh server.
pub fn open_scratch(name: &str, text: &str) -> (Server, PathBuf) {
    let dir = scratch(name);
    let file = dir.join("lib.rs");
    std::fs::write(&file, text).unwrap();
    let mut server = Server::start(&dir, Value::Null);
    server.open(&file, text);
    (server, file)
}

pub fn check_hover(name: &str, src_with_cursor: &str, expected: &str) {
    let (text, at) = cursor(src_with_cursor);
    let (mut server, file) = open_scratch(name, &text);
    let params = server.at(&file, &text, at);
    let hover = server.request("textDocument/hover", params);
    assert_eq!(hover["contents"]["kind"], "markdown", "{hover}");
    assert_eq!(
        hover["contents"]["value"].as_str().unwrap().trim_end(),
        expected.trim_end()
    );
    server.shutdown_and_exit();
}

/// `expected`: `(line from 0, "code: message")` for each published diagnostic, in order.
pub fn check_diagnostics(name: &str, src: &str, expected: &[(u64, &str)]) {
    let (mut server, file) = open_scratch(name, src);
    let got: Vec<(u64, String)> = server
        .diagnostics(&file, 1)
        .iter()
        .map(|d| {
            let line = d["range"]["start"]["line"].as_u64().unwrap();
            // DiagnosticSeverity: 1 error, 2 warning.
            let severity = match d["severity"].as_u64() {
                Some(1) => "",
                Some(2) => " (warning)",
                other => panic!("severity {other:?}"),
            };
            (
                line,
                format!(
                    "{}{severity}: {}",
                    d["code"].as_str().unwrap(),
                    d["message"].as_str().unwrap()
                ),
            )
        })
        .collect();
    let expected: Vec<(u64, String)> = expected.iter().map(|(l, s)| (*l, s.to_string())).collect();
    assert_eq!(got, expected);
    server.shutdown_and_exit();
}

pub fn check_completion(name: &str, src_with_cursor: &str, must_include: &[&str]) {
    let (text, at) = cursor(src_with_cursor);
    let (mut server, file) = open_scratch(name, &text);
    let params = server.at(&file, &text, at);
    let items = server.request("textDocument/completion", params);
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    for name in must_include {
        let item = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["label"] == *name);
        let item = item.unwrap_or_else(|| panic!("{name} not in {labels:?}"));
        assert!(
            !item["documentation"]["value"].as_str().unwrap().is_empty(),
            "{item}"
        );
    }
    server.shutdown_and_exit();
}

/// Applies the preferred quick fix at the cursor and compares the result.
pub fn check_fix(name: &str, before_with_cursor: &str, after: &str) {
    check_fix_titled(name, before_with_cursor, None, after);
}

/// Like `check_fix`, with the quick fix of that title (the preferred one if `None`).
pub fn check_fix_titled(name: &str, before_with_cursor: &str, title: Option<&str>, after: &str) {
    let (text, at) = cursor(before_with_cursor);
    let (mut server, file) = open_scratch(name, &text);
    let pos = lsp_position(&text, at);
    let params = json!({ "textDocument": { "uri": uri(&file) }, "range": { "start": pos, "end": pos },
                         "context": { "diagnostics": [] } });
    let actions = server.request("textDocument/codeAction", params);
    let fix = actions
        .as_array()
        .and_then(|a| {
            a.iter().find(|a| match title {
                Some(title) => a["title"] == title,
                None => a["isPreferred"] == true,
            })
        })
        .unwrap_or_else(|| panic!("no quick fix {title:?} (None: the preferred) in {actions}"));
    assert_eq!(fix["kind"], "quickfix");
    let edits = fix["edit"]["changes"][uri(&file)]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(apply_edits(&text, &edits), after);
    server.shutdown_and_exit();
}

fn offset_of(text: &str, pos: &Value) -> usize {
    let (line, col) = (
        pos["line"].as_u64().unwrap() as usize,
        pos["character"].as_u64().unwrap() as usize,
    );
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= col {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn apply_edits(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset_of(text, &e["range"]["start"]),
                offset_of(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, new) in spans {
        out.replace_range(s..e, new);
    }
    out
}
