//! Exported structs and enums are one JS class or object each: no type parameters, and no
//! lifetimes, since JS may keep the object alive for as long as it likes.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;

pub(super) fn check(what: &str, generics: &syn::Generics, out: &mut Vec<Diagnostic>) {
    for p in &generics.params {
        match p {
            syn::GenericParam::Lifetime(l) => out.push(Diagnostic::error(
                "exported-lifetime",
                l.span(),
                format!(
                    "an exported {what} cannot borrow (lifetime `{}`): JavaScript may keep the object alive \
                     for as long as it likes; store owned data (`String`, `Vec<T>`, `Box<T>`) instead",
                    l.lifetime
                ),
            )),
            other => out.push(Diagnostic::error(
                "generic-export",
                other.span(),
                format!(
                    "an exported {what} cannot be generic: JavaScript sees exactly one class per {what}; \
                     export a concrete type (e.g. a newtype around `Foo<u32>`)"
                ),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn generic_and_borrowing_structs() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub struct Holder<'a, T> { x: &'a T }
                //^^ exported-lifetime: an exported struct cannot borrow (lifetime `'a`): JavaScript may keep the object alive for as long as it likes; store owned data (`String`, `Vec<T>`, `Box<T>`) instead
                    //^ generic-export: an exported struct cannot be generic: JavaScript sees exactly one class per struct; export a concrete type (e.g. a newtype around `Foo<u32>`)
"#,
        );
    }
}
