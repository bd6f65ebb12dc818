use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "system" {
    fn now() -> f64;
}

fn main() {}
