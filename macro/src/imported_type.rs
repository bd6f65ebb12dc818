//! Imported JS types (`type Foo;` in an `extern "C"` block): the Rust wrapper around the JS
//! object and its conversions, casts and descriptor entry.

use proc_macro2::TokenStream;
use quote::quote;
use wbg_core_gen::syntax::{generics, ImportType};
use wbg_schema::op;

use crate::import::{call_import, cfg_attrs, import_entry, reexport_entry, wasm_name, Source};
use crate::shim::{self, str_part, Part};

pub(crate) fn expand_type(t: &ImportType, src: &Source) -> TokenStream {
    let rt = quote!(::wasm_bindgen::__rt);
    let name = &t.rust_name;
    // `type Foo<'a, T: Bound = Default>;`: every impl is generic (the JS object is the same
    // for all of them); the parameters only live in a `PhantomData`.
    // The struct and `ImportedClass` take any arguments: an import's descriptor, built
    // outside any function, names the class at its defaults (else `JsValue`); the bounds
    // hold on every other impl and on the functions that use the parameters.
    let struct_generics = generics::without_bounds(&t.generics);
    let (unbounded_impl_g, _, _) = struct_generics.split_for_impl();
    let (impl_g, ty_g, where_c) = t.generics.split_for_impl();
    let ty = quote!(#name #ty_g);
    let (marker_field, marker_init) = if t.generics.params.is_empty() {
        (quote!(), quote!())
    } else {
        let lifetimes = t.generics.lifetimes().map(|l| &l.lifetime);
        let types = t.generics.type_params().map(|p| &p.ident);
        (
            quote!(, __wbg_generics: ::core::marker::PhantomData<(#(&#lifetimes (),)* #(#types,)*)>),
            quote!(, __wbg_generics: ::core::marker::PhantomData),
        )
    };
    // `LongRefFromWasmAbi`'s anchor (the value itself) must be `'static`.
    let long_where = if t.generics.params.is_empty() {
        None
    } else {
        let mut g = t.generics.clone();
        g.make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: 'static));
        g.where_clause
    };
    let vis = &t.vis;
    let attrs = &t.attrs;
    let name_str = name.to_string();
    let namespace = t.namespace.clone().unwrap_or_default();
    let id = format!(
        "{}:{name_str}:{}",
        shim::crate_name(),
        &shim::hash(&[&src.specifier, &namespace.join("."), &t.js_class])[..12]
    );
    let ts_type = t.typescript_type.clone().unwrap_or_default();
    let deref_target = t
        .extends
        .first()
        .map(|p| quote!(#p))
        .unwrap_or_else(|| quote!(::wasm_bindgen::JsValue));
    let deref_impl = (!t.no_deref).then(|| {
        quote! {
            impl #impl_g ::core::ops::Deref for #ty #where_c {
                type Target = #deref_target;
                fn deref(&self) -> &#deref_target { &self.obj }
            }
        }
    });
    let ancestors = t.extends.iter().map(|p| {
        quote! {
            impl #impl_g ::core::convert::AsRef<#p> for #ty #where_c {
                fn as_ref(&self) -> &#p { ::wasm_bindgen::JsCast::unchecked_ref(&self.obj) }
            }
            impl #impl_g ::core::convert::From<#ty> for #p #where_c {
                fn from(v: #ty) -> #p { ::wasm_bindgen::JsCast::unchecked_into(v.obj) }
            }
        }
    });
    // Through a typed binding, so a closure (`is_type_of = |v| v.is_bigint()`) knows its
    // argument's type.
    let is_type_of = t.is_type_of.as_ref().map(|f| {
        quote! {
            fn is_type_of(val: &::wasm_bindgen::JsValue) -> bool {
                fn call<F: ::core::ops::Fn(&::wasm_bindgen::JsValue) -> bool>(f: F, v: &::wasm_bindgen::JsValue) -> bool { f(v) }
                call(#f, val)
            }
        }
    });
    // `instanceof` is one more import, of this class.
    let instanceof_wasm = wasm_name(&format!("instanceof_{name_str}"), &[&id]);
    let js_value: syn::Type = syn::parse_quote!(&::wasm_bindgen::JsValue);
    let boolean: syn::Type = syn::parse_quote!(bool);
    let instanceof_entry = import_entry(
        &instanceof_wasm,
        op::INSTANCE_OF,
        0,
        src,
        &[],
        "",
        Some(quote!(#id)),
        "",
        &[("value".into(), js_value.clone())],
        &boolean,
    );
    let instanceof_body = call_import(
        &instanceof_wasm,
        "instanceof",
        &[(quote!(val), js_value)],
        &boolean,
        None,
    );
    let mut type_head = Vec::new();
    str_part(&mut type_head, &id);
    str_part(&mut type_head, &t.js_class);
    type_head.push(src.kind);
    str_part(&mut type_head, &src.specifier);
    type_head.push(namespace.len() as u8);
    for n in &namespace {
        str_part(&mut type_head, n);
    }
    type_head.push(t.vendor_prefixes.len() as u8);
    for p in &t.vendor_prefixes {
        str_part(&mut type_head, p);
    }
    let type_entry = shim::entry("IMPORT_TYPE", vec![Part::Lit(type_head)]);
    let reexport = reexport_entry(&t.options, src, &namespace, &t.js_class);
    let cfgs = cfg_attrs(&t.attrs);

    quote! {
        #(#attrs)*
        #[repr(transparent)]
        #vis struct #name #struct_generics {
            // The first `extends` type (else `JsValue`), as upstream: derives such as
            // `PartialEq, Eq` then use the parent's impls.
            obj: #deref_target
            #marker_field
        }

        // Everything else under the type's `#[cfg]`s (web-sys gates types by feature).
        #(#cfgs)*
        const _: () = {

        impl #unbounded_impl_g #rt::ImportedClass for #ty {
            const CLASS_ID: &'static str = #id;
        }

        impl #impl_g #rt::WasmDescribe for #ty #where_c {
            const DESC: #rt::Desc = #rt::Desc::extern_type(#ts_type);
        }

        impl #impl_g #rt::IntoWasmAbi for #ty #where_c {
            type Abi = u32;
            #[inline]
            fn into_abi(self) -> u32 { #rt::IntoWasmAbi::into_abi(self.obj) }
        }

        impl #impl_g #rt::IntoWasmAbi for &#ty #where_c {
            type Abi = u32;
            #[inline]
            fn into_abi(self) -> u32 { #rt::IntoWasmAbi::into_abi(&self.obj) }
        }

        impl #impl_g #rt::FromWasmAbi for #ty #where_c {
            type Abi = u32;
            #[inline]
            unsafe fn from_abi(js: u32) -> Self { Self { obj: unsafe { #rt::FromWasmAbi::from_abi(js) } #marker_init } }
        }

        impl #impl_g #rt::RefFromWasmAbi for #ty #where_c {
            type Abi = u32;
            type Anchor = ::core::mem::ManuallyDrop<Self>;
            #[inline]
            unsafe fn ref_from_abi(js: u32) -> Self::Anchor {
                ::core::mem::ManuallyDrop::new(Self {
                    obj: ::wasm_bindgen::JsCast::unchecked_from_js(::wasm_bindgen::JsValue::__from_idx(js))
                    #marker_init
                })
            }
        }

        // `&Type` in an `async fn` export: passed owned, so it outlives the call.
        impl #impl_g #rt::LongRefFromWasmAbi for #ty #long_where {
            type Abi = u32;
            type Anchor = Self;
            const LONG_REF_DESC: #rt::Desc = <Self as #rt::WasmDescribe>::DESC;
            #[inline]
            unsafe fn long_ref_from_abi(js: u32) -> Self {
                Self {
                    obj: ::wasm_bindgen::JsCast::unchecked_from_js(::wasm_bindgen::JsValue::__from_idx(js))
                    #marker_init
                }
            }
        }

                impl #impl_g #rt::OptionIntoWasmAbi for #ty #where_c {
            #[inline]
            fn none() -> u32 { 0 }
        }

        /// `Option<&T>` lent to an import: index 0 is `None`.
        impl #impl_g #rt::OptionIntoWasmAbi for &#ty #where_c {
            #[inline]
            fn none() -> u32 { 0 }
        }

        impl #impl_g #rt::OptionFromWasmAbi for #ty #where_c {
            #[inline]
            fn is_none(abi: &u32) -> bool { *abi == 0 }
        }

        impl #impl_g #rt::VectorElement for #ty #where_c {
            fn vec_into_abi(v: #rt::Box<[Self]>) -> #rt::WasmSlice {
                #rt::vec_of_u32_into_abi(v)
            }
            unsafe fn vec_from_abi(js: #rt::WasmSlice) -> #rt::Box<[Self]> {
                unsafe { #rt::vec_of_u32_from_abi(js) }
            }
        }

        impl #impl_g #rt::SliceToArrayElement for #ty #where_c {
            fn slice_to_array_abi(slice: &[Self]) -> #rt::WasmSlice {
                #rt::slice_of_js_values_to_array_abi(slice)
            }
        }

        #deref_impl

        impl #impl_g ::core::convert::AsRef<::wasm_bindgen::JsValue> for #ty #where_c {
            fn as_ref(&self) -> &::wasm_bindgen::JsValue {
                <#deref_target as ::core::convert::AsRef<::wasm_bindgen::JsValue>>::as_ref(&self.obj)
            }
        }

        impl #impl_g ::core::convert::AsRef<#ty> for #ty #where_c {
            fn as_ref(&self) -> &#ty { self }
        }

        impl #impl_g ::core::convert::From<#ty> for ::wasm_bindgen::JsValue {
            fn from(v: #ty) -> ::wasm_bindgen::JsValue {
                <#deref_target as ::core::convert::Into<::wasm_bindgen::JsValue>>::into(v.obj)
            }
        }

        impl #impl_g ::core::convert::From<::wasm_bindgen::JsValue> for #ty #where_c {
            fn from(obj: ::wasm_bindgen::JsValue) -> Self {
                Self { obj: ::wasm_bindgen::JsCast::unchecked_from_js(obj) #marker_init }
            }
        }

        /// `instanceof` (or `is_type_of`), as `JsCast::dyn_into`.
        impl #impl_g ::wasm_bindgen::convert::TryFromJsValue for #ty #where_c {
            type Error = ::wasm_bindgen::JsValue;
            fn try_from_js_value(value: ::wasm_bindgen::JsValue) -> ::core::result::Result<Self, ::wasm_bindgen::JsValue> {
                ::wasm_bindgen::JsCast::dyn_into(value)
            }
        }

        impl #impl_g ::wasm_bindgen::JsCast for #ty #where_c {
            fn instanceof(val: &::wasm_bindgen::JsValue) -> bool {
                #instanceof_body
            }
            #is_type_of
            fn unchecked_from_js(val: ::wasm_bindgen::JsValue) -> Self {
                Self { obj: ::wasm_bindgen::JsCast::unchecked_from_js(val) #marker_init }
            }
            fn unchecked_from_js_ref(val: &::wasm_bindgen::JsValue) -> &Self {
                // `#name` is a `repr(transparent)` wrapper of its parent, and so on down to
                // `JsValue`.
                unsafe { &*(val as *const ::wasm_bindgen::JsValue as *const Self) }
            }
        }

        #(#ancestors)*

        #type_entry
        #instanceof_entry
        #reexport
        };
    }
}
