use wasm_bindgen::prelude::*;

#[wasm_bindgen(unchecked_return_type = "Promise<number>")]
pub fn later() -> JsValue {
    JsValue::NULL
}

fn main() {}
