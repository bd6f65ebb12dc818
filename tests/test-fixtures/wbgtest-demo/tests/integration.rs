//! An integration test target: a second test binary for the runner.

use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn integration_passes() {
    assert_eq!(wbgtest_demo::larger(2.0, 5.0), 5.0);
}

#[wasm_bindgen_test]
fn integration_also_passes() {}
