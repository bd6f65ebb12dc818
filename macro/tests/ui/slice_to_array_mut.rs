use wasm_bindgen::prelude::*;

// `slice_to_array` gives JS a new `Array`: its writes could never reach a `&mut [T]`.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(slice_to_array)]
    fn fill(readable: &[u8], writable: &mut [u8]);
}

// Inherited from the block.
#[wasm_bindgen(slice_to_array)]
extern "C" {
    fn fill_optional(writable: Option<&mut [f64]>);
}

fn main() {}
