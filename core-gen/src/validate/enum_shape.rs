//! Exported enums are C-style: variants without fields, with either integer values or
//! (string enums) a string for every variant. Variants holding one value (`B(u32)`,
//! wasm-bindgen 0.2.121's dynamic unions) are not supported by wbg yet.

use crate::diagnostic::Diagnostic;
use crate::syntax::{Enum, VariantValue};

pub(super) fn check(e: &Enum, out: &mut Vec<Diagnostic>) {
    let string = e.is_string();
    // A union's unit variants are told apart from its values by their strings.
    let union = e.variants.iter().any(|v| v.one_unnamed_field);
    for v in &e.variants {
        if union && !v.has_fields && !matches!(v.value, VariantValue::String(_)) {
            out.push(Diagnostic::error(
                "enum-shape",
                v.name.span(),
                format!(
                    "in an enum whose variants hold values, a variant without fields needs a \
                     string value to be told apart from them, e.g. `{} = \"{}\"`",
                    v.name,
                    v.name.to_string().to_lowercase()
                ),
            ));
            continue;
        }
        if v.one_unnamed_field {
            out.push(Diagnostic::error(
                "unsupported-enum-union",
                v.name.span(),
                format!(
                    "wbg does not support enum variants holding a value, like `{}(...)`, yet \
                     (wasm-bindgen 0.2.121 exports them as a union type); export a C-style or \
                     string enum for now",
                    v.name
                ),
            ));
            continue;
        }
        if v.has_fields {
            out.push(Diagnostic::error(
                "enum-shape",
                v.name.span(),
                format!(
                    "only C-style enums can be exported: `{}` has fields; export a struct instead, or keep the data on the Rust side",
                    v.name
                ),
            ));
            continue;
        }
        match (&v.value, string) {
            // Integers out of range are `enum_values`' business.
            (VariantValue::Invalid, _) if v.literal.is_none() => out.push(Diagnostic::error(
                "enum-shape",
                v.value_span,
                "enum values must be integer literals, or string literals for a string enum; expressions and constants are not read",
            )),
            (VariantValue::Number(_) | VariantValue::Implicit, true)
            | (VariantValue::Invalid, true) => out.push(Diagnostic::error(
                "enum-shape",
                v.value_span,
                format!("in a string enum every variant needs a string value, e.g. `{} = \"{}\"`", v.name, v.name.to_string().to_lowercase()),
            )),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn enum_shapes() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub enum Shape { Point, Circle { r: f64 }, Big = 1 + 2 }
                      //^^^^^^ enum-shape: only C-style enums can be exported: `Circle` has fields; export a struct instead, or keep the data on the Rust side
                                               //^^^^^ enum-shape: enum values must be integer literals, or string literals for a string enum; expressions and constants are not read
#[wasm_bindgen]
pub enum Value { Text = "text", Number(f64) }
                              //^^^^^^ unsupported-enum-union: wbg does not support enum variants holding a value, like `Number(...)`, yet (wasm-bindgen 0.2.121 exports them as a union type); export a C-style or string enum for now
#[wasm_bindgen]
pub enum Mixed { Bare, Tuple(u32) }
               //^^^^ enum-shape: in an enum whose variants hold values, a variant without fields needs a string value to be told apart from them, e.g. `Bare = "bare"`
                     //^^^^^ unsupported-enum-union: wbg does not support enum variants holding a value, like `Tuple(...)`, yet (wasm-bindgen 0.2.121 exports them as a union type); export a C-style or string enum for now
#[wasm_bindgen]
pub enum Color { Red = "red", Green }
                            //^^^^^ enum-shape: in a string enum every variant needs a string value, e.g. `Green = "green"`
"#,
        );
    }
}
