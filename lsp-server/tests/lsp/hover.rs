//! Hover over stdio: the `.d.ts` text (functions, classes, methods), the JS call and the
//! docs; imports; option docs; types declared in other files of the crate.

use serde_json::json;

use crate::support::{check_hover, scratch, Server};

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
        "```rust\n#[wasm_bindgen(js_name)]\n```\nThe name JavaScript sees, when it differs from the Rust name.\n\n_applies to: an exported function, an exported struct, a method in an exported `impl` block, a struct field, an exported enum, an imported function, an imported type, an imported static, a parameter of an exported function_",
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

/// A scratch crate: `api.rs` names `Counter`, which `model.rs` declares.
#[test]
fn hover_names_types_declared_in_other_files_of_the_crate() {
    let dir = scratch("hover_crate");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = "[package]\nname = \"app\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\nwasm-bindgen = \"0.2\"\n";
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(dir.join("src/lib.rs"), "mod api;\nmod model;\n").unwrap();
    let model = dir.join("src/model.rs");
    let model_text = "use wasm_bindgen::prelude::*;\n\n#[wasm_bindgen]\npub struct Counter {\n    count: u32,\n}\n";
    std::fs::write(&model, model_text).unwrap();
    let api = dir.join("src/api.rs");
    let api_text = "use wasm_bindgen::prelude::*;\nuse crate::model::Counter;\n\n#[wasm_bindgen]\npub fn pick(c: &Counter) -> Option<Counter> {\n    None\n}\n";
    std::fs::write(&api, api_text).unwrap();

    let mut server = Server::start(&dir, json!({ "regenerateOnSave": false }));
    server.open(&api, api_text);
    let at = api_text.find("pick").unwrap() + 1;
    let hover = |server: &mut Server| {
        let reply = server.request("textDocument/hover", server.at(&api, api_text, at));
        reply["contents"]["value"].as_str().unwrap().to_string()
    };
    let expected = |class: &str| {
        format!(
            "```ts\nexport function pick(c: {class}): {class} | undefined;\n```\nJS: `pick(c)`\n"
        )
    };
    assert_eq!(hover(&mut server), expected("Counter"), "from the disk");
    assert_eq!(hover(&mut server), expected("Counter"), "cached");

    // Renamed for JS in the open (unsaved) `model.rs`: the hover follows its text.
    server.open(&model, model_text);
    let renamed = model_text.replace("#[wasm_bindgen]", "#[wasm_bindgen(js_name = Tally)]");
    server.change(&model, 2, &renamed);
    assert_eq!(hover(&mut server), expected("Tally"), "after didChange");
    server.shutdown_and_exit();
}
