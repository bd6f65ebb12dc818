//! The syntax model of `#[wasm_bindgen]` items, built from `syn`. Parsing never fails: it
//! returns what it understood plus every diagnostic, so the macro and the language server
//! report the same problems with the same spans.

pub mod attrs;
mod enumeration;
mod foreign;
mod function;
pub mod generics;
mod impl_block;
pub mod link_to;
pub(crate) mod recover;
mod structure;

pub use attrs::{AttrOption, AttrSite, OptionValue, Place};
pub use enumeration::{Enum, Variant, VariantValue};
pub use foreign::{
    reexport_name, result_ok_type, slice_arg, ForeignBlock, ForeignItem, ImportFn, ImportModule,
    ImportOp, ImportStatic, ImportType, SliceArg,
};
pub use function::{Arg, Function, ReturnDoc};
pub use impl_block::{Impl, Method, MethodKind, Receiver};
pub use recover::starts_region;
pub use structure::{Extends, Field, ParentLikeField, Struct};

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::diagnostic::Diagnostic;

/// All `#[wasm_bindgen]` items of a file.
#[derive(Debug, Default)]
pub struct Program {
    pub items: Vec<Item>,
}

// Few of these exist at a time; boxing the large variants buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Item {
    Function(Function),
    Struct(Struct),
    Impl(Impl),
    Enum(Enum),
    ForeignMod(ForeignBlock),
    TsSection(TsSection),
}

impl Item {
    /// The options of the item's own `#[wasm_bindgen(...)]`.
    pub fn options(&self) -> &[AttrOption] {
        match self {
            Item::Function(f) => &f.options,
            Item::Struct(s) => &s.options,
            Item::Impl(i) => &i.options,
            Item::Enum(e) => &e.options,
            Item::ForeignMod(b) => &b.options,
            Item::TsSection(t) => &t.options,
        }
    }

    /// `wasm_bindgen = path`, `js_sys = path`, `wasm_bindgen_futures = path`: the crate
    /// name the generated code would use and the path to use instead.
    pub fn crate_paths(&self) -> Vec<(&'static str, TokenStream)> {
        [
            ("wasm_bindgen", "wasm_bindgen"),
            ("js_sys", "js_sys"),
            ("wasm_bindgen_futures", "wasm_bindgen_futures"),
        ]
        .into_iter()
        .filter_map(|(option, krate)| {
            let path = match &attrs::get(self.options(), option)?.value {
                OptionValue::Path(tokens, _) => tokens.clone(),
                OptionValue::Name(n, span) => syn::Ident::new(n, *span).into_token_stream(),
                _ => return None,
            };
            Some((krate, path))
        })
        .collect()
    }
}

/// `#[wasm_bindgen(typescript_custom_section)] const TS: &str = "…";`: text for the `.d.ts`.
#[derive(Debug)]
pub struct TsSection {
    /// The const's value: a literal, `include_str!(…)` or another const.
    pub expr: syn::Expr,
    pub options: Vec<AttrOption>,
}

/// Parses one `#[wasm_bindgen(attr)] item`, as the proc macro sees it.
pub fn parse_item(attr: TokenStream, item: TokenStream) -> (Option<Item>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let item = match syn::parse2::<syn::Item>(item) {
        Ok(item) => item,
        Err(e) => {
            attrs::parse_options(attr, site_of(None), &mut diags);
            // rustc reports the syntax error itself; repeat it for the language server.
            diags.push(Diagnostic::error("syntax", e.span(), e.to_string()));
            return (None, diags);
        }
    };
    // The macro is called for the whole attribute, so its call site is the attribute.
    let options = attrs::parse_options(attr, site_of(Some(&item)), &mut diags);
    let parsed = parse_syn_item(&item, options, &mut diags);
    (parsed, diags)
}

/// The site of an item's own `#[wasm_bindgen(...)]` as the macro sees it.
fn site_of(item: Option<&syn::Item>) -> AttrSite {
    AttrSite {
        span: proc_macro2::Span::call_site(),
        on_function: item.is_none_or(|i| matches!(i, syn::Item::Fn(_))),
    }
}

fn parse_syn_item(
    item: &syn::Item,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Item> {
    match item {
        syn::Item::Fn(f) => Some(Item::Function(function::parse(f, options, diags))),
        syn::Item::Struct(s) => Some(Item::Struct(structure::parse(s, options, diags))),
        syn::Item::Impl(i) => Some(Item::Impl(impl_block::parse(i, options, diags))),
        syn::Item::Enum(e) => Some(Item::Enum(enumeration::parse(e, options, diags))),
        syn::Item::ForeignMod(f) => Some(Item::ForeignMod(foreign::parse(f, options, diags))),
        syn::Item::Const(c) if attrs::get(&options, "typescript_custom_section").is_some() => {
            Some(Item::TsSection(TsSection {
                expr: (*c.expr).clone(),
                options,
            }))
        }
        other => {
            diags.push(unsupported_item(other));
            None
        }
    }
}

/// `#[wasm_bindgen]` on an item that is not a function, struct, impl, enum, extern block or
/// `typescript_custom_section` const, which wasm-bindgen refuses too.
fn unsupported_item(item: &syn::Item) -> Diagnostic {
    use syn::spanned::Spanned;
    let (what, span) = match item {
        syn::Item::Const(i) => {
            return Diagnostic::error(
                "const-needs-custom-section",
                i.ident.span(),
                "`#[wasm_bindgen]` on a `const` needs `typescript_custom_section`: \
                 `#[wasm_bindgen(typescript_custom_section)]` writes its `&str` into the `.d.ts`",
            )
        }
        syn::Item::Static(i) => ("a static", i.ident.span()),
        syn::Item::Mod(i) => ("a module", i.ident.span()),
        syn::Item::Trait(i) => ("a trait", i.ident.span()),
        syn::Item::Type(i) => ("a type alias", i.ident.span()),
        syn::Item::Union(i) => ("a union", i.ident.span()),
        syn::Item::Use(i) => ("a use declaration", i.use_token.span),
        other => ("this item", other.span()),
    };
    Diagnostic::error(
        "invalid-item",
        span,
        format!(
            "#[wasm_bindgen] cannot be put on {what}; it applies to functions, structs, enums, \
             impl blocks and extern blocks"
        ),
    )
}

/// Options of the `#[wasm_bindgen(...)]` attributes on a nested item (method, field).
pub(crate) fn nested_options(
    attrs: &[syn::Attribute],
    on_function: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<AttrOption> {
    use syn::spanned::Spanned;
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| is_wasm_bindgen(a)) {
        match &attr.meta {
            syn::Meta::List(l) if matches!(l.delimiter, syn::MacroDelimiter::Paren(_)) => {
                let site = AttrSite {
                    span: attr.span(),
                    on_function,
                };
                out.extend(attrs::parse_options(l.tokens.clone(), site, diags));
            }
            syn::Meta::Path(_) => {}
            _ => {
                diags.push(Diagnostic::error(
                    "malformed-option",
                    attr.span(),
                    "write options in parentheses: `#[wasm_bindgen(js_name = foo)]`, or just \
                     `#[wasm_bindgen]`",
                ));
            }
        }
    }
    out
}

/// The name given by an option such as `js_name = foo`.
/// `js_namespace = a` or `js_namespace = ["a", "b"]`, as a path.
pub(crate) fn namespace_option(options: &[AttrOption]) -> Option<Vec<String>> {
    attrs::get(options, "js_namespace").map(|o| match &o.value {
        attrs::OptionValue::List(items, _) => items.clone(),
        other => other
            .as_name()
            .map(|n| vec![n.to_string()])
            .unwrap_or_default(),
    })
}

pub(crate) fn name_option(options: &[AttrOption], name: &str) -> Option<String> {
    attrs::get(options, name)
        .and_then(|o| o.value.as_name())
        .map(str::to_string)
}

/// The item as rustc should see it: nested `#[wasm_bindgen]` attributes removed (they are
/// not macros there; parameters' of exports included) and string discriminants of string
/// enums dropped.
pub fn cleaned(item: &syn::Item) -> syn::Item {
    let mut item = item.clone();
    let strip = |attrs: &mut Vec<syn::Attribute>| attrs.retain(|a| !is_wasm_bindgen(a));
    let strip_params = |sig: &mut syn::Signature| {
        for input in &mut sig.inputs {
            if let syn::FnArg::Typed(pt) = input {
                pt.attrs.retain(|a| !is_wasm_bindgen(a));
            }
        }
    };
    match &mut item {
        syn::Item::Fn(f) => strip_params(&mut f.sig),
        syn::Item::Struct(s) => s.fields.iter_mut().for_each(|f| strip(&mut f.attrs)),
        syn::Item::Impl(i) => {
            for it in &mut i.items {
                if let syn::ImplItem::Fn(f) = it {
                    strip(&mut f.attrs);
                    strip_params(&mut f.sig);
                }
            }
        }
        syn::Item::Enum(e) => {
            for v in &mut e.variants {
                strip(&mut v.attrs);
                if let Some((
                    _,
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(_),
                        ..
                    }),
                )) = &v.discriminant
                {
                    v.discriminant = None;
                }
            }
        }
        _ => {}
    }
    item
}

/// Finds every `#[wasm_bindgen]` item of a source file (for the language server and
/// `wbg check`, through `crate::parse_file`). Each `#[wasm_bindgen]` item is parsed on its
/// own (see `recover`): an unparsable one gives one syntax diagnostic and the others are
/// checked as usual; plain Rust items are only lexed (rustc reports their syntax errors).
/// `check` adds an item's further diagnostics right after its parse diagnostics.
pub fn parse_file_with(
    src: &str,
    check: &mut dyn FnMut(&Item, &mut Vec<Diagnostic>),
) -> (Program, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut program = Program::default();
    let items = recover::items(src, &mut diags);
    collect(&items, check, &mut program, &mut diags);
    (program, diags)
}

fn collect(
    items: &[syn::Item],
    check: &mut dyn FnMut(&Item, &mut Vec<Diagnostic>),
    program: &mut Program,
    diags: &mut Vec<Diagnostic>,
) {
    for item in items {
        if let syn::Item::Mod(m) = item {
            if let Some((_, inner)) = &m.content {
                collect(inner, check, program, diags);
            }
            continue;
        }
        let Some(attr) = item_attrs(item).iter().find(|a| is_wasm_bindgen(a)) else {
            if let syn::Item::Impl(i) = item {
                collect(&marked_methods(i), check, program, diags);
            }
            continue;
        };
        let args = match &attr.meta {
            syn::Meta::List(l) => l.tokens.clone(),
            _ => TokenStream::new(),
        };
        let site = AttrSite {
            span: syn::spanned::Spanned::span(attr),
            on_function: matches!(item, syn::Item::Fn(_)),
        };
        let options = attrs::parse_options(args, site, diags);
        if let Some(parsed) = parse_syn_item(item, options, diags) {
            check(&parsed, diags);
            program.items.push(parsed);
        }
    }
}

/// `#[wasm_bindgen]` methods of an impl block that has none itself (a forgotten
/// `#[wasm_bindgen]` on the block): the macro runs on each as on a free function, so they
/// are checked as free functions.
fn marked_methods(i: &syn::ItemImpl) -> Vec<syn::Item> {
    i.items
        .iter()
        .filter_map(|item| match item {
            syn::ImplItem::Fn(f) if f.attrs.iter().any(is_wasm_bindgen) => {
                Some(syn::Item::Fn(syn::ItemFn {
                    attrs: f.attrs.clone(),
                    vis: f.vis.clone(),
                    sig: f.sig.clone(),
                    block: Box::new(f.block.clone()),
                }))
            }
            _ => None,
        })
        .collect()
}

fn is_wasm_bindgen(attr: &syn::Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|s| s.ident == "wasm_bindgen")
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// `///` comments of an item, one string per line, leading space removed.
pub fn doc_lines(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .flat_map(|s| {
            // `///` alone is an empty doc string, which `lines()` would drop.
            if s.is_empty() {
                return vec![String::new()];
            }
            s.lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l).to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}
