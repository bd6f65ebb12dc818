//! `#[wasm_bindgen]`: a thin layer over `wbg-core-gen`. Parsing and validation happen
//! there (the language server calls the same code); this crate only turns the model into
//! Rust: exported shims and descriptor entries in the `wbg_descriptors` custom section.

mod class;
mod enumeration;
mod function;
mod import;
mod imported_type;
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
    let paths = item.as_ref().map(Item::crate_paths).unwrap_or_default();
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
    let expanded = with_crate_paths(expanded, &paths);
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

/// The expansion names `::wasm_bindgen`, `::wasm_bindgen_futures` and `::js_sys`; with
/// `wasm_bindgen = some::path` (a re-export, a renamed dependency) each `::krate` is
/// replaced by the path given.
fn with_crate_paths(tokens: TokenStream, paths: &[(&str, TokenStream)]) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    if paths.is_empty() {
        return tokens;
    }
    let mut out: Vec<TokenTree> = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            // `::` then the crate name: a leading path separator is two `:` puncts.
            TokenTree::Punct(p)
                if p.as_char() == ':' && p.spacing() == proc_macro2::Spacing::Joint =>
            {
                let second = iter.next();
                let name = iter.peek().cloned();
                let replacement = match (&second, &name) {
                    (Some(TokenTree::Punct(q)), Some(TokenTree::Ident(id)))
                        if q.as_char() == ':' =>
                    {
                        // Only a path that starts here: not `a::wasm_bindgen`, `<T>::…`.
                        let arrow = |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(x)) if matches!(x.as_char(), '-' | '='));
                        let continues = match out.last() {
                            // `a::krate` continues a path; `impl ::krate`, `as ::krate` start one.
                            Some(TokenTree::Ident(prev)) => {
                                !is_keyword_before_path(&prev.to_string())
                            }
                            // `<T as X>::…`, but not `-> ::…` or `=> ::…`.
                            Some(TokenTree::Punct(x)) if x.as_char() == '>' => {
                                !arrow(out.len().checked_sub(2).and_then(|i| out.get(i)))
                            }
                            _ => false,
                        };
                        let starts = !continues;
                        paths
                            .iter()
                            .find(|(krate, _)| starts && id == krate)
                            .map(|(_, path)| path.clone())
                    }
                    _ => None,
                };
                match replacement {
                    Some(path) => {
                        iter.next();
                        out.extend(path);
                    }
                    None => {
                        out.push(TokenTree::Punct(p));
                        out.extend(second);
                    }
                }
            }
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), with_crate_paths(g.stream(), paths));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Keywords after which `::name` starts a path (the others that can precede `::` are path
/// segments: `self`, `super`, `crate`, `Self`, or a name).
fn is_keyword_before_path(word: &str) -> bool {
    matches!(
        word,
        "as" | "box"
            | "break"
            | "const"
            | "continue"
            | "dyn"
            | "else"
            | "extern"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "static"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "yield"
    )
}

/// `wasm_bindgen::link_to!(module = "/js/x.js")`: the URL of a JS file at run time, as a
/// `String` (a file of the crate or inline JS is shipped under `snippets/`).
#[proc_macro]
pub fn link_to(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let (module, diags) = wbg_core_gen::analyze_link_to(input.into());
    let warnings = warnings(&diags);
    match module {
        Some(module) if !diags.iter().any(|d| d.is_error()) => {
            let link = import::expand_link(&module);
            quote!({ #warnings #link }).into()
        }
        _ => {
            let errors = diags.iter().filter(|d| d.is_error()).map(|d| {
                let msg = &d.message;
                quote_spanned!(d.span=> ::core::compile_error!(#msg);)
            });
            quote!({ #(#errors)* ::std::string::String::new() }).into()
        }
    }
}
