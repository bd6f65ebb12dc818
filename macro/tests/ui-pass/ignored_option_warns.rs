// An option with no effect where it is written builds, with a warning (wasm-bindgen
// ignores it too).
use wasm_bindgen::prelude::*;

#[wasm_bindgen(readonly)]
pub fn f() {}

fn main() {}
