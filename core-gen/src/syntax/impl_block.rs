//! `#[wasm_bindgen] impl Foo { ... }`: constructors, methods, static methods and
//! property accessors of an exported struct's JS class.

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::attrs::{self, AttrOption};
use super::Arg;
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct Impl {
    /// The struct's Rust name (last path segment of the self type).
    pub self_name: Option<syn::Ident>,
    pub self_ty: syn::Type,
    /// `js_class` and `js_namespace`: the class as JS names it. They only keep the wasm
    /// symbols of classes with one Rust name apart; the class itself is the struct's.
    pub js_class: Option<String>,
    pub namespace: Vec<String>,
    pub methods: Vec<Method>,
    pub options: Vec<AttrOption>,
    pub generics: syn::Generics,
    /// `impl Trait for Foo`: the trait's span.
    pub trait_span: Option<Span>,
    /// `default impl` / `unsafe impl`: the keyword's span.
    pub defaultness: Option<Span>,
    pub unsafety: Option<Span>,
    /// Items other than functions (`const`, `type`, macro calls): what each is, and where.
    pub other_items: Vec<(&'static str, Span)>,
}

/// How a method takes `self`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receiver {
    None,
    Ref,
    RefMut,
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MethodKind {
    Regular,
    Constructor,
    /// Property read; `name` is the JS property.
    Getter {
        name: String,
    },
    /// Property write; `name` is `None` when it could not be inferred (reported).
    Setter {
        name: Option<String>,
    },
}

#[derive(Debug)]
pub struct Method {
    pub rust_name: syn::Ident,
    pub vis: syn::Visibility,
    /// JS name of the method, or the property name for accessors.
    pub js_name: String,
    pub docs: Vec<String>,
    pub receiver: Receiver,
    /// A receiver that is not `self`, `&self` or `&mut self` (reported).
    pub odd_receiver: Option<Span>,
    pub args: Vec<Arg>,
    pub ret: Option<syn::Type>,
    pub kind: MethodKind,
    pub options: Vec<AttrOption>,
    pub sig: syn::Signature,
    pub skip_typescript: bool,
    pub skip_jsdoc: bool,
    /// `unchecked_return_type` and `return_description`.
    pub ret_doc: super::function::ReturnDoc,
}

pub(super) fn parse(
    i: &syn::ItemImpl,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> Impl {
    let self_name = match &*i.self_ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last().map(|s| s.ident.clone()),
        _ => None,
    };
    let mut methods = Vec::new();
    let mut other_items = Vec::new();
    for item in &i.items {
        let what = match item {
            syn::ImplItem::Fn(_) => None,
            syn::ImplItem::Const(_) => Some("an associated `const`"),
            syn::ImplItem::Type(_) => Some("an associated `type`"),
            syn::ImplItem::Macro(_) => Some("a macro call"),
            _ => Some("this item"),
        };
        if let Some(what) = what {
            other_items.push((what, item.span()));
        }
        let syn::ImplItem::Fn(f) = item else { continue };
        let method_options = super::nested_options(&f.attrs, true, diags);
        if attrs::get(&method_options, "skip").is_some() {
            continue;
        }
        methods.push(parse_method(f, method_options, diags));
    }
    Impl {
        self_name,
        self_ty: (*i.self_ty).clone(),
        js_class: super::name_option(&options, "js_class"),
        namespace: super::namespace_option(&options).unwrap_or_default(),
        methods,
        options,
        generics: i.generics.clone(),
        trait_span: i.trait_.as_ref().map(|(_, path, _)| path.span()),
        defaultness: i.defaultness.map(|t| t.span),
        unsafety: i.unsafety.map(|t| t.span),
        other_items,
    }
}

fn parse_method(
    f: &syn::ImplItemFn,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> Method {
    let rust_name = f.sig.ident.clone();
    let plain_name = rust_name.to_string().trim_start_matches("r#").to_string();
    let mut receiver = Receiver::None;
    let mut odd_receiver = None;
    let (args, ret) =
        super::function::signature(&f.sig, super::function::Params::Export, diags, |r| {
            if r.colon_token.is_some()
                && !matches!(&*r.ty, syn::Type::Reference(_) | syn::Type::Path(_))
            {
                odd_receiver = Some(r.span());
            }
            receiver = match (&r.reference, r.mutability) {
                (Some(_), Some(_)) => Receiver::RefMut,
                (Some(_), None) => Receiver::Ref,
                (None, _) => {
                    if let syn::Type::Path(p) = &*r.ty {
                        if !p.path.is_ident("Self") {
                            odd_receiver = Some(r.span());
                        }
                    }
                    Receiver::Value
                }
            };
        });
    let js_name_option = super::name_option(&options, "js_name");
    let kind = if attrs::get(&options, "constructor").is_some() {
        MethodKind::Constructor
    } else if let Some(o) = attrs::get(&options, "getter") {
        let name = o
            .value
            .as_name()
            .map(str::to_string)
            .or_else(|| js_name_option.clone())
            .unwrap_or_else(|| plain_name.clone());
        MethodKind::Getter { name }
    } else if let Some(o) = attrs::get(&options, "setter") {
        let name = o
            .value
            .as_name()
            .map(str::to_string)
            .or_else(|| js_name_option.clone())
            .or_else(|| {
                plain_name
                    .strip_prefix("set_")
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
            });
        MethodKind::Setter { name }
    } else {
        MethodKind::Regular
    };
    let js_name = match &kind {
        MethodKind::Getter { name } | MethodKind::Setter { name: Some(name) } => name.clone(),
        _ => js_name_option.unwrap_or(plain_name),
    };
    Method {
        vis: f.vis.clone(),
        rust_name,
        js_name,
        docs: super::doc_lines(&f.attrs),
        receiver,
        odd_receiver,
        args,
        ret,
        kind,
        skip_typescript: attrs::get(&options, "skip_typescript").is_some(),
        skip_jsdoc: attrs::get(&options, "skip_jsdoc").is_some(),
        ret_doc: super::function::ReturnDoc::from_options(&options),
        options,
        sig: f.sig.clone(),
    }
}
