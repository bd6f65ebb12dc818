use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // Stack closures take at most 8 arguments too.
    fn call_nine(f: &dyn Fn(u8, u8, u8, u8, u8, u8, u8, u8, u8));
}

fn main() {
    // Closures take at most 8 arguments.
    let _c = Closure::<dyn Fn(u32, u32, u32, u32, u32, u32, u32, u32, u32)>::new(
        |_a, _b, _c, _d, _e, _f, _g, _h, _i| {},
    );
}
