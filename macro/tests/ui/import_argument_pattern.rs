use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    fn move_to((x, y): (f64, f64));
}

fn main() {}
