//! A test that never returns: the runner's per-test timeout fails it and the next test
//! still runs (on a new Node process). Run with a short WASM_BINDGEN_TEST_TIMEOUT.

use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn hangs_forever() {
    let mut n = 0u64;
    loop {
        n = std::hint::black_box(n.wrapping_add(1));
    }
}

#[wasm_bindgen_test]
fn runs_after_the_hang() {}
