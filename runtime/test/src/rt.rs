//! What the code `#[wasm_bindgen_test]` generates calls: run a test, report its outcome
//! and any panic to the runner's harness (the global `__wbgtest` object it installs before
//! loading the module). Not a public API.

use std::fmt::Debug;
use std::future::Future;
use std::sync::Once;

use wasm_bindgen::prelude::*;

pub use crate::entry::{config, config_entry, flags, test_entry, test_entry_len, CONFIG_ENTRY_LEN};

#[wasm_bindgen(js_namespace = __wbgtest)]
extern "C" {
    /// A Rust panic: message and `file:line:column`. The trap that follows (panic=abort)
    /// reaches the harness as a `WebAssembly.RuntimeError`.
    #[wasm_bindgen(js_name = panic)]
    fn harness_panic(message: &str, location: &str);
    /// The test finished: `failed` with the `Err` value's `Debug` text as `message`.
    #[wasm_bindgen(js_name = done)]
    fn harness_done(failed: bool, message: &str);
    /// A `console_log!` line, captured with the test's output.
    #[wasm_bindgen(js_name = log)]
    fn harness_log(text: &str);
}

/// What a test may return: `()` or `Result<(), E: Debug>`, as libtest accepts.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned from a #[wasm_bindgen_test]",
    label = "tests return `()` or `Result<(), E>` where `E: Debug`"
)]
pub trait Termination {
    /// `Err` with the text libtest would print (`Error: ...`) when the test failed.
    fn into_outcome(self) -> Result<(), String>;
}

impl Termination for () {
    fn into_outcome(self) -> Result<(), String> {
        Ok(())
    }
}

impl<E: Debug> Termination for Result<(), E> {
    fn into_outcome(self) -> Result<(), String> {
        self.map_err(|e| format!("Error: {e:?}"))
    }
}

/// Runs a synchronous test and reports its outcome.
pub fn run_sync<T: Termination>(test: fn() -> T) {
    install_panic_hook();
    report(test().into_outcome());
}

/// Starts an async test on the futures executor; it reports when it completes. A panic
/// while it is polled traps inside a microtask, which the harness sees as an unhandled
/// rejection.
pub fn run_async<F>(test: F)
where
    F: Future + 'static,
    F::Output: Termination,
{
    install_panic_hook();
    wasm_bindgen_futures::spawn_local(async move { report(test.await.into_outcome()) });
}

fn report(outcome: Result<(), String>) {
    match outcome {
        Ok(()) => harness_done(false, ""),
        Err(message) => harness_done(true, &message),
    }
}

/// Sends panics to the harness instead of stderr (which wasm32-unknown-unknown lacks).
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("Box<dyn Any>");
            let location = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            harness_panic(message, &location);
        }));
    });
}

/// `console_log!`'s output.
pub fn log(text: &str) {
    harness_log(text);
}
