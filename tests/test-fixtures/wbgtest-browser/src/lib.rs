//! Tests configured with `run_in_browser`: the runner runs them in headless Chromium, where
//! browser globals such as `document` exist.

#[cfg(test)]
mod tests {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen]
    extern "C" {
        type Document;
        #[wasm_bindgen(thread_local_v2, js_name = document)]
        static DOCUMENT: Document;
        #[wasm_bindgen(method, getter, js_name = readyState)]
        fn ready_state(this: &Document) -> String;
        #[wasm_bindgen(js_namespace = navigator, js_name = userAgent, thread_local_v2)]
        static USER_AGENT: String;
    }

    #[wasm_bindgen_test]
    fn has_a_document() {
        let state = DOCUMENT.with(|d| d.ready_state());
        assert!(!state.is_empty());
    }

    #[wasm_bindgen_test]
    fn runs_in_chromium() {
        let agent = USER_AGENT.with(|a| a.clone());
        console_log!("user agent: {agent}");
        assert!(agent.contains("Chrome"), "user agent {agent}");
    }

    #[wasm_bindgen_test]
    fn fails_in_the_browser() {
        console_log!("output of a failing browser test");
        panic!("browser panic");
    }

    #[wasm_bindgen_test]
    #[should_panic(expected = "expected in the browser")]
    fn should_panic_in_the_browser() {
        panic!("expected in the browser");
    }

    #[wasm_bindgen(inline_js = "export function next_frame() { return new Promise((r) => setTimeout(r, 1)); }")]
    extern "C" {
        fn next_frame() -> JsValue;
    }

    #[wasm_bindgen_test]
    async fn async_in_the_browser() {
        wasm_bindgen_futures::JsFuture::from(next_frame()).await.unwrap();
        assert!(DOCUMENT.with(|d| d.ready_state()).len() > 0);
    }

    #[wasm_bindgen_test]
    #[ignore]
    fn ignored_in_the_browser() {}
}
