use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_shared_worker);

fn main() {}
