//! `#[wasm_bindgen] pub fn`: the shim and its FUNCTION entry.

use proc_macro2::TokenStream;
use quote::quote;
use wbg_core_gen::descriptor::qualified_name;
use wbg_core_gen::lower;
use wbg_core_gen::syntax::Function;

use crate::shim::{self, str_part, Part, ShimArg};

pub fn expand(f: &Function, original: TokenStream) -> TokenStream {
    let rust_name = &f.rust_name;
    let export = lower::function_export(f);
    let is_async = f.sig.asyncness.is_some();
    // An `async fn` runs after the call returns: a borrowed argument travels with an anchor
    // that lives as long as the future (`LongRefFromWasmAbi`).
    let long_ref = |ty: &syn::Type| -> Option<syn::Type> {
        match ty {
            syn::Type::Reference(r) if is_async && r.mutability.is_none() => {
                let inner = shim::without_lifetimes(&r.elem);
                Some(syn::parse_quote!(::wasm_bindgen::__rt::LongRef<#inner>))
            }
            _ => None,
        }
    };
    let long_refs: Vec<bool> = f.args.iter().map(|a| long_ref(&a.ty).is_some()).collect();
    let args: Vec<ShimArg> = f
        .args
        .iter()
        .map(|a| ShimArg {
            ty: long_ref(&a.ty).unwrap_or_else(|| shim::without_lifetimes(&a.ty)),
            span: a.span,
        })
        .collect();
    let ret_ty: syn::Type = match &f.ret {
        Some(t) => shim::without_lifetimes(t),
        None => syn::parse_quote!(()),
    };
    // `async fn` exports return a promise; the descriptor says what it resolves to.
    let (shim_ret, described_ret): (syn::Type, syn::Type) = if is_async {
        (
            syn::parse_quote!(::wasm_bindgen_futures::Promise),
            syn::parse_quote!(::wasm_bindgen::__rt::Promising<<#ret_ty as ::wasm_bindgen::__rt::IntoJsResult>::Ok>),
        )
    } else {
        (ret_ty.clone(), ret_ty.clone())
    };
    let shim = shim::shim(&export, &args, &shim_ret, |call_args| {
        let call_args: Vec<TokenStream> = call_args
            .iter()
            .zip(&long_refs)
            .map(|(a, long)| if *long { quote!(&*#a) } else { a.clone() })
            .collect();
        if is_async {
            quote! {
                ::wasm_bindgen_futures::__rt::future_to_promise(async move {
                    ::wasm_bindgen::__rt::IntoJsResult::into_js_result(#rust_name(#(#call_args),*).await)
                })
            }
        } else {
            quote!(#rust_name(#(#call_args),*))
        }
    });

    let mut head = Vec::new();
    str_part(&mut head, &export);
    str_part(&mut head, &qualified_name(&f.namespace, &f.js_name));
    shim::strs_part(&mut head, &f.namespace);
    str_part(&mut head, &f.docs.join("\n"));
    head.push(lower::function_flags(f));
    for s in lower::return_doc_strings(&f.ret_doc) {
        str_part(&mut head, s);
    }
    let mut parts = vec![Part::Lit(head)];
    let params = lower::params(&f.args, |t| {
        long_ref(t).unwrap_or_else(|| shim::desc_type(t))
    });
    shim::export_signature(&mut parts, &params, &described_ret);
    let descriptor = shim::entry("FUNCTION", parts);

    quote! {
        #original

        // The shim is compiled on every target so `cargo check` on the host reports
        // unsupported types too; only wasm32 exports it and carries the descriptor.
        #[doc(hidden)]
        #[allow(non_snake_case, improper_ctypes_definitions, dead_code, clippy::all)]
        const _: () = {
            #shim
            #descriptor
        };
    }
}
