//! `js_class = "Foo"` on an imported function names the JS class its `method`,
//! `constructor` or `static_method_of` acts on, as in wasm-bindgen: for a type renamed on
//! the Rust side, or another class altogether (`js_class = "Option"` on a constructor of
//! `HtmlOptionElement` is `new Option()`; `js_class = "Intl.Collator"` a dotted path). A
//! plain function has no class, so there it is a mistake.

use crate::diagnostic::Diagnostic;
use crate::syntax::{attrs, ImportFn, ImportOp};

pub(super) fn check(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    let Some(option) = attrs::get(&f.options, "js_class") else {
        return;
    };
    let Some(js_class) = option.value.as_name() else {
        return;
    };
    // A class-less import: only a mistake if nothing else (a missing `this`, say) was.
    if f.class.is_none()
        && matches!(
            f.op,
            ImportOp::Function
                | ImportOp::Getter { is_static: true }
                | ImportOp::Setter {
                    is_static: true,
                    ..
                }
        )
    {
        out.push(Diagnostic::error(
            "import-js-class",
            option.span,
            format!(
                "`js_class` names the class of a `method`, `constructor` or `static_method_of` import, \
                 but `{}` is a plain function; remove `js_class`, or use `js_namespace = {js_class}` to reach \
                 a function through an object",
                f.rust_name
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn js_class_matches_the_type() {
        check_diagnostics(
            r#"
#[wasm_bindgen(raw_module = "./foo.js")]
extern "C" {
    #[wasm_bindgen(js_name = Foo)]
    type JsFoo;
    #[wasm_bindgen(constructor, js_class = "Foo")]
    fn new() -> JsFoo;
    #[wasm_bindgen(method, js_class = "Foo", js_name = get)]
    fn get_value(this: &JsFoo) -> u32;
    #[wasm_bindgen(static_method_of = JsFoo, js_class = Foo)]
    fn make() -> JsFoo;
    #[wasm_bindgen(method, getter, js_class = "Foo")]
    fn size(this: &JsFoo) -> u32;

    type Bar;
    #[wasm_bindgen(method, js_class = "Intl.Baz")]
    fn get(this: &Bar) -> u32;
    #[wasm_bindgen(constructor, js_class = "Option")]
    fn new_option() -> Bar;
    #[wasm_bindgen(js_class = "Foo")]
                 //^^^^^^^^^^^^^^^^ import-js-class: `js_class` names the class of a `method`, `constructor` or `static_method_of` import, but `free` is a plain function; remove `js_class`, or use `js_namespace = Foo` to reach a function through an object
    fn free() -> u32;
}
"#,
        );
    }

    #[test]
    fn type_declared_elsewhere_is_trusted() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(method, js_class = "String", js_name = charAt)]
    fn char_at(this: &JsString, index: u32) -> JsString;
}
"#,
        );
    }
}
