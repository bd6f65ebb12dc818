use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Setting {
    Off = "off",
    Level(u8),
}

fn main() {}
