use wasm_bindgen::prelude::*;

// The future runs after the call returns, so it cannot borrow its arguments.
#[wasm_bindgen]
pub async fn later(name: &str) -> u32 {
    name.len() as u32
}

pub struct Thing;

#[wasm_bindgen]
impl Thing {
    pub async fn method(&self) -> u32 {
        1
    }
}

fn main() {}
