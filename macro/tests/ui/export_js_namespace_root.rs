use wasm_bindgen::prelude::*;

// The first name of an exported `js_namespace` becomes a module export.
#[wasm_bindgen(js_namespace = ["3d", "shapes"])]
pub fn area() -> f64 {
    0.0
}

#[wasm_bindgen(js_namespace = default)]
pub struct Counter {
    count: u32,
}

fn main() {}
