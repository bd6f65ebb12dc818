use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Setting {
    Off = "off",
    Level(u8),
}

#[wasm_bindgen]
pub enum Mixed {
    Bare,
    Tuple(u32),
}

fn main() {}
