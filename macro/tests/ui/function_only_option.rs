use wasm_bindgen::prelude::*;

#[wasm_bindgen(
    unchecked_return_type = "Point",
    param_description = "a point"
)]
pub struct Point {
    pub x: f64,
}

#[wasm_bindgen(return_description = "the length")]
impl Point {
    pub fn length(&self) -> f64 {
        self.x.abs()
    }
}

#[wasm_bindgen(unchecked_param_type = "number")]
pub enum Axis {
    X,
    Y,
}

fn main() {}
