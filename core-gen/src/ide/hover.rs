//! Hover: the `.d.ts` line of a `#[wasm_bindgen]` item (rendered by `glue::ts`, the code
//! that writes `foo.d.ts`), how JS calls it and its doc comment; or the doc of an option.

use super::types::descriptor_type;
use super::{attr_context, complete::applies_to, offset_of, pos_of, Pos, Range};
use crate::descriptor;
use crate::glue::{js::js_ident, ts};
use crate::syntax::recover::starts_region;
use crate::syntax::{self, attrs, Item};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// What the hover is about (the option name or the item's signature).
    pub range: Range,
    pub markdown: String,
}

pub fn hover(src: &str, pos: Pos) -> Option<Hover> {
    let offset = offset_of(src, pos);
    if let Some(word) = attr_context::at(src, offset).filter(|w| w.name_position) {
        let spec = attrs::find(&src[word.start..word.end])?;
        return Some(Hover {
            range: Range {
                start: pos_of(src, word.start),
                end: pos_of(src, word.end),
            },
            markdown: format!(
                "```rust\n#[wasm_bindgen({})]\n```\n{}\n\n_{}_",
                spec.name,
                spec.doc,
                applies_to(spec.places)
            ),
        });
    }
    let on_attribute = is_wasm_bindgen_attr(src, offset);
    let (program, _) = syntax::parse_file(&item_around(src, pos.line));
    for item in &program.items {
        if let Item::Function(f) = item {
            let sig = Range::of(syn::spanned::Spanned::span(&f.sig));
            // On `#[wasm_bindgen]` itself: the item the attribute is on, i.e. the next one.
            let attr_applies = on_attribute && sig.start > pos;
            if sig.contains(pos) || attr_applies {
                return Some(Hover {
                    range: sig,
                    markdown: function_markdown(f),
                });
            }
        }
    }
    None
}

/// The lines of the top-level item around `line` (from 1), after as many empty lines as
/// precede it, so positions in it are positions in `src`: hover parses one item, not the
/// file, and stays fast on large files.
fn item_around(src: &str, line: usize) -> String {
    let lines: Vec<&str> = src.split('\n').collect();
    let at = line.saturating_sub(1).min(lines.len() - 1);
    let start = (0..=at)
        .rev()
        .find(|&i| starts_region(&lines, i))
        .unwrap_or(0);
    let end = (at + 1..lines.len())
        .find(|&i| starts_region(&lines, i))
        .unwrap_or(lines.len());
    format!("{}{}", "\n".repeat(start), lines[start..end].join("\n"))
}

/// Whether the cursor is on the `wasm_bindgen` of `#[wasm_bindgen...]`.
fn is_wasm_bindgen_attr(src: &str, offset: usize) -> bool {
    let w = attr_context::word_at(src, offset);
    &src[w.start..w.end] == "wasm_bindgen" && src[..w.start].trim_end().ends_with('[')
}

/// The descriptor bindgen would see for this function (names and types from the source).
pub fn function_descriptor(f: &syntax::Function) -> descriptor::Function {
    descriptor::Function {
        export: f.rust_name.to_string(),
        js_name: f.js_name.clone(),
        docs: f.docs.clone(),
        start: f.start,
        skip_typescript: f.skip_typescript,
        args: f
            .args
            .iter()
            .map(|a| descriptor::Arg {
                name: a.name.clone(),
                ty: descriptor_type(&a.ty),
            })
            .collect(),
        ret: f
            .ret
            .as_ref()
            .map_or(descriptor::Type::Unit, descriptor_type),
    }
}

fn function_markdown(f: &syntax::Function) -> String {
    let d = function_descriptor(f);
    let mut out = format!("```ts\n{}\n```\n", ts::function_signature(&d));
    let args: Vec<String> = d.args.iter().map(|a| js_ident(&a.name)).collect();
    if d.start {
        out.push_str("JS: runs once when the module is initialised (`start`)\n");
    } else {
        out.push_str(&format!("JS: `{}({})`\n", d.js_name, args.join(", ")));
    }
    if d.skip_typescript {
        out.push_str("\n_left out of the `.d.ts` (`skip_typescript`)_\n");
    }
    if !d.docs.is_empty() {
        out.push_str("\n---\n\n");
        out.push_str(&d.docs.join("\n"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ide::test_support::cursor;

    fn check_hover(src_with_cursor: &str, expected: &str) {
        let (src, pos) = cursor(src_with_cursor);
        let got = hover(&src, pos).map(|h| h.markdown).unwrap_or_default();
        assert_eq!(got.trim_end(), expected.trim_end());
    }

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
"#
            .trim_start(),
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
"#
            .trim_start(),
        );
    }

    #[test]
    fn options_show_their_doc_from_the_table() {
        check_hover(
            "#[wasm_bindgen(sta$0rt)]\npub fn main_js() {}",
            "```rust\n#[wasm_bindgen(start)]\n```\nRun this function once when the module is initialised. It takes no arguments.\n\n_applies to: an exported function_",
        );
    }

    #[test]
    fn nothing_in_bodies_or_on_plain_items() {
        check_hover("#[wasm_bindgen]\npub fn f() { let x$0 = 1; }", "");
        check_hover("pub fn pl$0ain() {}", "");
    }

    #[test]
    fn hover_works_while_another_item_is_broken() {
        check_hover(
            "fn broken( {\n\n#[wasm_bindgen]\npub fn ok$0() -> bool { true }",
            "```ts\nexport function ok(): boolean;\n```\nJS: `ok()`",
        );
    }

    #[test]
    fn hover_matches_the_d_ts_bindgen_writes_for_the_same_descriptor() {
        let (src, pos) =
            cursor("/// Adds.\n#[wasm_bindgen]\npub fn a$0dd(a: u32, b: u32) -> u32 { a + b }");
        let (program, _) = syntax::parse_file(&src);
        let Item::Function(f) = &program.items[0] else {
            panic!("a function")
        };
        let d_ts = ts::function_declaration(&function_descriptor(f));
        let markdown = hover(&src, pos).unwrap().markdown;
        let signature = markdown.lines().nth(1).unwrap();
        assert!(
            d_ts.lines().any(|l| l == signature),
            "{signature} not in {d_ts}"
        );
    }
}
