//! `catch` turns a JS exception into `Err(value)`, so the import must return a
//! `Result<T, E>`: `E` is `JsValue` or any imported JS type (`js_sys::Error`, ...), which
//! the exception is cast to unchecked, as in wasm-bindgen. One of the two mistakes from
//! the seeds.

use quote::ToTokens;
use syn::spanned::Spanned;

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::{attrs, result_ok_type, ImportFn};

pub(super) fn check(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    if !f.catch {
        return;
    }
    // The error type is not checked here: rustc requires `E: From<JsValue>` (every
    // imported type has it), so a wrong one is reported there, at the type.
    let (span, found, ok) = match &f.ret {
        Some(ty) => match result_ok_type(ty) {
            // `Result<T>` is an alias whose error type rustc checks the same way.
            Some(_) => return,
            None => (ty.span(), format!("`{}`", compact(ty)), compact(ty)),
        },
        None => (f.rust_name.span(), "nothing".to_string(), "()".to_string()),
    };
    let name = &f.rust_name;
    let message = format!(
        "`catch` turns a JS exception into `Err`, so `{name}` must return `Result<{ok}, JsValue>`, \
         but it returns {found}; change the return type or remove `catch`"
    );
    let new_ret = format!("Result<{ok}, JsValue>");
    let change = match &f.ret {
        Some(ty) => Fix {
            title: format!("Return `{new_ret}`"),
            edits: vec![(ty.span(), new_ret.clone())],
        },
        None => Fix {
            title: format!("Return `{new_ret}`"),
            edits: vec![(f.sig.paren_token.span.close(), format!(") -> {new_ret}"))],
        },
    };
    let mut d = Diagnostic::error("catch-needs-result", span, message).with_fix(change);
    if let Some(option) = attrs::get(&f.options, "catch") {
        d.alternatives.push(Fix {
            title: "Remove `catch`".into(),
            edits: vec![(option.span, String::new())],
        });
    }
    out.push(d);
}

fn compact(ty: &syn::Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(' ', "")
        .replace(",", ", ")
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn catch_without_result() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch)]
    fn risky() -> u32;
                //^^^ catch-needs-result: `catch` turns a JS exception into `Err`, so `risky` must return `Result<u32, JsValue>`, but it returns `u32`; change the return type or remove `catch`
    #[wasm_bindgen(catch)]
    fn nothing();
     //^^^^^^^ catch-needs-result: `catch` turns a JS exception into `Err`, so `nothing` must return `Result<(), JsValue>`, but it returns nothing; change the return type or remove `catch`
    #[wasm_bindgen(catch)]
    fn fine() -> Result<u32, JsValue>;
    #[wasm_bindgen(catch)]
    fn js_error_type() -> Result<u32, Error>;
    #[wasm_bindgen(catch)]
    fn with_path(x: u32) -> ::core::result::Result<(), js_sys::RangeError>;
}
"#,
        );
    }

    #[test]
    fn offers_both_fixes() {
        let src = "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(catch)]\n    fn risky() -> u32;\n}\n";
        let (_, diags) = crate::parse_file(src);
        let fixes: Vec<String> = diags[0].fixes().map(|f| f.title.clone()).collect();
        assert_eq!(fixes, ["Return `Result<u32, JsValue>`", "Remove `catch`"]);
    }
}
