//! `async fn` exports (Promise-returning) come with the futures bridge; until then say so.

use crate::diagnostic::Diagnostic;

pub(super) fn check(sig: &syn::Signature, out: &mut Vec<Diagnostic>) {
    if let Some(token) = &sig.asyncness {
        out.push(Diagnostic::error(
            "async-export",
            token.span,
            "`async fn` exports are not supported by this wbg version yet; \
             return a value synchronously for now",
        ));
    }
}
