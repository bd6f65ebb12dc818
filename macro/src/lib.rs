//! `#[wasm_bindgen]`: a thin layer over `wbg-core-gen`. Parsing and validation happen
//! there (the language server calls the same code); this crate only turns the model into
//! Rust: an exported shim per function and a descriptor entry in the `wbg_descriptors`
//! custom section (layout: `core-gen/src/descriptor/schema.rs`).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use wbg_core_gen::syntax::{self, Function, Item};

#[proc_macro_attribute]
pub fn wasm_bindgen(
    attr: proc_macro::TokenStream,
    input: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let input: TokenStream = input.into();
    let (item, diags) = syntax::analyze_item(attr.into(), input.clone());
    if !diags.is_empty() {
        // Keep the user's item so one mistake does not cascade into unrelated errors.
        let errors = diags.iter().map(|d| {
            let msg = &d.message;
            quote_spanned!(d.span=> ::core::compile_error!(#msg);)
        });
        return quote!(#(#errors)* #input).into();
    }
    let expanded = match item {
        Some(Item::Function(f)) => export_function(&f, input),
        None => input,
    };
    expanded.into()
}

fn export_function(f: &Function, original: TokenStream) -> TokenStream {
    let rust_name = &f.rust_name;
    let export_name = export_symbol(f);
    let rt = quote!(::wasm_bindgen::__rt);

    let mut params = Vec::new();
    let mut conversions = Vec::new();
    let mut call_args = Vec::new();
    for (i, arg) in f.args.iter().enumerate() {
        let ty = without_lifetimes(&arg.ty);
        let p: Vec<_> = (1..=4u32)
            .map(|k| format_ident!("arg{}_{}", i, k))
            .collect();
        let (p1, p2, p3, p4) = (&p[0], &p[1], &p[2], &p[3]);
        let local = format_ident!("arg{}", i);
        let span = arg.span;
        match &ty {
            syn::Type::Reference(r) if r.mutability.is_none() => {
                let inner = &r.elem;
                let abi = quote!(<#inner as #rt::RefFromWasmAbi>::Abi);
                params.push(quote_spanned! {span=>
                    #p1: <#abi as #rt::WasmAbi>::Prim1, #p2: <#abi as #rt::WasmAbi>::Prim2,
                    #p3: <#abi as #rt::WasmAbi>::Prim3, #p4: <#abi as #rt::WasmAbi>::Prim4
                });
                conversions.push(quote_spanned! {span=>
                    let #local = unsafe {
                        <#inner as #rt::RefFromWasmAbi>::ref_from_abi(<#abi as #rt::WasmAbi>::join(#p1, #p2, #p3, #p4))
                    };
                });
                call_args.push(quote!(&*#local));
            }
            _ => {
                let abi = quote!(<#ty as #rt::FromWasmAbi>::Abi);
                params.push(quote_spanned! {span=>
                    #p1: <#abi as #rt::WasmAbi>::Prim1, #p2: <#abi as #rt::WasmAbi>::Prim2,
                    #p3: <#abi as #rt::WasmAbi>::Prim3, #p4: <#abi as #rt::WasmAbi>::Prim4
                });
                conversions.push(quote_spanned! {span=>
                    let #local = unsafe {
                        <#ty as #rt::FromWasmAbi>::from_abi(<#abi as #rt::WasmAbi>::join(#p1, #p2, #p3, #p4))
                    };
                });
                call_args.push(quote!(#local));
            }
        }
    }
    let ret_ty = match &f.ret {
        Some(t) => without_lifetimes(t),
        None => syn::parse_quote!(()),
    };
    let ret_abi = quote!(<#ret_ty as #rt::ReturnWasmAbi>::Abi);
    let shim = format_ident!(
        "__wbg_export_{}",
        rust_name.to_string().trim_start_matches("r#")
    );
    let descriptor = function_descriptor(f, &ret_ty);

    quote! {
        #original

        // The shim is compiled on every target so `cargo check` on the host reports
        // unsupported types too; only wasm32 exports it and carries the descriptor.
        #[doc(hidden)]
        #[allow(non_snake_case, improper_ctypes_definitions, dead_code, clippy::all)]
        const _: () = {
            #[cfg_attr(target_arch = "wasm32", unsafe(export_name = #export_name))]
            pub unsafe extern "C" fn #shim(#(#params),*) -> <#ret_abi as #rt::WasmAbi>::Prim1 {
                #(#conversions)*
                let ret = #rust_name(#(#call_args),*);
                let (p1, p2, p3, p4) = #rt::WasmAbi::split(<#ret_ty as #rt::ReturnWasmAbi>::return_abi(ret));
                #rt::store_ret(p2, p3, p4);
                p1
            }

            #descriptor
        };
    }
}

/// The `FUNCTION` entry: literal parts interleaved with the types' const descriptors.
fn function_descriptor(f: &Function, ret_ty: &syn::Type) -> TokenStream {
    let rt = quote!(::wasm_bindgen::__rt);
    let mut literal_len = 4 + 2; // body length, version, kind
    let mut head = Vec::new();
    for s in [
        export_symbol(f).as_str(),
        f.js_name.as_str(),
        &f.docs.join("\n"),
    ] {
        push_str(&mut head, s);
    }
    let flags = u8::from(f.start) | (u8::from(f.skip_typescript) << 1);
    head.push(flags);
    head.push(f.args.len() as u8);
    literal_len += head.len();

    let mut parts = vec![
        quote!(.bytes(&[::wasm_bindgen::describe::SCHEMA_VERSION, ::wasm_bindgen::describe::kind::FUNCTION])),
    ];
    parts.push(bytes_part(&head));
    let mut desc_lens = Vec::new();
    for arg in &f.args {
        let mut name = Vec::new();
        push_str(&mut name, &arg.name);
        literal_len += name.len();
        parts.push(bytes_part(&name));
        let ty = without_lifetimes(&arg.ty);
        parts.push(quote!(.desc(&<#ty as #rt::WasmDescribe>::DESC)));
        desc_lens.push(quote!(<#ty as #rt::WasmDescribe>::DESC.len()));
    }
    parts.push(quote!(.desc(&<#ret_ty as #rt::WasmDescribe>::DESC)));
    desc_lens.push(quote!(<#ret_ty as #rt::WasmDescribe>::DESC.len()));

    quote! {
        #[cfg(target_arch = "wasm32")]
        const LEN: usize = #literal_len #(+ #desc_lens)*;
        #[cfg(target_arch = "wasm32")]
        #[unsafe(link_section = "wbg_descriptors")]
        #[used]
        static DESCRIPTOR: [u8; LEN] = #rt::EntryWriter::<LEN>::new()
            .bytes(&((LEN - 4) as u32).to_le_bytes())
            #(#parts)*
            .finish();
    }
}

/// The wasm export behind a function. `start` uses a fixed name, so two of them are a
/// link error rather than a silent choice.
fn export_symbol(f: &Function) -> String {
    if f.start {
        "__wbindgen_start".to_string()
    } else {
        f.js_name.clone()
    }
}

fn push_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn bytes_part(bytes: &[u8]) -> TokenStream {
    let lit = proc_macro2::Literal::byte_string(bytes);
    quote!(.bytes(#lit))
}

/// Named lifetimes are not in scope outside the function; the shim and descriptor only
/// need the shape of the type.
fn without_lifetimes(ty: &syn::Type) -> syn::Type {
    struct Strip;
    impl Strip {
        fn ty(&self, ty: &mut syn::Type) {
            match ty {
                syn::Type::Reference(r) => {
                    r.lifetime = None;
                    self.ty(&mut r.elem);
                }
                syn::Type::Path(p) => {
                    for seg in &mut p.path.segments {
                        if let syn::PathArguments::AngleBracketed(a) = &mut seg.arguments {
                            for arg in &mut a.args {
                                match arg {
                                    syn::GenericArgument::Lifetime(l) => {
                                        *l = syn::Lifetime::new("'static", Span::call_site())
                                    }
                                    syn::GenericArgument::Type(t) => self.ty(t),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                syn::Type::Slice(s) => self.ty(&mut s.elem),
                syn::Type::Array(a) => self.ty(&mut a.elem),
                syn::Type::Paren(p) => self.ty(&mut p.elem),
                syn::Type::Group(g) => self.ty(&mut g.elem),
                syn::Type::Tuple(t) => t.elems.iter_mut().for_each(|e| self.ty(e)),
                _ => {}
            }
        }
    }
    let mut ty = ty.clone();
    Strip.ty(&mut ty);
    ty
}
