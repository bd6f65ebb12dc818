//! Every `#[wasm_bindgen]` error has a case here, named after what it catches; the
//! `.stderr` files hold the exact messages users see. `ui-pass/` holds code wasm-bindgen
//! accepts that an earlier wbg refused (or only warns about): it must build.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui-pass/*.rs");
}
