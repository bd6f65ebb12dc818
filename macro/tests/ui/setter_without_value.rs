use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Foo {
    value: u32,
}

#[wasm_bindgen]
impl Foo {
    // A setter must receive the value assigned: `obj.value = v`.
    #[wasm_bindgen(setter)]
    pub fn set_value(&mut self) {
        self.value = 0;
    }
}

fn main() {}
