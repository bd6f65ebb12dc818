use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen { js_name = "now" }]
    fn current_time() -> f64;
}

fn main() {}
