//! Quick fixes over stdio: whatever fix a core-gen diagnostic carries.

use crate::support::{check_fix, check_fix_titled};

#[test]
fn unknown_option_is_fixed_to_the_nearest_name() {
    check_fix(
        "fix_unknown_option",
        "#[wasm_bindgen(js_n$0me = hello)]\npub fn greet() {}\n",
        "#[wasm_bindgen(js_name = hello)]\npub fn greet() {}\n",
    );
}

#[test]
fn setter_without_prefix_is_renamed_to_set_name() {
    check_fix(
        "fix_setter_prefix",
        "#[wasm_bindgen]\nimpl Foo {\n    #[wasm_bindgen(setter)]\n    pub fn f$0oo(&mut self, v: u32) {}\n}\n",
        "#[wasm_bindgen]\nimpl Foo {\n    #[wasm_bindgen(setter)]\n    pub fn set_foo(&mut self, v: u32) {}\n}\n",
    );
}

#[test]
fn catch_without_result_returns_a_result() {
    check_fix(
        "fix_catch_needs_result",
        "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(catch)]\n    fn f() -> u$032;\n}\n",
        "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(catch)]\n    fn f() -> Result<u32, JsValue>;\n}\n",
    );
}

#[test]
fn setter_without_prefix_can_name_the_property_instead() {
    check_fix_titled(
        "fix_setter_prefix_explicit",
        "#[wasm_bindgen]\nimpl Foo {\n    #[wasm_bindgen(setter)]\n    pub fn f$0oo(&mut self, v: u32) {}\n}\n",
        Some("Name the property: `setter = \"foo\"`"),
        "#[wasm_bindgen]\nimpl Foo {\n    #[wasm_bindgen(setter = \"foo\")]\n    pub fn foo(&mut self, v: u32) {}\n}\n",
    );
}

#[test]
fn catch_without_result_can_drop_catch_instead() {
    check_fix_titled(
        "fix_catch_removed",
        "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(catch)]\n    fn f() -> u$032;\n}\n",
        Some("Remove `catch`"),
        "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen()]\n    fn f() -> u32;\n}\n",
    );
}
