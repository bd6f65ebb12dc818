use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Foo {
    value: u32,
}

#[wasm_bindgen]
impl Foo {
    #[wasm_bindgen(getter)]
    pub fn scaled(&self, by: u32) -> u32 {
        self.value * by
    }

    #[wasm_bindgen(setter)]
    pub fn set_value(&mut self, value: u32) -> u32 {
        self.value = value;
        value
    }

    #[wasm_bindgen(setter)]
    pub fn set_pair(&mut self, a: u32, b: u32) {
        self.value = a + b;
    }
}

fn main() {}
