//! Hover: for a `#[wasm_bindgen]` item, its `.d.ts` text (rendered by `glue::ts`, the code
//! that writes `foo.d.ts`) or, for an import, what Rust expects from JS; then how JS calls
//! it and its doc comment. On an option, the option's doc.
//!
//! Functions and enums are in `export`, classes in `class`, imports in `import`; this file
//! finds what the cursor is on.

mod class;
mod export;
mod import;
mod names;

use super::{attr_context, complete::applies_to, offset_of, pos_of, Pos, Range};
use wbg_core_gen::syntax::starts_region;
use wbg_core_gen::syntax::{self, attrs, ForeignBlock, ForeignItem, Item};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// What the hover is about: the option, the item's signature or its name.
    pub range: Range,
    pub markdown: String,
}

pub use names::CrateTypes;

/// The hover at `pos` of a file on its own: types from other files show as `any`.
pub fn hover(src: &str, pos: Pos) -> Option<Hover> {
    hover_with(src, pos, &CrateTypes::default())
}

/// The hover at `pos` of a file of a crate whose files declare `krate` (its own
/// declarations win): `fn pick(c: &Counter)` shows `Counter` wherever the crate declares it.
pub fn hover_with(src: &str, pos: Pos, krate: &CrateTypes) -> Option<Hover> {
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
    let (program, _) = wbg_core_gen::parse_file(&item_around(src, pos.line));
    let targets = targets(&program);
    let (range, target) = match targets.iter().find(|(r, _)| r.contains(pos)) {
        Some(found) => found,
        // On `#[wasm_bindgen]` itself: the item the attribute is on, i.e. the next one,
        // unless a block opens first (the attribute of an extern block is on no one item).
        None if is_wasm_bindgen_attr(src, offset) => targets
            .iter()
            .find(|(r, _)| r.start > pos)
            .filter(|(r, _)| !src[offset..offset_of(src, r.start)].contains('{'))?,
        None => return None,
    };
    Some(Hover {
        range: *range,
        markdown: target.markdown(src, pos.line, &names::FileTypes::scan_in(src, krate))?,
    })
}

/// Something a hover can be about, with what its text needs.
enum Target<'a> {
    Function(&'a syntax::Function),
    /// An exported struct, by Rust name: its name, or the self type of one of its `impl`s.
    Class(&'a syn::Ident),
    /// A method and the Rust name of its class.
    Method(&'a syn::Ident, &'a syntax::Method),
    Field(&'a syntax::Struct, &'a syntax::Field),
    /// An enum, or one of its variants.
    Enum(&'a syntax::Enum, Option<usize>),
    Import(&'a ForeignBlock, &'a ForeignItem),
}

impl Target<'_> {
    /// `line` is the cursor's: a class is spread over several items, and the one under the
    /// cursor must be among them.
    /// `types` names the classes, enums and imported types of the whole file.
    fn markdown(&self, src: &str, line: usize, types: &names::FileTypes) -> Option<String> {
        Some(match self {
            Target::Function(f) => export::function(f, types),
            Target::Class(name) => class::class(src, name, line, types),
            Target::Method(of, m) => class::method(src, of, m, line, types)?,
            Target::Field(s, f) => class::field(src, s, f, line, types)?,
            Target::Enum(e, variant) => export::enumeration(e, *variant),
            Target::Import(block, item) => import::item(block, item, types),
        })
    }
}

/// Every hover target of the parsed items with its range, in source order.
fn targets(program: &syntax::Program) -> Vec<(Range, Target<'_>)> {
    use syn::spanned::Spanned;
    let name = |i: &syn::Ident| Range::of(i.span());
    let mut out = Vec::new();
    for item in &program.items {
        match item {
            Item::Function(f) => out.push((Range::of(f.sig.span()), Target::Function(f))),
            Item::Struct(s) => {
                out.push((name(&s.rust_name), Target::Class(&s.rust_name)));
                for f in &s.fields {
                    let range = Range {
                        start: name(&f.rust_name).start,
                        end: Range::of(f.ty.span()).end,
                    };
                    out.push((range, Target::Field(s, f)));
                }
            }
            Item::Impl(i) => {
                if let Some(class) = &i.self_name {
                    out.push((Range::of(i.self_ty.span()), Target::Class(class)));
                    for m in &i.methods {
                        out.push((Range::of(m.sig.span()), Target::Method(class, m)));
                    }
                }
            }
            Item::Enum(e) => {
                out.push((name(&e.rust_name), Target::Enum(e, None)));
                for (k, v) in e.variants.iter().enumerate() {
                    out.push((name(&v.name), Target::Enum(e, Some(k))));
                }
            }
            Item::ForeignMod(block) => {
                for it in &block.items {
                    let range = match it {
                        ForeignItem::Fn(f) => Range::of(f.sig.span()),
                        ForeignItem::Type(t) => name(&t.rust_name),
                        ForeignItem::Static(s) => Range {
                            start: Range::of(s.span).start,
                            end: Range::of(s.ty.span()).end,
                        },
                    };
                    out.push((range, Target::Import(block, it)));
                }
            }
            // Its text is the `.d.ts`; the option's own hover says so.
            Item::TsSection(_) => {}
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// The lines of the top-level item around `line` (from 1), after as many empty lines as
/// precede it, so positions in it are positions in `src`: hover parses one item, not the
/// file, and stays fast on large files.
fn item_around(src: &str, line: usize) -> String {
    let lines: Vec<&str> = src.split('\n').collect();
    let (start, end) = region_bounds(&lines, line.saturating_sub(1));
    format!("{}{}", "\n".repeat(start), lines[start..end].join("\n"))
}

/// The lines `start..end` of the top-level item around line index `at` (from 0).
fn region_bounds(lines: &[&str], at: usize) -> (usize, usize) {
    let at = at.min(lines.len() - 1);
    let start = (0..=at)
        .rev()
        .find(|&i| starts_region(lines, i))
        .unwrap_or(0);
    let end = (at + 1..lines.len())
        .find(|&i| starts_region(lines, i))
        .unwrap_or(lines.len());
    (start, end)
}

/// Whether the cursor is on the `wasm_bindgen` of `#[wasm_bindgen...]`.
fn is_wasm_bindgen_attr(src: &str, offset: usize) -> bool {
    let w = attr_context::word_at(src, offset);
    &src[w.start..w.end] == "wasm_bindgen" && src[..w.start].trim_end().ends_with('[')
}

/// The hover layout every item shares: a ```ts block, how JS uses it, notes, the docs.
fn markdown(ts: &str, js: &str, notes: &[String], docs: &[String]) -> String {
    let mut out = format!("```ts\n{}\n```\n", ts.trim_end());
    if !js.is_empty() {
        out.push_str(js);
        out.push('\n');
    }
    if !notes.is_empty() {
        out.push('\n');
        for note in notes {
            out.push_str(note);
            out.push('\n');
        }
    }
    if !docs.is_empty() {
        out.push_str("\n---\n\n");
        out.push_str(&docs.join("\n"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::test_support::cursor;

    /// The hover's markdown at `$0` ("" for none).
    pub(crate) fn check_hover(src_with_cursor: &str, expected: &str) {
        let (src, pos) = cursor(src_with_cursor);
        let got = hover(&src, pos).map(|h| h.markdown).unwrap_or_default();
        assert_eq!(got.trim_end(), expected.trim_start().trim_end());
    }

    #[test]
    fn options_show_their_doc_from_the_table() {
        check_hover(
            "#[wasm_bindgen(sta$0rt)]\npub fn main_js() {}",
            "```rust\n#[wasm_bindgen(start)]\n```\nRun this function once when the module is initialised. It takes no arguments.\n\n_applies to: an exported function_",
        );
        check_hover(
            "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(method, struc$0tural)]\n    fn get(this: &Bar) -> u32;\n}",
            "```rust\n#[wasm_bindgen(structural)]\n```\nAccess methods and properties directly on the object (`obj.f()`), not through the class prototype.\n\n_applies to: an `extern \"C\"` block, an imported function_",
        );
    }

    #[test]
    fn nothing_in_bodies_or_on_plain_items() {
        check_hover("#[wasm_bindgen]\npub fn f() { let x$0 = 1; }", "");
        check_hover("pub fn pl$0ain() {}", "");
        check_hover(
            "#[wasm_bindgen]\nimpl Counter {\n    pub fn get(&self) -> u32 { self.co$0unt }\n}",
            "",
        );
        let with_fields = |field: &str| {
            format!("#[wasm_bindgen]\npub struct Counter {{\n    pub count: u32,\n    {field}\n}}")
        };
        check_hover(
            &with_fields("#[wasm_bindgen(skip)]\n    pub hid$0den: u32,"),
            "",
        );
        check_hover(&with_fields("priv$0ate: u32,"), "");
        check_hover(
            &with_fields("pub cou$0nt2: u32,"),
            "```ts\ncount2: number;\n```\nJS: `counter.count2`, `counter.count2 = value`",
        );
    }

    #[test]
    fn the_attribute_of_an_extern_block_is_on_no_one_import() {
        check_hover(
            "#[wasm_$0bindgen]\nextern \"C\" {\n    fn log(s: &str);\n}",
            "",
        );
        check_hover(
            "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_$0bindgen(js_namespace = console)]\n    fn log(s: &str);\n}",
            "```ts\nfunction log(s: string): void;\n```\nJS: `console.log(s)`",
        );
    }

    #[test]
    fn types_declared_in_other_files_of_the_crate() {
        let model = "#[wasm_bindgen(js_name = Tally)]\npub struct Counter { count: u32 }\n\n#[wasm_bindgen]\nextern \"C\" {\n    pub type Element;\n}";
        let (api, pos) = cursor(
            "use crate::model::Counter;\n\n#[wasm_bindgen]\npub fn pi$0ck(c: &Counter, e: &Element) -> Option<Counter> { None }",
        );
        let shown = |krate: &CrateTypes| hover_with(&api, pos, krate).unwrap().markdown;
        assert_eq!(
            shown(&CrateTypes::scan([model, api.as_str()])),
            "```ts\nexport function pick(c: Tally, e: any): Tally | undefined;\n```\nJS: `pick(c, e)`\n"
        );
        assert_eq!(
            shown(&CrateTypes::default()),
            "```ts\nexport function pick(c: any, e: any): any | undefined;\n```\nJS: `pick(c, e)`\n"
        );
    }

    #[test]
    fn hover_works_while_another_item_is_broken() {
        check_hover(
            "fn broken( {\n\n#[wasm_bindgen]\npub fn ok$0() -> bool { true }",
            "```ts\nexport function ok(): boolean;\n```\nJS: `ok()`",
        );
    }

    /// The text the hover's range covers (on one line).
    fn check_range(src_with_cursor: &str, expected: &str) {
        let (src, pos) = cursor(src_with_cursor);
        let r = hover(&src, pos).expect("a hover").range;
        assert_eq!(r.start.line, r.end.line);
        let line = src.lines().nth(r.start.line - 1).unwrap();
        let covered: String = line
            .chars()
            .skip(r.start.column)
            .take(r.end.column - r.start.column)
            .collect();
        assert_eq!(covered, expected);
    }

    #[test]
    fn the_range_is_the_signature_or_the_name() {
        check_range(
            "#[wasm_bindgen]\npub fn gr$0eet(name: &str) {}",
            "fn greet(name: &str)",
        );
        check_range(
            "#[wasm_bindgen]\npub struct Cou$0nter { pub count: u32 }",
            "Counter",
        );
        check_range(
            "#[wasm_bindgen]\npub struct Counter { pub cou$0nt: u32 }",
            "count: u32",
        );
        check_range(
            "#[wasm_bindgen]\nimpl Counter {\n    pub fn get(&self) -> u$032 { 1 }\n}",
            "fn get(&self) -> u32",
        );
        check_range(
            "#[wasm_$0bindgen]\nimpl Counter {\n    pub fn get(&self) -> u32 { 1 }\n}",
            "Counter",
        );
        check_range("#[wasm_bindgen]\npub enum Level { Low, Hi$0gh }", "High");
        check_range("#[wasm_bindgen]\nextern \"C\" {\n    type B$0ar;\n}", "Bar");
        check_range(
            "#[wasm_bindgen]\nextern \"C\" {\n    static WIN$0DOW: JsValue;\n}",
            "WINDOW: JsValue",
        );
    }
}
