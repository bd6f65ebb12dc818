use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn returns_a_number() -> u32 {
    1
}

#[wasm_bindgen_test]
async fn async_returns_a_string() -> String {
    String::new()
}

fn main() {}
