use wasm_bindgen::prelude::*;

#[wasm_bindgen(variadic)]
pub fn sum(values: &JsValue) -> JsValue {
    values.clone()
}

#[wasm_bindgen(js_namespace = tools)]
pub fn helper() {}

fn main() {}
