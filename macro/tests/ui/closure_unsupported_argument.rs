use wasm_bindgen::prelude::*;

pub struct NotExported;

fn main() {
    let _c = Closure::<dyn Fn(NotExported)>::new(|_| {});
}
