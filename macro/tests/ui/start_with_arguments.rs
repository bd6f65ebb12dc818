use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn main_entry(x: u32) {
    let _ = x;
}

fn main() {}
