use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Bar;

    #[wasm_bindgen(constructor)]
    fn new() -> &'static Bar;
}

fn main() {}
