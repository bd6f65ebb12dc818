use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Bar;

    #[wasm_bindgen(method, setter)]
    fn property(this: &Bar, value: u32);
}

fn main() {}
