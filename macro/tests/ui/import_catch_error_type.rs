use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // The exception is a JS value: `String` cannot hold it.
    #[wasm_bindgen(catch)]
    fn wrong_error() -> Result<u32, String>;
}

fn main() {}
