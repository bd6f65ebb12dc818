//! Upstream's Node conventions: a raw module name resolved from the crate root, the glue
//! reachable as `wasm-bindgen-test.js` from the test's JS, `gc()` exposed, and the glue
//! built with `--debug` (argument types checked) unless WASM_BINDGEN_NO_DEBUG is set.

use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen(module = "tests/js/companion.js")]
extern "C" {
    fn call_rust_triple(n: u32) -> u32;
    fn can_collect() -> bool;
    fn triple_of_a_string() -> String;
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

#[wasm_bindgen_test]
fn debug_glue_checks_argument_types() {
    assert_eq!(
        triple_of_a_string(),
        "expected a number argument, found string"
    );
}
