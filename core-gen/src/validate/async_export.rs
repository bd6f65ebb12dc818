//! `async fn` exports: wasm-bindgen also exports `async` methods and `async fn`s that borrow
//! their arguments; wbg does not yet (its futures own what they use), so both are reported
//! as unsupported.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;

pub(super) fn check(sig: &syn::Signature, is_method: bool, out: &mut Vec<Diagnostic>) {
    let Some(token) = &sig.asyncness else { return };
    if is_method {
        out.push(Diagnostic::error(
            "unsupported-async-method",
            token.span,
            "wbg does not support `async` methods yet (wasm-bindgen does); export an `async fn` \
             taking the data it needs for now",
        ));
        return;
    }
    for input in &sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            if matches!(&*pt.ty, syn::Type::Reference(_)) {
                out.push(Diagnostic::error(
                    "unsupported-async-borrow",
                    pt.ty.span(),
                    "wbg does not support borrowed arguments in an `async fn` export yet \
                     (wasm-bindgen does); take an owned value for now (e.g. `String` for `&str`)",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn async_limitations() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub async fn greet(name: &str) -> String { name.to_string() }
                       //^^^^ unsupported-async-borrow: wbg does not support borrowed arguments in an `async fn` export yet (wasm-bindgen does); take an owned value for now (e.g. `String` for `&str`)
#[wasm_bindgen]
pub async fn owned(name: String) -> String { name }
#[wasm_bindgen]
pub struct S;
#[wasm_bindgen]
impl S {
    pub async fn run(&self) {}
      //^^^^^ unsupported-async-method: wbg does not support `async` methods yet (wasm-bindgen does); export an `async fn` taking the data it needs for now
}
"#,
        );
    }
}
