//! `#[wasm_bindgen_test]`: keeps the test function, adds a wasm export that runs it and
//! reports the outcome to the runner's harness, and lists the test with its attributes
//! (`should_panic`, `ignore`, async) in the `__wbgtest` custom section, whose layout is
//! written down in `wasm-bindgen-test`'s `entry.rs`.

use std::sync::atomic::{AtomicUsize, Ordering};

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// Flag bits of a test entry; must match `wasm_bindgen_test::__rt::flags`.
const SHOULD_PANIC: u8 = 1;
const HAS_EXPECTED: u8 = 2;
const IGNORE: u8 = 4;
const HAS_REASON: u8 = 8;
const ASYNC: u8 = 16;

#[proc_macro_attribute]
pub fn wasm_bindgen_test(
    attr: proc_macro::TokenStream,
    input: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    match expand(attr.into(), input.into()) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// What the attributes on a test say.
#[derive(Default)]
struct TestAttrs {
    should_panic: Option<Option<String>>,
    ignore: Option<Option<String>>,
}

fn expand(attr: TokenStream, input: TokenStream) -> syn::Result<TokenStream> {
    let krate = parse_crate_path(attr)?;
    let mut func: syn::ItemFn = syn::parse2(input)?;
    let attrs = take_test_attrs(&mut func.attrs)?;
    check_signature(&func.sig)?;

    let name = &func.sig.ident;
    let name_str = name.to_string();
    let export = export_name(&name_str, &func);
    let shim = format_ident!("{}", export);
    let is_async = func.sig.asyncness.is_some();

    let mut flags = 0u8;
    if let Some(expected) = &attrs.should_panic {
        flags |= SHOULD_PANIC;
        if expected.is_some() {
            flags |= HAS_EXPECTED;
        }
    }
    if let Some(reason) = &attrs.ignore {
        flags |= IGNORE;
        if reason.is_some() {
            flags |= HAS_REASON;
        }
    }
    if is_async {
        flags |= ASYNC;
    }
    let expected = attrs.should_panic.flatten().unwrap_or_default();
    let reason = attrs.ignore.flatten().unwrap_or_default();
    let run = if is_async {
        quote!(#krate::__rt::run_async(#name()))
    } else {
        quote!(#krate::__rt::run_sync(#name))
    };
    let span = func.sig.ident.span();
    Ok(quote_spanned! {span=>
        #func

        #[doc(hidden)]
        #[allow(non_snake_case, dead_code, clippy::all)]
        const _: () = {
            // Called by the runner's harness through the raw wasm exports, so it needs no
            // descriptor and the test crate need not name `wasm_bindgen` itself.
            #[cfg_attr(target_arch = "wasm32", unsafe(export_name = #export))]
            pub extern "C" fn #shim() {
                #run
            }

            #[cfg(target_arch = "wasm32")]
            const LEN: usize = #krate::__rt::test_entry_len(#export, module_path!(), #name_str, #expected, #reason);
            #[cfg(target_arch = "wasm32")]
            #[unsafe(link_section = "__wbgtest")]
            #[used]
            static ENTRY: [u8; LEN] =
                #krate::__rt::test_entry::<LEN>(#export, module_path!(), #name_str, #flags, #expected, #reason);
        };
    })
}

/// `#[wasm_bindgen_test]` or `#[wasm_bindgen_test(crate = path::to::wasm_bindgen_test)]`.
fn parse_crate_path(attr: TokenStream) -> syn::Result<TokenStream> {
    if attr.is_empty() {
        return Ok(quote!(::wasm_bindgen_test));
    }
    let mut path = None;
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("crate") {
            path = Some(meta.value()?.parse::<syn::Path>()?);
            Ok(())
        } else {
            Err(meta.error("unknown #[wasm_bindgen_test] option; the only one is `crate = path`"))
        }
    });
    syn::parse::Parser::parse2(parser, attr)?;
    Ok(match path {
        Some(p) => quote!(#p),
        None => quote!(::wasm_bindgen_test),
    })
}

/// Removes `#[should_panic]` and `#[ignore]` (they only mean something to a test harness,
/// and rustc warns about them on a plain fn) and returns what they said.
fn take_test_attrs(attrs: &mut Vec<syn::Attribute>) -> syn::Result<TestAttrs> {
    let mut out = TestAttrs::default();
    let mut kept = Vec::new();
    for attr in attrs.drain(..) {
        if attr.path().is_ident("should_panic") {
            out.should_panic = Some(should_panic_expected(&attr)?);
        } else if attr.path().is_ident("ignore") {
            out.ignore = Some(ignore_reason(&attr)?);
        } else {
            kept.push(attr);
        }
    }
    *attrs = kept;
    Ok(out)
}

/// `#[should_panic]`, `#[should_panic(expected = "...")]` or `#[should_panic = "..."]`.
fn should_panic_expected(attr: &syn::Attribute) -> syn::Result<Option<String>> {
    match &attr.meta {
        syn::Meta::Path(_) => Ok(None),
        syn::Meta::NameValue(nv) => string_literal(&nv.value).map(Some),
        syn::Meta::List(_) => {
            let mut expected = None;
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("expected") {
                    expected = Some(meta.value()?.parse::<syn::LitStr>()?.value());
                    Ok(())
                } else {
                    Err(meta.error("expected `expected = \"...\"`"))
                }
            })?;
            Ok(expected)
        }
    }
}

/// `#[ignore]` or `#[ignore = "reason"]`.
fn ignore_reason(attr: &syn::Attribute) -> syn::Result<Option<String>> {
    match &attr.meta {
        syn::Meta::Path(_) => Ok(None),
        syn::Meta::NameValue(nv) => string_literal(&nv.value).map(Some),
        syn::Meta::List(l) => Err(syn::Error::new(
            l.span(),
            "expected `#[ignore]` or `#[ignore = \"reason\"]`",
        )),
    }
}

fn string_literal(expr: &syn::Expr) -> syn::Result<String> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Ok(s.value()),
        other => Err(syn::Error::new(other.span(), "expected a string literal")),
    }
}

/// Tests are called with no arguments and may not be generic; the return type is checked
/// by the `Termination` bound of the code that runs them.
fn check_signature(sig: &syn::Signature) -> syn::Result<()> {
    if let Some(arg) = sig.inputs.first() {
        return Err(syn::Error::new(
            arg.span(),
            "#[wasm_bindgen_test] functions take no arguments",
        ));
    }
    if !sig.generics.params.is_empty() {
        return Err(syn::Error::new(
            sig.generics.span(),
            "#[wasm_bindgen_test] functions cannot be generic",
        ));
    }
    Ok(())
}

/// `__wbgt_<name>_<hash>`: unique within the test binary (two modules may both have a
/// `works` test), stable for the same source.
fn export_name(name: &str, func: &syn::ItemFn) -> String {
    // rustc expands a crate's macros in one process, so the counter separates identical
    // tests in different modules.
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let source = quote!(#func).to_string();
    let krate = std::env::var("CARGO_CRATE_NAME").unwrap_or_default();
    format!(
        "__wbgt_{}_{}",
        name.trim_start_matches("r#"),
        fnv(&[&krate, name, &source, &n.to_string()])
    )
}

/// FNV-1a over the parts, as 16 hex digits.
fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0xff]) {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(attr: &str, item: &str) -> String {
        match expand(attr.parse().unwrap(), item.parse().unwrap()) {
            Ok(t) => t.to_string(),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn strips_test_attributes_and_records_flags() {
        let out = expand_str(
            "",
            "#[should_panic(expected = \"boom\")] #[ignore = \"slow\"] fn t() {}",
        );
        assert!(!out.contains("should_panic"), "{out}");
        assert!(!out.contains("# [ignore"), "{out}");
        // SHOULD_PANIC | HAS_EXPECTED | IGNORE | HAS_REASON
        assert!(out.contains("15u8"), "{out}");
        assert!(out.contains("\"boom\""), "{out}");
        assert!(out.contains("\"slow\""), "{out}");
        assert!(out.contains("run_sync (t)"), "{out}");
    }

    #[test]
    fn async_tests_run_through_run_async() {
        let out = expand_str("", "async fn a() {}");
        assert!(out.contains("run_async (a ())"), "{out}");
        assert!(out.contains("16u8"), "{out}");
    }

    #[test]
    fn crate_path_can_be_renamed() {
        let out = expand_str("crate = my::wbt", "fn t() {}");
        assert!(out.contains("my :: wbt :: __rt :: run_sync"), "{out}");
    }

    #[test]
    fn rejects_arguments_generics_and_bad_attributes() {
        assert_eq!(
            expand_str("", "fn t(x: u32) {}"),
            "error: #[wasm_bindgen_test] functions take no arguments"
        );
        assert_eq!(
            expand_str("", "fn t<T>() {}"),
            "error: #[wasm_bindgen_test] functions cannot be generic"
        );
        assert_eq!(
            expand_str("", "#[ignore(x)] fn t() {}"),
            "error: expected `#[ignore]` or `#[ignore = \"reason\"]`"
        );
        assert_eq!(
            expand_str("nope", "fn t() {}"),
            "error: unknown #[wasm_bindgen_test] option; the only one is `crate = path`"
        );
    }

    #[test]
    fn export_names_differ_for_identical_tests() {
        let a = expand_str("", "fn same() {}");
        let b = expand_str("", "fn same() {}");
        assert_ne!(a, b);
    }
}
