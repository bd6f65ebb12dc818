use wasm_bindgen::prelude::*;

#[wasm_bindgen(main)]
fn main() {}
