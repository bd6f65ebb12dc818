use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Bar;

    #[wasm_bindgen(method)]
    fn get(this: Bar) -> u32;

    #[wasm_bindgen(method)]
    fn nothing();
}

fn main() {}
