//! `#[wasm_bindgen(main)]` marks the program's `fn main` (possibly `async`). wasm-bindgen
//! refuses it on any other function; wbg does not implement it yet at all.

use crate::diagnostic::Diagnostic;
use crate::syntax::{attrs, Function};

pub(super) fn check(f: &Function, out: &mut Vec<Diagnostic>) {
    let Some(option) = attrs::get(&f.options, "main") else {
        return;
    };
    if f.rust_name != "main" {
        out.push(
            Diagnostic::error(
                "main-name",
                f.rust_name.span(),
                format!(
                    "`main` only applies to the program's entry point, `fn main`; `{}` is not it. \
                 Use `start` to run a function when the module loads",
                    f.rust_name
                ),
            )
            .with_fix(crate::Fix {
                title: "Use `start` instead".to_string(),
                edits: vec![(option.name_span, "start".to_string())],
            }),
        );
        return;
    }
    out.push(Diagnostic::error(
        "unsupported-main",
        option.name_span,
        "wbg does not support `#[wasm_bindgen(main)]` yet; for a synchronous `fn main`, remove \
         the attribute",
    ));
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

    #[test]
    fn fix_uses_start() {
        check_fix(
            "#[wasm_bindgen(main)]\nfn run() {}\n",
            "#[wasm_bindgen(start)]\nfn run() {}\n",
        );
    }

    #[test]
    fn main_on_another_function() {
        check_diagnostics(
            r#"
#[wasm_bindgen(main)]
fn run() {}
 //^^^ main-name: `main` only applies to the program's entry point, `fn main`; `run` is not it. Use `start` to run a function when the module loads
#[wasm_bindgen(main)]
             //^^^^ unsupported-main: wbg does not support `#[wasm_bindgen(main)]` yet; for a synchronous `fn main`, remove the attribute
fn main() {}
"#,
        );
    }
}
