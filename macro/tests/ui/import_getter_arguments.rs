use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type Bar;

    #[wasm_bindgen(method, getter)]
    fn size(this: &Bar, scale: u32) -> u32;

    #[wasm_bindgen(method, setter)]
    fn set_size(this: &Bar);
}

fn main() {}
