use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub async fn later() -> u32 {
    1
}

fn main() {}
