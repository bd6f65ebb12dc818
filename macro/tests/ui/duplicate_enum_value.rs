use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Priority {
    Low = 5,
    Normal = 4,
    High,
}

fn main() {}
