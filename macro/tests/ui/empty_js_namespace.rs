use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = [])]
    fn alert(message: &str);
}

fn main() {}
