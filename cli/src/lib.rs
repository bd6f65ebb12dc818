//! The command-line front end over `wbg-core-gen`: `wbg build`, `check`, `watch` and
//! `bindgen`, and the `wasm-bindgen` binary. Each subcommand has its own module; every
//! failure is one `error:` line and an exit code from `exit.rs`.

pub mod app;
pub mod bindgen;
pub mod build;
pub mod check;
pub mod exit;
pub mod test_crate;
pub mod test_runner;
pub mod ui;
pub mod watch;

use std::process::ExitCode;

pub use bindgen::{BindgenArgs, TargetArg};
pub use exit::{Exit, Failure, EXIT_CODES_HELP};

/// `--version` text: says "wbg" so scripts can tell it from upstream's `wasm-bindgen`.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (wbg)");

/// Runs `body`, turning a panic (a bug) into one `error:` line and exit code 2 instead of
/// a backtrace. Panics caught deeper down (e.g. by the wasm parser guard) stay silent.
pub fn guard(body: impl FnOnce() -> ExitCode) -> ExitCode {
    // Global rather than thread-local: `check` parses on worker threads.
    static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    std::panic::set_hook(Box::new(|info| {
        let msg = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "unknown panic".into()),
        };
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{msg}{at}"));
        }
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(code) => code,
        Err(_) => {
            let msg = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut p| p.take())
                .unwrap_or_default();
            eprintln!("error: internal error in wbg (please report it): {msg}");
            ExitCode::from(2)
        }
    }
}

/// `wasm-bindgen`'s whole run: bindgen, failures as one line.
pub fn run_bindgen(args: &BindgenArgs) -> ExitCode {
    let ui = ui::Ui::new(false, false);
    app::finish(bindgen::run(args).map(|()| Exit::Success), &ui)
}
