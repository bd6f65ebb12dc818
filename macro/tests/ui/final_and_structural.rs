use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type Bar;
    // Opposite ways to reach `describe`: the prototype's at load, or the object's per call.
    #[wasm_bindgen(method, final, structural)]
    fn describe(this: &Bar) -> String;
}

fn main() {}
