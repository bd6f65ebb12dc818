use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn id<T>(x: T) -> T {
    x
}

#[wasm_bindgen]
pub fn show(x: impl std::fmt::Display) -> String {
    x.to_string()
}

fn main() {}
