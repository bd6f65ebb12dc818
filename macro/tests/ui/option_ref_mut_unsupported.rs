use wasm_bindgen::prelude::*;

pub struct NotExported;

#[wasm_bindgen]
pub fn lend(x: Option<&mut NotExported>) {
    let _ = x;
}

#[wasm_bindgen]
pub fn lend_str(s: Option<&mut str>) {
    let _ = s;
}

fn main() {}
