use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Direction {
    Back = -1,
    Still = 0,
    Forward = 1,
}

fn main() {}
