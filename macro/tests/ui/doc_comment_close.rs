use wasm_bindgen::prelude::*;

#[wasm_bindgen(return_description = "*/ done")]
pub fn f(
    #[wasm_bindgen(unchecked_param_type = "number */ x")] a: u32,
    #[wasm_bindgen(param_description = "/* a comment */")] b: u32,
) -> u32 {
    a + b
}

fn main() {}
