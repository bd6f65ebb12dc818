//! Exported functions are `pub` (wasm-bindgen refuses private ones, except `start` and
//! `main`) and not `const fn`, whether free or methods.

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::{attrs, Function};

pub(super) fn check_free(f: &Function, out: &mut Vec<Diagnostic>) {
    let exempt =
        attrs::get(&f.options, "start").is_some() || attrs::get(&f.options, "main").is_some();
    if !exempt && !matches!(f.vis, syn::Visibility::Public(_)) {
        let fn_span = f.sig.fn_token.span;
        let fix = match &f.vis {
            syn::Visibility::Inherited => (fn_span, "pub fn".to_string()),
            vis => (syn::spanned::Spanned::span(vis), "pub".to_string()),
        };
        out.push(
            Diagnostic::error(
                "export-not-pub",
                fn_span,
                format!(
                    "only `pub` functions can be exported; make `{}` `pub`, or remove \
                     `#[wasm_bindgen]` if JavaScript does not need it",
                    f.rust_name
                ),
            )
            .with_fix(Fix {
                title: "Make it `pub`".to_string(),
                edits: vec![fix],
            }),
        );
    }
    check_const(&f.sig, out);
}

pub(super) fn check_const(sig: &syn::Signature, out: &mut Vec<Diagnostic>) {
    if let Some(token) = sig.constness {
        out.push(
            Diagnostic::error(
                "const-export",
                token.span,
                format!(
                    "a `const fn` cannot be exported: JavaScript calls `{}` at run time through \
                     a generated wrapper; remove `const`, or export a plain wrapper",
                    sig.ident
                ),
            )
            .with_fix(Fix {
                title: "Remove `const`".to_string(),
                // `const fn` becomes `fn`, without a doubled space where the spans join.
                edits: vec![match token.span.join(sig.fn_token.span) {
                    Some(both) => (both, "fn".to_string()),
                    None => (token.span, String::new()),
                }],
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

    #[test]
    fn fixes() {
        check_fix(
            "#[wasm_bindgen]\nfn hidden() {}\n",
            "#[wasm_bindgen]\npub fn hidden() {}\n",
        );
        check_fix(
            "#[wasm_bindgen]\npub(crate) fn hidden() {}\n",
            "#[wasm_bindgen]\npub fn hidden() {}\n",
        );
        check_fix(
            "#[wasm_bindgen]\npub const fn answer() -> u32 { 42 }\n",
            "#[wasm_bindgen]\npub fn answer() -> u32 { 42 }\n",
        );
    }

    #[test]
    fn private_and_const_exports() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
fn hidden() {}
//^^ export-not-pub: only `pub` functions can be exported; make `hidden` `pub`, or remove `#[wasm_bindgen]` if JavaScript does not need it
#[wasm_bindgen]
pub(crate) fn half_hidden() {}
         //^^ export-not-pub: only `pub` functions can be exported; make `half_hidden` `pub`, or remove `#[wasm_bindgen]` if JavaScript does not need it
#[wasm_bindgen]
pub const fn answer() -> u32 { 42 }
  //^^^^^ const-export: a `const fn` cannot be exported: JavaScript calls `answer` at run time through a generated wrapper; remove `const`, or export a plain wrapper
#[wasm_bindgen(start)]
fn init() {}
#[wasm_bindgen]
pub struct Counter;
#[wasm_bindgen]
impl Counter {
    pub const fn zero() -> u32 { 0 }
      //^^^^^ const-export: a `const fn` cannot be exported: JavaScript calls `zero` at run time through a generated wrapper; remove `const`, or export a plain wrapper
}
"#,
        );
    }
}
