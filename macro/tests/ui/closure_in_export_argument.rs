use wasm_bindgen::prelude::*;

// JS cannot hand a Rust closure to an export; take a `JsValue` (a JS function) instead.
#[wasm_bindgen]
pub fn takes_closure(f: &dyn Fn(u32)) {
    f(1);
}

fn main() {}
