//! `#[wasm_bindgen] pub fn`: the shim and its FUNCTION entry.

use proc_macro2::TokenStream;
use quote::quote;
use wbg_core_gen::descriptor::qualified_name;
use wbg_core_gen::syntax::Function;
use wbg_schema::flags;

use crate::shim::{self, str_part, Part, ShimArg};

pub fn expand(f: &Function, original: TokenStream) -> TokenStream {
    let rust_name = &f.rust_name;
    let export = export_symbol(f);
    let args: Vec<ShimArg> = f
        .args
        .iter()
        .map(|a| ShimArg {
            ty: shim::without_lifetimes(&a.ty),
            span: a.span,
        })
        .collect();
    let ret_ty: syn::Type = match &f.ret {
        Some(t) => shim::without_lifetimes(t),
        None => syn::parse_quote!(()),
    };
    // `async fn` exports return a promise; the descriptor says what it resolves to.
    let is_async = f.sig.asyncness.is_some();
    let (shim_ret, described_ret): (syn::Type, syn::Type) = if is_async {
        (
            syn::parse_quote!(::wasm_bindgen_futures::Promise),
            syn::parse_quote!(::wasm_bindgen::__rt::Promising<<#ret_ty as ::wasm_bindgen::__rt::IntoJsResult>::Ok>),
        )
    } else {
        (ret_ty.clone(), ret_ty.clone())
    };
    let shim = shim::shim(&export, &args, &shim_ret, |call_args| {
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
    head.push(
        if f.start { flags::START } else { 0 }
            | if f.skip_typescript {
                flags::SKIP_TYPESCRIPT
            } else {
                0
            },
    );
    head.push(f.args.len() as u8);
    let mut parts = vec![Part::Lit(head)];
    for arg in &f.args {
        let mut name = Vec::new();
        str_part(&mut name, &arg.name);
        parts.push(Part::Lit(name));
        parts.push(Part::Desc(shim::desc_type(&arg.ty)));
    }
    parts.push(Part::Desc(described_ret));
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

/// The wasm export behind a function: its qualified name (`api__add`), so functions of
/// one name in different namespaces stay apart. `start` uses a fixed name, so two of them
/// are a link error rather than a silent choice.
fn export_symbol(f: &Function) -> String {
    if f.start {
        "__wbindgen_start".to_string()
    } else {
        qualified_name(&f.namespace, &f.js_name)
    }
}
