use wasm_bindgen::prelude::*;

// wasm-bindgen keeps a `&mut` borrow alive for the future; wbg does not yet (a shared
// borrow such as `&str` is fine).
#[wasm_bindgen]
pub async fn fill(data: &mut [u8]) {
    data.fill(0);
}

pub struct Thing;

#[wasm_bindgen]
impl Thing {
    pub async fn method(&self) -> u32 {
        1
    }
}

fn main() {}
