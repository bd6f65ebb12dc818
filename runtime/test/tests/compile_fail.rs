//! Every mistake `#[wasm_bindgen_test]` and `wasm_bindgen_test_configure!` catch, with the
//! exact message (trybuild; `TRYBUILD=overwrite` updates the .stderr files).

#[test]
fn compile_fail() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
