use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Timer {
    ticks: u32,
}

// The block itself lacks `#[wasm_bindgen]`, so the method is treated as a free function.
impl Timer {
    #[wasm_bindgen(js_name = tickCount)]
    pub fn ticks(&self) -> u32 {
        self.ticks
    }
}

fn main() {}
