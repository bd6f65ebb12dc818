//! Exported functions need one concrete signature: no type or const parameters.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::Function;

pub(super) fn check(f: &Function, out: &mut Vec<Diagnostic>) {
    let generics = &f.sig.generics;
    let has_params = generics
        .params
        .iter()
        .any(|p| !matches!(p, syn::GenericParam::Lifetime(_)));
    let impl_trait = f
        .args
        .iter()
        .find(|a| matches!(a.ty, syn::Type::ImplTrait(_)));
    let lifetime = generics.params.iter().find_map(|p| match p {
        syn::GenericParam::Lifetime(l) => Some(l),
        _ => None,
    });
    if has_params {
        out.push(Diagnostic::error(
            "generic-export",
            generics.span(),
            "exported functions cannot be generic: JavaScript needs one concrete signature; \
             export a wrapper for each type you need",
        ));
    } else if let Some(l) = lifetime {
        out.push(Diagnostic::error(
            "generic-export",
            l.span(),
            format!(
                "exported functions cannot declare lifetimes (`{}`): JavaScript arguments live \
                 only for the call; take owned values, or leave the lifetimes to elision",
                l.lifetime
            ),
        ));
    } else if let Some(arg) = impl_trait {
        out.push(Diagnostic::error(
            "generic-export",
            arg.ty.span(),
            "exported functions cannot take `impl Trait`: JavaScript needs one concrete type here",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn type_parameter() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn id<T>(x: T) -> T { x }
       //^^^ generic-export: exported functions cannot be generic: JavaScript needs one concrete signature; export a wrapper for each type you need
"#,
        );
    }

    #[test]
    fn lifetime_parameters() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn first<'a>(x: &'a str) -> String { x.into() }
           //^^ generic-export: exported functions cannot declare lifetimes (`'a`): JavaScript arguments live only for the call; take owned values, or leave the lifetimes to elision
"#,
        );
    }
}
