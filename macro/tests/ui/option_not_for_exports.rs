// wasm-bindgen ignores an option written where it has no effect and only warns; the
// warning is the `deprecated` lint, so denying it makes each one an error.
#![deny(deprecated)]

use wasm_bindgen::prelude::*;

#[wasm_bindgen(structural)]
pub fn f() {}

#[wasm_bindgen(catch, readonly)]
pub fn g() {}

#[wasm_bindgen]
pub struct Counter {
    count: u32,
}

#[wasm_bindgen(getter_with_clone, final)]
impl Counter {
    #[wasm_bindgen(method)]
    pub fn reset(&mut self) {
        self.count = 0;
    }

    #[wasm_bindgen(getter, typescript_type = "number")]
    pub fn count(&self) -> u32 {
        self.count
    }
}

fn main() {}
