//! Completion of `#[wasm_bindgen(...)]` option names over stdio.

use crate::support::check_completion;

#[test]
fn option_names_complete_inside_the_attribute_with_docs() {
    check_completion(
        "complete_options",
        "#[wasm_bindgen(js_name = x, sk$0)]\npub fn f() {}\n",
        &["skip_typescript", "start", "js_name"],
    );
}

#[test]
fn completion_works_while_the_item_is_unfinished() {
    check_completion(
        "complete_unfinished",
        "#[wasm_bindgen($0\npub fn f(\n",
        &["start"],
    );
}
