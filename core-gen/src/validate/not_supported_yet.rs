//! What wasm-bindgen accepts but wbg does not support yet: the generic imports that do not
//! erase to `JsValue` (`&mut T`, `&[T]`, closures over `T`, const parameters; see
//! `syntax::generics`) and `suspending` imports (JS promise integration). Each has its own `unsupported-*` code, so
//! tools can tell these apart from mistakes; a code goes away when its support lands.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::{attrs, generics, result_ok_type, ImportFn, ImportType};

pub(super) fn check_fn(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    let generics = &f.sig.generics;
    const_params(generics, out);
    for arg in &f.args {
        if generics::erase_arg(&arg.ty, generics).is_err() {
            out.push(not_erasable(
                &arg.ty,
                "`T`, `&T`, `Option<T>` or `Option<&T>`",
            ));
        }
    }
    if let Some(ret) = &f.ret {
        let ok = if f.catch {
            result_ok_type(ret).map_or(ret.clone(), |(ok, _)| ok)
        } else {
            ret.clone()
        };
        if generics::erase_ret(&ok, generics).is_err() {
            out.push(not_erasable(&ok, "`T` or `Option<T>`"));
        }
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
    const_params(&t.generics, out);
}

/// Const parameters (`type Foo<const N: usize>;`), which wasm-bindgen refuses too.
fn const_params(generics: &syn::Generics, out: &mut Vec<Diagnostic>) {
    for c in generics.const_params() {
        out.push(Diagnostic::error(
            "unsupported-generic-import",
            c.span(),
            "wbg does not support const parameters on imports (nor does wasm-bindgen); \
             only lifetimes and type parameters, which erase to `JsValue`",
        ));
    }
}

/// A type that names a type parameter in a shape that cannot travel as a `JsValue`.
fn not_erasable(ty: &syn::Type, shapes: &str) -> Diagnostic {
    Diagnostic::error(
        "unsupported-generic-import",
        ty.span(),
        format!(
            "wbg erases type parameters to `JsValue`, so a type that names one must be a JS \
             value passed as {shapes} (`T` any type path, such as `Array<T>`); declare the \
             import once per concrete type for now"
        ),
    )
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
    pub type Tuple<'a, T: Tr = JsValue>;
    #[wasm_bindgen(js_name = get, experimental_generic_mono)]
    fn get<T>(this: &Tuple<T>, key: Option<&T>) -> Option<<T as Tr>::Out>;
    fn fill<T>(xs: &[T]);
                 //^^^^ unsupported-generic-import: wbg erases type parameters to `JsValue`, so a type that names one must be a JS value passed as `T`, `&T`, `Option<T>` or `Option<&T>` (`T` any type path, such as `Array<T>`); declare the import once per concrete type for now
    fn pair<T>() -> (T, u32);
                  //^^^^^^^^ unsupported-generic-import: wbg erases type parameters to `JsValue`, so a type that names one must be a JS value passed as `T` or `Option<T>` (`T` any type path, such as `Array<T>`); declare the import once per concrete type for now
    pub type Sized<const N: usize>;
                 //^^^^^^^^^^^^^^ unsupported-generic-import: wbg does not support const parameters on imports (nor does wasm-bindgen); only lifetimes and type parameters, which erase to `JsValue`
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
