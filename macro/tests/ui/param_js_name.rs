use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn f(#[wasm_bindgen(js_name = "first-arg")] a: u32, #[wasm_bindgen(js_name = "class")] b: u32) -> u32 {
    a + b
}

fn main() {}
