use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2)]
    static mut DEVICE_PIXEL_RATIO: f64;
}

fn main() {}
