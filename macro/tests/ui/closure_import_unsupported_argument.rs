use wasm_bindgen::prelude::*;

pub struct NotExported;

#[wasm_bindgen]
extern "C" {
    // JS would call this closure with a value Rust cannot receive.
    fn call_with(f: &dyn Fn(NotExported));
}

fn main() {}
