//! `#[wasm_bindgen(extends = Parent)]` on an exported struct: the macro adds the field
//! `parent: wasm_bindgen::Parent<Parent>` itself, so the struct needs named fields, may not
//! name itself, and may not declare that field; a `Parent<T>` field without `extends` would
//! be a parent JS never sees.

use crate::diagnostic::Diagnostic;
use crate::syntax::Struct;

pub(super) fn check(s: &Struct, out: &mut Vec<Diagnostic>) {
    let Some(extends) = &s.extends else {
        for f in s.parent_like_fields.iter().filter(|f| f.typed_parent) {
            out.push(Diagnostic::error(
                "parent-without-extends",
                f.span,
                "`Parent<T>` is the field `#[wasm_bindgen(extends = T)]` adds by itself; declare \
                 the parent with `extends` on the struct (or, for another type named `Parent`, \
                 write its full path)",
            ));
        }
        return;
    };
    let names_itself = extends.parent.is_ident("Self") || extends.parent.is_ident(&s.rust_name);
    if names_itself {
        out.push(Diagnostic::error(
            "extends-self",
            extends.span,
            format!(
                "`{}` cannot extend itself: `extends` names another exported struct of this crate",
                s.rust_name
            ),
        ));
    }
    if s.is_tuple {
        out.push(Diagnostic::error(
            "extends-tuple-struct",
            extends.span,
            "`extends` adds a field named `parent`, which a tuple struct cannot have; use named \
             fields",
        ));
    }
    for f in &s.parent_like_fields {
        out.push(Diagnostic::error(
            "parent-field",
            f.span,
            "do not declare the parent field: `extends` adds `parent: wasm_bindgen::Parent<..>` \
             itself (set it in the constructor: `parent: Parent::new(..).into()`)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn extending_itself() {
        check_diagnostics(
            r#"
#[wasm_bindgen(extends = SelfA)]
             //^^^^^^^ extends-self: `SelfA` cannot extend itself: `extends` names another exported struct of this crate
pub struct SelfA {}
#[wasm_bindgen(extends = Self)]
             //^^^^^^^ extends-self: `SelfB` cannot extend itself: `extends` names another exported struct of this crate
pub struct SelfB {}
#[wasm_bindgen(extends = SelfA)]
pub struct Fine { x: u32 }
"#,
        );
    }

    #[test]
    fn declared_parent_fields() {
        check_diagnostics(
            r#"
#[wasm_bindgen(extends = Animal)]
pub struct Dog {
    a: Parent<Animal>,
     //^^^^^^^^^^^^^^ parent-field: do not declare the parent field: `extends` adds `parent: wasm_bindgen::Parent<..>` itself (set it in the constructor: `parent: Parent::new(..).into()`)
    parent: u32,
  //^^^^^^ parent-field: do not declare the parent field: `extends` adds `parent: wasm_bindgen::Parent<..>` itself (set it in the constructor: `parent: Parent::new(..).into()`)
}
"#,
        );
    }

    #[test]
    fn parent_without_extends() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub struct Dog {
    animal: wasm_bindgen::Parent<Animal>,
          //^^^^^^^^^^^^^^^^^^^^^^^^^^^^ parent-without-extends: `Parent<T>` is the field `#[wasm_bindgen(extends = T)]` adds by itself; declare the parent with `extends` on the struct (or, for another type named `Parent`, write its full path)
    tree: my::tree::Parent<u32>,
    parent: u32,
}
"#,
        );
    }

    #[test]
    fn tuple_struct() {
        check_diagnostics(
            r#"
#[wasm_bindgen(extends = Animal)]
             //^^^^^^^ extends-tuple-struct: `extends` adds a field named `parent`, which a tuple struct cannot have; use named fields
pub struct Dog(u32);
"#,
        );
    }
}
