//! Exported free functions: `#[wasm_bindgen] pub fn greet(name: &str) -> String`.

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::attrs::{self, AttrOption};
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct Function {
    pub rust_name: syn::Ident,
    /// The name JS sees (`js_name` or the Rust name).
    pub js_name: String,
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

/// Arguments and return type of a signature; `on_receiver` sees a `self` argument.
pub(super) fn signature(
    sig: &syn::Signature,
    diags: &mut Vec<Diagnostic>,
    mut on_receiver: impl FnMut(&syn::Receiver),
) -> (Vec<Arg>, Option<syn::Type>) {
    let _ = diags;
    let mut args = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        match input {
            syn::FnArg::Typed(pt) => {
                let name = match &*pt.pat {
                    syn::Pat::Ident(p) => p
                        .ident
                        .to_string()
                        .trim_start_matches("r#")
                        .trim_start_matches('_')
                        .to_string(),
                    _ => String::new(),
                };
                let name = if name.is_empty() {
                    format!("arg{i}")
                } else {
                    name
                };
                args.push(Arg {
                    name,
                    ty: (*pt.ty).clone(),
                    span: pt.span(),
                });
            }
            syn::FnArg::Receiver(r) => on_receiver(r),
        }
    }
    let ret = match &sig.output {
        syn::ReturnType::Default => None,
        syn::ReturnType::Type(_, ty) => match &**ty {
            syn::Type::Tuple(t) if t.elems.is_empty() => None,
            ty => Some(ty.clone()),
        },
    };
    (args, ret)
}

pub(super) fn parse(
    f: &syn::ItemFn,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> Function {
    let rust_name = f.sig.ident.clone();
    let js_name = super::name_option(&options, "js_name")
        .unwrap_or_else(|| rust_name.to_string().trim_start_matches("r#").to_string());
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
        js_name,
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
