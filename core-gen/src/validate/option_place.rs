//! An option written on an item it does not apply to, e.g. `structural` on an exported
//! function. wasm-bindgen ignores such an option and only lints it (an "unused variable"
//! warning), so the code builds: a warning, not an error. Where a later wasm-bindgen does
//! read the option and wbg does not yet (`attrs::NOT_SUPPORTED_HERE_YET`), it is an error
//! saying so. On a parameter it is an error too: wasm-bindgen refuses an unused parameter
//! option ("unused wasm_bindgen attribute").

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::attrs::NOT_SUPPORTED_HERE_YET;
use crate::syntax::{AttrOption, Place};

pub(super) fn check(place: Place, options: &[AttrOption], out: &mut Vec<Diagnostic>) {
    for opt in options {
        if opt.spec.places.contains(&place) {
            continue;
        }
        if NOT_SUPPORTED_HERE_YET.contains(&(opt.spec.name, place)) {
            out.push(Diagnostic::error(
                "unsupported-option-place",
                opt.name_span,
                format!(
                    "wbg does not support `{}` on {} yet (wasm-bindgen does); remove it for now",
                    opt.name,
                    place.describe()
                ),
            ));
            continue;
        }
        let allowed: Vec<&str> = opt.spec.places.iter().map(|p| p.describe()).collect();
        let fix = Fix {
            title: format!("Remove `{}`", opt.name),
            edits: opt.removal(),
        };
        if place == Place::Param {
            out.push(
                Diagnostic::error(
                    "option-not-here",
                    opt.name_span,
                    format!(
                        "`{}` cannot be used on {}; it applies to {}",
                        opt.name,
                        place.describe(),
                        allowed.join(", ")
                    ),
                )
                .with_fix(fix),
            );
            continue;
        }
        out.push(
            Diagnostic::warning(
                "option-not-here",
                opt.name_span,
                format!(
                    "`{}` has no effect on {}, so it is ignored (it applies to {}); remove it",
                    opt.name,
                    place.describe(),
                    allowed.join(", ")
                ),
            )
            .with_fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

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

    #[test]
    fn read_upstream_but_not_by_wbg_yet() {
        check_diagnostics(
            r#"
#[wasm_bindgen(variadic)]
             //^^^^^^^^ unsupported-option-place: wbg does not support `variadic` on an exported function yet (wasm-bindgen does); remove it for now
pub fn f(args: &JsValue) {}
"#,
        );
    }

    #[test]
    fn fix_removes_the_option_and_a_comma() {
        check_fix(
            "#[wasm_bindgen(js_name = g, readonly)]\npub fn f() {}\n",
            "#[wasm_bindgen(js_name = g)]\npub fn f() {}\n",
        );
        check_fix(
            "#[wasm_bindgen(readonly, js_name = g)]\npub fn f() {}\n",
            "#[wasm_bindgen( js_name = g)]\npub fn f() {}\n",
        );
        check_fix(
            "#[wasm_bindgen(js_name = g, readonly, skip_typescript)]\npub fn f() {}\n",
            "#[wasm_bindgen(js_name = g, skip_typescript)]\npub fn f() {}\n",
        );
        check_fix(
            "#[wasm_bindgen(readonly)]\npub fn f() {}\n",
            "#[wasm_bindgen()]\npub fn f() {}\n",
        );
    }
}
