use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn generic<T: Default>() {
    let _ = T::default();
}

fn main() {}
