//! Upstream's Node conventions: a raw module name resolved from the crate root, the glue
//! reachable as `wasm-bindgen-test.js` from the test's JS, and `gc()` exposed.

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "tests/js/companion.js")]
extern "C" {
    fn call_rust_triple(n: u32) -> u32;
    fn can_collect() -> bool;
}

#[wasm_bindgen]
pub fn triple(n: u32) -> u32 {
    n * 3
}

#[wasm_bindgen_test]
fn js_calls_back_into_the_glue() {
    assert_eq!(call_rust_triple(14), 42);
}

#[wasm_bindgen_test]
fn gc_is_exposed() {
    assert!(can_collect());
}
