//! `#[wasm_bindgen] impl` must be an inherent, non-generic impl of a named struct.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::Impl;

pub(super) fn check(i: &Impl, out: &mut Vec<Diagnostic>) {
    if let Some(span) = i.trait_span {
        out.push(Diagnostic::error(
            "trait-impl",
            span,
            "trait impls cannot be exported; move the methods JavaScript needs into an inherent `impl` block",
        ));
    }
    if !i.generics.params.is_empty() {
        out.push(Diagnostic::error(
            "generic-export",
            i.generics.span(),
            "an exported impl block cannot be generic: its struct must be one concrete type",
        ));
    }
    if i.self_name.is_none() {
        out.push(Diagnostic::error(
            "impl-self-type",
            i.self_ty.span(),
            "#[wasm_bindgen] impl blocks must be for a struct named by a path, e.g. `impl Counter`",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn trait_impl() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
impl Default for Counter { fn default() -> Self { Counter } }
   //^^^^^^^ trait-impl: trait impls cannot be exported; move the methods JavaScript needs into an inherent `impl` block
"#,
        );
    }
}
