//! `#[wasm_bindgen]`: a thin layer over `wbg-core-gen`. Parsing and validation happen
//! there (the language server calls the same code); this crate only turns the model into
//! Rust: exported shims and descriptor entries in the `wbg_descriptors` custom section.

mod class;
mod enumeration;
mod function;
mod import;
mod shim;

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use wbg_core_gen::syntax::{self, Item};

#[proc_macro_attribute]
pub fn wasm_bindgen(
    attr: proc_macro::TokenStream,
    input: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let input: TokenStream = input.into();
    let (item, diags) = wbg_core_gen::analyze_item(attr.into(), input.clone());
    let cleaned = || match syn::parse2::<syn::Item>(input.clone()) {
        Ok(parsed) => syntax::cleaned(&parsed).into_token_stream(),
        Err(_) => input.clone(),
    };
    if !diags.is_empty() {
        // Keep the user's items so one mistake does not cascade into unrelated errors.
        let errors = diags.iter().map(|d| {
            let msg = &d.message;
            quote_spanned!(d.span=> ::core::compile_error!(#msg);)
        });
        let items = match &item {
            // An extern block is not valid Rust as written; emit its items with bodies
            // that are never compiled to code (the build already fails).
            Some(Item::ForeignMod(block)) => import::expand(block, import::Bodies::Placeholder),
            _ => cleaned(),
        };
        return quote!(#(#errors)* #items).into();
    }
    let expanded = match item {
        Some(Item::Function(f)) => function::expand(&f, cleaned()),
        Some(Item::Struct(s)) => class::expand_struct(&s, cleaned()),
        Some(Item::Impl(i)) => class::expand_impl(&i, cleaned()),
        Some(Item::Enum(e)) => enumeration::expand(&e, cleaned()),
        Some(Item::ForeignMod(block)) => import::expand(&block, import::Bodies::Real),
        Some(Item::TsSection(section)) => {
            let value = &section.expr;
            let entry = shim::entry("TS_SECTION", vec![shim::Part::ConstStr(quote!(#value))]);
            let cleaned = cleaned();
            quote!(#[allow(dead_code)] #cleaned #entry)
        }
        None => input,
    };
    expanded.into()
}
