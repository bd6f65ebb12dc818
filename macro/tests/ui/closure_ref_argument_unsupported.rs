use wasm_bindgen::prelude::*;

pub struct NotExported;

#[wasm_bindgen]
extern "C" {
    // JS cannot lend a value of a type it does not know.
    fn call_with(f: &dyn Fn(&NotExported));
}

fn main() {
    let _c = Closure::<dyn Fn(&NotExported)>::new(|_: &NotExported| {});
}
