use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    fn resize(#[wasm_bindgen(js_name = "newWidth")] new_width: u32) -> u32;
}

fn main() {}
