//! What wasm-bindgen accepts but wbg does not support yet: generic imports (0.2.130's
//! `type Foo<T>;` and `fn f<T>(...)`, with or without `experimental_generic_mono`) and
//! `suspending` imports (JS promise integration). Each has its own `unsupported-*` code, so
//! tools can tell these apart from mistakes; a code goes away when its support lands.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::{attrs, ImportFn, ImportType};

pub(super) fn check_fn(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    if !f.sig.generics.params.is_empty() {
        out.push(Diagnostic::error(
            "unsupported-generic-import",
            f.sig.generics.span(),
            format!(
                "wbg does not support generic imported functions yet (wasm-bindgen 0.2.130 does); \
                 declare `{}` once per concrete type for now",
                f.rust_name
            ),
        ));
    }
    if let Some(option) = attrs::get(&f.options, "suspending") {
        out.push(Diagnostic::error(
            "unsupported-suspending",
            option.name_span,
            "wbg does not support `suspending` imports (JS promise integration) yet; \
             await the returned promise with `JsFuture` instead",
        ));
    }
}

pub(super) fn check_type(t: &ImportType, out: &mut Vec<Diagnostic>) {
    if !t.generics.params.is_empty() {
        out.push(Diagnostic::error(
            "unsupported-generic-import",
            t.generics.span(),
            format!(
                "wbg does not support generic imported types yet (wasm-bindgen 0.2.130 does); \
                 declare `type {};` without type parameters for now",
                t.rust_name
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn generic_and_suspending_imports() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = Object, no_upcast)]
    pub type Tuple<T = JsValue>;
                //^^^^^^^^^^^^^ unsupported-generic-import: wbg does not support generic imported types yet (wasm-bindgen 0.2.130 does); declare `type Tuple;` without type parameters for now
    #[wasm_bindgen(js_name = get, experimental_generic_mono)]
    fn get<T>(key: &str) -> T;
        //^^^ unsupported-generic-import: wbg does not support generic imported functions yet (wasm-bindgen 0.2.130 does); declare `get` once per concrete type for now
    #[wasm_bindgen(catch, suspending)]
                        //^^^^^^^^^^ unsupported-suspending: wbg does not support `suspending` imports (JS promise integration) yet; await the returned promise with `JsFuture` instead
    fn wait(p: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(extends = Object, no_promising)]
    pub type Promise;
}
"#,
        );
    }
}
