//! Shapes imported functions must have: a `method` gets its object as `this: &Type`, a
//! `constructor` returns the type it builds, accessors take what `obj.prop` / `obj.prop = v`
//! give them, `variadic` has an argument to spread.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::{result_ok_type, ImportFn, ImportOp};

fn is_shared_ref_to_type(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Reference(r) if r.mutability.is_none() && matches!(&*r.elem, syn::Type::Path(_)))
}

pub(super) fn check(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    let name = &f.rust_name;
    let takes_this = f.op.takes_this();
    if takes_this {
        match f.args.first() {
            Some(a) if is_shared_ref_to_type(&a.ty) => {}
            Some(a) => out.push(Diagnostic::error(
                "method-this",
                a.ty.span(),
                "a `method` receives the JS object as its first argument, which must be a shared reference \
                 to an imported type: `this: &Bar`",
            )),
            None => out.push(Diagnostic::error(
                "method-this",
                name.span(),
                format!("a `method` receives the JS object as its first argument: `fn {name}(this: &Bar, ...)`"),
            )),
        }
    }
    let values = f.args.len().saturating_sub(usize::from(takes_this));
    match f.op {
        ImportOp::Constructor => {
            let constructed = f
                .ret
                .as_ref()
                .map(|t| result_ok_type(t).map_or(t.clone(), |(ok, _)| ok));
            if !matches!(constructed, Some(syn::Type::Path(_))) {
                let span = f.ret.as_ref().map_or(name.span(), |t| t.span());
                out.push(Diagnostic::error(
                    "import-constructor",
                    span,
                    "an imported `constructor` must return the imported type it constructs, e.g. `-> Bar`",
                ));
            }
        }
        ImportOp::Getter { .. } if values > 0 => out.push(Diagnostic::error(
            "getter-signature",
            f.args[usize::from(takes_this)].span,
            "a `getter` takes no arguments besides `this`; it is read as `obj.property`",
        )),
        ImportOp::Setter { .. } if values != 1 => out.push(Diagnostic::error(
            "setter-signature",
            name.span(),
            format!(
                "a `setter` takes exactly one value besides `this`, but `{name}` takes {values}"
            ),
        )),
        _ => {}
    }
    // Any last argument JS can spread works (a slice, `&Array`, `Vec<JsValue>`, ...).
    if f.variadic && f.args.len() <= usize::from(takes_this) {
        out.push(Diagnostic::error(
            "variadic-last",
            name.span(),
            "a `variadic` import spreads its last argument into the call (`f(a, ...rest)`), \
             so it needs one, such as `rest: &[JsValue]` or `rest: &Array`",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn import_shapes() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    type Bar;
    #[wasm_bindgen(method)]
    fn get(this: Bar) -> u32;
               //^^^ method-this: a `method` receives the JS object as its first argument, which must be a shared reference to an imported type: `this: &Bar`
    #[wasm_bindgen(constructor)]
    fn new() -> &'static Bar;
              //^^^^^^^^^^^^ import-constructor: an imported `constructor` must return the imported type it constructs, e.g. `-> Bar`
    #[wasm_bindgen(method, getter)]
    fn size(this: &Bar, scale: u32) -> u32;
                      //^^^^^^^^^^ getter-signature: a `getter` takes no arguments besides `this`; it is read as `obj.property`
    #[wasm_bindgen(variadic)]
    fn spread();
     //^^^^^^ variadic-last: a `variadic` import spreads its last argument into the call (`f(a, ...rest)`), so it needs one, such as `rest: &[JsValue]` or `rest: &Array`
    #[wasm_bindgen(variadic)]
    fn spread_array(first: u32, rest: &Array);
    #[wasm_bindgen(variadic)]
    fn spread_slice(rest: &[u16]);
}
"#,
        );
    }
}
