use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_nme = foo)]
pub fn f() {}

fn main() {}
