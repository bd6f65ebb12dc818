use wasm_bindgen::prelude::*;
use wasm_bindgen::Parent;

#[wasm_bindgen]
pub struct Animal {}

#[wasm_bindgen(extends = Animal)]
pub struct Dog {
    animal: Parent<Animal>,
}

#[wasm_bindgen(extends = Animal)]
pub struct Cat {
    parent: String,
}

fn main() {}
