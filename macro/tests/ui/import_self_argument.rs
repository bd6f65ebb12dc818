use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type Canvas;

    #[wasm_bindgen(method)]
    fn clear(self: &Canvas);
}

fn main() {}
