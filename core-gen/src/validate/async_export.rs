//! `async fn` exports return a promise and run after the call returns, so they cannot
//! borrow their arguments; async methods are not supported yet.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;

pub(super) fn check(sig: &syn::Signature, is_method: bool, out: &mut Vec<Diagnostic>) {
    let Some(token) = &sig.asyncness else { return };
    if is_method {
        out.push(Diagnostic::error(
            "async-export",
            token.span,
            "`async` methods are not supported by this wbg version yet; export an `async fn` taking the data it needs",
        ));
        return;
    }
    for input in &sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            if matches!(&*pt.ty, syn::Type::Reference(_)) {
                out.push(Diagnostic::error(
                    "async-borrow",
                    pt.ty.span(),
                    "an `async fn` export runs after the call returns, so it cannot borrow its arguments; \
                     take an owned value instead (e.g. `String` for `&str`)",
                ));
            }
        }
    }
}
