//! The numbers of a C-style exported enum, as rustc and wasm-bindgen count them (a variant
//! without a value is one more than the previous): at least one variant, each value fits
//! 32 bits (`u32`, or `i32` once a value is negative), and no two variants share one.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::syntax::{Enum, VariantValue};

pub(super) fn check(e: &Enum, out: &mut Vec<Diagnostic>) {
    if e.variants.is_empty() {
        out.push(Diagnostic::error(
            "enum-empty",
            e.rust_name.span(),
            format!(
                "`{}` has no variants, so JavaScript would get an enum without values; add a \
                 variant or remove `#[wasm_bindgen]`",
                e.rust_name
            ),
        ));
        return;
    }
    if e.is_string() {
        return;
    }
    let signed = e.variants.iter().any(|v| v.literal.is_some_and(|n| n < 0));
    let (min, max) = if signed {
        (i128::from(i32::MIN), i128::from(i32::MAX))
    } else {
        (0, i128::from(u32::MAX))
    };
    let mut seen: HashMap<i128, &syn::Ident> = HashMap::new();
    // `None` once a value is not a literal: later implicit values are unknown.
    let mut next = Some(0i128);
    for v in &e.variants {
        let value = match (&v.value, v.literal) {
            (_, Some(n)) => Some(n),
            (VariantValue::Implicit, None) => next,
            _ => None,
        };
        next = value.map(|n| n + 1);
        let Some(value) = value else { continue };
        if value < min || value > max {
            let range = if signed {
                "an enum with a negative value holds `i32` values, from -2147483648 to 2147483647"
            } else {
                "enum values are `u32`, from 0 to 4294967295"
            };
            out.push(Diagnostic::error(
                "enum-value-range",
                v.value_span,
                format!("`{}` is {value}, which does not fit: {range}", v.name),
            ));
            continue;
        }
        if let Some(first) = seen.get(&value) {
            out.push(Diagnostic::error(
                "enum-duplicate-value",
                v.name.span(),
                format!(
                    "`{}` is {value}, like `{first}`; JavaScript could not tell them apart, so \
                     give each variant its own value",
                    v.name
                ),
            ));
        } else {
            seen.insert(value, &v.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn empty_and_duplicates() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub enum Nothing {}
       //^^^^^^^ enum-empty: `Nothing` has no variants, so JavaScript would get an enum without values; add a variant or remove `#[wasm_bindgen]`
#[wasm_bindgen]
pub enum Level { Low = 2, Mid = 1, High }
                                 //^^^^ enum-duplicate-value: `High` is 2, like `Low`; JavaScript could not tell them apart, so give each variant its own value
"#,
        );
    }

    #[test]
    fn out_of_range() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub enum Big { A = 4294967295, B }
                             //^ enum-value-range: `B` is 4294967296, which does not fit: enum values are `u32`, from 0 to 4294967295
#[wasm_bindgen]
pub enum Signed { A = -1, B = 2147483648 }
                            //^^^^^^^^^^ enum-value-range: `B` is 2147483648, which does not fit: an enum with a negative value holds `i32` values, from -2147483648 to 2147483647
"#,
        );
    }

    #[test]
    fn values_upstream_accepts() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub enum Fine { A = 4294967294, B, C = 0, D = 0x10 }
#[wasm_bindgen]
pub enum Negative { A = -2147483648, B = -1, C, D = 2147483647 }
#[wasm_bindgen]
pub enum Color { Red = "red", Blue = "blue" }
"#,
        );
    }
}
