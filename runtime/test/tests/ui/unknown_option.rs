use wasm_bindgen_test::*;

#[wasm_bindgen_test(async)]
fn t() {}

fn main() {}
