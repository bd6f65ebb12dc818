//! An exported function or method returns an owned value: JavaScript keeps what it gets
//! after the call, so wasm-bindgen refuses `-> &T`.

use syn::spanned::Spanned;

use crate::diagnostic::{Diagnostic, Fix};

pub(super) fn check(ret: Option<&syn::Type>, out: &mut Vec<Diagnostic>) {
    let Some(ret @ syn::Type::Reference(r)) = ret else {
        return;
    };
    let owned = owned_type(&r.elem);
    out.push(
        Diagnostic::error(
            "export-return-ref",
            ret.span(),
            format!(
                "an exported function cannot return a reference: JavaScript keeps the value after \
                 the call, so it must be owned; return `{owned}` (a copy or clone) instead"
            ),
        )
        .with_fix(Fix {
            title: format!("Return `{owned}`"),
            edits: vec![(ret.span(), owned.clone())],
        }),
    );
}

/// The owned type to suggest for `&elem`: `String` for `str`, `Vec<T>` for `[T]`.
pub(super) fn owned_type(elem: &syn::Type) -> String {
    match elem {
        syn::Type::Path(p) if p.path.is_ident("str") => "String".to_string(),
        syn::Type::Slice(s) => {
            let inner = &s.elem;
            format!("Vec<{}>", quote::quote!(#inner))
        }
        _ => quote::quote!(#elem).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

    #[test]
    fn fix_returns_the_owned_type() {
        check_fix(
            "#[wasm_bindgen]\npub fn name() -> &'static str { \"x\" }\n",
            "#[wasm_bindgen]\npub fn name() -> String { \"x\" }\n",
        );
    }

    #[test]
    fn borrowed_returns() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn name() -> &'static str { "x" }
               //^^^^^^^^^^^^ export-return-ref: an exported function cannot return a reference: JavaScript keeps the value after the call, so it must be owned; return `String` (a copy or clone) instead
#[wasm_bindgen]
pub struct Counter;
#[wasm_bindgen]
impl Counter {
    pub fn count(&self) -> &u32 { &0 }
                         //^^^^ export-return-ref: an exported function cannot return a reference: JavaScript keeps the value after the call, so it must be owned; return `u32` (a copy or clone) instead
    pub fn owned(&self) -> u32 { 0 }
}
"#,
        );
    }
}
