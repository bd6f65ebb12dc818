//! `run_in_node_experimental`: the same tests through the ES module glue in Node, with an
//! ES module snippet imported as written.

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_node_experimental);

#[wasm_bindgen(inline_js = "export function twice(x) { return x * 2; }\nexport const is_esm = () => typeof require === 'undefined';")]
extern "C" {
    fn twice(x: u32) -> u32;
    fn is_esm() -> bool;
}

#[wasm_bindgen_test]
fn snippet_runs_as_an_es_module() {
    assert_eq!(twice(21), 42);
    assert!(is_esm());
}

#[wasm_bindgen_test]
async fn async_works_too() {
    let v = wasm_bindgen_futures::JsFuture::from(wbgtest_demo::sleep(1)).await.unwrap();
    assert_eq!(v.as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
#[should_panic(expected = "esm panic")]
fn panics_are_reported() {
    panic!("esm panic");
}
