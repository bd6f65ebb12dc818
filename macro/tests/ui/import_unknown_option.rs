use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Bar;

    #[wasm_bindgen(method, strutural)]
    fn get(this: &Bar) -> u32;
}

fn main() {}
