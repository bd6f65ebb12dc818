use wasm_bindgen::prelude::*;

#[wasm_bindgen(structural)]
pub fn f() {}

#[wasm_bindgen(catch)]
pub fn g() {}

fn main() {}
