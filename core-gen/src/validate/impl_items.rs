//! A `#[wasm_bindgen] impl` is a plain `impl Foo` holding only functions: wasm-bindgen
//! refuses `default impl`, `unsafe impl`, and associated consts, types or macro calls in it.

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::Impl;

pub(super) fn check(i: &Impl, out: &mut Vec<Diagnostic>) {
    for (keyword, span) in [("default", i.defaultness), ("unsafe", i.unsafety)] {
        let Some(span) = span else { continue };
        out.push(
            Diagnostic::error(
                "impl-modifier",
                span,
                format!("an exported impl block cannot be `{keyword} impl`; write a plain `impl`"),
            )
            .with_fix(Fix {
                title: format!("Remove `{keyword}`"),
                edits: vec![(span, String::new())],
            }),
        );
    }
    for (what, span) in &i.other_items {
        out.push(Diagnostic::error(
            "impl-item",
            *span,
            format!(
                "{what} cannot be exported: a `#[wasm_bindgen]` impl block may only contain \
                 functions; move it into a separate `impl` block without `#[wasm_bindgen]`"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn modifiers_and_items() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
unsafe impl Counter {}
//^^^^^^ impl-modifier: an exported impl block cannot be `unsafe impl`; write a plain `impl`
#[wasm_bindgen]
impl Counter {
    const LIMIT: u32 = 3;
  //^^^^^^^^^^^^^^^^^^^^^ impl-item: an associated `const` cannot be exported: a `#[wasm_bindgen]` impl block may only contain functions; move it into a separate `impl` block without `#[wasm_bindgen]`
    type Unit = u32;
  //^^^^^^^^^^^^^^^^ impl-item: an associated `type` cannot be exported: a `#[wasm_bindgen]` impl block may only contain functions; move it into a separate `impl` block without `#[wasm_bindgen]`
    pub fn get(&self) -> u32 { 0 }
}
"#,
        );
    }
}
