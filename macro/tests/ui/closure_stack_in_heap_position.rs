use wasm_bindgen::prelude::*;

fn main() {
    // A stack closure type cannot be stored in a heap `Closure`.
    let f: &dyn Fn() = &|| {};
    let _c = Closure::<&dyn Fn()>::wrap(Box::new(f));
}
