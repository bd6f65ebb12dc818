//! An imported function returns an owned value: JavaScript cannot lend Rust a reference,
//! so wasm-bindgen refuses `-> &T` and lifetimes in the return type.

use syn::spanned::Spanned;

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::ImportFn;

pub(super) fn check(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    let Some(ret) = &f.ret else { return };
    // A constructor's return type has its own rule (`import_shape`).
    if f.op == crate::syntax::ImportOp::Constructor {
        return;
    }
    if let syn::Type::Reference(r) = ret {
        let owned = super::export_return_ref::owned_type(&r.elem);
        out.push(
            Diagnostic::error(
                "import-return-ref",
                ret.span(),
                format!(
                    "an imported function cannot return a reference: the value comes from \
                     JavaScript and Rust must own it; return `{owned}` instead"
                ),
            )
            .with_fix(Fix {
                title: format!("Return `{owned}`"),
                edits: vec![(ret.span(), owned.clone())],
            }),
        );
        return;
    }
    if let Some(lifetime) = first_lifetime(ret) {
        out.push(Diagnostic::error(
            "import-return-lifetime",
            lifetime.span(),
            format!(
                "an imported function's return type cannot name a lifetime (`{lifetime}`): \
                 the value comes from JavaScript and Rust owns it"
            ),
        ));
    }
}

/// A lifetime given as a generic argument somewhere in a path type (`Foo<'a>`).
fn first_lifetime(ty: &syn::Type) -> Option<&syn::Lifetime> {
    let syn::Type::Path(p) = ty else { return None };
    p.path.segments.iter().find_map(|seg| match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|arg| match arg {
            syn::GenericArgument::Lifetime(l) => Some(l),
            syn::GenericArgument::Type(t) => first_lifetime(t),
            _ => None,
        }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn references_and_lifetimes() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    fn name() -> &'static str;
               //^^^^^^^^^^^^ import-return-ref: an imported function cannot return a reference: the value comes from JavaScript and Rust must own it; return `String` instead
    fn items() -> Vec<Item<'static>>;
                         //^^^^^^^ import-return-lifetime: an imported function's return type cannot name a lifetime (`'static`): the value comes from JavaScript and Rust owns it
    fn owned() -> String;
}
"#,
        );
    }
}
