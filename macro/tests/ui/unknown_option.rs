use wasm_bindgen::prelude::*;

#[wasm_bindgen(frobnicate)]
pub fn f() {}

fn main() {}
