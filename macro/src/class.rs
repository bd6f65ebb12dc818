//! Exported structs become JS classes: conversions for the struct type, `free`, field
//! accessors (struct macro) and methods (impl macro), each with its descriptor entry.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::parse::Parser;
use syn::spanned::Spanned;
use wbg_core_gen::descriptor::{qualified_name, Receiver};
use wbg_core_gen::lower::{self, Export, Member};
use wbg_core_gen::syntax::{Field, Impl, Method, Struct};

use crate::shim::{self, str_part, Part, ShimArg};

use wbg_schema::flags::{INSPECTABLE as FLAG_INSPECTABLE, SKIP_TYPESCRIPT as FLAG_SKIP_TYPESCRIPT};

pub fn expand_struct(s: &Struct, cleaned: TokenStream) -> TokenStream {
    let name = &s.rust_name;
    // The class's identity in descriptors, its binding in the glue and the key of its
    // wasm symbols (two structs of one Rust name in different modules stay apart).
    let js_name = &qualified_name(&s.namespace, &s.js_name);
    let rt = quote!(::wasm_bindgen::__rt);
    let free_export = shim::export_name("__wbg_", js_name, "free");
    let free_ident = format_ident!("__wbg_free_{}", name);

    let mut head = Vec::new();
    str_part(&mut head, js_name);
    shim::strs_part(&mut head, &s.namespace);
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
    let unit: syn::Type = syn::parse_quote!(());
    let mut entry_parts = vec![Part::Lit(head)];
    let (cleaned, inheritance) = match &s.extends {
        Some(extends) => {
            let link = parent_link(name, js_name, &extends.parent);
            entry_parts.push(Part::Desc(syn::Type::Path(syn::TypePath {
                qself: None,
                path: extends.parent.clone(),
            })));
            entry_parts.push(Part::Lit(link.export_names));
            (with_parent_field(cleaned, &extends.parent), link.items)
        }
        None => {
            entry_parts.push(Part::Desc(unit));
            let mut no_exports = Vec::new();
            str_part(&mut no_exports, "");
            str_part(&mut no_exports, "");
            entry_parts.push(Part::Lit(no_exports));
            (cleaned, TokenStream::new())
        }
    };
    let struct_entry = shim::entry("STRUCT", entry_parts);
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

        #inheritance

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

/// What `extends = Parent` adds besides the field: `AsRef<Parent<P>>`, and the two
/// exports the glue uses to hold the parent class's pointer (`upcast`, `release`).
struct ParentLinkItems {
    items: TokenStream,
    /// The STRUCT entry's `str upcast_export, str release_export`.
    export_names: Vec<u8>,
}

fn parent_link(name: &syn::Ident, js_name: &str, parent: &syn::Path) -> ParentLinkItems {
    let rt = quote!(::wasm_bindgen::__rt);
    let upcast_export = shim::export_name("__wbg_parent_", js_name, "upcast");
    let release_export = shim::export_name("__wbg_parent_", js_name, "release");
    let upcast_ident = format_ident!("__wbg_upcast_{}", name);
    let release_ident = format_ident!("__wbg_release_parent_of_{}", name);
    let parent_class = parent
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let mut export_names = Vec::new();
    str_part(&mut export_names, &upcast_export);
    str_part(&mut export_names, &release_export);
    let items = quote! {
        #[automatically_derived]
        impl ::core::convert::AsRef<::wasm_bindgen::Parent<#parent>> for #name {
            #[inline]
            fn as_ref(&self) -> &::wasm_bindgen::Parent<#parent> {
                &self.parent
            }
        }

        #[doc(hidden)]
        #[allow(non_snake_case, dead_code, clippy::all)]
        const _: () = {
            #[cfg_attr(target_arch = "wasm32", unsafe(export_name = #upcast_export))]
            pub unsafe extern "C" fn #upcast_ident(ptr: u32) -> u32 {
                unsafe { #rt::class::upcast::<#name, #parent>(ptr, #js_name, |child| &child.parent) }
            }
            #[cfg_attr(target_arch = "wasm32", unsafe(export_name = #release_export))]
            pub unsafe extern "C" fn #release_ident(ptr: u32) {
                unsafe { #rt::class::release_parent::<#parent>(ptr, #parent_class) }
            }
        };
    };
    ParentLinkItems {
        items,
        export_names,
    }
}

/// The struct as written plus `parent: wasm_bindgen::Parent<P>` as its first field (a unit
/// struct gets braces). Validation already refused tuple structs.
fn with_parent_field(cleaned: TokenStream, parent: &syn::Path) -> TokenStream {
    let Ok(mut item) = syn::parse2::<syn::ItemStruct>(cleaned.clone()) else {
        return cleaned;
    };
    let field: syn::Field = syn::Field::parse_named
        .parse2(quote!(parent: ::wasm_bindgen::Parent<#parent>))
        .expect("a named field");
    match &mut item.fields {
        syn::Fields::Named(named) => named.named.insert(0, field),
        syn::Fields::Unit => {
            item.fields = syn::Fields::Named(syn::parse_quote!({ #field }));
            item.semi_token = None;
        }
        syn::Fields::Unnamed(_) => {}
    }
    quote!(#item)
}

/// The shim and entry of one accessor `lower` gives a public field.
fn field_accessor(
    name: &syn::Ident,
    class_key: &str,
    field: &Field,
    self_ty: &syn::Type,
    member: &Member<syn::Type>,
) -> TokenStream {
    let field_name = &field.rust_name;
    let (prefix, member_name) = member.export.symbol_parts();
    let export = shim::export_name(prefix, class_key, member_name);
    let receiver: syn::Type = match member.receiver {
        Receiver::RefMut => syn::parse_quote!(&mut #name),
        _ => syn::parse_quote!(&#name),
    };
    let mut args = vec![ShimArg {
        ty: receiver,
        span: field.span,
    }];
    args.extend(member.args.iter().map(|p| ShimArg {
        ty: p.ty.clone(),
        span: field.span,
    }));
    let unit: syn::Type = syn::parse_quote!(());
    let ret = member.ret.clone().unwrap_or(unit);
    let entry = method_entry(&export, self_ty, member, &ret);
    if !member.opens_frame {
        // The value (a setter's only argument) is converted before the object is touched.
        let rt = quote!(::wasm_bindgen::__rt);
        // The name the class's other conversions give in their messages.
        let class = class_key;
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
    // The class as this block names it (`js_class`, `js_namespace`), which keeps the wasm
    // symbols of two classes with one Rust name apart, as the struct's own symbols are.
    let class_key = qualified_name(
        &i.namespace,
        &i.js_class
            .clone()
            .unwrap_or_else(|| struct_name.to_string()),
    );
    let mut items = Vec::new();
    for m in &i.methods {
        items.push(expand_method(struct_name, &class_key, &self_ty, m));
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

fn expand_method(
    struct_name: &syn::Ident,
    class_key: &str,
    self_ty: &syn::Type,
    m: &Method,
) -> TokenStream {
    let method = &m.rust_name;
    let export = shim::export_name("__wbg_", class_key, &method.to_string());
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
    for s in lower::return_doc_strings(&m.ret_doc) {
        str_part(&mut head, s);
    }
    let mut parts = vec![Part::Lit(head), Part::Desc(class.clone())];
    shim::export_signature(&mut parts, &m.args, ret);
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
