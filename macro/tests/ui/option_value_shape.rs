use wasm_bindgen::prelude::*;

#[wasm_bindgen(start = yes)]
pub fn f() {}

#[wasm_bindgen(js_name)]
pub fn g() {}

#[wasm_bindgen(js_name = 5)]
pub fn h() {}

fn main() {}
