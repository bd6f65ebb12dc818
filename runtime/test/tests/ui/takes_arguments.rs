use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn needs_input(x: u32) {
    assert_eq!(x, 1);
}

fn main() {}
