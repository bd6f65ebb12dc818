//! Latency of the real server on a large file: hover, and didChange → publishDiagnostics,
//! p50/p99 over stdio. Not a test (timings vary by machine); figures go in docs/lsp.md.
//!
//! `cargo build --release -p wbg-lsp && cargo run --release -p wbg-lsp --example latency`

#[path = "../tests/lsp/support.rs"]
mod support;

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

    let mut hovers = Vec::new();
    for i in 0..200 {
        let at = text
            .find(&format!("pub fn item_{}(", (i * 7) % ITEMS))
            .unwrap()
            + 8;
        let params = server.at(&file, &text, at);
        let start = Instant::now();
        let reply = server.request("textDocument/hover", params);
        hovers.push(start.elapsed());
        assert!(reply["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("export function item"));
    }
    report("hover", &mut hovers);

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
}
