//! Exported free functions: `#[wasm_bindgen] pub fn greet(name: &str) -> String`.

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::attrs::{self, AttrOption};
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct Function {
    pub rust_name: syn::Ident,
    pub vis: syn::Visibility,
    /// The name JS sees (`js_name` or the Rust name).
    pub js_name: String,
    /// `js_namespace`: the objects the function is exported under (empty: top level).
    pub namespace: Vec<String>,
    pub docs: Vec<String>,
    pub args: Vec<Arg>,
    /// `None` for `()`.
    pub ret: Option<syn::Type>,
    pub options: Vec<AttrOption>,
    /// The original signature, for rules that look at all of it.
    pub sig: syn::Signature,
    pub start: bool,
    pub skip_typescript: bool,
}

#[derive(Debug)]
pub struct Arg {
    pub name: String,
    pub ty: syn::Type,
    pub span: Span,
}

/// A type without the invisible groups a `macro_rules!` `$t:ty` wraps it in, so `&[i32]`
/// passed through a macro is still seen as a reference.
fn ungroup(ty: &syn::Type) -> syn::Type {
    match ty {
        syn::Type::Group(g) => ungroup(&g.elem),
        other => other.clone(),
    }
}

/// Arguments and return type of a signature; `on_receiver` sees a `self` argument.
pub(super) fn signature(
    sig: &syn::Signature,
    diags: &mut Vec<Diagnostic>,
    mut on_receiver: impl FnMut(&syn::Receiver),
) -> (Vec<Arg>, Option<syn::Type>) {
    let mut args = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        let attrs = match input {
            syn::FnArg::Typed(pt) => &pt.attrs,
            syn::FnArg::Receiver(r) => &r.attrs,
        };
        for attr in attrs.iter().filter(|a| super::is_wasm_bindgen(a)) {
            diags.push(param_attribute(attr));
        }
        match input {
            syn::FnArg::Typed(pt) => {
                let name = match &*pt.pat {
                    syn::Pat::Ident(p) => p.ident.to_string().trim_start_matches("r#").to_string(),
                    _ => String::new(),
                };
                let name = if name.is_empty() {
                    format!("arg{i}")
                } else {
                    name
                };
                args.push(Arg {
                    name,
                    ty: ungroup(&pt.ty),
                    span: pt.span(),
                });
            }
            syn::FnArg::Receiver(r) => on_receiver(r),
        }
    }
    let ret = match &sig.output {
        syn::ReturnType::Default => None,
        syn::ReturnType::Type(_, ty) => match ungroup(ty) {
            syn::Type::Tuple(t) if t.elems.is_empty() => None,
            ty => Some(ty),
        },
    };
    (args, ret)
}

/// wasm-bindgen reads `js_name`, `unchecked_param_type` and `param_description` on
/// parameters; wbg does not, and leaves the attribute for rustc, which refuses it.
fn param_attribute(attr: &syn::Attribute) -> Diagnostic {
    let span = match &attr.meta {
        syn::Meta::List(l) => match &l.delimiter {
            syn::MacroDelimiter::Paren(p) => p.span.join(),
            _ => attr.span(),
        },
        _ => attr.span(),
    };
    Diagnostic::error(
        "unsupported-param-attr",
        span,
        "wbg does not support `#[wasm_bindgen(...)]` on parameters yet (wasm-bindgen reads \
         `js_name`, `unchecked_param_type` and `param_description` there); remove it for now",
    )
    .with_fix(crate::Fix {
        title: "Remove the attribute".to_string(),
        edits: vec![(attr.span(), String::new())],
    })
}

pub(super) fn parse(
    f: &syn::ItemFn,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> Function {
    let rust_name = f.sig.ident.clone();
    let mut js_name = super::name_option(&options, "js_name")
        .unwrap_or_else(|| rust_name.to_string().trim_start_matches("r#").to_string());
    // As wasm-bindgen does (its legacy rule): an exported function whose name is a JS
    // reserved word is exported as `_word` (`fn throw` is `_throw`), except `default`.
    if crate::validate::is_js_reserved(&js_name) && js_name != "default" {
        js_name = format!("_{js_name}");
    }
    let mut receivers = Vec::new();
    let (args, ret) = signature(&f.sig, diags, |r| receivers.push(r.span()));
    for span in receivers {
        diags.push(Diagnostic::error(
            "self-outside-impl",
            span,
            "`self` is only allowed in methods of a `#[wasm_bindgen] impl` block",
        ));
    }
    Function {
        vis: f.vis.clone(),
        js_name,
        namespace: super::namespace_option(&options).unwrap_or_default(),
        docs: super::doc_lines(&f.attrs),
        args,
        ret,
        start: attrs::get(&options, "start").is_some(),
        skip_typescript: attrs::get(&options, "skip_typescript").is_some(),
        options,
        sig: f.sig.clone(),
        rust_name,
    }
}
