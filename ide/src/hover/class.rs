//! Hover text of an exported struct's class — the struct, its `impl` methods and its
//! public fields: the class as the `.d.ts` declares it, gathered from the struct and every
//! `#[wasm_bindgen] impl` of it in the file, then how JS uses the member.

use super::export::{arg_list, skipped, without_doc_comments};
use super::names::FileTypes;
use super::{markdown, region_bounds};
use crate::types::descriptor_type_in;
use wbg_core_gen::descriptor::{self, leaf_name, qualified_name, Module, Receiver, Role, Type};
use wbg_core_gen::glue::js_text::{export_path, js_ident, member_access};
use wbg_core_gen::glue::ts;
use wbg_core_gen::lower::{self, Export};
use wbg_core_gen::syntax::{self, Item};

/// An exported struct's JS class, as the `.d.ts` declares it: the struct and every
/// `#[wasm_bindgen] impl` of it in the file. Its methods are identified by `export`.
struct Class {
    s: descriptor::Struct,
    module: Module,
    /// How JS reaches the class: `Counter`, `models.Counter`.
    path: String,
}

/// The class of the struct `rust_name`, `line` (from 1) being the hovered item's.
fn class_of(src: &str, rust_name: &str, line: usize, types: &FileTypes) -> Class {
    let (structure, impls) = class_items(src, rust_name, line);
    let (namespace, js_name) = match &structure {
        Some(s) => (s.namespace.clone(), s.js_name.clone()),
        None => impls
            .iter()
            .find(|i| i.js_class.is_some())
            .or(impls.first())
            .map(|i| {
                let name = i.js_class.as_deref().unwrap_or(rust_name);
                (i.namespace.clone(), name.to_string())
            })
            .unwrap_or_else(|| (Vec::new(), rust_name.to_string())),
    };
    let path = export_path(&namespace, &js_name);
    let js_class = qualified_name(&namespace, &js_name);
    let named = |n: &str| {
        (n == "Self" || n == rust_name)
            .then(|| Type::Named(js_class.clone()))
            .or_else(|| types.exported(n))
    };
    let ty = |t: &syn::Type| descriptor_type_in(t, &named);
    let mut methods = Vec::new();
    for f in structure.iter().flat_map(|s| &s.fields) {
        let accessors = lower::field(f, ty(&f.ty));
        methods.extend(accessors.into_iter().map(|a| a.into_method(&js_class)));
    }
    for m in impls.iter().flat_map(|i| &i.methods) {
        methods.push(lower::method(m, ty).into_method(&js_class));
    }
    let s = descriptor::Struct {
        js_name: js_class,
        namespace,
        rust_name: rust_name.to_string(),
        docs: structure
            .as_ref()
            .map(|s| s.docs.clone())
            .unwrap_or_default(),
        free_export: String::new(),
        inspectable: structure.as_ref().is_some_and(|s| s.inspectable),
        skip_typescript: structure.as_ref().is_some_and(|s| s.skip_typescript),
        // Hover renders one class, without its parent's declaration at hand, so the
        // `.d.ts` line shows no `extends`.
        parent: None,
    };
    Class {
        s,
        module: Module {
            methods,
            ..Module::default()
        },
        path,
    }
}

/// The struct `rust_name` and its `#[wasm_bindgen] impl` blocks, found by a text scan for
/// lines naming them; only those items are parsed, so hover stays fast on large files.
/// The item at `line` (from 1) is always among them.
fn class_items(
    src: &str,
    rust_name: &str,
    line: usize,
) -> (Option<syntax::Struct>, Vec<syntax::Impl>) {
    let lines: Vec<&str> = src.split('\n').collect();
    let names_it = |l: &&str| {
        let t = l.trim_start();
        let declares = t.starts_with("impl") || t.starts_with("struct ") || t.contains(" struct ");
        declares
            && t.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| w == rust_name)
    };
    let mut regions = vec![region_bounds(&lines, line.saturating_sub(1))];
    for (i, _) in lines.iter().enumerate().filter(|(_, l)| names_it(l)) {
        let r = region_bounds(&lines, i);
        if !regions.contains(&r) {
            regions.push(r);
        }
    }
    regions.sort_unstable();
    let mut structure = None;
    let mut impls = Vec::new();
    for (start, end) in regions {
        let (program, _) = wbg_core_gen::parse_file(&lines[start..end].join("\n"));
        for item in program.items {
            match item {
                Item::Struct(s) if s.rust_name == rust_name => structure = Some(s),
                Item::Impl(i) if i.self_name.as_ref().is_some_and(|n| n == rust_name) => {
                    impls.push(i)
                }
                _ => {}
            }
        }
    }
    (structure, impls)
}

impl Class {
    fn method(&self, export: &str) -> Option<&descriptor::Method> {
        self.module.methods.iter().find(|m| m.export == export)
    }

    /// The other accessor of the same property (the setter of a getter and back).
    fn pair(&self, m: &descriptor::Method) -> Option<&descriptor::Method> {
        let other = match m.role {
            Role::Getter => Role::Setter,
            Role::Setter => Role::Getter,
            _ => return None,
        };
        self.module.methods.iter().find(|o| {
            o.role == other
                && o.js_name == m.js_name
                && !o.skip_typescript
                && (o.receiver == Receiver::None) == (m.receiver == Receiver::None)
        })
    }

    /// The line the `.d.ts` has for this member; a property with both accessors is
    /// declared once, by its getter.
    fn member_line(&self, m: &descriptor::Method) -> String {
        match (m.role, self.pair(m)) {
            (Role::Setter, Some(getter)) => ts::method_signature(getter, Some(m)),
            (Role::Getter, setter) => ts::method_signature(m, setter),
            _ => ts::method_signature(m, None),
        }
    }

    /// What JS calls an instance in examples: `Counter` → `counter`.
    fn instance(&self) -> String {
        let mut chars = leaf_name(&self.s.namespace, &self.s.js_name).chars();
        let lower = chars.next().map_or(String::new(), |c| {
            c.to_lowercase().chain(chars).collect::<String>()
        });
        js_ident(&lower)
    }

    /// `counter.count` / `Counter.total` / `counter["odd name"]`.
    fn access(&self, m: &descriptor::Method) -> String {
        let target = if m.receiver == Receiver::None {
            self.path.clone()
        } else {
            self.instance()
        };
        member_access(&target, &m.js_name)
    }

    /// How JS uses a member.
    fn js(&self, m: &descriptor::Method) -> String {
        let access = self.access(m);
        match m.role {
            Role::Constructor => format!("JS: `new {}({})`", self.path, arg_list(&m.args)),
            Role::Method => format!("JS: `{access}({})`", arg_list(&m.args)),
            Role::Getter => format!("JS: `{access}`"),
            Role::Setter => format!("JS: `{access} = {}`", arg_list(&m.args)),
        }
    }

    /// The class as the `.d.ts` declares it, without its doc comments.
    fn declaration(&self) -> String {
        without_doc_comments(&ts::class_declaration(&self.s, &self.module))
    }
}

pub(super) fn class(src: &str, rust_name: &syn::Ident, line: usize, types: &FileTypes) -> String {
    let c = class_of(src, &rust_name.to_string(), line, types);
    let ctor = c
        .module
        .methods
        .iter()
        .find(|m| m.role == Role::Constructor);
    let js = match ctor {
        Some(ctor) => c.js(ctor),
        None => format!(
            "JS: instances come from Rust; `new {}()` throws (no `constructor`)",
            c.path
        ),
    };
    markdown(
        &c.declaration(),
        &js,
        &skipped(c.s.skip_typescript),
        &c.s.docs,
    )
}

pub(super) fn method(
    src: &str,
    class: &syn::Ident,
    m: &syntax::Method,
    line: usize,
    types: &FileTypes,
) -> Option<String> {
    let c = class_of(src, &class.to_string(), line, types);
    let d = c.method(&Export::Method(m.rust_name.to_string()).key())?;
    let mut notes = skipped(d.skip_typescript);
    if d.receiver == Receiver::Value && d.role != Role::Constructor {
        notes.push(format!(
            "_takes `self`: `{}` is emptied by the call_",
            c.instance()
        ));
    }
    Some(markdown(&c.member_line(d), &c.js(d), &notes, &d.docs))
}

pub(super) fn field(
    src: &str,
    s: &syntax::Struct,
    f: &syntax::Field,
    line: usize,
    types: &FileTypes,
) -> Option<String> {
    let c = class_of(src, &s.rust_name.to_string(), line, types);
    let getter = c.method(&Export::Getter(f.rust_name.to_string()).key())?;
    let read = c.js(getter);
    let js = match c.pair(getter) {
        Some(setter) if !f.readonly => {
            format!("{read}, `{} = value`", c.access(setter))
        }
        _ => read,
    };
    Some(markdown(
        &c.member_line(getter),
        &js,
        &skipped(getter.skip_typescript),
        &getter.docs,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::export::function_descriptor;
    use super::super::tests::check_hover;
    use super::*;
    use crate::hover::hover;
    use crate::test_support::cursor;
    use wbg_core_gen::lower;

    const COUNTER: &str = r#"
/// Counts things.
#[wasm_bindgen(js_name = Tally)]
pub struct Counter {
    /// How many so far.
    pub count: u32,
    #[wasm_bindgen(readonly)]
    pub id: u32,
    #[wasm_bindgen(skip)]
    pub secret: u32,
    label: String,
}

#[wasm_bindgen]
impl Counter {
    /// Starts at zero.
    #[wasm_bindgen(constructor)]
    pub fn new(label: String) -> Counter { Counter { count: 0, id: 0, secret: 0, label } }
    /// Adds one.
    pub fn increment(&mut self) -> u32 { self.count += 1; self.count }
    pub fn zero() -> Self { Counter::new(String::new()) }
    #[wasm_bindgen(getter)]
    pub fn label(&self) -> String { self.label.clone() }
    #[wasm_bindgen(setter)]
    pub fn set_label(&mut self, label: String) { self.label = label; }
    #[wasm_bindgen(getter = total)]
    pub fn total_count(&self) -> u64 { 0 }
    #[wasm_bindgen(js_name = intoLabel)]
    pub fn into_label(self) -> String { self.label }
}
"#;

    #[test]
    fn namespaced_class_is_reached_through_its_namespace() {
        let src = r#"
#[wasm_bindgen(js_namespace = models)]
pub struct Tally { count: u32 }
#[wasm_bindgen(js_namespace = models)]
impl Tally {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Tally { Tally { count: 0 } }
    pub fn zero() -> Tally { Tally { count: 0 } }
    pub fn bump(&mut self) -> u32 { 1 }
}
"#;
        let at = |marker: &str| {
            let i = src.find(marker).unwrap();
            format!("{}$0{}", &src[..i], &src[i..])
        };
        check_hover(
            &at("Tally { count"),
            "```ts\ndeclare class models__Tally {\n  free(): void;\n  [Symbol.dispose](): void;\n  constructor();\n  static zero(): models__Tally;\n  bump(): number;\n}\n```\nJS: `new models.Tally()`",
        );
        check_hover(
            &at("zero()"),
            "```ts\nstatic zero(): models__Tally;\n```\nJS: `models.Tally.zero()`",
        );
        check_hover(
            &at("bump("),
            "```ts\nbump(): number;\n```\nJS: `tally.bump()`",
        );
    }

    /// `COUNTER` with the cursor put before the first `marker`.
    fn counter_at(marker: &str) -> String {
        let at = COUNTER.find(marker).expect("marker in COUNTER");
        format!("{}$0{}", &COUNTER[..at], &COUNTER[at..])
    }

    #[test]
    fn struct_shows_its_class_declaration_and_constructor() {
        check_hover(
            &counter_at("Counter {\n    /// How"),
            r#"
```ts
export class Tally {
  free(): void;
  [Symbol.dispose](): void;
  constructor(label: string);
  count: number;
  readonly id: number;
  label: string;
  readonly total: bigint;
  static zero(): Tally;
  increment(): number;
  intoLabel(): string;
}
```
JS: `new Tally(label)`

---

Counts things.
"#,
        );
    }

    #[test]
    fn impl_self_type_shows_the_class_too() {
        check_hover(
            "#[wasm_bindgen]\nimpl Po$0int {\n    pub fn x(&self) -> f64 { 0.0 }\n}",
            r#"
```ts
export class Point {
  private constructor();
  free(): void;
  [Symbol.dispose](): void;
  x(): number;
}
```
JS: instances come from Rust; `new Point()` throws (no `constructor`)
"#,
        );
    }

    #[test]
    fn constructor_shows_new() {
        check_hover(
            &counter_at("new(label"),
            r#"
```ts
constructor(label: string);
```
JS: `new Tally(label)`

---

Starts at zero.
"#,
        );
    }

    #[test]
    fn instance_method_is_called_on_an_object() {
        check_hover(
            &counter_at("increment(&mut"),
            r#"
```ts
increment(): number;
```
JS: `tally.increment()`

---

Adds one.
"#,
        );
    }

    #[test]
    fn static_method_is_called_on_the_class() {
        check_hover(
            &counter_at("zero()"),
            "```ts\nstatic zero(): Tally;\n```\nJS: `Tally.zero()`",
        );
    }

    #[test]
    fn getters_and_setters_show_the_property_line() {
        check_hover(
            &counter_at("label(&self)"),
            "```ts\nlabel: string;\n```\nJS: `tally.label`",
        );
        check_hover(
            &counter_at("set_label(&mut"),
            "```ts\nlabel: string;\n```\nJS: `tally.label = label`",
        );
        check_hover(
            &counter_at("total_count"),
            "```ts\nreadonly total: bigint;\n```\nJS: `tally.total`",
        );
    }

    #[test]
    fn js_name_and_self_receivers() {
        check_hover(
            &counter_at("into_label(self"),
            "```ts\nintoLabel(): string;\n```\nJS: `tally.intoLabel()`\n\n_takes `self`: `tally` is emptied by the call_",
        );
    }

    #[test]
    fn js_class_names_the_class_of_a_lone_impl() {
        check_hover(
            "#[wasm_bindgen(js_class = Tally)]\nimpl Counter {\n    pub fn re$0set() -> Counter { Counter::default() }\n}",
            "```ts\nstatic reset(): Tally;\n```\nJS: `Tally.reset()`",
        );
    }

    #[test]
    fn public_fields_show_their_property_line() {
        check_hover(
            &counter_at("count: u32"),
            r#"
```ts
count: number;
```
JS: `tally.count`, `tally.count = value`

---

How many so far.
"#,
        );
        check_hover(
            &counter_at("id: u32"),
            "```ts\nreadonly id: number;\n```\nJS: `tally.id`",
        );
        check_hover(&counter_at("secret: u32"), "");
        check_hover(&counter_at("label: String,"), "");
    }

    /// Every line of the hover's ```ts block, for the item at `$0` of `src`.
    fn ts_lines(src: &str, marker: &str) -> Vec<String> {
        let at = src.find(marker).expect("marker in source");
        let (src, pos) = cursor(&format!("{}$0{}", &src[..at], &src[at..]));
        let markdown = hover(&src, pos).expect("a hover").markdown;
        let block = markdown
            .strip_prefix("```ts\n")
            .and_then(|m| m.split_once("\n```\n"))
            .expect("a ts block")
            .0;
        block.lines().map(str::to_string).collect()
    }

    #[test]
    fn hover_matches_the_d_ts_bindgen_writes_for_the_same_descriptor() {
        // The `.d.ts` bindgen writes for these items, from the descriptors hover builds.
        let source = format!(
            "/// Adds.\n#[wasm_bindgen]\npub fn add(a: u32, b: u32) -> u32 {{ a + b }}\n{COUNTER}\n/// Levels.\n#[wasm_bindgen]\npub enum Level {{ Low, High = 10 }}\n#[wasm_bindgen]\npub fn pick(c: &Counter, l: Level) -> Option<Counter> {{ None }}\n"
        );
        let (program, _) = wbg_core_gen::parse_file(&source);
        let types = FileTypes::scan(&source);
        let mut d_ts = String::new();
        for item in &program.items {
            match item {
                Item::Function(f) => {
                    d_ts.push_str(&ts::function_declaration(&function_descriptor(f, &|n| {
                        types.exported(n)
                    })))
                }
                Item::Enum(e) => d_ts.push_str(&ts::enum_declaration(&lower::enumeration(e))),
                Item::Struct(s) => {
                    let c = class_of(&source, &s.rust_name.to_string(), 1, &types);
                    d_ts.push_str(&ts::class_declaration(&c.s, &c.module));
                }
                _ => {}
            }
        }
        assert!(d_ts.contains("/**"), "docs are written: {d_ts}");
        // Types declared elsewhere in the file are named as bindgen names them (JS names).
        assert!(
            d_ts.contains("export function pick(c: Tally, l: Level): Tally | undefined;"),
            "{d_ts}"
        );
        let markers = [
            "add(a",
            "Counter {\n    /// How",
            "count: u32",
            "id: u32",
            "new(label",
            "increment(&mut",
            "zero()",
            "label(&self)",
            "set_label",
            "total_count",
            "into_label(self",
            "Level {",
            "High",
            "pick(c",
        ];
        for marker in markers {
            for line in ts_lines(&source, marker) {
                assert!(
                    d_ts.lines().any(|l| l.trim_start() == line.trim_start()),
                    "hover line `{line}` (at {marker:?}) is not in:\n{d_ts}"
                );
            }
        }
    }
}
