//! Every `#[wasm_bindgen]` error has a case here, named after what it catches; the
//! `.stderr` files hold the exact messages users see.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
