//! Exported structs (`#[wasm_bindgen] pub struct Foo { pub x: u32 }`) and their public
//! fields, which become JS properties.

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::attrs::{self, AttrOption};
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct Struct {
    pub rust_name: syn::Ident,
    pub js_name: String,
    pub docs: Vec<String>,
    /// Public named fields that are not skipped.
    pub fields: Vec<Field>,
    pub options: Vec<AttrOption>,
    pub generics: syn::Generics,
    pub inspectable: bool,
    pub skip_typescript: bool,
}

#[derive(Debug)]
pub struct Field {
    pub rust_name: syn::Ident,
    pub js_name: String,
    pub docs: Vec<String>,
    pub ty: syn::Type,
    pub readonly: bool,
    /// Read by cloning instead of copying.
    pub getter_with_clone: bool,
    pub skip_typescript: bool,
    pub skip_jsdoc: bool,
    pub options: Vec<AttrOption>,
    pub span: Span,
}

pub(super) fn parse(
    s: &syn::ItemStruct,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> Struct {
    let struct_clone = attrs::get(&options, "getter_with_clone").is_some();
    let mut fields = Vec::new();
    if let syn::Fields::Named(named) = &s.fields {
        for f in &named.named {
            let field_options = super::nested_options(&f.attrs, false, diags);
            if attrs::get(&field_options, "skip").is_some()
                || !matches!(f.vis, syn::Visibility::Public(_))
            {
                continue;
            }
            let rust_name = f.ident.clone().expect("named field");
            let js_name = super::name_option(&field_options, "js_name")
                .unwrap_or_else(|| rust_name.to_string().trim_start_matches("r#").to_string());
            fields.push(Field {
                js_name,
                docs: super::doc_lines(&f.attrs),
                ty: f.ty.clone(),
                readonly: attrs::get(&field_options, "readonly").is_some(),
                getter_with_clone: struct_clone
                    || attrs::get(&field_options, "getter_with_clone").is_some(),
                skip_typescript: attrs::get(&field_options, "skip_typescript").is_some(),
                skip_jsdoc: attrs::get(&field_options, "skip_jsdoc").is_some(),
                span: f.span(),
                options: field_options,
                rust_name,
            });
        }
    }
    Struct {
        js_name: super::name_option(&options, "js_name").unwrap_or_else(|| s.ident.to_string()),
        docs: super::doc_lines(&s.attrs),
        fields,
        inspectable: attrs::get(&options, "inspectable").is_some(),
        skip_typescript: attrs::get(&options, "skip_typescript").is_some(),
        generics: s.generics.clone(),
        options,
        rust_name: s.ident.clone(),
    }
}
