use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // The seed's other mistake: `catch` on an import that cannot return the exception.
    #[wasm_bindgen(catch)]
    fn risky() -> u32;

    #[wasm_bindgen(catch)]
    fn wrong_error() -> Result<u32, String>;
}

fn main() {}
