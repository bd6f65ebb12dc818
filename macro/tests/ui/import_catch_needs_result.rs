use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // The seed's other mistake: `catch` on an import that cannot return the exception.
    #[wasm_bindgen(catch)]
    fn risky() -> u32;

    // Fine: the error may be any imported JS type.
    pub type RangeError;
    #[wasm_bindgen(catch)]
    fn checked() -> Result<u32, RangeError>;
}

fn main() {}
