use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub const fn version() -> u32 {
    3
}

#[wasm_bindgen]
pub struct Config;

#[wasm_bindgen]
impl Config {
    pub const fn limit() -> u32 {
        10
    }
}

fn main() {}
