//! Hover text of exported functions and enums: the descriptor bindgen would see, built
//! from the source, rendered by `glue::ts` exactly as in `foo.d.ts`, then how JS uses it.
//! Classes are in `class`.

use super::markdown;
use crate::types::descriptor_type_in;
use wbg_core_gen::descriptor::{self, EnumValue, Type};
use wbg_core_gen::glue::js_text::{export_path, js_ident, member_access, quote};
use wbg_core_gen::glue::ts;
use wbg_core_gen::lower;
use wbg_core_gen::syntax;

const SKIPPED: &str = "_left out of the `.d.ts` (`skip_typescript`)_";

pub(super) fn skipped(skip_typescript: bool) -> Vec<String> {
    skip_typescript
        .then(|| SKIPPED.to_string())
        .into_iter()
        .collect()
}

/// The descriptor bindgen would see for this function (names and types from the source).
/// `named` resolves the type names declared elsewhere (classes, enums, imported types).
pub(super) fn function_descriptor(
    f: &syntax::Function,
    named: &dyn Fn(&str) -> Option<Type>,
) -> descriptor::Function {
    lower::function(f, &|t| descriptor_type_in(t, named))
}

pub(super) fn function(f: &syntax::Function, types: &super::names::FileTypes) -> String {
    let d = function_descriptor(f, &|n| types.exported(n));
    let js = if d.start {
        "JS: runs once when the module is initialised (`start`)".to_string()
    } else {
        format!(
            "JS: `{}({})`",
            export_path(&f.namespace, &f.js_name),
            arg_list(&d.args)
        )
    };
    markdown(
        &ts::function_signature(&d),
        &js,
        &skipped(d.skip_typescript),
        &d.docs,
    )
}

pub(super) fn arg_list(args: &[descriptor::Arg]) -> String {
    let names: Vec<String> = args.iter().map(|a| js_ident(&a.name)).collect();
    names.join(", ")
}

/// A declaration without its `/** ... */` blocks: hover shows docs as markdown instead.
pub(super) fn without_doc_comments(decl: &str) -> String {
    let mut in_comment = false;
    let mut out = Vec::new();
    for line in decl.lines() {
        let t = line.trim();
        if !in_comment && t.starts_with("/**") {
            in_comment = true;
        }
        if in_comment {
            in_comment = !t.ends_with("*/");
            continue;
        }
        out.push(line);
    }
    out.join("\n")
}

/// The enum; `variant` is the hovered variant, if any (the JS example uses it).
pub(super) fn enumeration(e: &syntax::Enum, variant: Option<usize>) -> String {
    let d = lower::enumeration(e);
    let js = match d.variants.get(variant.unwrap_or(0)).map(|v| &v.value) {
        Some(EnumValue::String(s)) => format!("JS: `{}`", quote(s)),
        Some(EnumValue::Number(n)) => {
            let v = &d.variants[variant.unwrap_or(0)];
            let path = export_path(&e.namespace, &e.js_name);
            format!("JS: `{}` (`{n}`)", member_access(&path, &v.name))
        }
        None => String::new(),
    };
    let docs = match variant {
        Some(k) => &d.variants[k].docs,
        None => &d.docs,
    };
    markdown(
        &without_doc_comments(&ts::enum_declaration(&d)),
        &js,
        &skipped(d.skip_typescript),
        docs,
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::check_hover;

    #[test]
    fn exported_function_shows_its_d_ts_line_call_and_docs() {
        check_hover(
            r#"
/// Says hello to `name`.
#[wasm_bindgen]
pub fn gr$0eet(name: &str) -> String { format!("Hello, {name}!") }
"#,
            r#"
```ts
export function greet(name: string): string;
```
JS: `greet(name)`

---

Says hello to `name`.
"#,
        );
    }

    #[test]
    fn the_attribute_hovers_its_item_and_js_name_renames() {
        check_hover(
            r#"
#[wasm_$0bindgen(js_name = addTwo)]
pub fn add(a: u32, b: Option<f64>, c: &JsValue) {}
"#,
            r#"
```ts
export function addTwo(a: number, b: number | null | undefined, c: any): void;
```
JS: `addTwo(a, b, c)`
"#,
        );
    }

    #[test]
    fn async_and_skipped_functions() {
        check_hover(
            r#"
#[wasm_bindgen(skip_typescript)]
pub async fn fe$0tch(url: String) -> Result<String, JsValue> { Ok(url) }
"#,
            r#"
```ts
export function fetch(url: string): Promise<string>;
```
JS: `fetch(url)`

_left out of the `.d.ts` (`skip_typescript`)_
"#,
        );
    }

    #[test]
    fn unchecked_types_and_renamed_parameters() {
        check_hover(
            r#"
#[wasm_bindgen(unchecked_return_type = "Point")]
pub async fn lo$0ad(#[wasm_bindgen(js_name = "rawUrl", unchecked_param_type = "URL | string")] url: JsValue) -> JsValue { url }
"#,
            r#"
```ts
export function load(rawUrl: URL | string): Promise<Point>;
```
JS: `load(rawUrl)`
"#,
        );
    }

    #[test]
    fn numeric_enum_and_its_variants() {
        let level = "/// How loud.\n#[wasm_bindgen]\npub enum Level {\n    Low,\n    /// Loud.\n    High = 10,\n}";
        let ts = "```ts\nexport enum Level {\n  Low = 0,\n  High = 10,\n}\n```";
        check_hover(
            &level.replace("Level {", "Le$0vel {"),
            &format!("{ts}\nJS: `Level.Low` (`0`)\n\n---\n\nHow loud."),
        );
        check_hover(
            &level.replace("High", "Hi$0gh"),
            &format!("{ts}\nJS: `Level.High` (`10`)\n\n---\n\nLoud."),
        );
    }

    #[test]
    fn namespaced_function_and_enum_show_their_declaration_and_path() {
        check_hover(
            "#[wasm_bindgen(js_namespace = [\"utils\", \"3d\"], js_name = len)]\npub fn le$0ngth(x: f64) -> f64 { x }",
            "```ts\ndeclare function utils__3d__len(x: number): number;\n```\nJS: `utils[\"3d\"].len(x)`",
        );
        check_hover(
            "#[wasm_bindgen(js_namespace = types)]\npub enum Sta$0tus { Pending = 1 }",
            "```ts\ndeclare enum types__Status {\n  Pending = 1,\n}\n```\nJS: `types.Status.Pending` (`1`)",
        );
    }

    #[test]
    fn string_enum_is_a_union_of_strings() {
        check_hover(
            "#[wasm_bindgen]\npub enum Fr$0uit { Apple = \"apple\", Banana = \"banana\" }",
            "```ts\nexport type Fruit = \"apple\" | \"banana\";\n```\nJS: `\"apple\"`",
        );
    }
}
