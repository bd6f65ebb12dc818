//! `wbg test [PATH] [CARGO_TEST_ARGS...]`: a crate's wasm32 tests through cargo, with wbg's
//! runtime patched in (as `wbg build` does) and this `wbg` as cargo's runner, so a crate
//! written for crates.io's `wasm-bindgen-test` runs its tests unchanged. `wbg test
//! TEST.wasm` (cargo's runner) is `test_runner`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wbg_project::Project;

use crate::exit::Failure;
use crate::ui::Ui;

/// Whether `wbg test`'s arguments name a crate (or nothing: the crate here) rather than a
/// test binary.
pub fn is_crate(args: &[String]) -> bool {
    match args.first() {
        None => true,
        Some(first) => {
            let path = Path::new(first);
            !first.starts_with('-')
                && (path.is_dir() || path.file_name().is_some_and(|n| n == "Cargo.toml"))
        }
    }
}

/// Runs `cargo test` for the crate; the exit code is cargo's (libtest's 101 when a test
/// failed), or a failure's.
pub fn run(args: &[String], ui: &Ui) -> ExitCode {
    let (path, rest) = match args.split_first() {
        Some((path, rest)) => (PathBuf::from(path), rest),
        None => (PathBuf::from("."), args),
    };
    match test(&path, rest, ui) {
        Ok(code) => code,
        Err(failure) => {
            ui.error(&failure.message);
            failure.exit.into()
        }
    }
}

fn test(path: &Path, args: &[String], ui: &Ui) -> Result<ExitCode, Failure> {
    let mut project = Project::locate(path)?;
    wbg_project::build::check_wasm_target(&project.dir)?;
    project.resolve()?;
    let exe = std::env::current_exe()
        .map_err(|e| Failure::io(format!("cannot find the running wbg: {e}")))?;
    let runner = [exe.to_string_lossy().into_owned(), "test".to_string()];
    let mut cmd = wbg_project::build::test_command(&project, &runner, args);
    ui.detail("Running", &format!("{cmd:?}"));
    let status = cmd.status().map_err(|e| {
        Failure::from(wbg_project::Error::CannotRun {
            what: "cargo test".into(),
            source: e,
        })
    })?;
    Ok(match status.code() {
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(101)),
        None => ExitCode::from(101),
    })
}
