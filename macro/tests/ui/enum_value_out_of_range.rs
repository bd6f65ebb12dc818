use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Mask {
    All = 4294967295,
    Overflow,
}

#[wasm_bindgen]
pub enum Offset {
    Down = -1,
    Up = 2147483648,
}

fn main() {}
