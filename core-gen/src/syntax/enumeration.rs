//! Exported enums: C-style (`enum Level { Low, High = 10 }`, a frozen JS object and a TS
//! `enum`) or string enums (`enum Color { Red = "red" }`, a TS string union).

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::attrs::{self, AttrOption};
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct Enum {
    pub rust_name: syn::Ident,
    pub js_name: String,
    /// `js_namespace`: the objects the enum is exported under (empty: top level).
    pub namespace: Vec<String>,
    pub docs: Vec<String>,
    pub variants: Vec<Variant>,
    pub options: Vec<AttrOption>,
    pub generics: syn::Generics,
    pub skip_typescript: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VariantValue {
    /// An integer literal, possibly negated, within `i32::MIN..=u32::MAX` (whether it fits
    /// the enum's type is `validate::enum_values`' business).
    Number(i64),
    String(String),
    /// No discriminant written.
    Implicit,
    /// Something else (reported): not such an integer literal, nor a string.
    Invalid,
}

#[derive(Debug)]
pub struct Variant {
    pub name: syn::Ident,
    pub docs: Vec<String>,
    pub value: VariantValue,
    pub value_span: Span,
    /// Tuple or struct variant (reported).
    pub has_fields: bool,
    /// Exactly one unnamed field, `B(u32)`: a member of wasm-bindgen 0.2.121's dynamic
    /// unions, which wbg does not support yet.
    pub one_unnamed_field: bool,
    /// The integer written as the discriminant, sign included (`-1`), if it is one.
    pub literal: Option<i128>,
}

pub(super) fn parse(
    e: &syn::ItemEnum,
    options: Vec<AttrOption>,
    _diags: &mut Vec<Diagnostic>,
) -> Enum {
    let variants = e
        .variants
        .iter()
        .map(|v| {
            let (value, value_span, literal) = match &v.discriminant {
                None => (VariantValue::Implicit, v.ident.span(), None),
                Some((_, expr)) => {
                    let literal = integer_of(expr);
                    (value_of(expr, literal), expr.span(), literal)
                }
            };
            Variant {
                name: v.ident.clone(),
                docs: super::doc_lines(&v.attrs),
                value,
                value_span,
                has_fields: !matches!(v.fields, syn::Fields::Unit),
                one_unnamed_field: matches!(&v.fields, syn::Fields::Unnamed(f) if f.unnamed.len() == 1),
                literal,
            }
        })
        .collect();
    Enum {
        js_name: super::name_option(&options, "js_name").unwrap_or_else(|| e.ident.to_string()),
        namespace: super::namespace_option(&options).unwrap_or_default(),
        docs: super::doc_lines(&e.attrs),
        variants,
        skip_typescript: attrs::get(&options, "skip_typescript").is_some(),
        generics: e.generics.clone(),
        options,
        rust_name: e.ident.clone(),
    }
}

fn value_of(expr: &syn::Expr, literal: Option<i128>) -> VariantValue {
    if let Some(n) = literal {
        let range = i128::from(i32::MIN)..=i128::from(u32::MAX);
        return match i64::try_from(n) {
            Ok(n) if range.contains(&i128::from(n)) => VariantValue::Number(n),
            _ => VariantValue::Invalid,
        };
    }
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => VariantValue::String(s.value()),
        _ => VariantValue::Invalid,
    }
}

/// `12` or `-12` (an integer literal, possibly negated); `None` for anything else.
fn integer_of(expr: &syn::Expr) -> Option<i128> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse::<i128>().ok(),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => match &**expr {
            syn::Expr::Lit(_) => integer_of(expr).map(|n| -n),
            _ => None,
        },
        syn::Expr::Group(g) => integer_of(&g.expr),
        _ => None,
    }
}

impl Enum {
    pub fn is_string(&self) -> bool {
        self.variants
            .iter()
            .any(|v| matches!(v.value, VariantValue::String(_)))
    }

    /// A numeric enum with a negative value: its values are `i32`, otherwise `u32`.
    pub fn is_signed(&self) -> bool {
        self.variants
            .iter()
            .any(|v| matches!(v.value, VariantValue::Number(n) if n < 0))
    }

    /// The JS value of each variant: numbers continue from the previous one, as in Rust.
    pub fn numeric_values(&self) -> Vec<i64> {
        let mut next = 0i64;
        self.variants
            .iter()
            .map(|v| {
                let n = match v.value {
                    VariantValue::Number(n) => n,
                    _ => next,
                };
                next = n + 1;
                n
            })
            .collect()
    }
}
