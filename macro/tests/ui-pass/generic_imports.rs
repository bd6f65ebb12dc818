//! Generic imported types and functions (wasm-bindgen 0.2.130): the parameters erase to
//! `JsValue`; bounds, defaults, lifetimes and associated types as upstream's own test.

use wasm_bindgen::prelude::*;

mod kinds {
    pub trait Kind {
        type Stub;
    }
}

#[wasm_bindgen]
extern "C" {
    pub type Object;
    pub type Stub;
    pub type Namespace<T: kinds::Kind = Object>;

    #[wasm_bindgen(method, js_name = "getByName")]
    pub fn get_by_name<T: kinds::Kind = Object>(
        this: &Namespace<T>,
        name: &str,
    ) -> <T as kinds::Kind>::Stub;

    #[wasm_bindgen(constructor)]
    pub fn new<T: kinds::Kind>() -> Namespace<T>;
    #[wasm_bindgen(method, catch)]
    pub fn find<T: kinds::Kind, V>(this: &Namespace<T>, key: Option<&V>) -> Result<Option<V>, JsValue>
    where
        V: JsCast;
    #[wasm_bindgen(method, getter)]
    pub fn size<T: kinds::Kind>(this: &Namespace<T>) -> u32;

    pub type LifetimeOnly<'a>;
    pub type LifetimeAndType<'a, T>;
    pub fn take<'a, T>(x: &LifetimeAndType<'a, T>, y: LifetimeOnly<'a>, z: Option<T>) -> JsValue;
    #[wasm_bindgen(js_namespace = Object)]
    pub fn keys<T>(x: &T) -> T;
}

impl kinds::Kind for Object {
    type Stub = Stub;
}

fn main() {
    let lo: LifetimeOnly<'_> = JsValue::NULL.into();
    let _: &JsValue = lo.as_ref();
    let _: JsValue = lo.into();
    let lt: LifetimeAndType<'_, JsValue> = JsValue::NULL.into();
    let _: &JsValue = lt.as_ref();
    let _: JsValue = lt.into();
    if false {
        let ns: Namespace = Namespace::new();
        let _: Stub = ns.get_by_name("x");
        let _: Result<Option<Stub>, JsValue> = ns.find(None::<&Stub>);
        let _: u32 = ns.size();
        let _: JsValue = Object::keys(&JsValue::NULL);
    }
}
