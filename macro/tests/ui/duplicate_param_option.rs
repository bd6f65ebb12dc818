use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn f(
    #[wasm_bindgen(unchecked_param_type = "number", unchecked_param_type = "bigint")] a: u32,
    #[wasm_bindgen(return_description = "not for parameters")] b: u32,
) -> u32 {
    a + b
}

fn main() {}
