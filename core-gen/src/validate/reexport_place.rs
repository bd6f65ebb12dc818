//! `reexport` exports an imported item as it is, so the item must be something a module
//! or the global scope holds by name: a plain function, a class or a value. A method,
//! constructor or accessor is reached through an object and has no such name.

use crate::diagnostic::Diagnostic;
use crate::syntax::{attrs, reexport_name, AttrOption, ImportFn, ImportOp};

pub(super) fn check_fn(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    let Some(option) = attrs::get(&f.options, "reexport") else {
        return;
    };
    if f.op != ImportOp::Function {
        out.push(Diagnostic::error(
            "reexport-not-plain",
            option.name_span,
            format!(
                "`reexport` exports a plain imported function, type or static, but `{}` is \
                 reached through an object (a method, constructor, accessor or static method); \
                 import the function itself to re-export it",
                f.rust_name
            ),
        ));
        return;
    }
    check_name(&f.options, &f.js_name, out);
}

/// The export's name must be a JS identifier the module can declare.
pub(super) fn check_name(options: &[AttrOption], js_name: &str, out: &mut Vec<Diagnostic>) {
    let (Some(option), Some(name)) = (
        attrs::get(options, "reexport"),
        reexport_name(options, js_name),
    ) else {
        return;
    };
    let identifier = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if !identifier || crate::validate::is_js_reserved(&name) {
        out.push(Diagnostic::error(
            "reexport-name",
            option.span,
            format!(
                "`reexport` exports under the name `{name}`, which is not a JS identifier a \
                 module can export; give one: `reexport = \"someName\"`"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn only_plain_items_under_identifier_names() {
        check_diagnostics(
            r#"
#[wasm_bindgen(raw_module = "./x.js")]
extern "C" {
    #[wasm_bindgen(reexport)]
    pub type Thing;
    #[wasm_bindgen(method, reexport)]
                         //^^^^^^^^ reexport-not-plain: `reexport` exports a plain imported function, type or static, but `poke` is reached through an object (a method, constructor, accessor or static method); import the function itself to re-export it
    fn poke(this: &Thing);
    #[wasm_bindgen(reexport = "customAdd")]
    fn add(a: i32, b: i32) -> i32;
    #[wasm_bindgen(reexport = "not-a-name")]
                 //^^^^^^^^^^^^^^^^^^^^^^^ reexport-name: `reexport` exports under the name `not-a-name`, which is not a JS identifier a module can export; give one: `reexport = "someName"`
    fn sub(a: i32, b: i32) -> i32;
    #[wasm_bindgen(thread_local_v2, reexport = "PI_VALUE")]
    static PI: f64;
}
"#,
        );
    }
}
