use wasm_bindgen_test::*;

#[wasm_bindgen_test]
#[ignore(slow)]
fn slow() {}

fn main() {}
