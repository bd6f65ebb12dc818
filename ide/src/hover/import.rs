//! Hover text of imports (`extern "C"` items). They are not in the `.d.ts`, so the hover
//! shows a TypeScript-style declaration of what Rust expects from JS, then the JS that wbg
//! runs for it (the expression `glue::import` renders; a test ties the two) and where it
//! comes from.

use super::markdown;
use super::names::FileTypes;
use crate::types::descriptor_type_in;
use wbg_core_gen::descriptor::{ImportOp as Op, Type};
use wbg_core_gen::glue::import;
use wbg_core_gen::glue::js_text::member_access;
use wbg_core_gen::glue::js_text::{js_ident, member_name, quote};
use wbg_core_gen::glue::ts::type_name;
use wbg_core_gen::lower;
use wbg_core_gen::syntax::{
    self, result_ok_type, ForeignBlock, ForeignItem, ImportFn, ImportModule, ImportStatic,
    ImportType,
};

pub(super) fn item(block: &ForeignBlock, item: &ForeignItem, types: &FileTypes) -> String {
    let scope = Scope { block, types };
    match item {
        ForeignItem::Fn(f) => scope.function(f),
        ForeignItem::Type(t) => scope.class(t),
        ForeignItem::Static(s) => scope.statik(s),
    }
}

/// The extern block around the hovered item: its module and the types it declares.
struct Scope<'a> {
    block: &'a ForeignBlock,
    /// The types declared elsewhere in the file.
    types: &'a FileTypes,
}

impl Scope<'_> {
    fn imported_type(&self, rust_name: &str) -> Option<&ImportType> {
        self.block.items.iter().find_map(|i| match i {
            ForeignItem::Type(t) if t.rust_name == rust_name => Some(t),
            _ => None,
        })
    }

    /// TypeScript for a Rust type; an imported type of the block is its `typescript_type`,
    /// else its JS class (what JS passes), where the `.d.ts` of an export would say `any`.
    fn ts(&self, ty: &syn::Type) -> String {
        let named = |n: &str| {
            self.imported_type(n)
                .map(|t| Type::ExternType(t.typescript_type.clone().unwrap_or(t.js_class.clone())))
                .or_else(|| self.types.imported(n))
        };
        type_name(&descriptor_type_in(ty, &named))
    }

    /// The JS expression of the class an import acts on: `Bar` or `ns.Bar`, as glue writes
    /// it for a type of this block; the Rust name for a type declared elsewhere.
    fn class_expr(&self, class: &syn::Ident) -> String {
        match self.imported_type(&class.to_string()) {
            Some(t) => path(t.namespace.as_deref().unwrap_or_default(), &t.js_class),
            None => class.to_string(),
        }
    }

    /// `, from "./bar.js"` for imports from a module (nothing for the global scope).
    fn from(&self) -> String {
        match &self.block.module {
            ImportModule::Global => String::new(),
            ImportModule::Module(spec) => format!(", from `{}`", quote(spec)),
            ImportModule::Local(path) => format!(
                ", from `{}` (a file of the crate, copied into `snippets/`)",
                quote(path)
            ),
            ImportModule::Inline(_) => ", from the block's `inline_js`".to_string(),
        }
    }

    fn function(&self, f: &ImportFn) -> String {
        let p = self.parts(f);
        // A class declared in another block may come from another module.
        let from = match &f.class {
            Some(c) if self.imported_type(&c.to_string()).is_none() => String::new(),
            _ => self.from(),
        };
        let notes: Vec<String> = f
            .catch
            .then(|| "_a JS exception becomes `Err` (`catch`)_".to_string())
            .into_iter()
            .collect();
        markdown(
            &declaration(f, &p),
            &format!("JS: {}{from}", call(f, &p)),
            &notes,
            &f.docs,
        )
    }

    fn parts(&self, f: &ImportFn) -> Parts {
        let takes_this = lower::takes_this(f);
        let (this, rest) = match f.args.split_first() {
            Some((first, rest)) if takes_this => (first.name.clone(), rest),
            _ => (String::new(), &f.args[..]),
        };
        let mut params = Vec::new();
        let mut names = Vec::new();
        for (i, a) in rest.iter().enumerate() {
            let spread = if f.variadic && i + 1 == rest.len() {
                "..."
            } else {
                ""
            };
            params.push(format!("{spread}{}: {}", js_ident(&a.name), self.ts(&a.ty)));
            names.push(js_ident(&a.name));
        }
        // With `catch`, JS returns the `Ok` value; an exception becomes the `Err`.
        let value = match &f.ret {
            Some(ret) if f.catch => result_ok_type(ret).map(|(ok, _)| ok),
            ret => ret.clone(),
        };
        Parts {
            this,
            types: rest.iter().map(|a| self.ts(&a.ty)).collect(),
            params,
            names,
            ret: value.as_ref().map_or("void".to_string(), |t| self.ts(t)),
            class: f.class.as_ref().map(|c| self.class_expr(c)),
        }
    }

    fn class(&self, t: &ImportType) -> String {
        let parent = t.extends.first().and_then(syntax_type_ident).map(|p| {
            match self.imported_type(&p.to_string()) {
                Some(parent) => parent.js_class.clone(),
                None => p.to_string(),
            }
        });
        let ts = match parent {
            Some(p) => format!("class {} extends {p} {{}}", t.js_class),
            None => format!("class {} {{}}", t.js_class),
        };
        let class = path(t.namespace.as_deref().unwrap_or_default(), &t.js_class);
        let mut js = format!("JS: the class `{class}`");
        if !t.vendor_prefixes.is_empty() {
            let others: Vec<String> = t
                .vendor_prefixes
                .iter()
                .map(|p| format!("`{p}{}`", t.js_class))
                .collect();
            js.push_str(&format!(" (or {})", others.join(", ")));
        }
        js.push_str(&self.from());
        let in_d_ts = match &t.typescript_type {
            Some(ts) => format!("_in the `.d.ts` of exports: `{ts}`_"),
            None => "_in the `.d.ts` of exports: `any` (no `typescript_type`)_".to_string(),
        };
        markdown(&ts, &js, &[in_d_ts], &t.docs)
    }

    fn statik(&self, s: &ImportStatic) -> String {
        let read = path(s.namespace.as_deref().unwrap_or_default(), &s.js_name);
        markdown(
            &format!("const {}: {};", s.js_name, self.ts(&s.ty)),
            &format!(
                "JS: `{read}`, read once per thread on first use{}",
                self.from()
            ),
            &[],
            &syntax::doc_lines(&s.attrs),
        )
    }
}

/// An imported function's pieces, as TypeScript and JS spell them.
struct Parts {
    /// The receiver's name, for operations on `this` ("" otherwise).
    this: String,
    /// `name: type` of the other arguments (`...rest: T` when variadic).
    params: Vec<String>,
    /// Their TypeScript types.
    types: Vec<String>,
    /// Their names as JS passes them.
    names: Vec<String>,
    /// The TypeScript type JS returns.
    ret: String,
    /// The class expression, for operations on a class.
    class: Option<String>,
}

impl Parts {
    fn class(&self) -> &str {
        self.class.as_deref().unwrap_or_default()
    }
}

/// The TypeScript-style declaration of what Rust expects from JS.
fn declaration(f: &ImportFn, p: &Parts) -> String {
    let (member, params, ret) = (member_name(&f.js_name), p.params.join(", "), &p.ret);
    let static_ = if p.class.is_some() { "static " } else { "" };
    match lower::import_op(&f.op) {
        Op::Function | Op::StaticValue | Op::InstanceOf => {
            format!("function {}({params}): {ret};", f.js_name)
        }
        Op::Constructor => format!("constructor({params});"),
        Op::StaticMethod => format!("static {member}({params}): {ret};"),
        Op::Method => format!("{member}({params}): {ret};"),
        Op::StaticGetter => format!("{static_}get {member}(): {ret};"),
        Op::Getter => format!("get {member}(): {ret};"),
        Op::StaticSetter => format!("{static_}set {member}({params});"),
        Op::Setter => format!("set {member}({params});"),
        Op::IndexingGetter => format!("[{params}]: {ret};"),
        Op::IndexingSetter => format!(
            "[{}]: {};",
            p.params.first().map_or("", String::as_str),
            p.types.get(1).map_or("any", String::as_str)
        ),
        Op::IndexingDeleter => format!("[{params}]: any;"),
    }
}

/// The JS wbg evaluates for the import, as `glue::import::expr` renders it (with the Rust
/// argument names), in backticks, with a word on accessors of the prototype.
fn call(f: &ImportFn, p: &Parts) -> String {
    let op = lower::import_op(&f.op);
    let accessor = matches!(op, Op::Getter | Op::Setter);
    let values: Vec<String> = (!p.this.is_empty())
        .then(|| p.this.clone())
        .into_iter()
        .chain(p.names.iter().cloned())
        .collect();
    // An accessor of the prototype amounts to reading or writing the property.
    let parts = import::Parts {
        name: &f.js_name,
        values: &values,
        structural: f.structural || accessor,
        final_: f.final_,
        variadic: f.variadic,
        has_class: p.class.is_some(),
        optional: matches!(&f.ret, Some(syn::Type::Path(t))
            if t.path.segments.last().is_some_and(|s| s.ident == "Option")),
    };
    let mut names = HoverNames { f, p };
    let expr = import::expr(op, &parts, &mut names).unwrap_or_default();
    let prototype = |what: &str| {
        if f.structural {
            String::new()
        } else {
            format!(" (the {what} of `{}.prototype`)", p.class())
        }
    };
    let namespaced = f.namespace.as_ref().is_some_and(|n| !n.is_empty());
    let note = match op {
        Op::Getter => prototype("getter"),
        Op::Setter => prototype("setter"),
        Op::Function if f.final_ && namespaced => {
            " (the function there when the glue loads)".to_string()
        }
        _ => String::new(),
    };
    format!("`{expr}`{note}")
}

/// Names as the user wrote them: the class through its namespace.
struct HoverNames<'a> {
    f: &'a ImportFn,
    p: &'a Parts,
}

impl import::Names for HoverNames<'_> {
    fn class(&mut self) -> Result<String, String> {
        Ok(self.p.class().to_string())
    }

    fn path(&mut self, name: &str) -> String {
        path(self.f.namespace.as_deref().unwrap_or_default(), name)
    }
}

/// `a.b.name` for a name reached through a namespace.
fn path(namespace: &[String], name: &str) -> String {
    match namespace.split_first() {
        None => name.to_string(),
        Some((first, rest)) => rest
            .iter()
            .map(String::as_str)
            .chain([name])
            .fold(first.clone(), |expr, part| member_access(&expr, part)),
    }
}

fn syntax_type_ident(ty: &syn::Type) -> Option<syn::Ident> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::check_hover;
    use wbg_core_gen::descriptor::{self, Arg, Module, Type};
    use wbg_core_gen::syntax::{ForeignItem, Item};

    #[test]
    fn global_function_through_a_namespace() {
        check_hover(
            r#"
#[wasm_bindgen]
extern "C" {
    /// Logs to the console.
    #[wasm_bindgen(js_namespace = console)]
    fn l$0og(s: &str);
}
"#,
            r#"
```ts
function log(s: string): void;
```
JS: `console.log(s)`

---

Logs to the console.
"#,
        );
    }

    const BAR: &str = r#"
#[wasm_bindgen(raw_module = "./bar.js")]
extern "C" {
    /// A bar.
    #[wasm_bindgen(extends = BaseClass, typescript_type = "BarLike")]
    type Bar;
    #[wasm_bindgen(js_name = Base)]
    type BaseClass;
    #[wasm_bindgen(constructor)]
    fn new(arg: u32) -> Bar;
    #[wasm_bindgen(method)]
    fn get(this: &Bar) -> u32;
    #[wasm_bindgen(method, structural, js_name = getItem)]
    fn get_item(this: &Bar, key: &str) -> Option<String>;
    #[wasm_bindgen(static_method_of = Bar)]
    fn another_function() -> f64;
    #[wasm_bindgen(method, getter)]
    fn width(this: &Bar) -> f64;
    #[wasm_bindgen(method, structural, setter)]
    fn set_width(this: &Bar, value: f64);
    #[wasm_bindgen(static_method_of = Bar, getter)]
    fn count() -> u32;
    #[wasm_bindgen(method, indexing_getter)]
    fn at(this: &Bar, index: u32) -> Option<Bar>;
    #[wasm_bindgen(catch)]
    fn risky(bar: &Bar) -> Result<u32, JsValue>;
    #[wasm_bindgen(variadic)]
    fn sum(first: f64, rest: &[f64]) -> f64;
    #[wasm_bindgen(method, final, js_name = get)]
    fn get_final(this: &Bar) -> u32;
    #[wasm_bindgen(method, final, getter, js_name = width)]
    fn width_final(this: &Bar) -> f64;
    static VERSION: String;
}
"#;

    /// `BAR` with the cursor put before the first `marker`.
    fn bar_at(marker: &str) -> String {
        let at = BAR.find(marker).expect("marker in BAR");
        format!("{}$0{}", &BAR[..at], &BAR[at..])
    }

    #[test]
    fn imported_constructor() {
        check_hover(
            &bar_at("new(arg"),
            "```ts\nconstructor(arg: number);\n```\nJS: `new Bar(arg)`, from `\"./bar.js\"`",
        );
    }

    #[test]
    fn methods_are_called_on_the_object_unless_final() {
        check_hover(
            &bar_at("get(this"),
            "```ts\nget(): number;\n```\nJS: `this.get()`, from `\"./bar.js\"`",
        );
        check_hover(
            &bar_at("get_item"),
            "```ts\ngetItem(key: string): string | undefined;\n```\nJS: `this.getItem(key)`, from `\"./bar.js\"`",
        );
    }

    #[test]
    fn final_members_are_read_from_the_prototype_at_each_call() {
        check_hover(
            &bar_at("get_final"),
            "```ts\nget(): number;\n```\nJS: `Bar.prototype.get.call(this)`, from `\"./bar.js\"`",
        );
        check_hover(
            &bar_at("width_final"),
            "```ts\nget width(): number;\n```\nJS: `this.width` (the getter of `Bar.prototype`), from `\"./bar.js\"`",
        );
    }

    #[test]
    fn final_or_structural_on_the_block_is_the_default_of_its_functions() {
        let src = |cursor: &str| {
            r#"
#[wasm_bindgen(final)]
extern "C" {
    type Bar;
    #[wasm_bindgen(method)]
    fn grow(this: &Bar);
    #[wasm_bindgen(method, structural)]
    fn shrink(this: &Bar);
}
"#
            .replace(cursor, &format!("{}$0{}", &cursor[..1], &cursor[1..]))
        };
        check_hover(
            &src("grow("),
            "```ts\ngrow(): void;\n```\nJS: `Bar.prototype.grow.call(this)`",
        );
        check_hover(
            &src("shrink("),
            "```ts\nshrink(): void;\n```\nJS: `this.shrink()`",
        );
        check_hover(
            &src("grow(").replace("(final)", "(structural)"),
            "```ts\ngrow(): void;\n```\nJS: `this.grow()`",
        );
    }

    #[test]
    fn static_methods_are_called_on_the_class() {
        check_hover(
            &bar_at("another_function"),
            "```ts\nstatic another_function(): number;\n```\nJS: `Bar.another_function()`, from `\"./bar.js\"`",
        );
    }

    #[test]
    fn property_getters_and_setters() {
        check_hover(
            &bar_at("width(this"),
            "```ts\nget width(): number;\n```\nJS: `this.width`, from `\"./bar.js\"`",
        );
        check_hover(
            &bar_at("set_width"),
            "```ts\nset width(value: number);\n```\nJS: `this.width = value`, from `\"./bar.js\"`",
        );
        check_hover(
            &bar_at("count()"),
            "```ts\nstatic get count(): number;\n```\nJS: `Bar.count`, from `\"./bar.js\"`",
        );
    }

    #[test]
    fn indexing_catch_and_variadic() {
        check_hover(
            &bar_at("at(this"),
            "```ts\n[index: number]: BarLike | undefined;\n```\nJS: `this[index]`, from `\"./bar.js\"`",
        );
        check_hover(
            &bar_at("risky"),
            "```ts\nfunction risky(bar: BarLike): number;\n```\nJS: `risky(bar)`, from `\"./bar.js\"`\n\n_a JS exception becomes `Err` (`catch`)_",
        );
        check_hover(
            &bar_at("sum(first"),
            "```ts\nfunction sum(first: number, ...rest: Float64Array): number;\n```\nJS: `sum(first, ...rest)`, from `\"./bar.js\"`",
        );
    }

    #[test]
    fn imported_type_shows_its_class_and_d_ts_name() {
        check_hover(
            &bar_at("Bar;"),
            r#"
```ts
class Bar extends Base {}
```
JS: the class `Bar`, from `"./bar.js"`

_in the `.d.ts` of exports: `BarLike`_

---

A bar.
"#,
        );
        check_hover(
            "#[wasm_bindgen]\nextern \"C\" {\n    #[wasm_bindgen(js_namespace = Intl, vendor_prefix = webkit)]\n    type Date$0Format;\n}",
            "```ts\nclass DateFormat {}\n```\nJS: the class `Intl.DateFormat` (or `webkitDateFormat`)\n\n_in the `.d.ts` of exports: `any` (no `typescript_type`)_",
        );
    }

    #[test]
    fn statics_are_read_once() {
        check_hover(
            &bar_at("VERSION"),
            "```ts\nconst VERSION: string;\n```\nJS: `VERSION`, read once per thread on first use, from `\"./bar.js\"`",
        );
        check_hover(
            "#[wasm_bindgen]\nextern \"C\" {\n    /// The page.\n    #[wasm_bindgen(js_namespace = window, js_name = document)]\n    static DOC$0UMENT: JsValue;\n}",
            "```ts\nconst document: any;\n```\nJS: `window.document`, read once per thread on first use\n\n---\n\nThe page.",
        );
    }

    #[test]
    fn local_and_inline_modules() {
        check_hover(
            "#[wasm_bindgen(module = \"/js/util.js\")]\nextern \"C\" {\n    fn he$0lp();\n}",
            "```ts\nfunction help(): void;\n```\nJS: `help()`, from `\"/js/util.js\"` (a file of the crate, copied into `snippets/`)",
        );
        check_hover(
            "#[wasm_bindgen(inline_js = \"export function two() { return 2; }\")]\nextern \"C\" {\n    fn t$0wo() -> u32;\n}",
            "```ts\nfunction two(): number;\n```\nJS: `two()`, from the block's `inline_js`",
        );
    }

    /// `expr` with every identifier in `names` replaced by `arg{index}`, as the glue's shims
    /// name their parameters.
    fn as_shim_args(expr: &str, names: &[String]) -> String {
        let mut out = String::new();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            match names.iter().position(|n| n == word) {
                Some(i) => out.push_str(&format!("arg{i}")),
                None => out.push_str(word),
            }
            word.clear();
        };
        for c in expr.chars() {
            if c.is_alphanumeric() || c == '_' || c == '$' {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }

    #[test]
    fn the_js_line_is_the_expression_the_glue_renders() {
        let src = r#"
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Lib)]
    type Bar;
    #[wasm_bindgen(js_namespace = console)]
    fn log(message: i32);
    #[wasm_bindgen(constructor)]
    fn new(size: i32) -> Bar;
    #[wasm_bindgen(method)]
    fn grow(this: &Bar, by: i32, times: i32) -> i32;
    #[wasm_bindgen(method, structural, js_name = "odd name")]
    fn odd(this: &Bar) -> i32;
    #[wasm_bindgen(method, final, js_name = shrink)]
    fn shrink_final(this: &Bar, by: i32) -> i32;
    #[wasm_bindgen(method, final)]
    fn reset(this: &Bar);
    #[wasm_bindgen(static_method_of = Bar)]
    fn make(seed: i32) -> i32;
    #[wasm_bindgen(method, structural, getter)]
    fn width(this: &Bar) -> i32;
    #[wasm_bindgen(method, structural, setter)]
    fn set_width(this: &Bar, value: i32);
    #[wasm_bindgen(static_method_of = Bar, getter)]
    fn count() -> i32;
    #[wasm_bindgen(getter, js_namespace = Math)]
    fn PI() -> i32;
    #[wasm_bindgen(method, indexing_getter)]
    fn at(this: &Bar, key: i32) -> i32;
    #[wasm_bindgen(method, indexing_setter)]
    fn put(this: &Bar, key: i32, item: i32);
    #[wasm_bindgen(variadic)]
    fn sum(first: i32, rest: &[i32]) -> i32;
    static VERSION: i32;
}
"#;
        let (program, _) = wbg_core_gen::parse_file(src);
        let Some(Item::ForeignMod(block)) = program.items.first() else {
            panic!("an extern block")
        };
        // The descriptors the macro would write, every value an `i32` so that the shim
        // passes each parameter to JS as it is.
        let mut module = Module::default();
        let mut names = Vec::new();
        for (i, item) in block.items.iter().enumerate() {
            let wasm_name = format!("__wbg_import{i}");
            let (op, js_name, namespace, class, args, ret) = match item {
                ForeignItem::Type(t) => {
                    module.import_types.push(descriptor::ImportType {
                        id: t.rust_name.to_string(),
                        js_class: t.js_class.clone(),
                        module: descriptor::ImportModule::Global,
                        namespace: t.namespace.clone().unwrap_or_default(),
                        vendor_prefixes: Vec::new(),
                    });
                    continue;
                }
                ForeignItem::Static(s) => (
                    descriptor::ImportOp::StaticValue,
                    &s.js_name,
                    &s.namespace,
                    None,
                    Vec::new(),
                    Some(()),
                ),
                ForeignItem::Fn(f) => (
                    wbg_core_gen::lower::import_op(&f.op),
                    &f.js_name,
                    &f.namespace,
                    f.class.as_ref(),
                    f.args.iter().map(|a| a.name.clone()).collect(),
                    f.ret.as_ref().map(|_| ()),
                ),
            };
            module.imports.push(descriptor::ImportFn {
                wasm_name: wasm_name.clone(),
                op,
                catch: false,
                structural: matches!(item, ForeignItem::Fn(f) if f.structural),
                final_: matches!(item, ForeignItem::Fn(f) if f.final_),
                variadic: matches!(item, ForeignItem::Fn(f) if f.variadic),
                module: descriptor::ImportModule::Global,
                namespace: namespace.clone().unwrap_or_default(),
                js_name: js_name.clone(),
                class_id: class.map(|c| c.to_string()).unwrap_or_default(),
                js_class: String::new(),
                args: args
                    .iter()
                    .map(|name| Arg::new(name.clone(), Type::I32))
                    .collect(),
                ret: ret.map_or(Type::Unit, |_| Type::I32),
            });
            names.push((wasm_name, item, args));
        }
        let wasm_names: Vec<String> = names.iter().map(|(n, _, _)| n.clone()).collect();
        let glue = wbg_core_gen::glue::build(&module, &wasm_names, &Default::default()).unwrap();
        for (wasm_name, item, args) in names {
            let markdown = super::item(block, item, &super::FileTypes::default());
            let js = markdown
                .lines()
                .find_map(|l| l.strip_prefix("JS: `"))
                .and_then(|l| l.split('`').next())
                .unwrap_or_else(|| panic!("a JS line in {markdown}"));
            let expr = as_shim_args(js, &args);
            let (_, shim) = glue
                .intrinsics
                .iter()
                .find(|(n, _)| *n == wasm_name)
                .unwrap();
            assert!(shim.contains(&expr), "`{expr}` is not in:\n{shim}");
        }
    }
}
