//! Hover over stdio: the `.d.ts` line, the JS call and the docs; option docs.

use crate::support::check_hover;

#[test]
fn hover_on_an_exported_function_shows_its_typescript() {
    check_hover(
        "hover_fn",
        r#"use wasm_bindgen::prelude::*;

/// Says hello to `name`.
#[wasm_bindgen]
pub fn gr$0eet(name: &str) -> String {
    format!("Hello, {}!", name)
}
"#,
        "```ts\nexport function greet(name: string): string;\n```\nJS: `greet(name)`\n\n---\n\nSays hello to `name`.",
    );
}

#[test]
fn hover_positions_are_utf16_after_non_ascii_text() {
    check_hover(
        "hover_utf16",
        "/// 😀 émoji\n#[wasm_bindgen] /* 😀 */ pub fn ok(x: u64) -> bool { x > 0 }\n#[wasm_bindgen] /* 😀😀 */ pub fn s$0um(a: f64) -> f64 { a }\n",
        "```ts\nexport function sum(a: number): number;\n```\nJS: `sum(a)`",
    );
}

#[test]
fn hover_on_an_option_explains_it() {
    check_hover(
        "hover_option",
        "#[wasm_bindgen(js_na$0me = hello)]\npub fn greet() {}\n",
        "```rust\n#[wasm_bindgen(js_name)]\n```\nThe name JavaScript sees, when it differs from the Rust name.\n\n_applies to: an exported function, an exported struct, a method in an exported `impl` block, a struct field, an exported enum, an imported function, an imported type, an imported static_",
    );
}
