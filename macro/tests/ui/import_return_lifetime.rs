use wasm_bindgen::prelude::*;

pub struct View<'a>(&'a [u8]);

#[wasm_bindgen]
extern "C" {
    fn current_view() -> View<'static>;
}

fn main() {}
