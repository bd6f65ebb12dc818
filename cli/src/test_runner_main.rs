//! `wasm-bindgen-test-runner <TEST.wasm> [libtest options]`: cargo's runner for wasm32
//! test binaries (see `test_runner/mod.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    wbg_cli::guard(|| wbg_cli::test_runner::main(&args))
}
