use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Buffer;

#[wasm_bindgen]
unsafe impl Buffer {
    pub fn size(&self) -> u32 {
        0
    }
}

fn main() {}
