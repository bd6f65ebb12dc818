use wasm_bindgen::prelude::*;

#[wasm_bindgen(main)]
fn setup() {}

fn main() {}
