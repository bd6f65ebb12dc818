//! Parameters of an imported function are plain `name: Type` pairs: wasm-bindgen refuses
//! patterns, C variadics (`...`, use `variadic` instead) and `self` (write `this: &Type`).

use syn::spanned::Spanned;

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::ImportFn;

pub(super) fn check(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    for input in &f.sig.inputs {
        match input {
            syn::FnArg::Receiver(r) => out.push(
                Diagnostic::error(
                    "import-self",
                    r.self_token.span,
                    "an imported function has no `self`; a `method` names its object `this`: \
                     `this: &Type`",
                )
                .with_fix(Fix {
                    title: "Rename to `this`".to_string(),
                    edits: vec![(r.self_token.span, "this".to_string())],
                }),
            ),
            syn::FnArg::Typed(pt) => {
                if !matches!(&*pt.pat, syn::Pat::Ident(_) | syn::Pat::Wild(_)) {
                    out.push(Diagnostic::error(
                        "import-param-pattern",
                        pt.pat.span(),
                        "parameters of an imported function must be plain names (`value: Type`); \
                         destructure the value inside Rust code that calls it",
                    ));
                }
            }
        }
    }
    if let Some(dots) = &f.sig.variadic {
        out.push(Diagnostic::error(
            "import-c-variadic",
            dots.span(),
            "C variadics (`...`) cannot be imported; to spread a list into the JS call, take it \
             as the last argument (`rest: &[JsValue]`) and add `#[wasm_bindgen(variadic)]`",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

    #[test]
    fn fix_renames_self() {
        check_fix(
            "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(method)]\n    fn clear(self: &Canvas);\n}\n",
            "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(method)]\n    fn clear(this: &Canvas);\n}\n",
        );
    }

    #[test]
    fn params() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    type Node;
    #[wasm_bindgen(method)]
    fn render(self: &Node);
     //^^^^^^ method-this: a `method` receives the JS object as its first argument: `fn render(this: &Bar, ...)`
            //^^^^ import-self: an imported function has no `self`; a `method` names its object `this`: `this: &Type`
    fn pair((a, b): (u32, u32));
          //^^^^^^ import-param-pattern: parameters of an imported function must be plain names (`value: Type`); destructure the value inside Rust code that calls it
    fn log(first: u32, ...);
                     //^^^ import-c-variadic: C variadics (`...`) cannot be imported; to spread a list into the JS call, take it as the last argument (`rest: &[JsValue]`) and add `#[wasm_bindgen(variadic)]`
    fn ignore(_: u32);
}
"#,
        );
    }
}
