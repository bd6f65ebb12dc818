use wasm_bindgen::prelude::*;

#[wasm_bindgen(extends = Circle)]
pub struct Circle {
    radius: f64,
}

#[wasm_bindgen(extends = Self)]
pub struct Square {}

fn main() {}
