use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Counter {
    count: u32,
}

#[wasm_bindgen]
impl Default for Counter {
    fn default() -> Self {
        Counter { count: 0 }
    }
}

fn main() {}
