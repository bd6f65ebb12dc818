//! An option written on an item it does not apply to, e.g. `structural` on an exported
//! function.

use crate::diagnostic::Diagnostic;
use crate::syntax::{AttrOption, Place};

pub(super) fn check(place: Place, options: &[AttrOption], out: &mut Vec<Diagnostic>) {
    for opt in options {
        if opt.spec.places.contains(&place) {
            continue;
        }
        let allowed: Vec<&str> = opt.spec.places.iter().map(|p| p.describe()).collect();
        out.push(Diagnostic::error(
            "option-not-here",
            opt.name_span,
            format!(
                "`{}` cannot be used on {}; it applies to {}",
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
             //^^^^^^^^^^ option-not-here: `structural` cannot be used on an exported function; it applies to an `extern "C"` block, an imported function
pub fn f() {}
"#,
        );
    }
}
