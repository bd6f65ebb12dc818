//! A `setter` names its property by dropping `set_` from the method name; without that
//! prefix the property must be named explicitly. One of the two mistakes from the seeds.

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::{attrs, Method, MethodKind};

pub(super) fn check(m: &Method, out: &mut Vec<Diagnostic>) {
    if m.kind == (MethodKind::Setter { name: None }) {
        report(&m.rust_name, &m.options, out);
    }
}

/// The diagnostic for a setter method (exported or imported) named `rust_name`.
pub(super) fn report(
    rust_name: &syn::Ident,
    options: &[crate::syntax::AttrOption],
    out: &mut Vec<Diagnostic>,
) {
    let name = rust_name.to_string();
    let Some(option) = attrs::get(options, "setter") else {
        return;
    };
    let message = format!(
        "the setter `{name}` must be named `set_{name}` (the property is `{name}`), or name the property: \
         `#[wasm_bindgen(setter = \"{name}\")]`"
    );
    let rename = Fix {
        title: format!("Rename to `set_{name}`"),
        edits: vec![(rust_name.span(), format!("set_{name}"))],
    };
    let explicit = Fix {
        title: format!("Name the property: `setter = \"{name}\"`"),
        edits: vec![(option.span, format!("setter = \"{name}\""))],
    };
    let mut d = Diagnostic::error("setter-prefix", rust_name.span(), message).with_fix(rename);
    d.alternatives.push(explicit);
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn setter_without_prefix() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
impl Foo {
    #[wasm_bindgen(setter)]
    pub fn property(&mut self, value: u32) { self.0 = value; }
         //^^^^^^^^ setter-prefix: the setter `property` must be named `set_property` (the property is `property`), or name the property: `#[wasm_bindgen(setter = "property")]`
    #[wasm_bindgen(setter)]
    pub fn set_other(&mut self, value: u32) { self.0 = value; }
    #[wasm_bindgen(setter = "third")]
    pub fn third_one(&mut self, value: u32) { self.0 = value; }
}
"#,
        );
    }

    #[test]
    fn imported_setter_without_prefix() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    type Bar;
    #[wasm_bindgen(method, setter)]
    fn property(this: &Bar, value: u32);
     //^^^^^^^^ setter-prefix: the setter `property` must be named `set_property` (the property is `property`), or name the property: `#[wasm_bindgen(setter = "property")]`
    #[wasm_bindgen(method, setter)]
    fn set_property(this: &Bar, value: u32);
}
"#,
        );
    }

    #[test]
    fn offers_both_fixes() {
        let src = "#[wasm_bindgen]\nimpl Foo {\n    #[wasm_bindgen(setter)]\n    pub fn property(&mut self, v: u32) {}\n}\n";
        let (_, diags) = crate::parse_file(src);
        let fixes: Vec<String> = diags[0].fixes().map(|f| f.title.clone()).collect();
        assert_eq!(
            fixes,
            [
                "Rename to `set_property`",
                "Name the property: `setter = \"property\"`"
            ]
        );
    }
}
