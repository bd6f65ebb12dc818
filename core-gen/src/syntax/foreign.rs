//! `#[wasm_bindgen] extern "C" { ... }`: imported functions, types and statics, and where
//! they come from (global scope, a module, a crate-local file or inline JS).

use proc_macro2::Span;
use syn::spanned::Spanned;

use super::attrs::{self, AttrOption};
use super::Arg;
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct ForeignBlock {
    pub options: Vec<AttrOption>,
    /// `extern "system"`: an ABI other than `"C"`, and where it is written (reported).
    pub other_abi: Option<(String, Span)>,
    pub module: ImportModule,
    pub items: Vec<ForeignItem>,
}

/// Where the block's JS comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportModule {
    /// Global scope (`Math`, `console`, ...).
    Global,
    /// `raw_module = "./greet.js"`, or `module = "some-npm-package"`: used as written.
    Module(String),
    /// `module = "/js/x.js"`: a file of the crate, copied into `snippets/`.
    Local(String),
    /// `inline_js = "..."`: written into `snippets/`.
    Inline(String),
}

// Few of these exist at a time; boxing the large variants buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum ForeignItem {
    Fn(ImportFn),
    Type(ImportType),
    Static(ImportStatic),
}

/// What the JS side does for an imported function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOp {
    /// `f(...)`, possibly through a namespace.
    Function,
    /// `new Class(...)`.
    Constructor,
    /// `this.f(...)` (through `Class.prototype` when `final`).
    Method,
    /// `Class.f(...)` (`static_method_of`).
    StaticMethod,
    /// Property read; static when not a `method`.
    Getter {
        is_static: bool,
    },
    /// Property write; `name_inferred` is false when the name could not be found (reported).
    Setter {
        is_static: bool,
        name_known: bool,
    },
    IndexingGetter,
    IndexingSetter,
    IndexingDeleter,
}

impl ImportOp {
    /// Whether the first Rust argument is the JS receiver (`this: &Class`).
    pub fn takes_this(&self) -> bool {
        matches!(
            self,
            ImportOp::Method
                | ImportOp::Getter { is_static: false }
                | ImportOp::Setter {
                    is_static: false,
                    ..
                }
                | ImportOp::IndexingGetter
                | ImportOp::IndexingSetter
                | ImportOp::IndexingDeleter
        )
    }
}

#[derive(Debug)]
pub struct ImportFn {
    pub rust_name: syn::Ident,
    pub vis: syn::Visibility,
    /// Attributes to keep on the generated function (docs, `cfg`, `allow`...).
    pub attrs: Vec<syn::Attribute>,
    pub docs: Vec<String>,
    pub args: Vec<Arg>,
    pub ret: Option<syn::Type>,
    pub sig: syn::Signature,
    pub options: Vec<AttrOption>,
    pub op: ImportOp,
    /// Function or property name in JS.
    pub js_name: String,
    /// Item-level `js_namespace`, else the block's.
    pub namespace: Option<Vec<String>>,
    pub catch: bool,
    /// Members are read from the object itself at each call: wasm-bindgen's default since
    /// its RFC 5; only `final` turns it off.
    pub structural: bool,
    pub variadic: bool,
    /// `final`: members are the class prototype's, not the object's own.
    pub final_: bool,
    /// `slice_to_array` (on the function or its block): `&[T]` / `Option<&[T]>` arguments
    /// reach JS as plain `Array`s.
    pub slice_to_array: bool,
    /// The Rust type the function belongs to: `this` type of a method, constructed type of
    /// a constructor, `static_method_of` type.
    pub class: Option<syn::Ident>,
    /// `js_class = "A.B"`: the JS class acted on, when it is not the type's own.
    pub js_class: Option<String>,
}

#[derive(Debug)]
pub struct ImportType {
    pub rust_name: syn::Ident,
    pub vis: syn::Visibility,
    pub attrs: Vec<syn::Attribute>,
    pub docs: Vec<String>,
    pub js_class: String,
    pub namespace: Option<Vec<String>>,
    pub extends: Vec<syn::Type>,
    pub vendor_prefixes: Vec<String>,
    pub typescript_type: Option<String>,
    pub is_type_of: Option<proc_macro2::TokenStream>,
    /// `no_deref`: no `Deref` to the parent (or `JsValue`).
    pub no_deref: bool,
    pub options: Vec<AttrOption>,
    /// `type Foo<'a, T: Bound = Default>;` (wasm-bindgen 0.2.130): phantom parameters, see
    /// `syntax::generics`.
    pub generics: syn::Generics,
}

#[derive(Debug)]
pub struct ImportStatic {
    pub rust_name: syn::Ident,
    pub vis: syn::Visibility,
    pub attrs: Vec<syn::Attribute>,
    pub ty: syn::Type,
    pub js_name: String,
    pub namespace: Option<Vec<String>>,
    pub thread_local_v2: bool,
    pub options: Vec<AttrOption>,
    pub span: Span,
    /// `static mut` (reported): the `mut`.
    pub mutability: Option<Span>,
}

fn kept_attrs(attrs: &[syn::Attribute]) -> Vec<syn::Attribute> {
    attrs
        .iter()
        .filter(|a| !super::is_wasm_bindgen(a))
        .cloned()
        .collect()
}

/// Where `module`, `raw_module` or `inline_js` says the JS comes from.
pub(super) fn module_of(options: &[AttrOption]) -> ImportModule {
    if let Some(o) = attrs::get(options, "inline_js") {
        ImportModule::Inline(o.value.as_name().unwrap_or_default().to_string())
    } else if let Some(o) = attrs::get(options, "raw_module") {
        ImportModule::Module(o.value.as_name().unwrap_or_default().to_string())
    } else if let Some(o) = attrs::get(options, "module") {
        let spec = o.value.as_name().unwrap_or_default().to_string();
        if spec.starts_with('/') {
            ImportModule::Local(spec)
        } else {
            ImportModule::Module(spec)
        }
    } else {
        ImportModule::Global
    }
}

/// The name a `reexport` option exports an item under: the one given, else its JS name.
pub fn reexport_name(options: &[AttrOption], js_name: &str) -> Option<String> {
    attrs::get(options, "reexport").map(|o| o.value.as_name().unwrap_or(js_name).to_string())
}

pub(super) fn parse(
    f: &syn::ItemForeignMod,
    options: Vec<AttrOption>,
    diags: &mut Vec<Diagnostic>,
) -> ForeignBlock {
    let module = module_of(&options);
    let block_namespace = super::namespace_option(&options);
    let block_access = BlockAccess {
        final_: attrs::get(&options, "final").is_some(),
        slice_to_array: attrs::get(&options, "slice_to_array").is_some(),
    };
    let mut items = Vec::new();
    for item in &f.items {
        match item {
            syn::ForeignItem::Fn(func) => {
                let opts = super::nested_options(&func.attrs, true, diags);
                items.push(ForeignItem::Fn(parse_fn(
                    func,
                    opts,
                    &block_namespace,
                    block_access,
                    diags,
                )));
            }
            syn::ForeignItem::Type(t) => {
                let opts = super::nested_options(&t.attrs, false, diags);
                items.push(ForeignItem::Type(parse_type(t, opts, &block_namespace)));
            }
            syn::ForeignItem::Static(s) => {
                let opts = super::nested_options(&s.attrs, false, diags);
                let js_name =
                    super::name_option(&opts, "js_name").unwrap_or_else(|| s.ident.to_string());
                items.push(ForeignItem::Static(ImportStatic {
                    rust_name: s.ident.clone(),
                    vis: s.vis.clone(),
                    attrs: kept_attrs(&s.attrs),
                    ty: (*s.ty).clone(),
                    js_name,
                    namespace: super::namespace_option(&opts).or_else(|| block_namespace.clone()),
                    thread_local_v2: attrs::get(&opts, "thread_local_v2").is_some(),
                    options: opts,
                    span: s.ident.span(),
                    mutability: match s.mutability {
                        syn::StaticMutability::Mut(m) => Some(m.span),
                        _ => None,
                    },
                }));
            }
            syn::ForeignItem::Verbatim(tokens) if static_keyword(tokens).is_some() => {
                diags.push(Diagnostic::error(
                    "unsupported-static-string",
                    static_keyword(tokens).unwrap_or_else(|| tokens.span()),
                    "wbg does not support imported statics with a value (wasm-bindgen's \
                     `static_string`) yet; import the string some other way for now",
                ))
            }
            other => diags.push(Diagnostic::error(
                "unsupported-item",
                other.span(),
                "only functions, `type` declarations and statics can be imported",
            )),
        }
    }
    let other_abi = f.abi.name.as_ref().and_then(|name| {
        let abi = name.value();
        (abi != "C").then(|| (abi, name.span()))
    });
    ForeignBlock {
        options,
        other_abi,
        module,
        items,
    }
}

/// The `static` of a foreign item syn keeps as tokens (`static NAME: T = value;`).
fn static_keyword(tokens: &proc_macro2::TokenStream) -> Option<Span> {
    // Attributes and `pub(crate)` are groups, so the first word after `pub` is the keyword.
    let keyword = tokens.clone().into_iter().find_map(|t| match t {
        proc_macro2::TokenTree::Ident(i) if i != "pub" => Some(i),
        _ => None,
    })?;
    (keyword == "static").then(|| keyword.span())
}

fn parse_type(
    t: &syn::ForeignItemType,
    options: Vec<AttrOption>,
    block_namespace: &Option<Vec<String>>,
) -> ImportType {
    let js_class = super::name_option(&options, "js_class")
        .or_else(|| super::name_option(&options, "js_name"))
        .unwrap_or_else(|| t.ident.to_string());
    let extends = options
        .iter()
        .filter(|o| o.name == "extends")
        .filter_map(|o| match &o.value {
            attrs::OptionValue::Name(n, span) => Some(syn::Type::Path(syn::TypePath {
                qself: None,
                path: syn::Ident::new(n, *span).into(),
            })),
            attrs::OptionValue::Path(tokens, _) => syn::parse2(tokens.clone()).ok(),
            attrs::OptionValue::Str(s, span) => syn::parse_str::<proc_macro2::TokenStream>(s)
                .ok()
                .and_then(|tokens| syn::parse2(respan(tokens, *span)).ok()),
            _ => None,
        })
        .collect();
    let vendor_prefixes = options
        .iter()
        .filter(|o| o.name == "vendor_prefix")
        .filter_map(|o| o.value.as_name().map(str::to_string))
        .collect();
    let is_type_of = attrs::get(&options, "is_type_of").map(|o| match &o.value {
        attrs::OptionValue::Path(tokens, _) => tokens.clone(),
        attrs::OptionValue::Str(s, span) => syn::parse_str::<proc_macro2::TokenStream>(s)
            .map(|tokens| respan(tokens, *span))
            .unwrap_or_default(),
        attrs::OptionValue::Name(n, span) => {
            let ident = syn::Ident::new(n, *span);
            quote::quote!(#ident)
        }
        _ => proc_macro2::TokenStream::new(),
    });
    ImportType {
        rust_name: t.ident.clone(),
        vis: t.vis.clone(),
        attrs: kept_attrs(&t.attrs),
        docs: super::doc_lines(&t.attrs),
        js_class,
        namespace: super::namespace_option(&options).or_else(|| block_namespace.clone()),
        extends,
        generics: t.generics.clone(),
        vendor_prefixes,
        typescript_type: super::name_option(&options, "typescript_type"),
        no_deref: attrs::get(&options, "no_deref").is_some(),
        is_type_of,
        options,
    }
}

/// The type named by `&Type` / `Type` (last path segment).
pub(crate) fn type_ident(ty: &syn::Type) -> Option<syn::Ident> {
    match ty {
        syn::Type::Reference(r) => type_ident(&r.elem),
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last().map(|s| s.ident.clone()),
        syn::Type::Group(g) => type_ident(&g.elem),
        syn::Type::Paren(p) => type_ident(&p.elem),
        _ => None,
    }
}

/// An argument `slice_to_array` applies to: `&[T]`, `&mut [T]` (refused) or either in an
/// `Option`.
#[derive(Debug, Clone)]
pub struct SliceArg {
    pub elem: syn::Type,
    pub optional: bool,
    pub mutable: bool,
}

/// The slice an argument type lends, if it is `&[T]`, `&mut [T]` or `Option` of either.
pub fn slice_arg(ty: &syn::Type) -> Option<SliceArg> {
    match ty {
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Slice(s) => Some(SliceArg {
                elem: (*s.elem).clone(),
                optional: false,
                mutable: r.mutability.is_some(),
            }),
            syn::Type::Group(g) => slice_arg(&syn::Type::Reference(syn::TypeReference {
                elem: g.elem.clone(),
                ..r.clone()
            })),
            _ => None,
        },
        syn::Type::Group(g) => slice_arg(&g.elem),
        syn::Type::Paren(p) => slice_arg(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let seg = p.path.segments.last()?;
            if seg.ident != "Option" {
                return None;
            }
            let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
                return None;
            };
            let (1, Some(syn::GenericArgument::Type(inner))) = (a.args.len(), a.args.first())
            else {
                return None;
            };
            let inner = slice_arg(inner).filter(|s| !s.optional)?;
            Some(SliceArg {
                optional: true,
                ..inner
            })
        }
        _ => None,
    }
}

/// `T` of `Result<T, E>`, if the type is a `Result`.
pub fn result_ok_type(ty: &syn::Type) -> Option<(syn::Type, Option<syn::Type>)> {
    let syn::Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if seg.ident != "Result" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
        return None;
    };
    let mut types = a.args.iter().filter_map(|g| match g {
        syn::GenericArgument::Type(t) => Some(t.clone()),
        _ => None,
    });
    let ok = types.next()?;
    Some((ok, types.next()))
}

/// Options written on the extern block that its functions inherit: `final` (a function's
/// own `structural` opts out) and `slice_to_array`.
#[derive(Clone, Copy)]
struct BlockAccess {
    final_: bool,
    slice_to_array: bool,
}

fn parse_fn(
    f: &syn::ForeignItemFn,
    options: Vec<AttrOption>,
    block_namespace: &Option<Vec<String>>,
    block: BlockAccess,
    diags: &mut Vec<Diagnostic>,
) -> ImportFn {
    let rust_name = f.sig.ident.clone();
    let plain = rust_name.to_string().trim_start_matches("r#").to_string();
    // `self` cannot appear in an extern block; rustc reports it.
    let (args, ret) =
        super::function::signature(&f.sig, super::function::Params::Import, diags, |_| {});
    let has = |name: &str| attrs::get(&options, name).is_some();
    let is_method = has("method");
    let js_name_option = super::name_option(&options, "js_name");
    let static_of = super::name_option(&options, "static_method_of");
    let op = if has("constructor") {
        ImportOp::Constructor
    } else if has("indexing_getter") {
        ImportOp::IndexingGetter
    } else if has("indexing_setter") {
        ImportOp::IndexingSetter
    } else if has("indexing_deleter") {
        ImportOp::IndexingDeleter
    } else if has("getter") {
        ImportOp::Getter {
            is_static: !is_method,
        }
    } else if has("setter") {
        let explicit = attrs::get(&options, "setter")
            .and_then(|o| o.value.as_name())
            .is_some();
        let name_known = explicit
            || js_name_option.is_some()
            || plain.strip_prefix("set_").is_some_and(|n| !n.is_empty());
        ImportOp::Setter {
            is_static: !is_method,
            name_known,
        }
    } else if is_method {
        ImportOp::Method
    } else if static_of.is_some() {
        ImportOp::StaticMethod
    } else {
        ImportOp::Function
    };
    let js_name = match &op {
        ImportOp::Getter { .. } => attrs::get(&options, "getter")
            .and_then(|o| o.value.as_name())
            .map(str::to_string)
            .or(js_name_option)
            .unwrap_or(plain),
        ImportOp::Setter { .. } => attrs::get(&options, "setter")
            .and_then(|o| o.value.as_name())
            .map(str::to_string)
            .or(js_name_option)
            .or_else(|| plain.strip_prefix("set_").map(str::to_string))
            .unwrap_or(plain),
        _ => js_name_option.unwrap_or(plain),
    };
    let final_ = has("final") || (block.final_ && !has("structural"));
    let class = match &op {
        ImportOp::Constructor => ret
            .as_ref()
            .and_then(|t| type_ident(&result_ok_type(t).map_or(t.clone(), |(ok, _)| ok))),
        ImportOp::StaticMethod => static_of
            .as_ref()
            .map(|n| syn::Ident::new(n, rust_name.span())),
        ImportOp::Getter { is_static: true }
        | ImportOp::Setter {
            is_static: true, ..
        } => static_of
            .as_ref()
            .map(|n| syn::Ident::new(n, rust_name.span())),
        _ if is_method
            || matches!(
                op,
                ImportOp::IndexingGetter | ImportOp::IndexingSetter | ImportOp::IndexingDeleter
            ) =>
        {
            args.first().and_then(|a| type_ident(&a.ty))
        }
        _ => None,
    };
    ImportFn {
        vis: f.vis.clone(),
        attrs: kept_attrs(&f.attrs),
        docs: super::doc_lines(&f.attrs),
        args,
        ret,
        sig: f.sig.clone(),
        op,
        js_name,
        namespace: super::namespace_option(&options).or_else(|| block_namespace.clone()),
        catch: has("catch"),
        // The function's own choice wins over the block's; structural unless `final`.
        structural: !final_,
        variadic: has("variadic"),
        final_,
        slice_to_array: has("slice_to_array") || block.slice_to_array,
        class,
        js_class: attrs::get(&options, "js_class")
            .and_then(|o| o.value.as_name())
            .map(str::to_string),
        options,
        rust_name,
    }
}

/// Tokens parsed from a string value, placed where the string was written (so an error in
/// `extends = "Parnet"` points at it).
fn respan(tokens: proc_macro2::TokenStream, span: Span) -> proc_macro2::TokenStream {
    tokens
        .into_iter()
        .map(|mut t| {
            if let proc_macro2::TokenTree::Group(g) = &t {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                t = proc_macro2::TokenTree::Group(group);
            } else {
                t.set_span(span);
            }
            t
        })
        .collect()
}
