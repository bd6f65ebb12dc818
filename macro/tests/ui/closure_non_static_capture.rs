use wasm_bindgen::prelude::*;

fn make() -> Closure<dyn Fn() -> usize> {
    let name = String::from("borrowed");
    let borrowed = &name;
    // JS may call the closure after `name` is gone, so it must own what it uses.
    Closure::new(move || borrowed.len())
}

fn main() {
    let _ = make();
}
