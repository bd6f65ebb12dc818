use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn shout<'s>(text: &'s str) -> String {
    text.to_uppercase()
}

fn main() {}
