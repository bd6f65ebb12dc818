//! `#[wasm_bindgen] extern "C" { ... }`: Rust functions that call wasm imports the glue
//! provides, wrapper types for imported JS classes, lazily read statics, and the IMPORT_FN,
//! IMPORT_TYPE and SNIPPET entries that tell the generator what each import does in JS.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;
use wbg_core_gen::syntax::{
    generics, reexport_name, result_ok_type, slice_arg, ForeignBlock, ForeignItem, ImportFn,
    ImportModule, ImportOp, ImportStatic, SliceArg,
};

use crate::shim::{self, str_part, Part};
use wbg_core_gen::lower;

use wbg_schema::module::{
    GLOBAL as MODULE_GLOBAL, MODULE as MODULE_MODULE, SNIPPET as MODULE_SNIPPET,
};
use wbg_schema::op;

/// The REEXPORT entry of an item with `reexport` (none without it).
pub(crate) fn reexport_entry(
    options: &[wbg_core_gen::syntax::AttrOption],
    src: &Source,
    namespace: &[String],
    js_name: &str,
) -> Option<TokenStream> {
    let export_name = reexport_name(options, js_name)?;
    let mut body = Vec::new();
    str_part(&mut body, &export_name);
    body.push(src.kind);
    str_part(&mut body, &src.specifier);
    body.push(namespace.len() as u8);
    for n in namespace {
        str_part(&mut body, n);
    }
    str_part(&mut body, js_name);
    let entry = shim::entry("REEXPORT", vec![Part::Lit(body)]);
    Some(quote!(#[doc(hidden)] const _: () = { #entry };))
}

/// `link_to!(...)`: an expression calling an import whose JS returns the URL of `module`.
pub fn expand_link(module: &ImportModule) -> TokenStream {
    let src = source(module);
    let snippet = src.snippet.as_ref().map(|s| quote!(const _: () = { #s };));
    let wasm = wasm_name("link_to", &[&src.specifier, "link"]);
    let string: syn::Type = syn::parse_quote!(::std::string::String);
    let entry = import_entry(&wasm, op::LINK, 0, &src, &[], "", None, "", &[], &string);
    let body = call_import(&wasm, "link_to", &[], &string, None);
    quote! {{
        #snippet
        #[doc(hidden)]
        const _: () = { #entry };
        fn __wbg_link_to() -> ::std::string::String { #body }
        __wbg_link_to()
    }}
}

/// Where the block's imports come from, as written into entries, and the snippet entry
/// (if the block brings a file).
pub(crate) struct Source {
    pub(crate) kind: u8,
    pub(crate) specifier: String,
    pub(crate) snippet: Option<TokenStream>,
}

fn source(module: &ImportModule) -> Source {
    let crate_name = shim::crate_name();
    let dir = format!(
        "{crate_name}-{}",
        &shim::hash(&[
            &crate_name,
            &std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()
        ])[..8]
    );
    match module {
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
    let src = source(&block.module);
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
            ForeignItem::Type(t) => crate::imported_type::expand_type(t, &src),
            ForeignItem::Fn(f) => expand_fn(f, &src, &types_here, bodies),
            ForeignItem::Static(s) => expand_static(s, &src),
        });
    }
    quote!(#(#out)*)
}

/// Descriptor entry of one import.
#[allow(clippy::too_many_arguments)]
pub(crate) fn import_entry(
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
pub(crate) fn call_import(
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
        // The extern declaration cannot name the function's lifetimes; the ABI is the same.
        let abi_ty = shim::without_lifetimes(ty);
        let abi = quote!(<#abi_ty as #rt::IntoWasmAbi>::Abi);
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
    // Checked before the result is converted: after an exception the glue returns zeros,
    // which are not a value of every type (a `String` at address 0).
    let (exception, finish) = if catch.is_some() {
        (
            quote! {
                if let ::core::option::Option::Some(e) = #rt::take_last_exception() {
                    // Any imported JS type may be the error type (`js_sys::Error`, ...).
                    return ::core::result::Result::Err(::core::convert::From::from(e));
                }
            },
            quote!(::core::result::Result::Ok(value)),
        )
    } else {
        (quote!(), quote!(value))
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
            #exception
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

pub(crate) fn wasm_name(rust_name: &str, parts: &[&str]) -> String {
    let crate_name = shim::crate_name();
    let mut all = vec![crate_name.as_str(), rust_name];
    all.extend_from_slice(parts);
    format!("__wbg_{rust_name}_{}", shim::hash(&all))
}

pub(crate) fn class_id(class: &syn::Ident) -> TokenStream {
    quote!(<#class as ::wasm_bindgen::__rt::ImportedClass>::CLASS_ID)
}

fn class_id_of(class: &syn::Type) -> TokenStream {
    quote!(<#class as ::wasm_bindgen::__rt::ImportedClass>::CLASS_ID)
}

/// One argument or return value of a generic import whose type names a type parameter:
/// what crosses the ABI instead (`JsValue`, `&JsValue` or an `Option` of either), the
/// conversion to (arguments) or from (returns) it, and the bound that conversion needs.
struct ErasedValue {
    abi: syn::Type,
    convert: TokenStream,
    bound: syn::WherePredicate,
}

fn erased_arg(e: &generics::Erased, value: TokenStream) -> ErasedValue {
    let js = quote!(::wasm_bindgen::JsValue);
    let x = e.inner();
    let bx = bound_type(x);
    let as_ref = quote!(<#x as ::core::convert::AsRef<#js>>::as_ref);
    let into = quote!(<#x as ::core::convert::Into<#js>>::into);
    let (abi, convert, bound): (syn::Type, _, syn::WherePredicate) = match e {
        generics::Erased::Ref(_) => (
            syn::parse_quote!(&#js),
            quote!(#as_ref(#value)),
            syn::parse_quote!(#bx: ::core::convert::AsRef<#js>),
        ),
        generics::Erased::Value(_) => (
            syn::parse_quote!(#js),
            quote!(#into(#value)),
            syn::parse_quote!(#bx: ::core::convert::Into<#js>),
        ),
        generics::Erased::OptionRef(_) => (
            syn::parse_quote!(::core::option::Option<&#js>),
            quote!(::core::option::Option::map(#value, #as_ref)),
            syn::parse_quote!(#bx: ::core::convert::AsRef<#js>),
        ),
        generics::Erased::OptionValue(_) => (
            syn::parse_quote!(::core::option::Option<#js>),
            quote!(::core::option::Option::map(#value, #into)),
            syn::parse_quote!(#bx: ::core::convert::Into<#js>),
        ),
    };
    ErasedValue {
        abi,
        convert,
        bound,
    }
}

/// A returned value: `convert` is a function from the ABI value to the declared one.
fn erased_ret(e: &generics::Erased) -> ErasedValue {
    let js = quote!(::wasm_bindgen::JsValue);
    let x = e.inner();
    let bx = bound_type(x);
    let from = quote!(<#x as ::wasm_bindgen::JsCast>::unchecked_from_js);
    let bound = syn::parse_quote!(#bx: ::wasm_bindgen::JsCast);
    match e {
        generics::Erased::OptionValue(_) | generics::Erased::OptionRef(_) => ErasedValue {
            abi: syn::parse_quote!(::core::option::Option<#js>),
            convert: quote!(|v: ::core::option::Option<#js>| ::core::option::Option::map(v, #from)),
            bound,
        },
        _ => ErasedValue {
            abi: syn::parse_quote!(#js),
            convert: from,
            bound,
        },
    }
}

/// `ty` as a where-clause may name it: `'_` is not allowed there.
fn bound_type(ty: &syn::Type) -> syn::Type {
    if ty.to_token_stream().to_string().contains("'_") {
        shim::without_lifetimes(ty)
    } else {
        ty.clone()
    }
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
    let sig_generics = &f.sig.generics;
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
    // A class written with arguments (`this: &Foo<T>`): the `impl` is on that type, with
    // the parameters it uses lifted onto it.
    let self_ty = (in_impl && class_ident.is_some())
        .then(|| generics::impl_self_type(f))
        .flatten();
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
    let mut bounds: Vec<syn::WherePredicate> = Vec::new();
    let unit: syn::Type = syn::parse_quote!(());
    let declared_ret = f.ret.clone().unwrap_or_else(|| unit.clone());
    let value_ret = if f.catch {
        result_ok_type(&declared_ret).map_or(unit.clone(), |(ok, _)| ok)
    } else {
        declared_ret.clone()
    };
    // A return naming a type parameter travels as a `JsValue` and is cast back.
    let ret_erased = generics::erase_ret(&value_ret, sig_generics)
        .ok()
        .flatten()
        .map(|e| erased_ret(&e));
    let value_ret = match &ret_erased {
        Some(e) => {
            bounds.push(e.bound.clone());
            e.abi.clone()
        }
        None => shim::without_lifetimes(&value_ret),
    };
    if f.catch {
        if let Some((_, Some(err))) = result_ok_type(&declared_ret) {
            if generics::mentions(&err, sig_generics) {
                let err = bound_type(&err);
                bounds
                    .push(syn::parse_quote!(#err: ::core::convert::From<::wasm_bindgen::JsValue>));
            }
        }
    }
    let args_erased: Vec<Option<generics::Erased>> = f
        .args
        .iter()
        .map(|a| generics::erase_arg(&a.ty, sig_generics).ok().flatten())
        .collect();
    // `slice_to_array`: `&[T]` / `Option<&[T]>` travel as `SliceToArray`, described as
    // `&Vec<T>`, which the glue turns into a JS `Array`.
    let as_array: Vec<Option<syn::Type>> = f
        .args
        .iter()
        .map(|a| {
            let slice = slice_arg(&a.ty).filter(|s| f.slice_to_array && !s.mutable)?;
            Some(slice_to_array_type(&slice, quote!('_)))
        })
        .collect();
    let described: Vec<(String, syn::Type)> = f
        .args
        .iter()
        .zip(&args_erased)
        .map(|(a, erased)| {
            let ty = match (
                erased,
                slice_arg(&a.ty).filter(|s| f.slice_to_array && !s.mutable),
            ) {
                (Some(e), _) => erased_arg(e, quote!()).abi,
                (None, Some(slice)) => slice_to_array_type(&slice, quote!('static)),
                (None, None) => shim::desc_type(&a.ty),
            };
            (a.name.clone(), ty)
        })
        .collect();
    // The descriptor is built outside the function: a class with arguments is named at its
    // defaults (else `JsValue`), which all instances share the class of.
    let class_for_id = match &self_ty {
        Some(ty) => Some(class_id_of(&generics::concrete(ty, sig_generics))),
        None => class_ident.as_ref().map(class_id),
    };
    let entry = import_entry(
        &wasm,
        op,
        flags,
        src,
        &namespace,
        &f.js_name,
        class_for_id,
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
        let is_this = takes_this && i == 0;
        if !is_this {
            params.push(quote!(#ident: #ty));
        }
        let value = if is_this {
            quote!(self)
        } else {
            quote!(#ident)
        };
        if let Some(e) = &args_erased[i] {
            let erased = erased_arg(e, value);
            bounds.push(erased.bound);
            call_args.push((erased.convert, erased.abi));
            continue;
        }
        call_args.push(match &as_array[i] {
            _ if is_this => (value, ty.clone()),
            Some(passed) if slice_arg(ty).is_some_and(|s| s.optional) => (
                quote!(::core::option::Option::map(#ident, ::wasm_bindgen::__rt::SliceToArray)),
                passed.clone(),
            ),
            Some(passed) => (
                quote!(::wasm_bindgen::__rt::SliceToArray(#ident)),
                passed.clone(),
            ),
            None => (value, ty.clone()),
        });
    }
    let body = match bodies {
        Bodies::Real => {
            let declared: syn::Type = match (&ret_erased, f.catch) {
                (Some(_), true) => {
                    let err = result_ok_type(&declared_ret)
                        .and_then(|(_, e)| e)
                        .map_or_else(|| quote!(_), |e| quote!(#e));
                    syn::parse_quote!(::core::result::Result<#value_ret, #err>)
                }
                _ => shim::without_lifetimes(&declared_ret),
            };
            let call = call_import(
                &wasm,
                &name_str,
                &call_args,
                &value_ret,
                f.catch.then_some(&declared),
            );
            match &ret_erased {
                Some(e) => {
                    let convert = &e.convert;
                    let lifted = if f.catch {
                        quote!(::core::result::Result::map(__wbg_ret, #convert))
                    } else {
                        quote!((#convert)(__wbg_ret))
                    };
                    quote!(let __wbg_ret = { #call }; #lifted)
                }
                None => call,
            }
        }
        Bodies::Placeholder => quote!(::core::unreachable!(
            "this import has a #[wasm_bindgen] error"
        )),
    };
    let ret = match &f.ret {
        Some(t) => quote!(-> #t),
        None => quote!(),
    };
    // Defaults are not allowed on a function's (or an `impl`'s) parameters.
    let (impl_generics, mut fn_generics) = match &self_ty {
        Some(ty) => {
            let (on_impl, on_fn) = generics::split_for_impl(ty, sig_generics);
            (Some(on_impl), on_fn)
        }
        None => (None, generics::without_defaults(sig_generics)),
    };
    if !bounds.is_empty() {
        fn_generics.make_where_clause().predicates.extend(bounds);
    }
    let fn_where = &fn_generics.where_clause;
    let receiver = if takes_this { quote!(&self,) } else { quote!() };
    let function = quote! {
        #(#attrs)*
                // JS names are often camelCase (`setInterval`).
        #[allow(clippy::too_many_arguments, unused_variables, non_snake_case)]
        #vis fn #rust_name #fn_generics (#receiver #(#params),*) #ret #fn_where {
            #body
        }
    };
    let placed = match (&class_ident, in_impl, &self_ty, &impl_generics) {
        (Some(_), true, Some(ty), Some(on_impl)) => {
            let impl_where = &on_impl.where_clause;
            quote!(impl #on_impl #ty #impl_where { #function })
        }
        (Some(class), true, _, _) => quote!(impl #class { #function }),
        _ => {
            // `js_namespace = Bar` (or `["a", "Bar"]`: the last name) naming a type of this
            // block also makes `Bar::f()`, as wasm-bindgen does.
            let namespace_type = namespace
                .last()
                .and_then(|n| types_here.iter().find(|t| **t == n.as_str()));
            match namespace_type {
                Some(ty) => {
                    let args = idents.iter().take(params.len());
                    let type_args: Vec<&syn::Ident> =
                        fn_generics.type_params().map(|p| &p.ident).collect();
                    let turbofish = (!type_args.is_empty()).then(|| quote!(::<#(#type_args),*>));
                    quote! {
                        #function
                        impl #ty {
                            #(#attrs)*
                            #[allow(clippy::too_many_arguments)]
                            #vis fn #rust_name #fn_generics (#(#params),*) #ret #fn_where { #rust_name #turbofish (#(#args),*) }
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
    let reexport =
        reexport_entry(&f.options, src, &namespace, &f.js_name).map(|e| quote!(#(#cfgs)* #e));
    quote! {
        #placed
        #entry
        #reexport
    }
}

/// `SliceToArray<'lifetime, T>` for a `&[T]`, in an `Option` for `Option<&[T]>`.
fn slice_to_array_type(slice: &SliceArg, lifetime: TokenStream) -> syn::Type {
    let elem = shim::without_lifetimes(&slice.elem);
    let passed = quote!(::wasm_bindgen::__rt::SliceToArray<#lifetime, #elem>);
    if slice.optional {
        syn::parse_quote!(::core::option::Option<#passed>)
    } else {
        syn::parse_quote!(#passed)
    }
}

/// The `#[cfg(...)]` attributes of an item, repeated on everything generated for it
/// (web-sys gates methods by feature: `#[cfg(feature = "CssRule")]`).
pub(crate) fn cfg_attrs(attrs: &[syn::Attribute]) -> Vec<&syn::Attribute> {
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
    let reexport = reexport_entry(&s.options, src, &namespace, &s.js_name);
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
        #(#cfgs)*
        #reexport
    }
}
