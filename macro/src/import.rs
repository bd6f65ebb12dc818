//! `#[wasm_bindgen] extern "C" { ... }`: Rust functions that call wasm imports the glue
//! provides, wrapper types for imported JS classes, lazily read statics, and the IMPORT_FN,
//! IMPORT_TYPE and SNIPPET entries that tell the generator what each import does in JS.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use wbg_core_gen::syntax::{
    result_ok_type, ForeignBlock, ForeignItem, ImportFn, ImportModule, ImportOp, ImportStatic,
    ImportType,
};

use crate::shim::{self, str_part, Part};
use wbg_core_gen::lower;

use wbg_schema::module::{
    GLOBAL as MODULE_GLOBAL, MODULE as MODULE_MODULE, SNIPPET as MODULE_SNIPPET,
};
use wbg_schema::op;

/// Where the block's imports come from, as written into entries, and the snippet entry
/// (if the block brings a file).
struct Source {
    kind: u8,
    specifier: String,
    snippet: Option<TokenStream>,
}

fn source(block: &ForeignBlock) -> Source {
    let crate_name = shim::crate_name();
    let dir = format!(
        "{crate_name}-{}",
        &shim::hash(&[
            &crate_name,
            &std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()
        ])[..8]
    );
    match &block.module {
        ImportModule::Global => Source {
            kind: MODULE_GLOBAL,
            specifier: String::new(),
            snippet: None,
        },
        ImportModule::Module(spec) => Source {
            kind: MODULE_MODULE,
            specifier: spec.clone(),
            snippet: None,
        },
        ImportModule::Local(path) => {
            let snippet_path = format!("snippets/{dir}{path}");
            let contents = quote!(::core::include_str!(
                ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), #path)
            ));
            let mut head = Vec::new();
            str_part(&mut head, &snippet_path);
            let entry = shim::entry("SNIPPET", vec![Part::Lit(head), Part::ConstStr(contents)]);
            Source {
                kind: MODULE_SNIPPET,
                specifier: snippet_path,
                snippet: Some(entry),
            }
        }
        ImportModule::Inline(js) => {
            let snippet_path = format!("snippets/{dir}/inline-{}.js", &shim::hash(&[js])[..12]);
            let mut body = Vec::new();
            str_part(&mut body, &snippet_path);
            str_part(&mut body, js);
            let entry = shim::entry("SNIPPET", vec![Part::Lit(body)]);
            Source {
                kind: MODULE_SNIPPET,
                specifier: snippet_path,
                snippet: Some(entry),
            }
        }
    }
}

/// Whether functions get their real bodies, or placeholders when the block has errors.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    Real,
    Placeholder,
}

pub fn expand(block: &ForeignBlock, bodies: Bodies) -> TokenStream {
    let src = source(block);
    let types_here: Vec<&syn::Ident> = block
        .items
        .iter()
        .filter_map(|i| match i {
            ForeignItem::Type(t) => Some(&t.rust_name),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    if let Some(snippet) = &src.snippet {
        out.push(quote!(const _: () = { #snippet };));
    }
    for item in &block.items {
        out.push(match item {
            ForeignItem::Type(t) => expand_type(t, &src),
            ForeignItem::Fn(f) => expand_fn(f, &src, &types_here, bodies),
            ForeignItem::Static(s) => expand_static(s, &src),
        });
    }
    quote!(#(#out)*)
}

/// Descriptor entry of one import.
#[allow(clippy::too_many_arguments)]
fn import_entry(
    wasm_name: &str,
    op: u8,
    flags: u8,
    src: &Source,
    namespace: &[String],
    js_name: &str,
    class_id: Option<TokenStream>,
    js_class: &str,
    args: &[(String, syn::Type)],
    ret: &syn::Type,
) -> TokenStream {
    let mut head = Vec::new();
    str_part(&mut head, wasm_name);
    head.push(op);
    head.push(flags);
    head.push(src.kind);
    str_part(&mut head, &src.specifier);
    shim::strs_part(&mut head, namespace);
    str_part(&mut head, js_name);
    let mut parts = vec![
        Part::Lit(head),
        Part::ConstStr(class_id.unwrap_or_else(|| quote!(""))),
    ];
    let mut class = Vec::new();
    str_part(&mut class, js_class);
    parts.push(Part::Lit(class));
    shim::signature(&mut parts, args, ret);
    shim::entry("IMPORT_FN", parts)
}

/// The body of a function that calls wasm import `wasm_name` with `args` (expressions of
/// the given types) and converts the result to `ret`; with `catch`, the declared
/// `Result<ret, E>` the function returns.
fn call_import(
    wasm_name: &str,
    rust_name: &str,
    args: &[(TokenStream, syn::Type)],
    ret: &syn::Type,
    catch: Option<&syn::Type>,
) -> TokenStream {
    let rt = quote!(::wasm_bindgen::__rt);
    let mut params = Vec::new();
    let mut splits = Vec::new();
    let mut passes = Vec::new();
    for (i, (expr, ty)) in args.iter().enumerate() {
        let p: Vec<_> = (1..=4u32)
            .map(|k| format_ident!("arg{}_{}", i, k))
            .collect();
        let (p1, p2, p3, p4) = (&p[0], &p[1], &p[2], &p[3]);
        let abi = quote!(<#ty as #rt::IntoWasmAbi>::Abi);
        params.push(quote! {
            #p1: <#abi as #rt::WasmAbi>::Prim1, #p2: <#abi as #rt::WasmAbi>::Prim2,
            #p3: <#abi as #rt::WasmAbi>::Prim3, #p4: <#abi as #rt::WasmAbi>::Prim4
        });
        // Spanned so an unsupported type is reported at the argument, not the attribute.
        splits.push(quote_spanned! {ty.span()=>
            let (#p1, #p2, #p3, #p4) = #rt::WasmAbi::split(<#ty as #rt::IntoWasmAbi>::into_abi(#expr));
        });
        passes.push(quote!(#p1, #p2, #p3, #p4));
    }
    let ret_abi = quote!(<#ret as #rt::FromWasmAbi>::Abi);
    let finish = if catch.is_some() {
        quote! {
            if let ::core::option::Option::Some(e) = #rt::take_last_exception() {
                // Any imported JS type may be the error type (`js_sys::Error`, ...).
                return ::core::result::Result::Err(::core::convert::From::from(e));
            }
            ::core::result::Result::Ok(value)
        }
    } else {
        quote!(value)
    };
    // The error type must take the exception (`E: From<JsValue>`), checked on the host too.
    let error_check = catch.map(|declared| {
        quote_spanned! {declared.span()=>
            let _ = |e: ::wasm_bindgen::JsValue| -> #declared {
                ::core::result::Result::Err(::core::convert::From::from(e))
            };
        }
    });
    quote! {
        #[cfg(target_arch = "wasm32")]
        {
            #[link(wasm_import_module = "__wbindgen_placeholder__")]
            #[allow(improper_ctypes, clippy::all)]
            extern "C" {
                #[link_name = #wasm_name]
                fn __wbg_import(#(#params),*) -> <#ret_abi as #rt::WasmAbi>::Prim1;
            }
            #(#splits)*
            let p1 = unsafe { __wbg_import(#(#passes),*) };
            let (p2, p3, p4) = #rt::load_ret();
            let value: #ret = unsafe { <#ret as #rt::FromWasmAbi>::from_abi(#rt::WasmAbi::join(p1, p2, p3, p4)) };
            #finish
        }
        // The same conversions, never run: a host `cargo check` reports unsupported
        // argument and return types as a wasm32 build would.
        #[cfg(not(target_arch = "wasm32"))]
        {
            #(#splits)*
            let _ = <#ret as #rt::FromWasmAbi>::from_abi;
            #error_check
            #rt::not_on_wasm(#rust_name)
        }
    }
}

fn wasm_name(rust_name: &str, parts: &[&str]) -> String {
    let crate_name = shim::crate_name();
    let mut all = vec![crate_name.as_str(), rust_name];
    all.extend_from_slice(parts);
    format!("__wbg_{rust_name}_{}", shim::hash(&all))
}

fn class_id(class: &syn::Ident) -> TokenStream {
    quote!(<#class as ::wasm_bindgen::__rt::ImportedClass>::CLASS_ID)
}

fn expand_fn(
    f: &ImportFn,
    src: &Source,
    types_here: &[&syn::Ident],
    bodies: Bodies,
) -> TokenStream {
    let rust_name = &f.rust_name;
    let name_str = rust_name.to_string();
    let namespace = f.namespace.clone().unwrap_or_default();
    let op = lower::op_code(lower::import_op(&f.op));
    let flags = lower::import_flags(f);
    let class_ident = f.class.clone();
    let takes_this = lower::takes_this(f);
    let wasm = wasm_name(
        &name_str,
        &[
            &src.specifier,
            &namespace.join("."),
            &f.js_name,
            &op.to_string(),
            &class_ident
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default(),
            f.js_class.as_deref().unwrap_or_default(),
        ],
    );
    let unit: syn::Type = syn::parse_quote!(());
    let declared_ret = f.ret.clone().unwrap_or_else(|| unit.clone());
    let value_ret = if f.catch {
        result_ok_type(&declared_ret).map_or(unit.clone(), |(ok, _)| ok)
    } else {
        declared_ret.clone()
    };
    let value_ret = shim::without_lifetimes(&value_ret);
    let described: Vec<(String, syn::Type)> = f
        .args
        .iter()
        .map(|a| (a.name.clone(), shim::desc_type(&a.ty)))
        .collect();
    let entry = import_entry(
        &wasm,
        op,
        flags,
        src,
        &namespace,
        &f.js_name,
        class_ident.as_ref().map(class_id),
        f.js_class.as_deref().unwrap_or_default(),
        &described,
        &value_ret,
    );

    // The Rust function: methods take `&self` for their `this` argument.
    let vis = &f.vis;
    let attrs = &f.attrs;
    let idents: Vec<syn::Ident> = (0..f.args.len())
        .map(|i| format_ident!("__wbg_arg{}", i))
        .collect();
    let mut call_args: Vec<(TokenStream, syn::Type)> = Vec::new();
    let mut params = Vec::new();
    for (i, a) in f.args.iter().enumerate() {
        let ty = &a.ty;
        let ident = &idents[i];
        if takes_this && i == 0 {
            call_args.push((quote!(self), shim::without_lifetimes(ty)));
        } else {
            params.push(quote!(#ident: #ty));
            call_args.push((quote!(#ident), shim::without_lifetimes(ty)));
        }
    }
    let body = match bodies {
        Bodies::Real => {
            let declared = shim::without_lifetimes(&declared_ret);
            call_import(
                &wasm,
                &name_str,
                &call_args,
                &value_ret,
                f.catch.then_some(&declared),
            )
        }
        Bodies::Placeholder => quote!(::core::unreachable!(
            "this import has a #[wasm_bindgen] error"
        )),
    };
    let ret = match &f.ret {
        Some(t) => quote!(-> #t),
        None => quote!(),
    };
    let generics = &f.sig.generics;
    let receiver = if takes_this { quote!(&self,) } else { quote!() };
    let function = quote! {
        #(#attrs)*
                // JS names are often camelCase (`setInterval`).
        #[allow(clippy::too_many_arguments, unused_variables, non_snake_case)]
        #vis fn #rust_name #generics (#receiver #(#params),*) #ret {
            #body
        }
    };
    let in_impl = f.op.takes_this()
        || matches!(f.op, ImportOp::Constructor | ImportOp::StaticMethod)
        || (matches!(
            f.op,
            ImportOp::Getter { is_static: true }
                | ImportOp::Setter {
                    is_static: true,
                    ..
                }
        ) && class_ident.is_some());
    let placed = match (&class_ident, in_impl) {
        (Some(class), true) => quote!(impl #class { #function }),
        _ => {
            // `js_namespace = Bar` (or `["a", "Bar"]`: the last name) naming a type of this
            // block also makes `Bar::f()`, as wasm-bindgen does.
            let namespace_type = namespace
                .last()
                .and_then(|n| types_here.iter().find(|t| **t == n.as_str()));
            match namespace_type {
                Some(ty) => {
                    let args = idents.iter().take(params.len());
                    quote! {
                        #function
                        impl #ty {
                            #(#attrs)*
                            #[allow(clippy::too_many_arguments)]
                            #vis fn #rust_name #generics (#(#params),*) #ret { #rust_name(#(#args),*) }
                        }
                    }
                }
                None => function,
            }
        }
    };
    let cfgs = cfg_attrs(&f.attrs);
    let entry = (bodies == Bodies::Real)
        .then(|| quote!(#(#cfgs)* #[doc(hidden)] const _: () = { #entry };));
    quote! {
        #placed
        #entry
    }
}

fn expand_type(t: &ImportType, src: &Source) -> TokenStream {
    let rt = quote!(::wasm_bindgen::__rt);
    let name = &t.rust_name;
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
            impl ::core::ops::Deref for #name {
                type Target = #deref_target;
                fn deref(&self) -> &#deref_target { &self.obj }
            }
        }
    });
    let ancestors = t.extends.iter().map(|p| {
        quote! {
            impl ::core::convert::AsRef<#p> for #name {
                fn as_ref(&self) -> &#p { ::wasm_bindgen::JsCast::unchecked_ref(&self.obj) }
            }
            impl ::core::convert::From<#name> for #p {
                fn from(v: #name) -> #p { ::wasm_bindgen::JsCast::unchecked_into(v.obj) }
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
    let cfgs = cfg_attrs(&t.attrs);

    quote! {
        #(#attrs)*
        #[repr(transparent)]
        #vis struct #name {
            // The first `extends` type (else `JsValue`), as upstream: derives such as
            // `PartialEq, Eq` then use the parent's impls.
            obj: #deref_target,
        }

        // Everything else under the type's `#[cfg]`s (web-sys gates types by feature).
        #(#cfgs)*
        const _: () = {

        impl #rt::ImportedClass for #name {
            const CLASS_ID: &'static str = #id;
        }

        impl #rt::WasmDescribe for #name {
            const DESC: #rt::Desc = #rt::Desc::extern_type(#ts_type);
        }

        impl #rt::IntoWasmAbi for #name {
            type Abi = u32;
            #[inline]
            fn into_abi(self) -> u32 { #rt::IntoWasmAbi::into_abi(self.obj) }
        }

        impl #rt::IntoWasmAbi for &#name {
            type Abi = u32;
            #[inline]
            fn into_abi(self) -> u32 { #rt::IntoWasmAbi::into_abi(&self.obj) }
        }

        impl #rt::FromWasmAbi for #name {
            type Abi = u32;
            #[inline]
            unsafe fn from_abi(js: u32) -> Self { #name { obj: unsafe { #rt::FromWasmAbi::from_abi(js) } } }
        }

        impl #rt::RefFromWasmAbi for #name {
            type Abi = u32;
            type Anchor = ::core::mem::ManuallyDrop<#name>;
            #[inline]
            unsafe fn ref_from_abi(js: u32) -> Self::Anchor {
                ::core::mem::ManuallyDrop::new(#name {
                    obj: ::wasm_bindgen::JsCast::unchecked_from_js(::wasm_bindgen::JsValue::__from_idx(js)),
                })
            }
        }

        // `&Type` in an `async fn` export: passed owned, so it outlives the call.
        impl #rt::LongRefFromWasmAbi for #name {
            type Abi = u32;
            type Anchor = #name;
            const LONG_REF_DESC: #rt::Desc = <#name as #rt::WasmDescribe>::DESC;
            #[inline]
            unsafe fn long_ref_from_abi(js: u32) -> #name {
                #name {
                    obj: ::wasm_bindgen::JsCast::unchecked_from_js(::wasm_bindgen::JsValue::__from_idx(js)),
                }
            }
        }

                impl #rt::OptionIntoWasmAbi for #name {
            #[inline]
            fn none() -> u32 { 0 }
        }

        /// `Option<&T>` lent to an import: index 0 is `None`.
        impl #rt::OptionIntoWasmAbi for &#name {
            #[inline]
            fn none() -> u32 { 0 }
        }

        impl #rt::OptionFromWasmAbi for #name {
            #[inline]
            fn is_none(abi: &u32) -> bool { *abi == 0 }
        }

        impl #rt::VectorElement for #name {
            fn vec_into_abi(v: #rt::Box<[Self]>) -> #rt::WasmSlice {
                #rt::vec_of_u32_into_abi(v)
            }
            unsafe fn vec_from_abi(js: #rt::WasmSlice) -> #rt::Box<[Self]> {
                unsafe { #rt::vec_of_u32_from_abi(js) }
            }
        }

        #deref_impl

        impl ::core::convert::AsRef<::wasm_bindgen::JsValue> for #name {
            fn as_ref(&self) -> &::wasm_bindgen::JsValue {
                <#deref_target as ::core::convert::AsRef<::wasm_bindgen::JsValue>>::as_ref(&self.obj)
            }
        }

        impl ::core::convert::AsRef<#name> for #name {
            fn as_ref(&self) -> &#name { self }
        }

        impl ::core::convert::From<#name> for ::wasm_bindgen::JsValue {
            fn from(v: #name) -> ::wasm_bindgen::JsValue {
                <#deref_target as ::core::convert::Into<::wasm_bindgen::JsValue>>::into(v.obj)
            }
        }

        impl ::core::convert::From<::wasm_bindgen::JsValue> for #name {
            fn from(obj: ::wasm_bindgen::JsValue) -> #name {
                #name { obj: ::wasm_bindgen::JsCast::unchecked_from_js(obj) }
            }
        }

        /// `instanceof` (or `is_type_of`), as `JsCast::dyn_into`.
        impl ::wasm_bindgen::convert::TryFromJsValue for #name {
            type Error = ::wasm_bindgen::JsValue;
            fn try_from_js_value(value: ::wasm_bindgen::JsValue) -> ::core::result::Result<Self, ::wasm_bindgen::JsValue> {
                ::wasm_bindgen::JsCast::dyn_into(value)
            }
        }

        impl ::wasm_bindgen::JsCast for #name {
            fn instanceof(val: &::wasm_bindgen::JsValue) -> bool {
                #instanceof_body
            }
            #is_type_of
            fn unchecked_from_js(val: ::wasm_bindgen::JsValue) -> Self {
                #name { obj: ::wasm_bindgen::JsCast::unchecked_from_js(val) }
            }
            fn unchecked_from_js_ref(val: &::wasm_bindgen::JsValue) -> &Self {
                // `#name` is a `repr(transparent)` wrapper of its parent, and so on down to
                // `JsValue`.
                unsafe { &*(val as *const ::wasm_bindgen::JsValue as *const #name) }
            }
        }

        #(#ancestors)*

        #type_entry
        #instanceof_entry
        };
    }
}

/// The `#[cfg(...)]` attributes of an item, repeated on everything generated for it
/// (web-sys gates methods by feature: `#[cfg(feature = "CssRule")]`).
fn cfg_attrs(attrs: &[syn::Attribute]) -> Vec<&syn::Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("cfg")).collect()
}

fn expand_static(s: &ImportStatic, src: &Source) -> TokenStream {
    let rt = quote!(::wasm_bindgen::__rt);
    let name = &s.rust_name;
    let vis = &s.vis;
    let attrs = &s.attrs;
    let ty = &s.ty;
    let namespace = s.namespace.clone().unwrap_or_default();
    let wasm = wasm_name(
        &name.to_string(),
        &[&src.specifier, &namespace.join("."), &s.js_name, "static"],
    );
    let entry = import_entry(
        &wasm,
        op::STATIC_VALUE,
        0,
        src,
        &namespace,
        &s.js_name,
        None,
        "",
        &[],
        ty,
    );
    let body = call_import(&wasm, &name.to_string(), &[], ty, None);
    let wrapper = if s.thread_local_v2 {
        quote!(JsThreadLocal)
    } else {
        quote!(JsStatic)
    };
    let cfgs = cfg_attrs(&s.attrs);
    quote! {
        #(#attrs)*
        #vis static #name: #rt::#wrapper<#ty> = {
            fn init() -> #ty { #body }
            #rt::thread_local!(static VALUE: #ty = init());
            #rt::#wrapper { __inner: &VALUE }
        };
        #(#cfgs)*
        #[doc(hidden)]
        const _: () = { #entry };
    }
}
