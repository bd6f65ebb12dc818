use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Person {
    pub name: String,
}

fn main() {}
