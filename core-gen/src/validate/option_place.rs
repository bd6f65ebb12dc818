//! An option written on an item it does not apply to, e.g. `structural` on an exported
//! function. wasm-bindgen ignores such an option and only lints it (an "unused variable"
//! warning), so the code builds: a warning, not an error.

use crate::diagnostic::Diagnostic;
use crate::syntax::{AttrOption, Place};

pub(super) fn check(place: Place, options: &[AttrOption], out: &mut Vec<Diagnostic>) {
    for opt in options {
        if opt.spec.places.contains(&place) {
            continue;
        }
        let allowed: Vec<&str> = opt.spec.places.iter().map(|p| p.describe()).collect();
        out.push(Diagnostic::warning(
            "option-not-here",
            opt.name_span,
            format!(
                "`{}` has no effect on {}, so it is ignored (it applies to {}); remove it",
                opt.name,
                place.describe(),
                allowed.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn import_option_on_export() {
        check_diagnostics(
            r#"
#[wasm_bindgen(structural)]
             //^^^^^^^^^^ option-not-here (warning): `structural` has no effect on an exported function, so it is ignored (it applies to an `extern "C"` block, an imported function); remove it
pub fn f() {}
"#,
        );
    }
}
