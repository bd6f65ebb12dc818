use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Grid;

#[wasm_bindgen]
impl<T> Grid {
    pub fn cells() -> u32 {
        0
    }
}

#[wasm_bindgen]
impl &'static Grid {
    pub fn rows() -> u32 {
        0
    }
}

macro_rules! nothing {
    () => {};
}

#[wasm_bindgen]
impl Grid {
    type Cell = u8;
    nothing!();

    pub fn columns() -> u32 {
        0
    }
}

fn main() {}
