use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    pub type List<T = JsValue>;

    // A type parameter inside a closure or a slice cannot travel as one `JsValue`.
    #[wasm_bindgen(method)]
    pub fn every<T>(this: &List<T>, predicate: &mut dyn FnMut(T, u32) -> bool) -> bool;
    pub fn of<T>(items: &[T]) -> List<T>;
    pub fn pair<T>() -> (T, u32);

    // Const parameters are refused, as wasm-bindgen does.
    pub type Fixed<const N: usize>;
}

fn main() {}
