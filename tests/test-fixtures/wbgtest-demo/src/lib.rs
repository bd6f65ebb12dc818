//! Tests of the test runner: each outcome libtest knows (pass, fail, panic with and
//! without an expected message, `Err` returns, ignored), sync and async, run in Node. The
//! runner's own suite (cli/tests/test_runner.rs) asserts the report line by line.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Math, js_name = max)]
    fn js_max(a: f64, b: f64) -> f64;
    #[wasm_bindgen(js_namespace = console, js_name = log)]
    fn js_console_log(s: &str);
}

#[wasm_bindgen(inline_js = "export function sleep(ms) { return new Promise((r) => setTimeout(() => r(ms), ms)); }")]
extern "C" {
    /// A promise that resolves to `ms` after `ms` milliseconds.
    pub fn sleep(ms: u32) -> JsValue;
}

/// The larger of two numbers, by way of JS `Math.max`.
pub fn larger(a: f64, b: f64) -> f64 {
    js_max(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn passes() {
        assert_eq!(larger(1.0, 2.0), 2.0);
    }

    #[wasm_bindgen_test]
    fn passes_with_js_values() {
        let v = JsValue::from_str("hi");
        assert_eq!(v.as_string().as_deref(), Some("hi"));
        console_log!("not shown: the test passes");
    }

    #[wasm_bindgen_test]
    fn fails_with_output() {
        console_log!("console_log from a failing test: {}", 42);
        console_error!("console_error from a failing test");
        js_console_log("console.log from a failing test");
        assert_eq!(1 + 1, 3, "arithmetic is broken");
    }

    #[wasm_bindgen_test]
    fn after_a_panic_the_next_test_runs() {
        assert_eq!(larger(3.0, -1.0), 3.0);
    }

    #[wasm_bindgen_test]
    #[should_panic]
    fn should_panic_passes() {
        panic!("any message");
    }

    #[wasm_bindgen_test]
    #[should_panic(expected = "index out of bounds")]
    fn should_panic_with_expected_passes() {
        let v: Vec<u32> = Vec::new();
        let i = v.len() + 3;
        let _ = v[i];
    }

    #[wasm_bindgen_test]
    #[should_panic(expected = "the right words")]
    fn should_panic_with_wrong_message_fails() {
        panic!("the wrong words");
    }

    #[wasm_bindgen_test]
    #[should_panic]
    fn should_panic_without_panic_fails() {}

    #[wasm_bindgen_test]
    fn result_ok_passes() -> Result<(), String> {
        Ok(())
    }

    #[wasm_bindgen_test]
    fn result_err_fails() -> Result<(), String> {
        Err("the test returned an error".into())
    }

    #[wasm_bindgen_test]
    fn result_js_value_err_fails() -> Result<(), JsValue> {
        Err(JsValue::from_str("a JsValue error"))
    }

    #[wasm_bindgen_test]
    fn js_exception_fails() {
        wasm_bindgen::throw_str("thrown from JS");
    }

    #[wasm_bindgen_test]
    #[ignore]
    fn ignored() {
        panic!("ignored tests do not run");
    }

    #[wasm_bindgen_test]
    #[ignore = "needs a network"]
    fn ignored_with_reason() {}

    #[wasm_bindgen_test]
    async fn async_passes() {
        let value = wasm_bindgen_futures::JsFuture::from(sleep(5)).await.unwrap();
        assert_eq!(value.as_f64(), Some(5.0));
    }

    #[wasm_bindgen_test]
    async fn async_panic_after_await_fails() {
        wasm_bindgen_futures::JsFuture::from(sleep(1)).await.unwrap();
        console_log!("before the async panic");
        panic!("async panic after a timer");
    }

    #[wasm_bindgen_test]
    async fn async_result_err_fails() -> Result<(), String> {
        wasm_bindgen_futures::JsFuture::from(sleep(1)).await.unwrap();
        Err("async error".into())
    }

    #[wasm_bindgen_test]
    #[should_panic(expected = "late panic")]
    async fn async_should_panic_passes() {
        wasm_bindgen_futures::JsFuture::from(sleep(1)).await.unwrap();
        panic!("a late panic");
    }

    mod nested {
        use wasm_bindgen_test::*;

        // Same name as a test in the parent module: export names stay distinct.
        #[wasm_bindgen_test]
        fn passes() {}
    }
}
