//! The optional `wasm-opt` pass: used on release builds when binaryen's `wasm-opt` is on
//! PATH, skipped for dev builds (they are for debugging, and optimising would only slow
//! the edit-build loop) and when turned off.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::build::Profile;
use crate::error::Error;

/// Whether to run wasm-opt, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Run(PathBuf),
    /// Why it is skipped, for a verbose log (`--no-opt`, `--dev build`, ...).
    Skip(&'static str),
}

/// The one rule `wbg build` and regenerate-on-save share.
pub fn decide(profile: &Profile, turned_off: bool) -> Decision {
    if turned_off {
        return Decision::Skip("--no-opt");
    }
    if *profile != Profile::Release {
        return Decision::Skip("--dev build");
    }
    match find() {
        Some(tool) => Decision::Run(tool),
        None => Decision::Skip("not on PATH; binaryen provides it"),
    }
}

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

/// The command [`run`] runs, for a verbose log.
pub fn command(wasm_opt: &Path, wasm: &Path) -> Command {
    let mut cmd = Command::new(wasm_opt);
    cmd.arg("-O")
        .args(FEATURES)
        .arg(wasm)
        .arg("-o")
        .arg(wasm.with_extension("wasm-opt.tmp"));
    cmd
}

/// Optimises `wasm` in place with `wasm-opt -O`.
pub fn run(wasm_opt: &Path, wasm: &Path) -> Result<(), Error> {
    let tmp = wasm.with_extension("wasm-opt.tmp");
    let output = command(wasm_opt, wasm)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::WasmOpt(format!("cannot run {}: {e}", wasm_opt.display())))?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let why = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message")
            .trim();
        return Err(Error::WasmOpt(format!("wasm-opt failed: {why}")));
    }
    std::fs::rename(&tmp, wasm).map_err(|e| Error::io("write", wasm, e))
}
