use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "./x.js")]
extern "C" {
    #[wasm_bindgen(reexport)]
    pub type Thing;
    // A method has no name in the module to export.
    #[wasm_bindgen(method, reexport)]
    fn poke(this: &Thing);
    // Not a name a module can export.
    #[wasm_bindgen(reexport = "not-a-name")]
    fn sub(a: i32, b: i32) -> i32;
}

fn main() {}
