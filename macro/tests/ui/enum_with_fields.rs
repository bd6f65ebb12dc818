use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub enum Shape {
    Point,
    Circle { radius: f64 },
}

#[wasm_bindgen]
pub enum Color {
    Red = "red",
    Green,
}

fn main() {}
