use wasm_bindgen::prelude::*;

#[wasm_bindgen(private)]
pub struct Hidden {
    pub value: u32,
}

fn main() {}
