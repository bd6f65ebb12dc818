use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub trait Shape {
    fn area(&self) -> f64;
}

fn main() {}
