//! Quick fixes over stdio: whatever fix a core-gen diagnostic carries.

use crate::support::check_fix;

#[test]
fn unknown_option_is_fixed_to_the_nearest_name() {
    check_fix(
        "fix_unknown_option",
        "#[wasm_bindgen(js_n$0me = hello)]\npub fn greet() {}\n",
        "#[wasm_bindgen(js_name = hello)]\npub fn greet() {}\n",
    );
}
