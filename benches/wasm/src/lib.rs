//! The functions `benches/run.mjs` times. The same source is built against upstream's
//! `wasm-bindgen` crate (a manifest `scripts/bench` writes into target/) for the comparison
//! column.

use wasm_bindgen::prelude::*;

/// Numeric call: the glue should add next to nothing over the raw export.
#[wasm_bindgen]
pub fn add(a: u32, b: u32) -> u32 {
    a.wrapping_add(b)
}

/// String in, string out.
#[wasm_bindgen]
pub fn greet(name: &str) -> String {
    format!("Hello, {}!", name)
}

/// Borrowed `JsValue`: does not call back into JS.
#[wasm_bindgen]
pub fn take_ref(_v: &JsValue) -> u32 {
    1
}

/// Owned `JsValue`: dropping it calls back into JS to free its slot (inherent to the ABI).
#[wasm_bindgen]
pub fn take_owned(v: JsValue) -> u32 {
    drop(v);
    1
}

/// Large data out: `len` bytes counting up.
#[wasm_bindgen]
pub fn big_bytes(len: usize) -> Vec<u8> {
    (0..len).map(|i| i as u8).collect()
}

/// Large data in: the sum of a float slice.
#[wasm_bindgen]
pub fn sum_f64(v: &[f64]) -> f64 {
    v.iter().sum()
}
