//! Methods receive the object as `self`, `&self` or `&mut self`; other receivers such as
//! `self: Box<Self>` cannot come from a JS object.

use crate::diagnostic::Diagnostic;
use crate::syntax::Method;

pub(super) fn check(m: &Method, out: &mut Vec<Diagnostic>) {
    if let Some(span) = m.odd_receiver {
        out.push(Diagnostic::error(
            "method-receiver",
            span,
            "exported methods take `self`, `&self` or `&mut self`; other receivers cannot come from a JS object",
        ));
    }
}
