use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn resize(#[wasm_bindgen(js_name = "newWidth")] new_width: u32) -> u32 {
    new_width
}

fn main() {}
