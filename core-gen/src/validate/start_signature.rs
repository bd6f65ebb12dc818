//! `#[wasm_bindgen(start)]` runs at initialisation with nothing to pass in.

use crate::diagnostic::Diagnostic;
use crate::syntax::{attrs, Function};

pub(super) fn check(f: &Function, out: &mut Vec<Diagnostic>) {
    if !f.start {
        return;
    }
    let span = attrs::get(&f.options, "start")
        .map(|o| o.name_span)
        .unwrap_or(f.rust_name.span());
    if !f.args.is_empty() {
        out.push(Diagnostic::error(
            "start-signature",
            span,
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
             //^^^^^ start-signature: the `start` function is called with no arguments at initialisation; remove its parameters
fn main(x: u32) {}
"#,
        );
    }
}
