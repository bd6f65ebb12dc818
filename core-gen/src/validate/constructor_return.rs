//! `#[wasm_bindgen(constructor)]` makes `new Foo(...)`: it must build a `Foo` and cannot
//! take `self`.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::{Impl, Method, MethodKind, Receiver};

pub(super) fn check(i: &Impl, m: &Method, out: &mut Vec<Diagnostic>) {
    if m.kind != MethodKind::Constructor {
        return;
    }
    let Some(struct_name) = &i.self_name else {
        return;
    };
    if m.receiver != Receiver::None {
        out.push(Diagnostic::error(
            "constructor-self",
            m.rust_name.span(),
            "a `constructor` creates the object, so it cannot take `self`; remove the receiver",
        ));
    }
    let returns_self = match &m.ret {
        Some(syn::Type::Path(p)) if p.qself.is_none() => {
            p.path.is_ident("Self")
                || p.path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == *struct_name)
        }
        _ => false,
    };
    if !returns_self {
        let (span, found) = match &m.ret {
            Some(ty) => (
                ty.span(),
                format!("`{}`", quote::quote!(#ty).to_string().replace(' ', "")),
            ),
            None => (m.rust_name.span(), "nothing".to_string()),
        };
        out.push(Diagnostic::error(
            "constructor-return",
            span,
            format!(
                "a `constructor` must return `Self` (or `{struct_name}`), but this returns {found}"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn constructor_returning_something_else() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
impl Counter {
    #[wasm_bindgen(constructor)]
    pub fn new() -> u32 { 0 }
                  //^^^ constructor-return: a `constructor` must return `Self` (or `Counter`), but this returns `u32`
    #[wasm_bindgen(constructor)]
    pub fn make() -> Counter { Counter }
    #[wasm_bindgen(constructor)]
    pub fn build() -> Self { Counter }
}
"#,
        );
    }
}
