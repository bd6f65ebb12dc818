use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Never {}

fn main() {}
