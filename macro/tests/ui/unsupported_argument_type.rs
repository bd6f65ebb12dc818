use wasm_bindgen::prelude::*;

pub struct NotExported;

#[wasm_bindgen]
pub fn takes(x: NotExported) {
    let _ = x;
}

#[wasm_bindgen]
pub fn gives() -> NotExported {
    NotExported
}

fn main() {}
