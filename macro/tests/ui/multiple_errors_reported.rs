use wasm_bindgen::prelude::*;

// Every problem of one attribute is reported, not just the first.
#[wasm_bindgen(strutural, js_name, start)]
pub fn f(x: u32) {
    let _ = x;
}

fn main() {}
