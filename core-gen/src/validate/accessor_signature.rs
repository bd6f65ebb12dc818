//! Property accessors have fixed shapes: a getter takes nothing but `self` and returns the
//! value; a setter takes exactly one value and returns nothing.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::{Method, MethodKind};

pub(super) fn check(m: &Method, out: &mut Vec<Diagnostic>) {
    match &m.kind {
        MethodKind::Getter { .. } => {
            if let Some(extra) = m.args.first() {
                out.push(Diagnostic::error(
                    "getter-signature",
                    extra.span,
                    "a `getter` takes no arguments besides `self`; it is read as `obj.property`",
                ));
            }
            if m.ret.is_none() {
                out.push(Diagnostic::error(
                    "getter-signature",
                    m.rust_name.span(),
                    "a `getter` must return the property's value",
                ));
            }
        }
        MethodKind::Setter { .. } => {
            if m.args.len() != 1 {
                let span = m.args.get(1).map(|a| a.span).unwrap_or(m.rust_name.span());
                out.push(Diagnostic::error(
                    "setter-signature",
                    span,
                    format!(
                        "a `setter` takes exactly one value (`fn {}(&mut self, value: T)`), but this one takes {}",
                        m.rust_name,
                        m.args.len()
                    ),
                ));
            }
            if let Some(ret) = &m.ret {
                out.push(Diagnostic::error(
                    "setter-signature",
                    ret.span(),
                    "a `setter` returns nothing (JS ignores the result of `obj.property = value`); remove the return type",
                ));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn accessor_shapes() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
impl Foo {
    #[wasm_bindgen(getter)]
    pub fn x(&self, scale: u32) -> u32 { self.0 * scale }
                  //^^^^^^^^^^ getter-signature: a `getter` takes no arguments besides `self`; it is read as `obj.property`
    #[wasm_bindgen(setter)]
    pub fn set_x(&mut self, value: u32) -> bool { true }
                                         //^^^^ setter-signature: a `setter` returns nothing (JS ignores the result of `obj.property = value`); remove the return type
    #[wasm_bindgen(setter)]
    pub fn set_y(&mut self) {}
         //^^^^^ setter-signature: a `setter` takes exactly one value (`fn set_y(&mut self, value: T)`), but this one takes 0
}
"#,
        );
    }
}
