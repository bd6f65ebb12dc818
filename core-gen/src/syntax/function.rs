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
    /// The original item, for rules that look at the full signature.
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

pub(super) fn parse(
    f: &syn::ItemFn,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> Function {
    let rust_name = f.sig.ident.clone();
    let js_name = attrs::get(&options, "js_name")
        .and_then(|o| o.value.as_name())
        .map(str::to_string)
        .unwrap_or_else(|| rust_name.to_string().trim_start_matches("r#").to_string());
    let mut args = Vec::new();
    for (i, input) in f.sig.inputs.iter().enumerate() {
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
            syn::FnArg::Receiver(r) => diags.push(Diagnostic::error(
                "self-outside-impl",
                r.span(),
                "`self` is only allowed in methods of a `#[wasm_bindgen] impl` block",
            )),
        }
    }
    let ret = match &f.sig.output {
        syn::ReturnType::Default => None,
        syn::ReturnType::Type(_, ty) => match &**ty {
            syn::Type::Tuple(t) if t.elems.is_empty() => None,
            ty => Some(ty.clone()),
        },
    };
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
