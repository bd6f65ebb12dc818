//! JavaScript reserved words (strict mode) cannot name what the glue declares or reaches
//! by a bare name: an exported class or enum, and an import looked up in the global scope
//! (a function, static or type without `js_namespace` or `module`). Words JS can use as
//! values (`this`, `new`, `super`, `import`, `eval`, `true`, `false`) are fine for imports.
//! A `js_namespace` cannot start with a reserved word or be empty.

use crate::diagnostic::Diagnostic;
use crate::js_words::RESERVED_WORDS;
use crate::syntax::{attrs, AttrOption, ForeignBlock, ForeignItem, ImportModule, OptionValue};

/// Reserved words that still work as a value or callee (`this.x`, `new.target`, `eval(s)`).
const USABLE_AS_VALUE: &[&str] = &["eval", "false", "import", "new", "super", "this", "true"];

pub(crate) fn reserved(name: &str) -> bool {
    RESERVED_WORDS.contains(&name)
}

fn reserved_for_imports(name: &str) -> bool {
    reserved(name) && !USABLE_AS_VALUE.contains(&name)
}

/// An exported struct or enum: `what` is "struct" or "enum".
pub(super) fn check_export(
    what: &str,
    rust_name: &syn::Ident,
    js_name: &str,
    out: &mut Vec<Diagnostic>,
) {
    let js_name = js_name.trim_start_matches("r#");
    if reserved(js_name) {
        out.push(Diagnostic::error(
            "js-reserved-name",
            rust_name.span(),
            format!(
                "`{js_name}` is a reserved word in JavaScript, so the exported {what} cannot \
                 be called that; rename it or give it another name with `js_name = ...`"
            ),
        ));
    }
}

pub(super) fn check_block(block: &ForeignBlock, out: &mut Vec<Diagnostic>) {
    check_namespace(&block.options, out);
    let global = block.module == ImportModule::Global;
    for item in &block.items {
        let (what, options, ident, js_name, namespace) = match item {
            ForeignItem::Fn(f) => {
                let normal = f.op == crate::syntax::ImportOp::Function;
                check_namespace(&f.options, out);
                if !normal {
                    continue;
                }
                (
                    "function",
                    &f.options,
                    &f.rust_name,
                    f.js_name.as_str(),
                    &f.namespace,
                )
            }
            ForeignItem::Static(s) => (
                "static",
                &s.options,
                &s.rust_name,
                s.js_name.as_str(),
                &s.namespace,
            ),
            ForeignItem::Type(t) => (
                "type",
                &t.options,
                &t.rust_name,
                t.js_class.as_str(),
                &t.namespace,
            ),
        };
        if !matches!(item, ForeignItem::Fn(_)) {
            check_namespace(options, out);
        }
        if global && namespace.is_none() && reserved_for_imports(js_name) {
            out.push(Diagnostic::error(
                "js-reserved-name",
                ident.span(),
                format!(
                    "`{js_name}` is a reserved word in JavaScript, so the glue cannot reach an \
                     imported {what} by that name; import it through its object with \
                     `js_namespace = ...`, or from a module"
                ),
            ));
        }
    }
}

/// `js_namespace` on an exported function, struct, `impl` block or enum: its first name
/// becomes a module export (`export const api = {...}`), so it must be an identifier that
/// is not a reserved word.
pub(super) fn check_export_namespace(options: &[AttrOption], out: &mut Vec<Diagnostic>) {
    let Some(option) = attrs::get(options, "js_namespace") else {
        return;
    };
    let (first, span) = match &option.value {
        OptionValue::List(items, span) => match items.first() {
            Some(first) => (first.as_str(), *span),
            None => return check_namespace(options, out),
        },
        OptionValue::Name(name, span) | OptionValue::Str(name, span) => (name.as_str(), *span),
        _ => return,
    };
    let identifier = first
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if reserved(first) {
        out.push(Diagnostic::error(
            "js-reserved-name",
            span,
            format!(
                "an exported `js_namespace` cannot start with `{first}`, a reserved word in \
                 JavaScript: it becomes the name of a module export"
            ),
        ));
    } else if !identifier {
        out.push(Diagnostic::error(
            "js-namespace-root",
            span,
            format!(
                "an exported `js_namespace` cannot start with `{first}`: it becomes the name of \
                 a module export, which must be a JavaScript identifier (later names may be any \
                 string, such as `[\"shapes\", \"3d\"]`)"
            ),
        ));
    }
}

/// `js_namespace` on an import.
pub(super) fn check_namespace(options: &[AttrOption], out: &mut Vec<Diagnostic>) {
    let Some(option) = attrs::get(options, "js_namespace") else {
        return;
    };
    let (first, span) = match &option.value {
        OptionValue::List(items, span) => match items.first() {
            Some(first) => (first.as_str(), *span),
            None => {
                out.push(Diagnostic::error(
                    "js-namespace-empty",
                    *span,
                    "`js_namespace = []` names no object; write the path to it, such as \
                     `[\"window\", \"app\"]`, or remove the option",
                ));
                return;
            }
        },
        OptionValue::Name(name, span) | OptionValue::Str(name, span) => (name.as_str(), *span),
        _ => return,
    };
    if reserved_for_imports(first) {
        out.push(Diagnostic::error(
            "js-reserved-name",
            span,
            format!(
                "a `js_namespace` cannot start with `{first}`, a reserved word in JavaScript: \
                 the glue could not name that object"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn exports() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub struct class;
         //^^^^^ js-reserved-name: `class` is a reserved word in JavaScript, so the exported struct cannot be called that; rename it or give it another name with `js_name = ...`
#[wasm_bindgen(js_name = "Class")]
pub struct r#return;
#[wasm_bindgen]
pub struct r#true;
         //^^^^^^ js-reserved-name: `true` is a reserved word in JavaScript, so the exported struct cannot be called that; rename it or give it another name with `js_name = ...`
#[wasm_bindgen]
pub enum switch { A }
       //^^^^^^ js-reserved-name: `switch` is a reserved word in JavaScript, so the exported enum cannot be called that; rename it or give it another name with `js_name = ...`
"#,
        );
    }

    #[test]
    fn exported_namespaces_start_with_an_identifier() {
        check_diagnostics(
            r#"
#[wasm_bindgen(js_namespace = ["shapes", "3d"])]
pub struct Point3D;
#[wasm_bindgen(js_namespace = ["3d", "shapes"])]
                            //^^^^^^^^^^^^^^^^ js-namespace-root: an exported `js_namespace` cannot start with `3d`: it becomes the name of a module export, which must be a JavaScript identifier (later names may be any string, such as `["shapes", "3d"]`)
pub fn area() {}
#[wasm_bindgen(js_namespace = "default")]
                            //^^^^^^^^^ js-reserved-name: an exported `js_namespace` cannot start with `default`, a reserved word in JavaScript: it becomes the name of a module export
pub enum Status { A }
#[wasm_bindgen(js_namespace = [])]
                            //^^ js-namespace-empty: `js_namespace = []` names no object; write the path to it, such as `["window", "app"]`, or remove the option
impl Point3D {}
"#,
        );
    }

    #[test]
    fn imports() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = "delete")]
    fn remove();
     //^^^^^^ js-reserved-name: `delete` is a reserved word in JavaScript, so the glue cannot reach an imported function by that name; import it through its object with `js_namespace = ...`, or from a module
    #[wasm_bindgen(js_name = "delete", js_namespace = Reflect)]
    fn delete_property();
    #[wasm_bindgen(js_name = "eval")]
    fn eval_js(code: &str);
    #[wasm_bindgen(js_namespace = ["let", "x"])]
                                //^^^^^^^^^^^^ js-reserved-name: a `js_namespace` cannot start with `let`, a reserved word in JavaScript: the glue could not name that object
    fn f();
    #[wasm_bindgen(js_namespace = [])]
                                //^^ js-namespace-empty: `js_namespace = []` names no object; write the path to it, such as `["window", "app"]`, or remove the option
    fn g();
    #[wasm_bindgen(thread_local_v2, js_name = "var")]
    static VAR: u32;
         //^^^ js-reserved-name: `var` is a reserved word in JavaScript, so the glue cannot reach an imported static by that name; import it through its object with `js_namespace = ...`, or from a module
    #[wasm_bindgen(js_name = "void")]
    type Void;
       //^^^^ js-reserved-name: `void` is a reserved word in JavaScript, so the glue cannot reach an imported type by that name; import it through its object with `js_namespace = ...`, or from a module
}
#[wasm_bindgen(module = "/m.js")]
extern "C" {
    #[wasm_bindgen(js_name = "delete")]
    fn remove_from_module();
}
"#,
        );
    }
}
