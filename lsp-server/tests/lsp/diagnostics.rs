//! Diagnostics as you type over stdio: the macro's messages, cleared when fixed, and
//! unaffected by broken code in other items.

use std::time::{Duration, Instant};

use crate::support::{check_diagnostics, open_scratch};

#[test]
fn validation_errors_are_published_with_the_macros_text() {
    check_diagnostics(
        "diag_basic",
        "use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen(js_nme = x)]\npub fn a() {}\n\n#[wasm_bindgen]\npub fn b<T>(t: T) {}\n",
        &[
            (2, "unknown-option: unknown `#[wasm_bindgen]` option `js_nme`; did you mean `js_name`?"),
            (6, "generic-export: exported functions cannot be generic: JavaScript needs one concrete signature; export a wrapper for each type you need"),
        ],
    );
}

/// What wasm-bindgen only lints is a warning; an error about a whole attribute starts on
/// its first line, where wasm-bindgen points.
#[test]
fn severities_and_attribute_ranges() {
    check_diagnostics(
        "diag_severity",
        "#[wasm_bindgen(readonly)]\npub fn a() {}\n\n#[wasm_bindgen(\n    unchecked_return_type = \"X\",\n)]\npub struct B {}\n",
        &[
            (0, "option-not-here (warning): `readonly` has no effect on an exported function, so it is ignored (it applies to a struct field); remove it"),
            (3, "function-only-option: `unchecked_return_type` describes a function's signature and only applies to functions; remove it from this item"),
        ],
    );
}

#[test]
fn a_broken_item_does_not_hide_the_others() {
    check_diagnostics(
        "diag_broken",
        "#[wasm_bindgen]\npub fn half_typed( {\n\n#[wasm_bindgen(strutural)]\npub fn b() {}\n",
        &[
            (1, "syntax: unbalanced delimiters or an unterminated literal or comment in this item"),
            (3, "unknown-option: unknown `#[wasm_bindgen]` option `strutural`; did you mean `structural`?"),
        ],
    );
}

#[test]
fn diagnostics_follow_edits_and_clear_when_fixed() {
    let bad = "#[wasm_bindgen(js_nme = x)]\npub fn a() {}\n";
    let (mut server, file) = open_scratch("diag_edits", bad);
    assert_eq!(server.diagnostics(&file, 1).len(), 1);
    // Quick successive edits: only the last one needs to be analysed.
    server.change(&file, 2, "#[wasm_bindgen(js_nam = x)]\npub fn a() {}\n");
    let sent = Instant::now();
    server.change(&file, 3, "#[wasm_bindgen(js_name = x)]\npub fn a() {}\n");
    assert!(server.diagnostics(&file, 3).is_empty());
    assert!(sent.elapsed() < Duration::from_secs(2));
    let stale = server.drain(|m| m["params"]["version"] == 2);
    assert!(
        stale.is_empty(),
        "the superseded edit was published: {stale:?}"
    );
    server.shutdown_and_exit();
}
