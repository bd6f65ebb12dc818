//! `async fn` exports (Promise-returning) come with the futures bridge; until then say so.

use crate::diagnostic::Diagnostic;
use crate::syntax::Function;

pub(super) fn check(f: &Function, out: &mut Vec<Diagnostic>) {
    if let Some(token) = &f.sig.asyncness {
        out.push(Diagnostic::error(
            "async-export",
            token.span,
            "`async fn` exports are not supported by this wbg version yet; \
             return a value synchronously for now",
        ));
    }
}
