//! The `#[wasm_bindgen(...)]` option table and the parser for option lists.
//! Every option wasm-bindgen knows is listed once here, with where it applies and its doc;
//! the macro, the validation and the language server's completion all read this table.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

use crate::diagnostic::Diagnostic;

/// The kinds of item an option can be written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    ExportFn,
    Struct,
    Impl,
    Method,
    Field,
    Enum,
    ForeignBlock,
    ForeignFn,
    ForeignType,
    ForeignStatic,
    /// A parameter of an exported function or method.
    Param,
    /// `const TS: &str = "…";`
    Const,
}

impl Place {
    pub fn describe(self) -> &'static str {
        match self {
            Place::ExportFn => "an exported function",
            Place::Struct => "an exported struct",
            Place::Impl => "an `impl` block",
            Place::Method => "a method in an exported `impl` block",
            Place::Field => "a struct field",
            Place::Enum => "an exported enum",
            Place::ForeignBlock => "an `extern \"C\"` block",
            Place::ForeignFn => "an imported function",
            Place::ForeignType => "an imported type",
            Place::ForeignStatic => "an imported static",
            Place::Param => "a parameter of an exported function",
            Place::Const => "a `const`",
        }
    }
}

/// What may follow an option's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueShape {
    /// `start`
    Flag,
    /// `js_name = foo` or `js_name = "foo"`
    Name,
    /// `getter` or `getter = foo`
    FlagOrName,
    /// `module = "./x.js"`
    Str,
    /// `js_namespace = console` or `js_namespace = ["a", "b"]`
    NameOrList,
    /// `extends = some::Type`
    Path,
}

#[derive(Debug)]
pub struct OptionSpec {
    pub name: &'static str,
    pub shape: ValueShape,
    pub places: &'static [Place],
    pub doc: &'static str,
}

use Place::*;
use ValueShape::*;

pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec { name: "js_name", shape: Name, places: &[ExportFn, Struct, Method, Field, Enum, ForeignFn, ForeignType, ForeignStatic, Param], doc: "The name JavaScript sees, when it differs from the Rust name." },
    OptionSpec { name: "unchecked_return_type", shape: Str, places: &[ExportFn, Method], doc: "The TypeScript return type written in the `.d.ts` and JSDoc instead of the one wbg derives, unchecked (`\"Promise<Foo>\"` is written `\"Foo\"` on an `async fn`)." },
    OptionSpec { name: "return_description", shape: Str, places: &[ExportFn, Method], doc: "Describes the return value in the doc comments (`@returns`)." },
    OptionSpec { name: "unchecked_param_type", shape: Str, places: &[Param], doc: "On a parameter: the TypeScript type written in the `.d.ts` and JSDoc instead of the one wbg derives, unchecked." },
    OptionSpec { name: "param_description", shape: Str, places: &[Param], doc: "On a parameter: its description in the doc comments (`@param name - …`)." },
    OptionSpec { name: "start", shape: Flag, places: &[ExportFn], doc: "Run this function once when the module is initialised. It takes no arguments." },
    OptionSpec { name: "skip_typescript", shape: Flag, places: &[ExportFn, Struct, Method, Field, Enum, ForeignFn], doc: "Leave this item out of the generated `.d.ts`." },
    OptionSpec { name: "typescript_custom_section", shape: Flag, places: &[Const], doc: "On a `const` `&str`: its text is written into the generated `.d.ts` as it is (interfaces, type aliases the exports' `unchecked_*` types name)." },
    OptionSpec { name: "wasm_bindgen", shape: Path, places: &[ExportFn, Struct, Impl, Enum, ForeignBlock, Const], doc: "The path of the `wasm-bindgen` crate in the generated code, for crates that reach it through a re-export or a renamed dependency (`wasm_bindgen = my_dep::wasm_bindgen`)." },
    OptionSpec { name: "js_sys", shape: Path, places: &[ExportFn, Struct, Impl, Enum, ForeignBlock, Const], doc: "The path of the `js-sys` crate in the generated code. wbg's expansions do not name `js_sys`, so it changes nothing." },
    OptionSpec { name: "wasm_bindgen_futures", shape: Path, places: &[ExportFn, Struct, Impl, Enum, ForeignBlock, Const], doc: "The path of the `wasm-bindgen-futures` crate in the generated code (for `async fn` exports)." },
    OptionSpec { name: "skip_jsdoc", shape: Flag, places: &[ExportFn, Method, Field], doc: "No generated `@param`/`@returns` tags in the JS doc comment; the Rust doc comment is kept, so you can write your own tags." },
    OptionSpec { name: "js_class", shape: Name, places: &[Impl, ForeignType, ForeignFn], doc: "The JS class name for an `impl` block of a renamed struct, or of an imported type. On an imported `method`, `constructor` or `static_method_of`: the JS class it acts on, which must be its type's (`#[wasm_bindgen(js_name = Foo)] type JsFoo;`)." },
    OptionSpec { name: "constructor", shape: Flag, places: &[Method, ForeignFn], doc: "Exported: becomes `new Class(...)`. Imported: calls `new Type(...)`." },
    OptionSpec { name: "getter", shape: FlagOrName, places: &[Method, ForeignFn], doc: "A property read. The property name is the function name unless given (`getter = name`)." },
    OptionSpec { name: "setter", shape: FlagOrName, places: &[Method, ForeignFn], doc: "A property write. The function name must start with `set_` unless the property is named (`setter = \"name\"`)." },
    OptionSpec { name: "method", shape: Flag, places: &[ForeignFn], doc: "An imported method: the first argument (`this: &Type`) is the receiver." },
    OptionSpec { name: "static_method_of", shape: Name, places: &[ForeignFn], doc: "An imported static method of the named JS class." },
    OptionSpec { name: "js_namespace", shape: NameOrList, places: &[ForeignBlock, ForeignFn, ForeignType, ForeignStatic, ExportFn, Struct, Impl, Enum], doc: "Imports: the JS object the import is reached through, e.g. `console` or `[\"a\", \"b\"]`. Exports: the object the function, class or enum is exported under (`api.add`, `utils.math.divide`); repeat it on the `impl` blocks of a namespaced struct." },
    OptionSpec { name: "module", shape: Str, places: &[ForeignBlock], doc: "The JS module to import from: `\"/js/x.js\"` (a file of the crate, from its root) or an npm package. A relative path (`\"./x.js\"`) is refused: use `raw_module`." },
    OptionSpec { name: "raw_module", shape: Str, places: &[ForeignBlock], doc: "The JS module to import from, used exactly as written, e.g. `\"./greet.js\"` next to the generated JS." },
    OptionSpec { name: "inline_js", shape: Str, places: &[ForeignBlock], doc: "JS module source written inline; it is emitted as a snippet file." },
    OptionSpec { name: "catch", shape: Flag, places: &[ForeignFn], doc: "Catch a JS exception: the function must return `Result<T, JsValue>` and an exception becomes `Err`." },
    OptionSpec { name: "structural", shape: Flag, places: &[ForeignBlock, ForeignFn], doc: "Access methods and properties directly on the object (`obj.f()`), not through the class prototype." },
    OptionSpec { name: "final", shape: Flag, places: &[ForeignBlock, ForeignFn], doc: "Call the class's method or accessor (`Class.prototype.f.call(obj)`, read at each call) rather than whatever the object has under that name; on a function through a namespace, the function there when the glue loads. The opposite of `structural`, wasm-bindgen's default." },
    OptionSpec { name: "variadic", shape: Flag, places: &[ForeignFn], doc: "The last argument (a slice) is spread into the JS call." },
    OptionSpec { name: "indexing_getter", shape: Flag, places: &[ForeignFn], doc: "`obj[key]`." },
    OptionSpec { name: "indexing_setter", shape: Flag, places: &[ForeignFn], doc: "`obj[key] = value`." },
    OptionSpec { name: "indexing_deleter", shape: Flag, places: &[ForeignFn], doc: "`delete obj[key]`." },
    OptionSpec { name: "extends", shape: Path, places: &[ForeignType, Struct], doc: "Imported type: its parent class; adds `Deref`, `AsRef` and `From` up the chain. Exported struct: another exported struct of this crate it inherits from (`class Child extends Parent`); the macro adds the field `parent: wasm_bindgen::Parent<Parent>`, set in the constructor with `Parent::new(..).into()`." },
    OptionSpec { name: "extends_js_class", shape: Str, places: &[Struct], doc: "wasm-bindgen needs the parent's JS name when it is renamed. wbg reads it from the parent's type, so it is accepted and changes nothing." },
    OptionSpec { name: "no_deref", shape: Flag, places: &[ForeignType], doc: "No `Deref` impl to the parent class (or `JsValue`): the type's own methods do not hide behind auto-deref, and it may implement `Deref` itself. `AsRef`, `From` and `JsCast` stay." },
    OptionSpec { name: "vendor_prefix", shape: Name, places: &[ForeignType], doc: "Try the class under this vendor prefix when the plain name is missing." },
    OptionSpec { name: "typescript_type", shape: Name, places: &[ForeignType, Struct], doc: "The TypeScript type to write in the `.d.ts` for this type." },
    OptionSpec { name: "is_type_of", shape: Path, places: &[ForeignType], doc: "A function `fn(&JsValue) -> bool` used by `JsCast` instead of `instanceof`." },
    OptionSpec { name: "thread_local_v2", shape: Flag, places: &[ForeignStatic], doc: "An imported static read lazily, once per thread." },
    OptionSpec { name: "readonly", shape: Flag, places: &[Field], doc: "The field gets a getter but no setter." },
    OptionSpec { name: "skip", shape: Flag, places: &[Field, Method], doc: "Not exposed to JS." },
    OptionSpec { name: "getter_with_clone", shape: Flag, places: &[Struct, Field], doc: "Public fields that are `Clone` (not `Copy`) get a getter that clones." },
    OptionSpec { name: "no_upcast", shape: Flag, places: &[ForeignType], doc: "wasm-bindgen 0.2.130: no `Upcast` impls for a generic imported type. wbg generates none, so it changes nothing." },
    OptionSpec { name: "no_promising", shape: Flag, places: &[ForeignType, ForeignFn], doc: "wasm-bindgen 0.2.130 (JS promise integration): not wrapped for `WebAssembly.promising`. wbg wraps nothing, so it changes nothing." },
    OptionSpec { name: "experimental_generic_mono", shape: Flag, places: &[ForeignFn], doc: "wasm-bindgen 0.2.130: a generic imported function monomorphised per use. Not supported by wbg yet." },
    OptionSpec { name: "suspending", shape: Flag, places: &[ForeignFn], doc: "wasm-bindgen 0.2.130 (JS promise integration): the import may suspend wasm until a promise settles. Not supported by wbg yet." },
    OptionSpec { name: "assert_no_shim", shape: Flag, places: &[ForeignFn], doc: "wasm-bindgen's own tests: assert that the import is called without a JS conversion shim. wbg's glue calls every import through a small shim, so it is accepted and changes nothing." },
    OptionSpec { name: "inspectable", shape: Flag, places: &[Struct], doc: "`toJSON()` and `toString()` show the public getters." },
    OptionSpec { name: "main", shape: Flag, places: &[ExportFn], doc: "wasm-bindgen: marks `fn main` (which may be `async`) as the program's entry point. Not supported by wbg yet." },
];

/// Options wasm-bindgen (0.2.100 to 0.2.130) accepts that wbg does not implement yet. They
/// are reported as unsupported, not as unknown: the code is right, wbg is behind.
pub const NOT_SUPPORTED_YET: &[&str] = &[
    "this",
    "reexport",
    "extends_js_namespace",
    "no_into_js_generic",
    "private",
    "fallback",
    "slice_to_array",
    "static_string",
    "thread_local",
    "unchecked_optional_param_type",
    "generic_per_mono",
    "jspi",
];

/// Options wasm-bindgen (up to 0.2.130) reads on an item where wbg does not implement them
/// yet (beyond the item's `places`): reported as unsupported, not as having no effect, so
/// code written for wasm-bindgen does not silently get other JS. An entry goes away when
/// its place joins the option's `places`.
pub const NOT_SUPPORTED_HERE_YET: &[(&str, Place)] = &[("variadic", Place::ExportFn)];

/// Options wasm-bindgen reads only on functions (their signature's TypeScript and JSDoc);
/// on any other item it refuses them, pointing at the whole attribute.
const FUNCTION_ONLY: &[&str] = &[
    "unchecked_return_type",
    "return_description",
    "unchecked_param_type",
    "param_description",
];

/// Where an option list is written: the whole `#[wasm_bindgen(...)]` attribute (in the
/// macro, `Span::call_site()`) and whether it is on a function (exported, method or
/// imported).
#[derive(Debug, Clone, Copy)]
pub struct AttrSite {
    pub span: Span,
    pub on_function: bool,
}

pub fn find(name: &str) -> Option<&'static OptionSpec> {
    OPTIONS.iter().find(|o| o.name == name)
}

/// The closest known option name, when it is close enough to be a likely typo.
pub fn nearest(name: &str) -> Option<&'static str> {
    OPTIONS
        .iter()
        .map(|o| (edit_distance(name, o.name), o.name))
        .filter(|&(d, cand)| d <= 2.max(cand.len() / 3))
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A parsed option value.
#[derive(Debug, Clone)]
pub enum OptionValue {
    None,
    /// An identifier or string literal; `span` covers it.
    Name(String, Span),
    Str(String, Span),
    List(Vec<String>, Span),
    Path(TokenStream, Span),
}

/// One `name` or `name = value` inside `#[wasm_bindgen(...)]`.
#[derive(Debug, Clone)]
pub struct AttrOption {
    pub name: String,
    pub name_span: Span,
    pub value: OptionValue,
    /// The whole `name = value`.
    pub span: Span,
    /// Known option (unknown ones are reported and dropped).
    pub spec: &'static OptionSpec,
    /// The commas right before and after it, so a fix can remove the option cleanly.
    pub commas: (Option<Span>, Option<Span>),
}

impl AttrOption {
    /// The edits that remove this option and one comma beside it.
    pub fn removal(&self) -> Vec<(Span, String)> {
        removal(self.span, self.commas)
    }
}

/// The edits that remove an option at `span` and one of its `commas` (the one before, with
/// the space between, when there is one).
fn removal(span: Span, commas: (Option<Span>, Option<Span>)) -> Vec<(Span, String)> {
    let Some(comma) = commas.0.or(commas.1) else {
        return vec![(span, String::new())];
    };
    match comma.join(span) {
        Some(both) => vec![(both, String::new())],
        // Spans from different places (a macro's call site): one edit each.
        None => vec![(span, String::new()), (comma, String::new())],
    }
}

/// Parses an option list. Never fails: problems become diagnostics and the rest is kept.
pub fn parse_options(
    tokens: TokenStream,
    site: AttrSite,
    diags: &mut Vec<Diagnostic>,
) -> Vec<AttrOption> {
    let mut out = Vec::new();
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let is_comma = |t: &TokenTree| matches!(t, TokenTree::Punct(p) if p.as_char() == ',');
    let mut start = 0;
    while start <= tokens.len() {
        let end = tokens[start..]
            .iter()
            .position(is_comma)
            .map_or(tokens.len(), |i| start + i);
        let chunk = &tokens[start..end];
        let commas = (
            start.checked_sub(1).map(|i| tokens[i].span()),
            tokens.get(end).map(TokenTree::span),
        );
        if let Some(d) = function_only_elsewhere(chunk, site, commas) {
            diags.push(d);
        } else if !chunk.is_empty() {
            if let Some(mut opt) = parse_one(chunk, diags) {
                opt.commas = commas;
                out.push(opt);
            }
        }
        start = end + 1;
    }
    out
}

/// A `FUNCTION_ONLY` option on something else: wasm-bindgen refuses it, pointing at the
/// whole attribute.
fn function_only_elsewhere(
    chunk: &[TokenTree],
    site: AttrSite,
    commas: (Option<Span>, Option<Span>),
) -> Option<Diagnostic> {
    let TokenTree::Ident(name) = chunk.first()? else {
        return None;
    };
    let name = name.to_string();
    if site.on_function || !FUNCTION_ONLY.contains(&name.as_str()) {
        return None;
    }
    let d = Diagnostic::error(
        "function-only-option",
        site.span,
        format!(
            "`{name}` describes a function's signature and only applies to functions; remove \
             it from this item"
        ),
    );
    Some(d.with_fix(crate::Fix {
        title: format!("Remove `{name}`"),
        edits: removal(join_spans(chunk), commas),
    }))
}

fn join_spans(tokens: &[TokenTree]) -> Span {
    let first = tokens[0].span();
    let last = tokens[tokens.len() - 1].span();
    first.join(last).unwrap_or(first)
}

fn parse_one(chunk: &[TokenTree], diags: &mut Vec<Diagnostic>) -> Option<AttrOption> {
    let span = join_spans(chunk);
    let (name, name_span) = match &chunk[0] {
        TokenTree::Ident(i) => (i.to_string().trim_start_matches("r#").to_string(), i.span()),
        other => {
            diags.push(Diagnostic::error(
                "malformed-option",
                other.span(),
                "expected an option name such as `js_name = foo`",
            ));
            return None;
        }
    };
    let Some(spec) = find(&name) else {
        if NOT_SUPPORTED_YET.contains(&name.as_str()) {
            diags.push(Diagnostic::error(
                "unsupported-option",
                name_span,
                format!("wbg does not support the `{name}` option yet (wasm-bindgen does); remove it for now"),
            ));
            return None;
        }
        let mut message = format!("unknown `#[wasm_bindgen]` option `{name}`");
        let mut d;
        if let Some(near) = nearest(&name) {
            message.push_str(&format!("; did you mean `{near}`?"));
            d = Diagnostic::error("unknown-option", name_span, message);
            d = d.with_fix(crate::Fix {
                title: format!("Replace with `{near}`"),
                edits: vec![(name_span, near.to_string())],
            });
        } else {
            d = Diagnostic::error("unknown-option", name_span, message);
        }
        diags.push(d);
        return None;
    };
    let value = if chunk.len() == 1 {
        OptionValue::None
    } else {
        let is_eq = matches!(&chunk[1], TokenTree::Punct(p) if p.as_char() == '=');
        if !is_eq || chunk.len() < 3 {
            diags.push(Diagnostic::error(
                "malformed-option",
                span,
                format!("expected `{name}` or `{name} = value`"),
            ));
            return None;
        }
        parse_value(&chunk[2..])
    };
    let opt = AttrOption {
        name,
        name_span,
        value,
        span,
        spec,
        commas: (None, None),
    };
    check_shape(&opt, diags).then_some(opt)
}

fn parse_value(tokens: &[TokenTree]) -> OptionValue {
    // A `$name:literal` or `$name:ident` from a `macro_rules!` arrives wrapped in an
    // invisible group (js-sys writes `typescript_type = $name`).
    if let [TokenTree::Group(g)] = tokens {
        if g.delimiter() == Delimiter::None {
            let inner: Vec<TokenTree> = g.stream().into_iter().collect();
            if !inner.is_empty() {
                return parse_value(&inner);
            }
        }
    }
    let span = join_spans(tokens);
    if tokens.len() == 1 {
        match &tokens[0] {
            TokenTree::Ident(i) => {
                return OptionValue::Name(i.to_string().trim_start_matches("r#").to_string(), span)
            }
            TokenTree::Literal(l) => {
                if let Ok(syn::Lit::Str(s)) =
                    syn::parse2::<syn::Lit>(TokenTree::Literal(l.clone()).into())
                {
                    return OptionValue::Str(s.value(), span);
                }
            }
            TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket => {
                let items: Option<Vec<String>> = g
                    .stream()
                    .into_iter()
                    .filter(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                    .map(|t| match syn::parse2::<syn::LitStr>(t.into()) {
                        Ok(s) => Some(s.value()),
                        Err(_) => None,
                    })
                    .collect();
                if let Some(items) = items {
                    return OptionValue::List(items, span);
                }
            }
            _ => {}
        }
    }
    OptionValue::Path(tokens.iter().cloned().collect(), span)
}

/// Reports a value that does not fit the option; returns whether the option is usable.
fn check_shape(opt: &AttrOption, diags: &mut Vec<Diagnostic>) -> bool {
    let name = &opt.name;
    let ok = match (opt.spec.shape, &opt.value) {
        (Flag, OptionValue::None) => true,
        (Flag, _) => {
            diags.push(Diagnostic::error(
                "option-value",
                opt.span,
                format!("`{name}` takes no value; write just `{name}`"),
            ));
            return false;
        }
        (Name, OptionValue::Name(..) | OptionValue::Str(..)) => true,
        (FlagOrName, OptionValue::None | OptionValue::Name(..) | OptionValue::Str(..)) => true,
        (Str, OptionValue::Str(..)) => true,
        (NameOrList, OptionValue::Name(..) | OptionValue::Str(..) | OptionValue::List(..)) => true,
        (Path, OptionValue::Name(..) | OptionValue::Path(..)) => true,
        // wasm-bindgen also takes the path as a string: `extends = "::js_sys::Object"`.
        (Path, OptionValue::Str(s, _)) => syn::parse_str::<syn::Type>(s).is_ok(),
        _ => false,
    };
    if !ok {
        let expected = match opt.spec.shape {
            Flag => unreachable!("handled above"),
            Name | FlagOrName => format!("`{name} = some_name` or `{name} = \"someName\"`"),
            Str => format!("a string: `{name} = \"...\"`"),
            NameOrList => format!("`{name} = name` or `{name} = [\"a\", \"b\"]`"),
            Path => format!("a path: `{name} = some::Type`"),
        };
        diags.push(Diagnostic::error(
            "option-value",
            opt.span,
            format!("`{name}` expects {expected}"),
        ));
    }
    ok
}

/// Looks up an option by name in a parsed list.
pub fn get<'a>(opts: &'a [AttrOption], name: &str) -> Option<&'a AttrOption> {
    opts.iter().find(|o| o.name == name)
}

impl OptionValue {
    /// The name given as an identifier or string.
    pub fn as_name(&self) -> Option<&str> {
        match self {
            OptionValue::Name(s, _) | OptionValue::Str(s, _) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn value_from_a_macro_rules_fragment() {
        use proc_macro2::{Group, Literal, TokenStream, TokenTree};
        let literal = TokenTree::Literal(Literal::string("Intl.Collator"));
        let wrapped = TokenTree::Group(Group::new(
            proc_macro2::Delimiter::None,
            TokenStream::from(literal),
        ));
        let mut tokens: TokenStream = "typescript_type =".parse().unwrap();
        tokens.extend([wrapped]);
        let mut diags = Vec::new();
        let site = AttrSite {
            span: Span::call_site(),
            on_function: false,
        };
        let options = super::parse_options(tokens, site, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(options[0].value.as_name(), Some("Intl.Collator"));
    }

    use super::*;

    /// An entry goes once wbg supports the option there (its place joins the table).
    #[test]
    fn not_supported_here_yet_lists_only_places_wbg_lacks() {
        for (name, place) in NOT_SUPPORTED_HERE_YET {
            let spec = find(name).expect("a known option");
            assert!(
                !spec.places.contains(place),
                "{name} on {place:?} is supported now"
            );
        }
    }

    #[test]
    fn function_only_options_elsewhere_point_at_the_attribute() {
        use crate::validate::test_support::{check_diagnostics, check_fix};
        check_diagnostics(
            r#"
#[wasm_bindgen(unchecked_return_type = "P")]
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ function-only-option: `unchecked_return_type` describes a function's signature and only applies to functions; remove it from this item
pub struct P;
"#,
        );
        check_fix(
            "#[wasm_bindgen(js_name = Q, param_description = \"q\")]\npub struct P;\n",
            "#[wasm_bindgen(js_name = Q)]\npub struct P;\n",
        );
    }

    #[test]
    fn nearest_suggests_typos() {
        assert_eq!(nearest("strutural"), Some("structural"));
        assert_eq!(nearest("js_nme"), Some("js_name"));
        assert_eq!(nearest("totally_different_thing"), None);
    }

    #[test]
    fn every_option_is_listed_once() {
        for (i, o) in OPTIONS.iter().enumerate() {
            assert!(
                OPTIONS[i + 1..].iter().all(|p| p.name != o.name),
                "duplicate {}",
                o.name
            );
        }
    }
}
