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
    let warnings = warnings(&diags);
    if diags.iter().any(|d| d.is_error()) {
        // Keep the user's items so one mistake does not cascade into unrelated errors.
        let errors = diags.iter().filter(|d| d.is_error()).map(|d| {
            let msg = &d.message;
            quote_spanned!(d.span=> ::core::compile_error!(#msg);)
        });
        let items = match &item {
            // An extern block is not valid Rust as written; emit its items with bodies
            // that are never compiled to code (the build already fails).
            Some(Item::ForeignMod(block)) => import::expand(block, import::Bodies::Placeholder),
            _ => cleaned(),
        };
        return quote!(#(#errors)* #warnings #items).into();
    }
    let expanded = match item {
        Some(Item::Function(f)) => function::expand(&f, input),
        Some(Item::Struct(s)) => class::expand_struct(&s, cleaned()),
        Some(Item::Impl(i)) => class::expand_impl(&i, cleaned()),
        Some(Item::Enum(e)) => enumeration::expand(&e, cleaned()),
        Some(Item::ForeignMod(block)) => import::expand(&block, import::Bodies::Real),
        None => input,
    };
    quote!(#warnings #expanded).into()
}

/// rustc has no stable way for a macro to warn; the use of a deprecated constant is one:
/// the warning carries the message and points at the diagnostic's span (and, as for any
/// lint, `#![deny(deprecated)]` makes it an error).
fn warnings(diags: &[wbg_core_gen::Diagnostic]) -> TokenStream {
    let each = diags.iter().filter(|d| !d.is_error()).map(|d| {
        let note = format!("{} [wbg {}]", d.message, d.code);
        let used = quote_spanned!(d.span=> wasm_bindgen_warning);
        quote! {
            const _: () = {
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                const wasm_bindgen_warning: () = ();
                #used
            };
        }
    });
    quote!(#(#each)*)
}
