use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "./helpers.js")]
extern "C" {
    fn helper();
}

#[wasm_bindgen(module = "../shared/util.js")]
extern "C" {
    fn util();
}

fn main() {}
