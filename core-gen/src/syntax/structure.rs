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
    /// `js_namespace`: the objects the class is exported under (empty: top level).
    pub namespace: Vec<String>,
    pub docs: Vec<String>,
    /// Public named fields that are not skipped.
    pub fields: Vec<Field>,
    pub options: Vec<AttrOption>,
    pub generics: syn::Generics,
    pub inspectable: bool,
    pub skip_typescript: bool,
    /// `extends = Parent`: the macro adds `parent: wasm_bindgen::Parent<Parent>`.
    pub extends: Option<Extends>,
    /// Fields (public or not) that would clash with that injected field.
    pub parent_like_fields: Vec<ParentLikeField>,
    /// `struct Foo(u32);`: no name for the injected field.
    pub is_tuple: bool,
}

#[derive(Debug)]
pub struct Extends {
    pub parent: syn::Path,
    /// The `extends` option's name, where its errors point.
    pub span: Span,
}

/// A field named `parent` or typed `Parent<T>` (as written, `Parent` or
/// `wasm_bindgen::Parent`).
#[derive(Debug)]
pub struct ParentLikeField {
    pub typed_parent: bool,
    /// The field's type when `typed_parent`, else its name.
    pub span: Span,
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
    let mut parent_like_fields = Vec::new();
    for f in &s.fields {
        if let Some(span) = parent_type_span(&f.ty) {
            parent_like_fields.push(ParentLikeField {
                typed_parent: true,
                span,
            });
        } else if let Some(ident) = f.ident.as_ref().filter(|i| *i == "parent") {
            parent_like_fields.push(ParentLikeField {
                typed_parent: false,
                span: ident.span(),
            });
        }
    }
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
        namespace: super::namespace_option(&options).unwrap_or_default(),
        docs: super::doc_lines(&s.attrs),
        fields,
        inspectable: attrs::get(&options, "inspectable").is_some(),
        skip_typescript: attrs::get(&options, "skip_typescript").is_some(),
        extends: extends(&options),
        parent_like_fields,
        is_tuple: matches!(s.fields, syn::Fields::Unnamed(_)),
        generics: s.generics.clone(),
        options,
        rust_name: s.ident.clone(),
    }
}

fn extends(options: &[AttrOption]) -> Option<Extends> {
    let option = attrs::get(options, "extends")?;
    let parent = match &option.value {
        attrs::OptionValue::Name(n, span) => syn::Ident::new(n, *span).into(),
        attrs::OptionValue::Path(tokens, _) => syn::parse2(tokens.clone()).ok()?,
        attrs::OptionValue::Str(s, _) => syn::parse_str(s).ok()?,
        _ => return None,
    };
    Some(Extends {
        parent,
        span: option.name_span,
    })
}

/// `Parent<T>` or `wasm_bindgen::Parent<T>` (any other path is someone else's `Parent`).
fn parent_type_span(ty: &syn::Type) -> Option<Span> {
    let syn::Type::Path(p) = ty else { return None };
    let segments: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let last = p.path.segments.last()?;
    let generic = matches!(last.arguments, syn::PathArguments::AngleBracketed(_));
    let ours = match segments.as_slice() {
        [only] => only == "Parent",
        [krate, name] => krate == "wasm_bindgen" && name == "Parent",
        _ => false,
    };
    (ours && generic && p.qself.is_none()).then(|| ty.span())
}
