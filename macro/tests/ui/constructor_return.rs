use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Counter {
    count: u32,
}

#[wasm_bindgen]
impl Counter {
    #[wasm_bindgen(constructor)]
    pub fn new() -> u32 {
        0
    }

    #[wasm_bindgen(constructor)]
    pub fn reset(&mut self) -> Counter {
        Counter { count: self.count }
    }
}

fn main() {}
