//! What exports say about their signature in the `.d.ts` and doc comments:
//! `unchecked_return_type` / `return_description` on the function, `js_name`,
//! `unchecked_param_type` / `param_description` on a parameter. The values go into
//! generated comments and declarations, so they must not end a comment or name a parameter
//! JS cannot have, and a return option needs a return value.

use proc_macro2::Span;

use super::option_place;
use crate::diagnostic::Diagnostic;
use crate::js_words::RESERVED_WORDS;
use crate::syntax::{attrs, Arg, AttrOption, OptionValue, Place};

/// The options of an exported function or method, with its parameters and whether it
/// returns anything.
pub(super) fn check(
    options: &[AttrOption],
    args: &[Arg],
    returns: bool,
    out: &mut Vec<Diagnostic>,
) {
    for name in ["unchecked_return_type", "return_description"] {
        if let Some(opt) = attrs::get(options, name) {
            no_comment_close(opt, out);
            if !returns {
                out.push(Diagnostic::error(
                    "return-option-without-return",
                    opt.name_span,
                    format!(
                        "`{name}` describes a return value, but this function returns nothing; \
                         remove it"
                    ),
                ));
            }
        }
    }
    for arg in args {
        option_place::check(Place::Param, &arg.options, out);
        for (i, opt) in arg.options.iter().enumerate() {
            if arg.options[..i].iter().any(|o| o.name == opt.name) {
                out.push(
                    Diagnostic::error(
                        "duplicate-option",
                        opt.name_span,
                        format!(
                            "`{}` is already given for this parameter; keep one",
                            opt.name
                        ),
                    )
                    .with_fix(crate::Fix {
                        title: format!("Remove this `{}`", opt.name),
                        edits: vec![(opt.span, String::new())],
                    }),
                );
                continue;
            }
            match opt.name.as_str() {
                "unchecked_param_type" | "param_description" => no_comment_close(opt, out),
                "js_name" => js_identifier(opt, out),
                _ => {}
            }
        }
    }
}

fn value(opt: &AttrOption) -> Option<(&str, Span)> {
    match &opt.value {
        OptionValue::Name(s, span) | OptionValue::Str(s, span) => Some((s, *span)),
        _ => None,
    }
}

fn no_comment_close(opt: &AttrOption, out: &mut Vec<Diagnostic>) {
    if let Some((_, span)) = value(opt).filter(|(t, _)| t.contains("*/")) {
        out.push(Diagnostic::error(
            "doc-comment-close",
            span,
            format!(
                "the `{}` value contains `*/`, which would end the generated doc comment; \
                 remove it",
                opt.name
            ),
        ));
    }
}

fn js_identifier(opt: &AttrOption, out: &mut Vec<Diagnostic>) {
    let Some((name, span)) = value(opt) else {
        return;
    };
    let mut chars = name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$');
    let rest_ok = chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if !starts_well || !rest_ok || RESERVED_WORDS.contains(&name) {
        out.push(Diagnostic::error(
            "param-js-name",
            span,
            format!(
                "`{name}` cannot name a JS parameter: a parameter's `js_name` must be a JS \
                 identifier that is not a reserved word"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

    #[test]
    fn comment_close_in_types_and_descriptions() {
        check_diagnostics(
            r#"
#[wasm_bindgen(return_description = "*/ oops")]
                                  //^^^^^^^^^ doc-comment-close: the `return_description` value contains `*/`, which would end the generated doc comment; remove it
pub fn f(#[wasm_bindgen(unchecked_param_type = "a */ b")] x: u32) -> u32 { x }
                                             //^^^^^^^^ doc-comment-close: the `unchecked_param_type` value contains `*/`, which would end the generated doc comment; remove it
"#,
        );
    }

    #[test]
    fn return_options_need_a_return_value() {
        check_diagnostics(
            r#"
#[wasm_bindgen(unchecked_return_type = "number")]
             //^^^^^^^^^^^^^^^^^^^^^ return-option-without-return: `unchecked_return_type` describes a return value, but this function returns nothing; remove it
pub async fn f() {}
"#,
        );
    }

    #[test]
    fn parameter_names_must_be_identifiers() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn f(#[wasm_bindgen(js_name = "first-arg")] a: u32, #[wasm_bindgen(js_name = class)] b: u32, #[wasm_bindgen(js_name = "ok_$1")] c: u32) {}
                                //^^^^^^^^^^^ param-js-name: `first-arg` cannot name a JS parameter: a parameter's `js_name` must be a JS identifier that is not a reserved word
                                                                               //^^^^^ param-js-name: `class` cannot name a JS parameter: a parameter's `js_name` must be a JS identifier that is not a reserved word
"#,
        );
    }

    #[test]
    fn duplicate_and_misplaced_parameter_options() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn f(#[wasm_bindgen(js_name = a, js_name = b)] x: u32, #[wasm_bindgen(return_description = "r")] y: u32) {}
                                   //^^^^^^^ duplicate-option: `js_name` is already given for this parameter; keep one
                                                                        //^^^^^^^^^^^^^^^^^^ option-not-here: `return_description` cannot be used on a parameter of an exported function; it applies to an exported function, a method in an exported `impl` block
"#,
        );
        check_fix(
            "#[wasm_bindgen]\npub fn f(#[wasm_bindgen(js_name = a, js_name = b)] x: u32) {}",
            "#[wasm_bindgen]\npub fn f(#[wasm_bindgen(js_name = a, )] x: u32) {}",
        );
    }
}
