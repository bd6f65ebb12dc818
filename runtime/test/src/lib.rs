//! wbg's `wasm-bindgen-test`: `#[wasm_bindgen_test]`, `wasm_bindgen_test_configure!` and
//! `console_log!` with upstream's API, so existing tests build unchanged. Run the tests
//! with `cargo test --target wasm32-unknown-unknown` and `wasm-bindgen-test-runner` (or
//! `wbg test`) as cargo's runner; see docs/testing.md.
//!
//! Each test becomes a wasm export the runner's harness calls; the `__wbgtest` custom
//! section (see `entry.rs`) lists the tests, their attributes and the configuration.

pub use wasm_bindgen_test_macro::wasm_bindgen_test;

mod entry;

#[doc(hidden)]
#[path = "rt.rs"]
pub mod __rt;

/// Where the tests of this crate run: `wasm_bindgen_test_configure!(run_in_browser);` runs
/// them in headless Chromium; `run_in_node_experimental` in Node with ES modules (the
/// default is Node with CommonJS).
#[macro_export]
macro_rules! wasm_bindgen_test_configure {
    (run_in_browser $(,)? $($rest:tt)*) => {
        $crate::__wbgtest_config!($crate::__rt::config::RUN_IN_BROWSER);
        $crate::wasm_bindgen_test_configure!($($rest)*);
    };
    (run_in_node_experimental $(,)? $($rest:tt)*) => {
        $crate::__wbgtest_config!($crate::__rt::config::RUN_IN_NODE_EXPERIMENTAL);
        $crate::wasm_bindgen_test_configure!($($rest)*);
    };
    ($other:ident $($rest:tt)*) => {
        ::core::compile_error!(concat!(
            "wbg's test runner does not support `", stringify!($other),
            "`; use `run_in_browser` or `run_in_node_experimental`"
        ));
    };
    () => {};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __wbgtest_config {
    ($flags:expr) => {
        const _: () = {
            #[cfg(target_arch = "wasm32")]
            #[unsafe(link_section = "__wbgtest")]
            #[used]
            static CONFIG: [u8; $crate::__rt::CONFIG_ENTRY_LEN] =
                $crate::__rt::config_entry($flags);
        };
    };
}

/// `eprintln!` for tests: captured with the test's output like [`console_log!`] (upstream
/// writes it with `console.error`).
#[macro_export]
macro_rules! console_error {
    ($($t:tt)*) => {
        $crate::__rt::log(&::std::format!($($t)*))
    };
}

/// `println!` for tests: the line is captured with the test's output, shown when the test
/// fails or with `--nocapture`.
#[macro_export]
macro_rules! console_log {
    ($($t:tt)*) => {
        $crate::__rt::log(&::std::format!($($t)*))
    };
}
