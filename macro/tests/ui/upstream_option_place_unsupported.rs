use wasm_bindgen::prelude::*;

#[wasm_bindgen(variadic)]
pub fn sum(values: &JsValue) -> JsValue {
    values.clone()
}

fn main() {}
