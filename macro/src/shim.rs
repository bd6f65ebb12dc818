//! Building blocks shared by every export: the `extern "C"` shim that turns wasm
//! primitives into Rust values, and the descriptor entry in `wbg_descriptors`
//! (layout: `core-gen/src/descriptor/schema.rs`).

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use wbg_core_gen::lower::{self, Param};

/// One argument of a shim.
pub struct ShimArg {
    pub ty: syn::Type,
    pub span: Span,
}

/// `extern "C" fn` exported as `export_name` whose body evaluates `body(args)`, where
/// `args` are the converted arguments in order.
pub fn shim(
    export_name: &str,
    args: &[ShimArg],
    ret_ty: &syn::Type,
    body: impl FnOnce(&[TokenStream]) -> TokenStream,
) -> TokenStream {
    shim_with(export_name, args, ret_ty, Receiver::InArgs, body)
}

/// The export of a `&self` / `&mut self` method or `getter_with_clone` accessor (`args[0]`
/// is the receiver): like [`shim`], but the receiver is borrowed first, through
/// `class::MethodReceiver`, and held until the result is converted; the glue releases it
/// when a JS exception comes out of the call (core-gen's glue/js.rs decides the same from
/// the descriptor).
pub fn method_shim(
    export_name: &str,
    args: &[ShimArg],
    ret_ty: &syn::Type,
    body: impl FnOnce(&[TokenStream]) -> TokenStream,
) -> TokenStream {
    shim_with(export_name, args, ret_ty, Receiver::BorrowedFirst, body)
}

/// The export of a field accessor that opens no frame (`lower::Member::opens_frame`): its
/// first wasm parameter is the object's pointer as the glue passes it, named `self_ptr`
/// for `body`, which reaches the field through `class::read_field` / `write_field`.
pub fn accessor_shim(
    export_name: &str,
    args: &[ShimArg],
    ret_ty: &syn::Type,
    body: impl FnOnce(&[TokenStream]) -> TokenStream,
) -> TokenStream {
    shim_with(export_name, args, ret_ty, Receiver::Pointer, body)
}

/// How a shim gets its receiver.
#[derive(PartialEq)]
enum Receiver {
    /// Converted like any argument (or there is none).
    InArgs,
    /// `args[0]`, borrowed first as the method's receiver (`class::MethodReceiver`).
    BorrowedFirst,
    /// A leading `self_ptr: u32`, not converted.
    Pointer,
}

fn shim_with(
    export_name: &str,
    args: &[ShimArg],
    ret_ty: &syn::Type,
    receiver: Receiver,
    body: impl FnOnce(&[TokenStream]) -> TokenStream,
) -> TokenStream {
    let rt = quote!(::wasm_bindgen::__rt);
    let mut params = Vec::new();
    let mut conversions = Vec::new();
    let mut receiver_conversion = quote!();
    let mut call_args = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let p: Vec<_> = (1..=4u32)
            .map(|k| format_ident!("arg{}_{}", i, k))
            .collect();
        let (p1, p2, p3, p4) = (&p[0], &p[1], &p[2], &p[3]);
        let local = format_ident!("arg{}", i);
        let span = arg.span;
        let (abi, convert, pass) = match &arg.ty {
            syn::Type::Reference(r) if i == 0 && receiver == Receiver::BorrowedFirst => {
                let inner = &r.elem;
                let borrow = if r.mutability.is_some() {
                    quote!(receiver_mut)
                } else {
                    quote!(receiver_ref)
                };
                (
                    quote!(<#inner as #rt::RefFromWasmAbi>::Abi),
                    quote!(<#inner as #rt::class::MethodReceiver>::#borrow),
                    if r.mutability.is_some() {
                        quote!(&mut *#local)
                    } else {
                        quote!(&*#local)
                    },
                )
            }
            // Borrowing wrappers: the shim holds the anchor for the call and passes a
            // wrapper around the borrow.
            ty if wrapped_ref(ty, "Option").is_some() => {
                let r = wrapped_ref(ty, "Option").expect("checked");
                let inner = &r.elem;
                if r.mutability.is_some() {
                    (
                        quote!(<#inner as #rt::RefMutFromWasmAbi>::Abi),
                        quote!(#rt::option_ref_mut_from_abi::<#inner>),
                        quote!(#local.as_deref_mut()),
                    )
                } else {
                    (
                        quote!(<#inner as #rt::RefFromWasmAbi>::Abi),
                        quote!(#rt::option_ref_from_abi::<#inner>),
                        quote!(#local.as_deref()),
                    )
                }
            }
            ty if wrapped_ref(ty, "Clamped").is_some() => {
                let r = wrapped_ref(ty, "Clamped").expect("checked");
                let inner = &r.elem;
                if r.mutability.is_some() {
                    (
                        quote!(<#inner as #rt::RefMutFromWasmAbi>::Abi),
                        quote!(#rt::clamped_ref_mut_from_abi::<#inner>),
                        quote!(#rt::Clamped(&mut *#local)),
                    )
                } else {
                    (
                        quote!(<#inner as #rt::RefFromWasmAbi>::Abi),
                        quote!(#rt::clamped_ref_from_abi::<#inner>),
                        quote!(#rt::Clamped(&*#local)),
                    )
                }
            }
            syn::Type::Reference(r) => {
                let inner = &r.elem;
                if r.mutability.is_some() {
                    (
                        quote!(<#inner as #rt::RefMutFromWasmAbi>::Abi),
                        quote!(<#inner as #rt::RefMutFromWasmAbi>::ref_mut_from_abi),
                        quote!(&mut *#local),
                    )
                } else {
                    (
                        quote!(<#inner as #rt::RefFromWasmAbi>::Abi),
                        quote!(<#inner as #rt::RefFromWasmAbi>::ref_from_abi),
                        quote!(&*#local),
                    )
                }
            }
            ty => (
                quote!(<#ty as #rt::FromWasmAbi>::Abi),
                quote!(<#ty as #rt::FromWasmAbi>::from_abi),
                quote!(#local),
            ),
        };
        params.push(quote_spanned! {span=>
            #p1: <#abi as #rt::WasmAbi>::Prim1, #p2: <#abi as #rt::WasmAbi>::Prim2,
            #p3: <#abi as #rt::WasmAbi>::Prim3, #p4: <#abi as #rt::WasmAbi>::Prim4
        });
        let mutable_borrow = |ty: &syn::Type| match ty {
            syn::Type::Reference(r) => r.mutability.is_some(),
            ty => ["Clamped", "Option"]
                .iter()
                .any(|w| wrapped_ref(ty, w).is_some_and(|r| r.mutability.is_some())),
        };
        let mutability = if mutable_borrow(&arg.ty) {
            quote!(mut)
        } else {
            quote!()
        };
        let conversion = quote_spanned! {span=>
            let #mutability #local = unsafe { #convert(<#abi as #rt::WasmAbi>::join(#p1, #p2, #p3, #p4)) };
        };
        if i == 0 && receiver == Receiver::BorrowedFirst {
            receiver_conversion = conversion;
        } else {
            conversions.push(conversion);
        }
        call_args.push(pass);
    }
    let ret_abi = quote!(<#ret_ty as #rt::ReturnWasmAbi>::Abi);
    let call = body(&call_args);
    let ident = format_ident!("__wbg_shim_{}", sanitize(export_name));
    if receiver == Receiver::Pointer {
        params.insert(0, quote!(self_ptr: u32));
    }
    quote! {
        #[cfg_attr(target_arch = "wasm32", unsafe(export_name = #export_name))]
        pub unsafe extern "C" fn #ident(#(#params),*) -> <#ret_abi as #rt::WasmAbi>::Prim1 {
            // A method's receiver is held until the shim returns, past the
            // result's conversion (which may throw). Other argument anchors drop before:
            // an `Err` return throws, and no borrow or buffer may be left behind when it does.
            #receiver_conversion
            let ret: #ret_ty = {
                #(#conversions)*
                #call
            };
            let (p1, p2, p3, p4) = #rt::WasmAbi::split(<#ret_ty as #rt::ReturnWasmAbi>::return_abi(ret));
            #rt::store_ret(p2, p3, p4);
            p1
        }
    }
}

/// `&T` in `Wrapper<&T>` (matched by the last path segment, e.g. `Option`, `Clamped`).
fn wrapped_ref<'t>(ty: &'t syn::Type, wrapper: &str) -> Option<&'t syn::TypeReference> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != wrapper {
        return None;
    }
    let syn::PathArguments::AngleBracketed(a) = &last.arguments else {
        return None;
    };
    match a.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(syn::Type::Reference(r))] => Some(r),
        _ => None,
    }
}

fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A piece of a descriptor entry.
#[allow(clippy::large_enum_variant)] // short-lived, a handful per item
pub enum Part {
    /// Bytes known now (names, docs, flags).
    Lit(Vec<u8>),
    /// A type's const descriptor.
    Desc(syn::Type),
    /// A `&'static str` const expression, written as a `str` (length, then bytes).
    ConstStr(TokenStream),
}

pub fn str_part(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// The signature that ends METHOD and IMPORT_FN entries: the argument count, each
/// argument's name and type, then the return type.
pub fn signature(parts: &mut Vec<Part>, args: &[(String, syn::Type)], ret: &syn::Type) {
    parts.push(Part::Lit(vec![args.len() as u8]));
    for (name, ty) in args {
        let mut n = Vec::new();
        str_part(&mut n, name);
        parts.push(Part::Lit(n));
        parts.push(Part::Desc(ty.clone()));
    }
    parts.push(Part::Desc(ret.clone()));
}

/// The signature that ends FUNCTION and METHOD entries: the argument count, each
/// parameter's strings (`lower::param_strings`) and type, then the return type.
pub fn export_signature(parts: &mut Vec<Part>, params: &[Param<syn::Type>], ret: &syn::Type) {
    parts.push(Part::Lit(vec![params.len() as u8]));
    for p in params {
        let mut strings = Vec::new();
        for s in lower::param_strings(p) {
            str_part(&mut strings, s);
        }
        parts.push(Part::Lit(strings));
        parts.push(Part::Desc(p.ty.clone()));
    }
    parts.push(Part::Desc(ret.clone()));
}

/// A `#[link_section = "wbg_descriptors"]` static holding one entry of `kind`.
pub fn entry(kind: &str, parts: Vec<Part>) -> TokenStream {
    let rt = quote!(::wasm_bindgen::__rt);
    let kind = format_ident!("{}", kind);
    let mut literal_len = 4 + 2; // body length, version, kind
    let mut lens = Vec::new();
    let mut writes = Vec::new();
    for part in parts {
        match part {
            Part::Lit(bytes) => {
                literal_len += bytes.len();
                let lit = proc_macro2::Literal::byte_string(&bytes);
                writes.push(quote!(.bytes(#lit)));
            }
            Part::Desc(ty) => {
                lens.push(quote!(<#ty as #rt::WasmDescribe>::DESC.len()));
                writes.push(quote!(.desc(&<#ty as #rt::WasmDescribe>::DESC)));
            }
            Part::ConstStr(expr) => {
                lens.push(quote!(4 + (#expr).len()));
                writes.push(quote!(.str(#expr)));
            }
        }
    }
    // An exported function beside the entry, so the linker keeps the entry's object file
    // even when nothing else in it is used (see `KEEP_PREFIX`): unique per crate and entry.
    static ENTRIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = ENTRIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // The target's crate name too: a test or bin crate links its package's lib crate.
    let crate_id = &hash(&[
        &crate_name(),
        &std::env::var("CARGO_CRATE_NAME").unwrap_or_default(),
        &std::env::var("CARGO_PKG_VERSION").unwrap_or_default(),
        &std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default(),
    ])[..12];
    let keep = format_ident!(
        "{}{crate_id}_{n}",
        wbg_core_gen::descriptor::schema::KEEP_PREFIX
    );
    quote! {
        const _: () = {
            #[cfg(target_arch = "wasm32")]
            #[unsafe(no_mangle)]
            #[doc(hidden)]
            pub extern "C" fn #keep() {}
            #[cfg(target_arch = "wasm32")]
            const LEN: usize = #literal_len #(+ #lens)*;
            #[cfg(target_arch = "wasm32")]
            #[unsafe(link_section = "wbg_descriptors")]
            #[used]
            static DESCRIPTOR: [u8; LEN] = #rt::EntryWriter::<LEN>::new()
                .bytes(&((LEN - 4) as u32).to_le_bytes())
                .bytes(&[::wasm_bindgen::describe::SCHEMA_VERSION, ::wasm_bindgen::describe::kind::#kind])
                #(#writes)*
                .finish();
        };
    }
}

/// Named lifetimes are not in scope outside the item; shims and descriptors only need the
/// shape of the type.
pub fn without_lifetimes(ty: &syn::Type) -> syn::Type {
    fn strip(ty: &mut syn::Type) {
        match ty {
            syn::Type::Reference(r) => {
                r.lifetime = None;
                strip(&mut r.elem);
            }
            syn::Type::Path(p) => {
                for seg in &mut p.path.segments {
                    if let syn::PathArguments::AngleBracketed(a) = &mut seg.arguments {
                        for arg in &mut a.args {
                            match arg {
                                syn::GenericArgument::Lifetime(l) => {
                                    *l = syn::Lifetime::new("'static", Span::call_site())
                                }
                                syn::GenericArgument::Type(t) => strip(t),
                                _ => {}
                            }
                        }
                    }
                }
            }
            syn::Type::Slice(s) => strip(&mut s.elem),
            syn::Type::Array(a) => strip(&mut a.elem),
            syn::Type::Paren(p) => strip(&mut p.elem),
            syn::Type::Group(g) => strip(&mut g.elem),
            syn::Type::Tuple(t) => t.elems.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut ty = ty.clone();
    strip(&mut ty);
    ty
}

/// The type a descriptor names for an argument: `&'a str` → `&str`.
pub fn desc_type(ty: &syn::Type) -> syn::Type {
    without_lifetimes(ty)
}

/// FNV-1a, for stable generated names.
pub fn hash(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0xff]) {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The crate being compiled (cargo sets this for rustc, which runs the macro).
pub fn crate_name() -> String {
    std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "crate".into())
}

/// Export names derived from Rust names, as upstream: `__wbg_counter_new`.
pub fn export_name(prefix: &str, class_key: &str, member: &str) -> String {
    format!(
        "{prefix}{}_{}",
        class_key.to_lowercase(),
        member.trim_start_matches("r#")
    )
}

/// `u8 n, str*`: a namespace path in an entry.
pub fn strs_part(out: &mut Vec<u8>, items: &[String]) {
    out.push(items.len() as u8);
    for item in items {
        str_part(out, item);
    }
}
