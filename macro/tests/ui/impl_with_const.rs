use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Grid;

#[wasm_bindgen]
impl Grid {
    pub const SIZE: u32 = 8;

    pub fn size(&self) -> u32 {
        Self::SIZE
    }
}

fn main() {}
