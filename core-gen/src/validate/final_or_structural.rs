//! `final` and `structural` choose opposite ways to reach a member: the one the class's
//! prototype has when the glue loads, or whatever the object has at each call. Written
//! together (on one function, or on one extern block) they leave the choice unclear.

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::{attrs, AttrOption};

pub(super) fn check(options: &[AttrOption], out: &mut Vec<Diagnostic>) {
    let (Some(fin), Some(structural)) = (
        attrs::get(options, "final"),
        attrs::get(options, "structural"),
    ) else {
        return;
    };
    // Reported at whichever comes second.
    let later = if fin.span.start() > structural.span.start() {
        fin
    } else {
        structural
    };
    let remove = |o: &AttrOption| Fix {
        title: format!("Remove `{}`", o.name),
        edits: vec![(o.span, String::new())],
    };
    let mut d = Diagnostic::error(
        "final-and-structural",
        later.span,
        "`final` and `structural` contradict each other: `final` calls the member the class's \
         prototype has when the glue loads, `structural` the one the object has at each call; \
         keep one",
    )
    .with_fix(remove(later));
    let earlier = if std::ptr::eq(later, fin) {
        structural
    } else {
        fin
    };
    d.alternatives.push(remove(earlier));
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn on_a_function_or_a_block() {
        check_diagnostics(
            r#"
#[wasm_bindgen(structural, final)]
                         //^^^^^ final-and-structural: `final` and `structural` contradict each other: `final` calls the member the class's prototype has when the glue loads, `structural` the one the object has at each call; keep one
extern "C" {
    type Bar;
    #[wasm_bindgen(method, final, structural)]
                                //^^^^^^^^^^ final-and-structural: `final` and `structural` contradict each other: `final` calls the member the class's prototype has when the glue loads, `structural` the one the object has at each call; keep one
    fn both(this: &Bar);
    #[wasm_bindgen(method, final)]
    fn only_final(this: &Bar);
}
"#,
        );
    }

    #[test]
    fn offers_to_remove_either() {
        let src = "#[wasm_bindgen]\nextern \"C\" {\n    type Bar;\n    #[wasm_bindgen(method, final, structural)]\n    fn both(this: &Bar);\n}\n";
        let (_, diags) = crate::parse_file(src);
        let fixes: Vec<String> = diags[0].fixes().map(|f| f.title.clone()).collect();
        assert_eq!(fixes, ["Remove `structural`", "Remove `final`"]);
    }
}
