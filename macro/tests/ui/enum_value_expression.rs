use wasm_bindgen::prelude::*;

const BASE: isize = 4;

#[wasm_bindgen]
pub enum Size {
    Small = 1,
    Large = BASE * 2,
}

fn main() {}
