use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_name = "package")]
pub struct Bundle;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = "typeof")]
    fn type_of(value: &JsValue) -> String;

    #[wasm_bindgen(js_namespace = ["while", "loop"])]
    fn spin();
}

fn main() {}
