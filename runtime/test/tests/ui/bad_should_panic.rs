use wasm_bindgen_test::*;

#[wasm_bindgen_test]
#[should_panic(reason = "boom")]
fn boom() {
    panic!("boom");
}

fn main() {}
