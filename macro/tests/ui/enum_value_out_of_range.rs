use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Mask {
    All = 4294967295,
    Overflow,
}

fn main() {}
