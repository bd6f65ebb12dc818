//! Latency of the real server on a large file: hover, and didChange → publishDiagnostics,
//! p50/p99 over stdio; then hover on the same file as `src/lib.rs` of a crate with more
//! files (whose declared types hover scans and caches per crate), with the cache warm and
//! with it dropped by an edit before every hover. Not a test (timings vary by machine);
//! figures go in docs/lsp.md.
//!
//! `cargo build --release -p wbg-lsp && cargo run --release -p wbg-lsp --example latency`

#[path = "../tests/lsp/support.rs"]
mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

const ITEMS: usize = 500;
const LINES: usize = 10_000;

/// `ITEMS` exported functions with docs, padded with plain code to `LINES` lines.
fn large_file() -> String {
    let mut src = String::from("use wasm_bindgen::prelude::*;\n\n");
    let filler = LINES / ITEMS - 6;
    for i in 0..ITEMS {
        src.push_str(&format!(
            "/// Item {i}.\n#[wasm_bindgen(js_name = item{i})]\npub fn item_{i}(a: u32, b: &str, c: f64) -> String {{\n    format!(\"{{a}}{{b}}{{c}}\")\n}}\n\n"
        ));
        for j in 0..filler {
            src.push_str(&format!("fn plain_{i}_{j}() -> u32 {{ {j} }}\n"));
        }
    }
    src
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn report(what: &str, samples: &mut [Duration]) {
    println!(
        "{what}: p50 {:.1} ms, p99 {:.1} ms ({} samples)",
        percentile(samples, 0.5).as_secs_f64() * 1e3,
        percentile(samples, 0.99).as_secs_f64() * 1e3,
        samples.len()
    );
}

fn main() {
    let text = large_file();
    println!(
        "file: {} lines, {ITEMS} #[wasm_bindgen] items, {} bytes",
        text.lines().count(),
        text.len()
    );
    let dir = support::scratch("latency");
    let file = dir.join("big.rs");
    let mut server = support::Server::start(&dir, serde_json::json!({ "regenerateOnSave": false }));
    server.open(&file, &text);
    server.diagnostics(&file, 1);

    report("hover", &mut hovers(&mut server, &file, &text, |_, _| {}));

    // Each edit misspells one item's `js_name` (an incremental change; the server then
    // re-validates the whole file); timed from sending didChange to receiving its
    // diagnostics, so it includes the 50 ms debounce.
    let mut edits = Vec::new();
    let mut current = text.clone();
    for v in 2..102 {
        let i = (v * 13) % ITEMS;
        let at = current.find(&format!("js_name = item{i})")).unwrap();
        let start = Instant::now();
        server.edit(
            &file,
            v as i32,
            &current,
            (at, at + "js_name".len()),
            "js_nme",
        );
        current.replace_range(at..at + "js_name".len(), "js_nme");
        let diags: Vec<Value> = server.diagnostics(&file, v as i32);
        edits.push(start.elapsed());
        assert!(!diags.is_empty());
    }
    report(
        "didChange -> publishDiagnostics (incl. 50 ms debounce)",
        &mut edits,
    );
    server.shutdown_and_exit();
    in_a_crate(&text);
}

/// 200 hovers on functions of `text` (the document `file`), each after `before(server, i)`.
fn hovers(
    server: &mut support::Server,
    file: &Path,
    text: &str,
    mut before: impl FnMut(&mut support::Server, usize),
) -> Vec<Duration> {
    let mut out = Vec::new();
    for i in 0..200 {
        before(server, i);
        let at = text
            .find(&format!("pub fn item_{}(", (i * 7) % ITEMS))
            .unwrap()
            + 8;
        let params = server.at(file, text, at);
        let start = Instant::now();
        let reply = server.request("textDocument/hover", params);
        out.push(start.elapsed());
        assert!(reply["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("export function item"));
    }
    out
}

const MODELS: usize = 20;

/// `text` as `src/lib.rs` of a crate with `MODELS` more files of 500 lines, one open.
fn in_a_crate(text: &str) {
    let dir = support::scratch("latency_crate");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = "[package]\nname = \"big\"\nversion = \"0.0.0\"\n\n[dependencies]\nwasm-bindgen = \"0.2\"\n";
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    let model = |k: usize, js: &str| {
        let mut src = String::new();
        for i in 0..50 {
            src.push_str(&format!("#[wasm_bindgen(js_name = {js}{k}_{i})]\npub struct Model{k}_{i} {{\n    pub x: u32,\n}}\n\n"));
            src.push_str(&"fn plain() -> u32 { 1 }\n".repeat(5));
        }
        src
    };
    for k in 0..MODELS {
        std::fs::write(dir.join(format!("src/model_{k}.rs")), model(k, "M")).unwrap();
    }
    let file = dir.join("src/lib.rs");
    std::fs::write(&file, text).unwrap();
    let other = dir.join("src/model_0.rs");
    let mut server = support::Server::start(&dir, serde_json::json!({ "regenerateOnSave": false }));
    server.open(&file, text);
    server.open(&other, &model(0, "M"));
    server.diagnostics(&file, 1);
    println!(
        "crate: src/lib.rs as above + {MODELS} files of {} lines",
        model(0, "M").lines().count()
    );
    report(
        "hover, crate types cached",
        &mut hovers(&mut server, &file, text, |_, _| {}),
    );
    // A change to another open file of the crate drops its cached types before each hover.
    let mut edited = |server: &mut support::Server, i: usize| {
        let js = if i % 2 == 0 { "N" } else { "M" };
        server.change(&other, i as i32 + 2, &model(0, js));
    };
    report(
        "hover right after an edit elsewhere in the crate (rescan)",
        &mut hovers(&mut server, &file, text, &mut edited),
    );
    server.shutdown_and_exit();
}
