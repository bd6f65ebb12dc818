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

/// A class: method calls (`&self`, `&mut self`), a field's getter and setter, creation.
#[wasm_bindgen]
pub struct Counter {
    pub value: u32,
}

#[wasm_bindgen]
impl Counter {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Counter {
        Counter { value: 0 }
    }

    /// `&mut self` method.
    pub fn incr(&mut self) -> u32 {
        self.value = self.value.wrapping_add(1);
        self.value
    }

    /// `&self` method.
    pub fn get(&self) -> u32 {
        self.value
    }
}

impl Default for Counter {
    fn default() -> Self {
        Counter::new()
    }
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis.wbgBench.call_closure(f, n)`: calls the stack closure `f` n times from JS.
    #[wasm_bindgen(js_namespace = wbgBench)]
    fn call_closure(f: &dyn Fn(u32) -> u32, n: u32) -> u32;
}

/// Stack closure calls: JS calls a `&dyn Fn(u32) -> u32` `n` times.
#[wasm_bindgen]
pub fn closure_calls(n: u32, k: u32) -> u32 {
    call_closure(&|x| x.wrapping_add(k), n)
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis.wbgBench.call_closure_mut(f, n)`: calls the stack closure `f` n times.
    #[wasm_bindgen(js_namespace = wbgBench)]
    fn call_closure_mut(f: &mut dyn FnMut(u32) -> u32, n: u32) -> u32;
}

/// Stack closure calls: JS calls a `&mut dyn FnMut(u32) -> u32` `n` times.
#[wasm_bindgen]
pub fn closure_calls_mut(n: u32) -> u32 {
    let mut total = 0u32;
    call_closure_mut(
        &mut |x| {
            total = total.wrapping_add(x);
            total
        },
        n,
    )
}

/// A heap closure handed to JS for good: `x + k`.
#[wasm_bindgen]
pub fn make_adder(k: u32) -> JsValue {
    Closure::<dyn Fn(u32) -> u32>::new(move |x: u32| x.wrapping_add(k)).into_js_value()
}

/// Closure creation: `n` heap closures made and dropped in Rust (each one JS function).
#[wasm_bindgen]
pub fn closures_made(n: u32) -> u32 {
    let mut made = 0;
    for k in 0..n {
        let c = Closure::<dyn Fn(u32) -> u32>::new(move |x: u32| x.wrapping_add(k));
        drop(c);
        made += 1;
    }
    made
}
