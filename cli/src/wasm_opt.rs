//! The optional `wasm-opt` pass of `wbg build`: used when binaryen's `wasm-opt` is on PATH,
//! skipped with `--no-opt`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::exit::{Exit, Failure};
use crate::ui::Ui;

/// `wasm-opt` on PATH, if any.
pub fn find() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(format!("wasm-opt{}", std::env::consts::EXE_SUFFIX)))
        .find(|p| p.is_file())
}

/// The features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept
/// them in its input and may use them in its output.
const FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Optimises `wasm` in place with `wasm-opt -O`.
pub fn run(wasm_opt: &Path, wasm: &Path, ui: &Ui) -> Result<(), Failure> {
    let tmp = wasm.with_extension("wasm-opt.tmp");
    let mut cmd = Command::new(wasm_opt);
    cmd.arg("-O").args(FEATURES).arg(wasm).arg("-o").arg(&tmp);
    ui.detail("Running", &format!("{cmd:?}"));
    let output = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| failed(&format!("cannot run {}: {e}", wasm_opt.display())))?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let why = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message")
            .trim();
        return Err(failed(&format!("wasm-opt failed: {why}")));
    }
    std::fs::rename(&tmp, wasm)
        .map_err(|e| Failure::io(format!("cannot write {}: {e}", wasm.display())))?;
    Ok(())
}

fn failed(message: &str) -> Failure {
    Failure::new(
        Exit::WasmOptFailed,
        format!("{message}; rerun with --no-opt to skip it"),
    )
}
