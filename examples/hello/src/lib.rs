use wasm_bindgen::prelude::*;

/// Says hello to `name`.
#[wasm_bindgen]
pub fn greet(name: &str) -> String {
    format!("Hello, {}!", name)
}
