use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Foo {
    value: u32,
}

#[wasm_bindgen]
impl Foo {
    // The seed's mistake: a setter whose name lacks `set_`.
    #[wasm_bindgen(setter)]
    pub fn property(&mut self, value: u32) {
        self.value = value;
    }
}

fn main() {}
