//! Exported structs become JS classes: conversions for the struct type, `free`, field
//! accessors (struct macro) and methods (impl macro), each with its descriptor entry.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use wbg_core_gen::syntax::{Impl, Method, MethodKind, Receiver, Struct};

use crate::shim::{self, str_part, Part, ShimArg};

use wbg_schema::flags::{INSPECTABLE as FLAG_INSPECTABLE, SKIP_TYPESCRIPT as FLAG_SKIP_TYPESCRIPT};
use wbg_schema::receiver::{
    NONE as RECEIVER_NONE, REF as RECEIVER_REF, REF_MUT as RECEIVER_REF_MUT,
    VALUE as RECEIVER_VALUE,
};
use wbg_schema::role::{
    CONSTRUCTOR as ROLE_CONSTRUCTOR, GETTER as ROLE_GETTER, METHOD as ROLE_METHOD,
    SETTER as ROLE_SETTER,
};

pub fn expand_struct(s: &Struct, cleaned: TokenStream) -> TokenStream {
    let name = &s.rust_name;
    let js_name = &s.js_name;
    let rt = quote!(::wasm_bindgen::__rt);
    let free_export = shim::export_name("__wbg_", name, "free");
    let free_ident = format_ident!("__wbg_free_{}", name);

    let mut head = Vec::new();
    str_part(&mut head, js_name);
    str_part(&mut head, &name.to_string());
    str_part(&mut head, &s.docs.join("\n"));
    str_part(&mut head, &free_export);
    head.push(
        if s.inspectable { FLAG_INSPECTABLE } else { 0 }
            | if s.skip_typescript {
                FLAG_SKIP_TYPESCRIPT
            } else {
                0
            },
    );
    let struct_entry = shim::entry("STRUCT", vec![Part::Lit(head)]);
    let wrap_import = wbg_core_gen::descriptor::class_wrap_import(js_name);
    let unwrap_import = wbg_core_gen::descriptor::class_unwrap_import(js_name);

    let self_ty: syn::Type = syn::parse_quote!(#name);
    let mut accessors = Vec::new();
    for field in &s.fields {
        let field_name = &field.rust_name;
        let ty = shim::without_lifetimes(&field.ty);
        let docs = field.docs.join("\n");
        let getter_export = shim::export_name("__wbg_get_", name, &field_name.to_string());
        let read = if field.getter_with_clone {
            quote!(::core::clone::Clone::clone(&arg0.#field_name))
        } else {
            let span = field.ty.span();
            quote_spanned!(span=> #rt::CopyField::copy_field(&arg0.#field_name))
        };
        let receiver: syn::Type = syn::parse_quote!(&#name);
        accessors.push(shim::method_shim(
            &getter_export,
            &[ShimArg {
                ty: receiver,
                span: field.span,
            }],
            &ty,
            |_| read,
        ));
        accessors.push(method_entry(&MethodEntry {
            export: &getter_export,
            js_name: &field.js_name,
            docs: &docs,
            receiver: RECEIVER_REF,
            role: ROLE_GETTER,
            skip_typescript: field.skip_typescript,
            class: &self_ty,
            args: &[],
            ret: &ty,
        }));
        if field.readonly {
            continue;
        }
        let setter_export = shim::export_name("__wbg_set_", name, &field_name.to_string());
        let receiver: syn::Type = syn::parse_quote!(&mut #name);
        let unit: syn::Type = syn::parse_quote!(());
        accessors.push(shim::method_shim(
            &setter_export,
            &[
                ShimArg {
                    ty: receiver,
                    span: field.span,
                },
                ShimArg {
                    ty: ty.clone(),
                    span: field.span,
                },
            ],
            &unit,
            |_| quote!({ arg0.#field_name = arg1; }),
        ));
        accessors.push(method_entry(&MethodEntry {
            export: &setter_export,
            js_name: &field.js_name,
            docs: &docs,
            receiver: RECEIVER_REF_MUT,
            role: ROLE_SETTER,
            skip_typescript: field.skip_typescript,
            class: &self_ty,
            args: &[("value".to_string(), ty.clone())],
            ret: &unit,
        }));
    }

    quote! {
        #cleaned

        impl #rt::WasmDescribe for #name {
            const DESC: #rt::Desc = #rt::Desc::named(#js_name);
        }

        impl #rt::IntoWasmAbi for #name {
            type Abi = u32;
            #[inline]
            fn into_abi(self) -> u32 {
                #rt::class::into_abi(self)
            }
        }

        impl #rt::FromWasmAbi for #name {
            type Abi = u32;
            #[inline]
            unsafe fn from_abi(js: u32) -> Self {
                unsafe { #rt::class::from_abi(js, #js_name) }
            }
        }

        impl #rt::RefFromWasmAbi for #name {
            type Abi = u32;
            type Anchor = #rt::Ref<'static, #name>;
            #[inline]
            unsafe fn ref_from_abi(js: u32) -> Self::Anchor {
                unsafe { #rt::class::ref_from_abi(js, #js_name) }
            }
        }

        impl #rt::RefMutFromWasmAbi for #name {
            type Abi = u32;
            type Anchor = #rt::RefMut<'static, #name>;
            #[inline]
            unsafe fn ref_mut_from_abi(js: u32) -> Self::Anchor {
                unsafe { #rt::class::ref_mut_from_abi(js, #js_name) }
            }
        }

        // The value moves into a box, as for a return, and the glue wraps the pointer in a
        // JS instance of the class; the `JsValue` owns that instance.
        impl ::core::convert::From<#name> for ::wasm_bindgen::JsValue {
            fn from(value: #name) -> Self {
                #[cfg(target_arch = "wasm32")]
                {
                    #[link(wasm_import_module = "__wbindgen_placeholder__")]
                    extern "C" {
                        #[link_name = #wrap_import]
                        fn __wbg_wrap(ptr: u32) -> u32;
                    }
                    let ptr = <#name as #rt::IntoWasmAbi>::into_abi(value);
                    ::wasm_bindgen::JsValue::__from_idx(unsafe { __wbg_wrap(ptr) })
                }
                #[cfg(not(target_arch = "wasm32"))]
                {
                    let _ = value;
                    #rt::not_on_wasm(#wrap_import)
                }
            }
        }

        // An instance of the class moves out of its JS object (which is emptied, as when it
        // is passed by value); anything else comes back unchanged as the error.
        impl ::wasm_bindgen::convert::TryFromJsValue for #name {
            type Error = ::wasm_bindgen::JsValue;
            fn try_from_js_value(
                value: ::wasm_bindgen::JsValue,
            ) -> ::core::result::Result<Self, ::wasm_bindgen::JsValue> {
                #[cfg(target_arch = "wasm32")]
                {
                    #[link(wasm_import_module = "__wbindgen_placeholder__")]
                    extern "C" {
                        #[link_name = #unwrap_import]
                        fn __wbg_unwrap(idx: u32) -> u32;
                    }
                    let ptr = unsafe { __wbg_unwrap(#rt::IntoWasmAbi::into_abi(&value)) };
                    if ptr == 0 {
                        ::core::result::Result::Err(value)
                    } else {
                        ::core::result::Result::Ok(unsafe { <#name as #rt::FromWasmAbi>::from_abi(ptr) })
                    }
                }
                #[cfg(not(target_arch = "wasm32"))]
                {
                    let _ = value;
                    #rt::not_on_wasm(#unwrap_import)
                }
            }
        }

        impl #rt::OptionIntoWasmAbi for #name {
            #[inline]
            fn none() -> u32 {
                0
            }
        }

        impl #rt::VectorElement for #name {
            fn vec_into_abi(v: #rt::Box<[Self]>) -> #rt::WasmSlice {
                #rt::vec_of_u32_into_abi(v)
            }
            unsafe fn vec_from_abi(js: #rt::WasmSlice) -> #rt::Box<[Self]> {
                unsafe { #rt::vec_of_u32_from_abi(js) }
            }
        }


        impl #rt::OptionFromWasmAbi for #name {
            #[inline]
            fn is_none(abi: &u32) -> bool {
                *abi == 0
            }
        }

        // `Option<&Foo>` / `Option<&mut Foo>` arguments: the glue passes 0 for `null` and
        // `undefined`, and throws for a freed object before the call.
        impl #rt::OptionRefFromWasmAbi for #name {
            #[inline]
            fn is_none(abi: &u32) -> bool {
                *abi == 0
            }
        }

        impl #rt::OptionRefMutFromWasmAbi for #name {
            #[inline]
            fn is_none(abi: &u32) -> bool {
                *abi == 0
            }
        }

        #[doc(hidden)]
        #[allow(non_snake_case, improper_ctypes_definitions, dead_code, clippy::all)]
        const _: () = {
            #[cfg_attr(target_arch = "wasm32", unsafe(export_name = #free_export))]
            pub unsafe extern "C" fn #free_ident(ptr: u32) {
                unsafe { #rt::class::free::<#name>(ptr, #js_name) }
            }
            #struct_entry
            #(#accessors)*
        };
    }
}

pub fn expand_impl(i: &Impl, cleaned: TokenStream) -> TokenStream {
    let Some(struct_name) = &i.self_name else {
        return cleaned;
    };
    let self_ty: syn::Type = syn::parse_quote!(#struct_name);
    let mut items = Vec::new();
    for m in &i.methods {
        items.push(expand_method(struct_name, &self_ty, m));
    }
    quote! {
        #cleaned

        #[doc(hidden)]
        #[allow(non_snake_case, improper_ctypes_definitions, dead_code, clippy::all)]
        const _: () = {
            #(#items)*
        };
    }
}

fn expand_method(struct_name: &syn::Ident, self_ty: &syn::Type, m: &Method) -> TokenStream {
    let method = &m.rust_name;
    let export = shim::export_name("__wbg_", struct_name, &method.to_string());
    let mut args = Vec::new();
    let receiver = match m.receiver {
        Receiver::None => RECEIVER_NONE,
        Receiver::Ref => {
            args.push(ShimArg {
                ty: syn::parse_quote!(&#struct_name),
                span: method.span(),
            });
            RECEIVER_REF
        }
        Receiver::RefMut => {
            args.push(ShimArg {
                ty: syn::parse_quote!(&mut #struct_name),
                span: method.span(),
            });
            RECEIVER_REF_MUT
        }
        Receiver::Value => {
            args.push(ShimArg {
                ty: self_ty.clone(),
                span: method.span(),
            });
            RECEIVER_VALUE
        }
    };
    for a in &m.args {
        args.push(ShimArg {
            ty: replace_self(&shim::without_lifetimes(&a.ty), struct_name),
            span: a.span,
        });
    }
    let ret_ty: syn::Type = match &m.ret {
        Some(t) => replace_self(&shim::without_lifetimes(t), struct_name),
        None => syn::parse_quote!(()),
    };
    let borrows_self = matches!(m.receiver, Receiver::Ref | Receiver::RefMut);
    let call = |call_args: &[TokenStream]| quote!(#struct_name::#method(#(#call_args),*));
    let shim = if borrows_self {
        shim::method_shim(&export, &args, &ret_ty, call)
    } else {
        shim::shim(&export, &args, &ret_ty, call)
    };
    let role = match m.kind {
        MethodKind::Regular => ROLE_METHOD,
        MethodKind::Constructor => ROLE_CONSTRUCTOR,
        MethodKind::Getter { .. } => ROLE_GETTER,
        MethodKind::Setter { .. } => ROLE_SETTER,
    };
    let described_args: Vec<(String, syn::Type)> = m
        .args
        .iter()
        .map(|a| {
            (
                a.name.clone(),
                replace_self(&shim::desc_type(&a.ty), struct_name),
            )
        })
        .collect();
    let entry = method_entry(&MethodEntry {
        export: &export,
        js_name: &m.js_name,
        docs: &m.docs.join("\n"),
        receiver,
        role,
        skip_typescript: m.skip_typescript,
        class: self_ty,
        args: &described_args,
        ret: &ret_ty,
    });
    quote!(#shim #entry)
}

struct MethodEntry<'a> {
    export: &'a str,
    js_name: &'a str,
    docs: &'a str,
    receiver: u8,
    role: u8,
    skip_typescript: bool,
    class: &'a syn::Type,
    args: &'a [(String, syn::Type)],
    ret: &'a syn::Type,
}

fn method_entry(e: &MethodEntry<'_>) -> TokenStream {
    let mut head = Vec::new();
    str_part(&mut head, e.export);
    str_part(&mut head, e.js_name);
    str_part(&mut head, e.docs);
    head.push(e.receiver);
    head.push(e.role);
    head.push(if e.skip_typescript {
        FLAG_SKIP_TYPESCRIPT
    } else {
        0
    });
    let mut parts = vec![
        Part::Lit(head),
        Part::Desc(e.class.clone()),
        Part::Lit(vec![e.args.len() as u8]),
    ];
    for (name, ty) in e.args {
        let mut n = Vec::new();
        str_part(&mut n, name);
        parts.push(Part::Lit(n));
        parts.push(Part::Desc(ty.clone()));
    }
    parts.push(Part::Desc(e.ret.clone()));
    shim::entry("METHOD", parts)
}

/// `Self` means nothing outside the impl block; name the struct instead.
fn replace_self(ty: &syn::Type, struct_name: &syn::Ident) -> syn::Type {
    let tokens = quote!(#ty);
    let replaced: TokenStream = tokens
        .into_iter()
        .map(|t| replace_self_tokens(t, struct_name))
        .collect();
    syn::parse2(replaced).unwrap_or_else(|_| ty.clone())
}

fn replace_self_tokens(
    t: proc_macro2::TokenTree,
    struct_name: &syn::Ident,
) -> proc_macro2::TokenTree {
    match t {
        proc_macro2::TokenTree::Ident(i) if i == "Self" => {
            proc_macro2::TokenTree::Ident(struct_name.clone())
        }
        proc_macro2::TokenTree::Group(g) => {
            let inner: TokenStream = g
                .stream()
                .into_iter()
                .map(|t| replace_self_tokens(t, struct_name))
                .collect();
            let mut ng = proc_macro2::Group::new(g.delimiter(), inner);
            ng.set_span(g.span());
            proc_macro2::TokenTree::Group(ng)
        }
        other => other,
    }
}
