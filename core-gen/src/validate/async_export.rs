//! `async fn` exports return a promise and run after the call returns. A shared borrow
//! (`&str`, `&JsValue`, `&[u8]`, `&ImportedType`) is kept alive for the future, as
//! wasm-bindgen does; a mutable or optional borrow is not yet, nor are async methods.

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
        let syn::FnArg::Typed(pt) = input else {
            continue;
        };
        let what = match &*pt.ty {
            syn::Type::Reference(r) if r.mutability.is_some() => "`&mut` arguments",
            ty if optional_reference(ty) => "`Option<&…>` arguments",
            _ => continue,
        };
        out.push(Diagnostic::error(
            "unsupported-async-borrow",
            pt.ty.span(),
            format!(
                "wbg does not support {what} in `async fn` exports yet (wasm-bindgen does); \
                 take an owned value or a shared reference"
            ),
        ));
    }
}

fn optional_reference(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    let Some(last) = p.path.segments.last() else {
        return false;
    };
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    last.ident == "Option"
        && matches!(
            args.args.first(),
            Some(syn::GenericArgument::Type(syn::Type::Reference(_)))
        )
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn shared_borrows_are_fine_mutable_and_optional_ones_are_not_yet() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub async fn f(a: &str, b: &JsValue, c: &[u8], d: &mut [u8], e: Option<&str>) {}
                                                //^^^^^^^^^ unsupported-async-borrow: wbg does not support `&mut` arguments in `async fn` exports yet (wasm-bindgen does); take an owned value or a shared reference
                                                              //^^^^^^^^^^^^ unsupported-async-borrow: wbg does not support `Option<&…>` arguments in `async fn` exports yet (wasm-bindgen does); take an owned value or a shared reference
"#,
        );
    }
}
