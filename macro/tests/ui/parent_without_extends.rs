use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Animal {}

#[wasm_bindgen]
pub struct Dog {
    animal: wasm_bindgen::Parent<Animal>,
}

fn main() {}
