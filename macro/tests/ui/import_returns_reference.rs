use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    fn user_agent() -> &'static str;
}

fn main() {}
