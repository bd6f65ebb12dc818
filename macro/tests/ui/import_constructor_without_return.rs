use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Canvas;

    #[wasm_bindgen(constructor)]
    fn new();
}

fn main() {}
