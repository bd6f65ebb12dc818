//! Hover over stdio: the `.d.ts` text (functions, classes, methods), the JS call and the
//! docs; imports; option docs.

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

#[test]
fn hover_on_a_method_shows_its_class_member_line_and_call() {
    check_hover(
        "hover_method",
        r#"use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Counter {
    count: u32,
}

#[wasm_bindgen]
impl Counter {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Counter {
        Counter { count: 0 }
    }

    /// Adds one and returns the new count.
    pub fn incr$0ement(&mut self) -> u32 {
        self.count += 1;
        self.count
    }
}
"#,
        "```ts\nincrement(): number;\n```\nJS: `counter.increment()`\n\n---\n\nAdds one and returns the new count.",
    );
}

#[test]
fn hover_on_a_struct_shows_its_class_declaration() {
    check_hover(
        "hover_struct",
        r#"use wasm_bindgen::prelude::*;

/// A running count.
#[wasm_bindgen]
pub struct Cou$0nter {
    pub count: u32,
}

#[wasm_bindgen]
impl Counter {
    #[wasm_bindgen(constructor)]
    pub fn new(start: u32) -> Counter {
        Counter { count: start }
    }
}
"#,
        "```ts\nexport class Counter {\n  free(): void;\n  [Symbol.dispose](): void;\n  constructor(start: number);\n  count: number;\n}\n```\nJS: `new Counter(start)`\n\n---\n\nA running count.",
    );
}

#[test]
fn hover_on_an_import_shows_how_js_is_called() {
    check_hover(
        "hover_import",
        "use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(js_namespace = console)]\n    fn l$0og(s: &str);\n}\n",
        "```ts\nfunction log(s: string): void;\n```\nJS: `console.log(s)`",
    );
}
