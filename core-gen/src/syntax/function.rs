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
    pub skip_jsdoc: bool,
    /// `unchecked_return_type` and `return_description`.
    pub ret_doc: ReturnDoc,
}

/// What the doc comments and `.d.ts` say of a return value beyond its type.
#[derive(Debug, Default, Clone)]
pub struct ReturnDoc {
    /// `unchecked_return_type`: the TypeScript type to write instead of the derived one.
    pub ts_type: Option<String>,
    /// `return_description`.
    pub description: Option<String>,
}

impl ReturnDoc {
    pub(super) fn from_options(options: &[AttrOption]) -> ReturnDoc {
        let get = |name| {
            attrs::get(options, name)
                .and_then(|o| o.value.as_name())
                .map(str::to_string)
        };
        ReturnDoc {
            ts_type: get("unchecked_return_type"),
            description: get("return_description"),
        }
    }
}

#[derive(Debug)]
pub struct Arg {
    /// The JS name: the parameter's `js_name`, else its Rust name.
    pub name: String,
    pub ty: syn::Type,
    pub span: Span,
    /// `unchecked_param_type`: the TypeScript type to write instead of the derived one.
    pub ts_type: Option<String>,
    /// `param_description`.
    pub description: Option<String>,
    /// The parameter's own `#[wasm_bindgen(...)]` options (exports only).
    pub options: Vec<AttrOption>,
}

/// Whose parameters a signature lists: only exports read `#[wasm_bindgen(...)]` on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Params {
    Export,
    Import,
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
    params: Params,
    diags: &mut Vec<Diagnostic>,
    mut on_receiver: impl FnMut(&syn::Receiver),
) -> (Vec<Arg>, Option<syn::Type>) {
    let mut args = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        let (attrs, on_self) = match input {
            syn::FnArg::Typed(pt) => (&pt.attrs, false),
            syn::FnArg::Receiver(r) => (&r.attrs, true),
        };
        let mut options = Vec::new();
        if params == Params::Export && !on_self {
            // Parameter options describe the function's signature too.
            options = super::nested_options(attrs, true, diags);
        } else {
            for attr in attrs.iter().filter(|a| super::is_wasm_bindgen(a)) {
                diags.push(param_attribute(attr, on_self));
            }
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
                let str_option = |name| {
                    attrs::get(&options, name)
                        .and_then(|o| o.value.as_name())
                        .map(str::to_string)
                };
                args.push(Arg {
                    name: str_option("js_name").unwrap_or(name),
                    ty: ungroup(&pt.ty),
                    span: pt.span(),
                    ts_type: str_option("unchecked_param_type"),
                    description: str_option("param_description"),
                    options,
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

/// `#[wasm_bindgen(...)]` on `self` or on a parameter of an import: wasm-bindgen reads
/// parameter options only on exports' named parameters and leaves the attribute for
/// rustc, which refuses it.
fn param_attribute(attr: &syn::Attribute, on_self: bool) -> Diagnostic {
    let span = match &attr.meta {
        syn::Meta::List(l) => match &l.delimiter {
            syn::MacroDelimiter::Paren(p) => p.span.join(),
            _ => attr.span(),
        },
        _ => attr.span(),
    };
    let what = if on_self {
        "on `self`"
    } else {
        "on a parameter of an imported function"
    };
    Diagnostic::error(
        "param-attr-not-here",
        span,
        format!(
            "`#[wasm_bindgen(...)]` cannot be used {what}; parameter options (`js_name`, \
             `unchecked_param_type`, `param_description`) apply to the named parameters of \
             exported functions and methods"
        ),
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
    let (args, ret) = signature(&f.sig, Params::Export, diags, |r| receivers.push(r.span()));
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
        skip_jsdoc: attrs::get(&options, "skip_jsdoc").is_some(),
        ret_doc: ReturnDoc::from_options(&options),
        options,
        sig: f.sig.clone(),
        rust_name,
    }
}
