//! `#[wasm_bindgen(start)]` runs at initialisation with nothing to pass in.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::Function;

pub(super) fn check(f: &Function, out: &mut Vec<Diagnostic>) {
    if !f.start {
        return;
    }
    if !f.args.is_empty() {
        // On the parameters, where the fix is (and where wasm-bindgen points).
        out.push(Diagnostic::error(
            "start-signature",
            f.sig.inputs.span(),
            "the `start` function is called with no arguments at initialisation; remove its parameters",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn start_with_arguments() {
        check_diagnostics(
            r#"
#[wasm_bindgen(start)]
fn main(x: u32) {}
      //^^^^^^ start-signature: the `start` function is called with no arguments at initialisation; remove its parameters
"#,
        );
    }
}
