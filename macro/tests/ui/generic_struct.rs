use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Wrapper<T> {
    value: T,
}

#[wasm_bindgen]
pub struct Borrowed<'a> {
    name: &'a str,
}

fn main() {}
