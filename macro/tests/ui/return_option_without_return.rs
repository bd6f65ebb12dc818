use wasm_bindgen::prelude::*;

#[wasm_bindgen(unchecked_return_type = "number")]
pub fn nothing() {}

#[wasm_bindgen]
pub struct A {}

#[wasm_bindgen]
impl A {
    #[wasm_bindgen(return_description = "what it says")]
    pub fn later() {}
}

fn main() {}
