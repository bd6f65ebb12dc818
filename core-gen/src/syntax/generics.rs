//! Generic imports (`type Foo<'a, T: Bound = Default>;`, `fn f<T>(this: &Foo<T>) -> T`): the
//! parameters erase to `JsValue`. A type that mentions a type parameter crosses the ABI as
//! a `JsValue` (lent, owned or in an `Option`) and is converted with `AsRef<JsValue>`,
//! `Into<JsValue>` or `JsCast::unchecked_from_js`; a method's parameters that its class's
//! arguments use are lifted onto the `impl` of that class. Decided here once, for the macro
//! (which renders it) and the validator (which reports the shapes that cannot erase).

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};

use super::ImportFn;

/// How a type that mentions a generic parameter crosses the ABI.
#[derive(Debug, Clone)]
pub enum Erased {
    /// `X`: passed as `JsValue` (`X: Into<JsValue>`), returned with
    /// `JsCast::unchecked_from_js` (`X: JsCast`).
    Value(syn::Type),
    /// `&X`: lent as `&JsValue` (`X: AsRef<JsValue>`).
    Ref(syn::Type),
    /// `Option<X>`.
    OptionValue(syn::Type),
    /// `Option<&X>`.
    OptionRef(syn::Type),
}

impl Erased {
    /// The inner type the conversion applies to (`X`).
    pub fn inner(&self) -> &syn::Type {
        match self {
            Erased::Value(t) | Erased::Ref(t) | Erased::OptionValue(t) | Erased::OptionRef(t) => t,
        }
    }
}

/// A type that mentions a generic parameter but cannot be erased to a `JsValue`.
#[derive(Debug, Clone)]
pub struct NotErasable;

/// The type parameters of `generics`, by name.
pub fn type_params(generics: &syn::Generics) -> Vec<syn::Ident> {
    generics.type_params().map(|p| p.ident.clone()).collect()
}

/// The class type, with its arguments, that the `impl` holding import `f` is on: `this`'s
/// type for a method, the constructed type for a constructor, a static's return type when
/// it is its class (`Array::of<T>() -> Array<T>`). `None` when written without arguments
/// (the `impl` is then on the bare class, as for any import).
pub fn impl_self_type(f: &ImportFn) -> Option<syn::Type> {
    let class = f.class.as_ref()?;
    let with_args = |ty: &syn::Type| -> Option<syn::Type> {
        let ty = match ungroup(ty) {
            syn::Type::Reference(r) => ungroup(&r.elem),
            t => t,
        };
        let syn::Type::Path(p) = ty else { return None };
        let seg = p.path.segments.last()?;
        (p.qself.is_none()
            && seg.ident == *class
            && matches!(seg.arguments, syn::PathArguments::AngleBracketed(_)))
        .then(|| ty.clone())
    };
    if f.op.takes_this() {
        return with_args(&f.args.first()?.ty);
    }
    let ret = f.ret.as_ref()?;
    let ret = if f.catch {
        super::result_ok_type(ret).map_or(ret.clone(), |(ok, _)| ok)
    } else {
        ret.clone()
    };
    with_args(&ret)
}

/// Whether `tokens` name one of `params` (as a path's first segment, not after `::`).
fn names_any(tokens: TokenStream, params: &[syn::Ident]) -> bool {
    let mut after_colons = false;
    let mut after_quote = false;
    for t in tokens {
        match t {
            TokenTree::Group(g) => {
                if names_any(g.stream(), params) {
                    return true;
                }
                after_colons = false;
                after_quote = false;
            }
            TokenTree::Ident(i) => {
                if !after_colons && !after_quote && params.contains(&i) {
                    return true;
                }
                after_colons = false;
                after_quote = false;
            }
            TokenTree::Punct(p) => {
                after_colons = p.as_char() == ':';
                after_quote = p.as_char() == '\'';
            }
            TokenTree::Literal(_) => {
                after_colons = false;
                after_quote = false;
            }
        }
    }
    false
}

/// Whether `tokens` use one of `lifetimes`.
fn uses_lifetime(tokens: TokenStream, lifetimes: &[syn::Lifetime]) -> bool {
    let mut after_quote = false;
    for t in tokens {
        match t {
            TokenTree::Group(g) => {
                if uses_lifetime(g.stream(), lifetimes) {
                    return true;
                }
                after_quote = false;
            }
            TokenTree::Ident(i) => {
                if after_quote && lifetimes.iter().any(|l| l.ident == i) {
                    return true;
                }
                after_quote = false;
            }
            TokenTree::Punct(p) => after_quote = p.as_char() == '\'',
            TokenTree::Literal(_) => after_quote = false,
        }
    }
    false
}

/// Whether `ty` mentions a type parameter of `generics`.
pub fn mentions(ty: &syn::Type, generics: &syn::Generics) -> bool {
    let params = type_params(generics);
    !params.is_empty() && names_any(ty.to_token_stream(), &params)
}

/// `Option<X>`'s `X`.
fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if p.qself.is_some() || seg.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
        return None;
    };
    match (a.args.len(), a.args.first()) {
        (1, Some(syn::GenericArgument::Type(t))) => Some(t),
        _ => None,
    }
}

fn ungroup(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Group(g) => ungroup(&g.elem),
        syn::Type::Paren(p) => ungroup(&p.elem),
        _ => ty,
    }
}

/// A type a JS value can stand for: a path (`T`, `Array<T>`, `<T as Tr>::Assoc`).
fn js_like(ty: &syn::Type) -> bool {
    matches!(ungroup(ty), syn::Type::Path(_))
}

/// How argument type `ty` erases, if it mentions a type parameter of `generics`.
pub fn erase_arg(ty: &syn::Type, generics: &syn::Generics) -> Result<Option<Erased>, NotErasable> {
    if !mentions(ty, generics) {
        return Ok(None);
    }
    let ty = ungroup(ty);
    if let syn::Type::Reference(r) = ty {
        return match (r.mutability, js_like(&r.elem)) {
            (None, true) => Ok(Some(Erased::Ref(ungroup(&r.elem).clone()))),
            _ => Err(NotErasable),
        };
    }
    erase_owned(ty, true)
}

/// How return type `ty` (the `Ok` type under `catch`) erases, if it mentions a type
/// parameter of `generics`.
pub fn erase_ret(ty: &syn::Type, generics: &syn::Generics) -> Result<Option<Erased>, NotErasable> {
    if !mentions(ty, generics) {
        return Ok(None);
    }
    erase_owned(ungroup(ty), false)
}

fn erase_owned(ty: &syn::Type, lent_inner: bool) -> Result<Option<Erased>, NotErasable> {
    if let Some(inner) = option_inner(ty) {
        let inner = ungroup(inner);
        return match inner {
            syn::Type::Reference(r) if lent_inner && r.mutability.is_none() && js_like(&r.elem) => {
                Ok(Some(Erased::OptionRef(ungroup(&r.elem).clone())))
            }
            _ if js_like(inner) => Ok(Some(Erased::OptionValue(inner.clone()))),
            _ => Err(NotErasable),
        };
    }
    if js_like(ty) {
        Ok(Some(Erased::Value(ty.clone())))
    } else {
        Err(NotErasable)
    }
}

/// `generics` as written on a definition, defaults removed (a `fn` or `impl` cannot have
/// them).
pub fn without_defaults(generics: &syn::Generics) -> syn::Generics {
    let mut g = generics.clone();
    for p in g.params.iter_mut() {
        match p {
            syn::GenericParam::Type(t) => {
                t.eq_token = None;
                t.default = None;
            }
            syn::GenericParam::Const(c) => {
                c.eq_token = None;
                c.default = None;
            }
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    g
}

/// `generics` with no bounds and no where-clause, defaults kept: an imported type's own
/// declaration (its parameters are phantom, so nothing about the type needs them).
pub fn without_bounds(generics: &syn::Generics) -> syn::Generics {
    let mut g = generics.clone();
    g.where_clause = None;
    for p in g.params.iter_mut() {
        match p {
            syn::GenericParam::Type(t) => {
                t.colon_token = None;
                t.bounds.clear();
            }
            syn::GenericParam::Lifetime(l) => {
                l.colon_token = None;
                l.bounds.clear();
            }
            syn::GenericParam::Const(_) => {}
        }
    }
    g
}

/// `ty` with each type parameter of `generics` replaced by its default (else `JsValue`)
/// and its lifetimes by `'static`: the one instance a descriptor, built at compile time
/// outside the function, can name (the class of a method on `Foo<T>`).
pub fn concrete(ty: &syn::Type, generics: &syn::Generics) -> syn::Type {
    let tokens = substitute(ty.to_token_stream(), generics);
    syn::parse2(tokens).unwrap_or_else(|_| ty.clone())
}

fn substitute(tokens: TokenStream, generics: &syn::Generics) -> TokenStream {
    let mut out = Vec::new();
    let mut after_colons = false;
    let mut after_quote = false;
    for t in tokens {
        match &t {
            TokenTree::Group(g) => {
                let mut group =
                    proc_macro2::Group::new(g.delimiter(), substitute(g.stream(), generics));
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
                after_colons = false;
                after_quote = false;
                continue;
            }
            TokenTree::Ident(i) if after_quote => {
                let is_param = i == "_" || generics.lifetimes().any(|l| l.lifetime.ident == *i);
                out.push(if is_param {
                    TokenTree::Ident(syn::Ident::new("static", i.span()))
                } else {
                    t.clone()
                });
                after_quote = false;
                continue;
            }
            TokenTree::Ident(i) if !after_colons => {
                if let Some(p) = generics.type_params().find(|p| p.ident == *i) {
                    let replacement = match &p.default {
                        Some(d) => quote!(#d),
                        None => quote!(::wasm_bindgen::JsValue),
                    };
                    out.push(TokenTree::Group(proc_macro2::Group::new(
                        proc_macro2::Delimiter::None,
                        replacement,
                    )));
                    after_colons = false;
                    continue;
                }
                after_colons = false;
            }
            TokenTree::Punct(p) => {
                after_colons = p.as_char() == ':';
                after_quote = p.as_char() == '\'';
                out.push(t.clone());
                continue;
            }
            _ => after_colons = false,
        }
        after_quote = false;
        out.push(t);
    }
    out.into_iter().collect()
}

/// A method's generics split between the `impl` of its class and the function: the
/// parameters `self_ty`'s arguments use (and those their bounds name) go on the `impl`,
/// with their bounds; the rest stay on the function. Defaults are dropped.
pub fn split_for_impl(
    self_ty: &syn::Type,
    generics: &syn::Generics,
) -> (syn::Generics, syn::Generics) {
    let all = without_defaults(generics);
    let mut hoisted: Vec<bool> = all
        .params
        .iter()
        .map(|p| param_used(p, self_ty.to_token_stream()))
        .collect();
    // Bounds of a lifted parameter may name others: lift those too, until nothing changes.
    loop {
        let mut changed = false;
        for (i, p) in all.params.iter().enumerate() {
            if !hoisted[i] {
                continue;
            }
            let bounds = param_bounds(p, &all);
            for (j, q) in all.params.iter().enumerate() {
                if !hoisted[j] && param_used(q, bounds.clone()) {
                    hoisted[j] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut on_impl = syn::Generics::default();
    let mut on_fn = syn::Generics::default();
    for (i, p) in all.params.iter().enumerate() {
        if hoisted[i] {
            on_impl.params.push(p.clone());
        } else {
            on_fn.params.push(p.clone());
        }
    }
    if let Some(w) = &all.where_clause {
        for pred in &w.predicates {
            let target = if predicate_on(pred, &on_impl) {
                &mut on_impl
            } else {
                &mut on_fn
            };
            target.make_where_clause().predicates.push(pred.clone());
        }
    }
    (on_impl, on_fn)
}

fn param_used(p: &syn::GenericParam, tokens: TokenStream) -> bool {
    match p {
        syn::GenericParam::Type(t) => names_any(tokens, std::slice::from_ref(&t.ident)),
        syn::GenericParam::Lifetime(l) => uses_lifetime(tokens, std::slice::from_ref(&l.lifetime)),
        syn::GenericParam::Const(c) => names_any(tokens, std::slice::from_ref(&c.ident)),
    }
}

/// The inline bounds of `p` and the where-clause bounds on it.
fn param_bounds(p: &syn::GenericParam, generics: &syn::Generics) -> TokenStream {
    let mut out = match p {
        syn::GenericParam::Type(t) => t.bounds.to_token_stream(),
        syn::GenericParam::Lifetime(l) => l.bounds.to_token_stream(),
        syn::GenericParam::Const(c) => c.ty.to_token_stream(),
    };
    if let Some(w) = &generics.where_clause {
        let single = syn::Generics {
            params: std::iter::once(p.clone()).collect(),
            ..Default::default()
        };
        for pred in &w.predicates {
            if predicate_on(pred, &single) {
                out.extend(pred.to_token_stream());
            }
        }
    }
    out
}

/// Whether a where-predicate bounds one of `generics`' parameters itself (`T: X`, `'a: 'b`).
fn predicate_on(pred: &syn::WherePredicate, generics: &syn::Generics) -> bool {
    match pred {
        syn::WherePredicate::Type(t) => match ungroup(&t.bounded_ty) {
            syn::Type::Path(p) if p.qself.is_none() => p
                .path
                .get_ident()
                .is_some_and(|i| generics.type_params().any(|tp| tp.ident == *i)),
            _ => false,
        },
        syn::WherePredicate::Lifetime(l) => generics.lifetimes().any(|p| p.lifetime == l.lifetime),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generics(src: &str) -> syn::Generics {
        let f: syn::ItemFn = syn::parse_str(&format!("fn f{src}() {{}}")).unwrap();
        f.sig.generics
    }

    fn show(t: impl ToTokens) -> String {
        t.to_token_stream().to_string()
    }

    #[test]
    fn erases_js_shapes() {
        let g = generics("<'a, T: Tr = D>");
        let arg = |s: &str| erase_arg(&syn::parse_str(s).unwrap(), &g);
        assert!(matches!(arg("&Foo<T>"), Ok(Some(Erased::Ref(_)))));
        assert!(matches!(arg("T"), Ok(Some(Erased::Value(_)))));
        assert!(matches!(arg("Option<&T>"), Ok(Some(Erased::OptionRef(_)))));
        assert!(matches!(
            arg("Option<Array<T>>"),
            Ok(Some(Erased::OptionValue(_)))
        ));
        assert!(matches!(arg("<T as Tr>::Out"), Ok(Some(Erased::Value(_)))));
        assert!(matches!(arg("&'a Foo"), Ok(None)));
        assert!(matches!(arg("u32"), Ok(None)));
        assert!(matches!(arg("x::T"), Ok(None)));
        assert!(arg("&mut T").is_err());
        assert!(arg("&[T]").is_err());
        assert!(arg("(T, u32)").is_err());
        let ret = erase_ret(&syn::parse_str("Option<&T>").unwrap(), &g);
        assert!(ret.is_err());
    }

    #[test]
    fn concrete_uses_defaults_then_js_value() {
        let g = generics("<'a, T: Tr = D, U>");
        let ty: syn::Type = syn::parse_str("Foo<'a, T, Bar<U>, <T as Tr>::X>").unwrap();
        assert_eq!(
            show(concrete(&ty, &g)).replace(' ', ""),
            "Foo<'static,D,Bar<::wasm_bindgen::JsValue>,<DasTr>::X>"
        );
    }

    #[test]
    fn lifts_the_class_parameters_onto_the_impl() {
        let g = generics("<'a, T: Tr<Out = U> = D, U, V: X>");
        let ty: syn::Type = syn::parse_str("Foo<'a, T>").unwrap();
        let (on_impl, on_fn) = split_for_impl(&ty, &g);
        assert_eq!(show(&on_impl.params), "'a , T : Tr < Out = U > , U");
        assert_eq!(show(&on_fn.params), "V : X");
    }
}
