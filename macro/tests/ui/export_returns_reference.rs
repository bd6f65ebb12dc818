use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn greeting() -> &'static str {
    "hi"
}

fn main() {}
