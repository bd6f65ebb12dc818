//! Exported structs become JS classes: conversions for the struct type, `free`, field
//! accessors (struct macro) and methods (impl macro), each with its descriptor entry.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use wbg_core_gen::descriptor::Receiver;
use wbg_core_gen::lower::{self, Export, Member};
use wbg_core_gen::syntax::{Field, Impl, Method, Struct};

use crate::shim::{self, str_part, Part, ShimArg};

use wbg_schema::flags::{INSPECTABLE as FLAG_INSPECTABLE, SKIP_TYPESCRIPT as FLAG_SKIP_TYPESCRIPT};

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
        let ty = shim::without_lifetimes(&field.ty);
        for member in lower::field(field, ty.clone()) {
            accessors.push(field_accessor(name, js_name, field, &self_ty, &member));
        }
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

        impl #rt::class::MethodReceiver for #name {
            #[inline]
            unsafe fn receiver_ref(ptr: u32) -> #rt::class::ReceiverRef<'static, #name> {
                unsafe { #rt::class::receiver_ref(ptr, #js_name) }
            }
            #[inline]
            unsafe fn receiver_mut(ptr: u32) -> #rt::class::ReceiverRefMut<'static, #name> {
                unsafe { #rt::class::receiver_mut(ptr, #js_name) }
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

/// The shim and entry of one accessor `lower` gives a public field.
fn field_accessor(
    name: &syn::Ident,
    class_js_name: &str,
    field: &Field,
    self_ty: &syn::Type,
    member: &Member<syn::Type>,
) -> TokenStream {
    let field_name = &field.rust_name;
    let (prefix, member_name) = member.export.symbol_parts();
    let export = shim::export_name(prefix, name, member_name);
    let receiver: syn::Type = match member.receiver {
        Receiver::RefMut => syn::parse_quote!(&mut #name),
        _ => syn::parse_quote!(&#name),
    };
    let mut args = vec![ShimArg {
        ty: receiver,
        span: field.span,
    }];
    args.extend(member.args.iter().map(|(_, ty)| ShimArg {
        ty: ty.clone(),
        span: field.span,
    }));
    let unit: syn::Type = syn::parse_quote!(());
    let ret = member.ret.clone().unwrap_or(unit);
    let entry = method_entry(&export, self_ty, member, &ret);
    if !member.opens_frame {
        // The value (a setter's only argument) is converted before the object is touched.
        let rt = quote!(::wasm_bindgen::__rt);
        let class = class_js_name;
        let shim = match member.export {
            Export::Setter(_) => shim::accessor_shim(
                &export,
                &args[1..],
                &ret,
                |_| quote!(unsafe { #rt::class::write_field::<#name, _>(self_ptr, #class, |s| &mut s.#field_name, arg0) }),
            ),
            _ => {
                let span = field.ty.span();
                let copy = quote_spanned!(span=> #rt::CopyField::copy_field(&s.#field_name));
                shim::accessor_shim(
                    &export,
                    &[],
                    &ret,
                    |_| quote!(unsafe { #rt::class::read_field::<#name, _>(self_ptr, #class, |s| #copy) }),
                )
            }
        };
        return quote!(#shim #entry);
    }
    let shim = match member.export {
        Export::Setter(_) => shim::method_shim(
            &export,
            &args,
            &ret,
            |_| quote!({ arg0.#field_name = arg1; }),
        ),
        _ => {
            let read = if field.getter_with_clone {
                quote!(::core::clone::Clone::clone(&arg0.#field_name))
            } else {
                let span = field.ty.span();
                let rt = quote!(::wasm_bindgen::__rt);
                quote_spanned!(span=> #rt::CopyField::copy_field(&arg0.#field_name))
            };
            shim::method_shim(&export, &args, &ret, |_| read)
        }
    };
    quote!(#shim #entry)
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
    let member = lower::method(m, |t| replace_self(&shim::desc_type(t), struct_name));
    let receiver: Option<syn::Type> = match member.receiver {
        Receiver::None => None,
        Receiver::Ref => Some(syn::parse_quote!(&#struct_name)),
        Receiver::RefMut => Some(syn::parse_quote!(&mut #struct_name)),
        Receiver::Value => Some(self_ty.clone()),
    };
    let mut args: Vec<ShimArg> = receiver
        .into_iter()
        .map(|ty| ShimArg {
            ty,
            span: method.span(),
        })
        .collect();
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
    let borrows_self = matches!(member.receiver, Receiver::Ref | Receiver::RefMut);
    let call = |call_args: &[TokenStream]| quote!(#struct_name::#method(#(#call_args),*));
    let shim = if borrows_self {
        shim::method_shim(&export, &args, &ret_ty, call)
    } else {
        shim::shim(&export, &args, &ret_ty, call)
    };
    let entry = method_entry(&export, self_ty, &member, &ret_ty);
    quote!(#shim #entry)
}

/// The METHOD entry of a member `lower` made; `ret` is its return type as the shim has it.
fn method_entry(
    export: &str,
    class: &syn::Type,
    m: &Member<syn::Type>,
    ret: &syn::Type,
) -> TokenStream {
    let mut head = Vec::new();
    str_part(&mut head, export);
    str_part(&mut head, &m.js_name);
    str_part(&mut head, &m.docs.join("\n"));
    head.push(lower::receiver_code(m.receiver));
    head.push(lower::role_code(m.role));
    head.push(lower::member_flags(m));
    let mut parts = vec![Part::Lit(head), Part::Desc(class.clone())];
    shim::signature(&mut parts, &m.args, ret);
    shim::entry("METHOD", parts)
}

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
