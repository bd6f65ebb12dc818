use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "./foo.js")]
extern "C" {
    // Fine: `js_class` names the JS class of the renamed type.
    #[wasm_bindgen(js_name = Foo)]
    pub type JsFoo;
    #[wasm_bindgen(method, js_class = "Foo")]
    fn get(this: &JsFoo) -> u32;

    // Fine: another class than the type's, or a dotted path.
    pub type Bar;
    #[wasm_bindgen(constructor, js_class = "Baz")]
    fn new_baz() -> Bar;
    #[wasm_bindgen(method, js_class = "Intl.Bar")]
    fn size(this: &Bar) -> u32;

    // A plain function has no class.
    #[wasm_bindgen(js_class = "Foo")]
    fn make() -> u32;
}

fn main() {}
