//! Generated JS/TS for classes in an `extends` chain (hand-built descriptors): per-class
//! pointers, `super(wbgSuperSkip)`, the refusals of subclass objects, and parents declared
//! before their children. Also the errors for a parent that is not an exported struct and
//! for a chain that loops.

use wbg_core_gen::descriptor::{
    Arg, Function, Method, Module, ParentLink, Receiver, Role, Struct, Type,
};
use wbg_core_gen::glue::{self, GlueOptions};
use wbg_core_gen::target;

fn class(js_name: &str, parent: Option<&str>) -> Struct {
    let lower = js_name.to_lowercase();
    Struct {
        js_name: js_name.into(),
        namespace: vec![],
        rust_name: js_name.into(),
        docs: vec![],
        free_export: format!("__wbg_{lower}_free"),
        inspectable: false,
        skip_typescript: false,
        parent: parent.map(|p| ParentLink {
            class: Type::Named(p.into()),
            upcast_export: format!("__wbg_parent_{lower}_upcast"),
            release_export: format!("__wbg_parent_{lower}_release"),
        }),
    }
}

fn method(class: &str, name: &str, receiver: Receiver, role: Role, ret: Type) -> Method {
    Method {
        class: class.into(),
        export: format!("__wbg_{}_{name}", class.to_lowercase()),
        js_name: name.into(),
        docs: vec![],
        receiver,
        role,
        skip_typescript: false,
        opens_frame: matches!(receiver, Receiver::Ref | Receiver::RefMut),
        skip_jsdoc: false,
        args: vec![],
        ret,
        ret_ts_type: None,
        ret_description: None,
    }
}

fn function(name: &str, args: Vec<(&str, Type)>, ret: Type) -> Function {
    Function {
        export: name.into(),
        js_name: name.into(),
        namespace: vec![],
        docs: vec![],
        start: false,
        skip_typescript: false,
        skip_jsdoc: false,
        ret_ts_type: None,
        ret_description: None,
        args: args
            .into_iter()
            .map(|(n, ty)| Arg {
                name: n.into(),
                ty,
                ts_type: None,
                description: None,
            })
            .collect(),
        ret,
    }
}

/// `Animal` <- `Dog` (the child sorts first by name, so the order is the generator's).
fn module() -> Module {
    let animal = Type::Named("Animal".into());
    Module {
        structs: vec![class("Animal", None), class("Dog", Some("Animal"))],
        methods: vec![
            method(
                "Animal",
                "new",
                Receiver::None,
                Role::Constructor,
                animal.clone(),
            ),
            method("Animal", "name", Receiver::Ref, Role::Method, Type::U32),
            method(
                "Animal",
                "into_name",
                Receiver::Value,
                Role::Method,
                Type::U32,
            ),
            method("Dog", "breed", Receiver::Ref, Role::Method, Type::U32),
        ],
        functions: vec![
            function(
                "lend",
                vec![("a", Type::Ref(Box::new(animal.clone())))],
                Type::Unit,
            ),
            function("take", vec![("a", animal)], Type::Unit),
            function("make_dog", vec![], Type::Named("Dog".into())),
        ],
        ..Module::default()
    }
}

#[test]
fn nodejs() {
    let glue = glue::build(&module(), &[], &GlueOptions::default()).unwrap();
    let target = target::by_name("nodejs").unwrap();
    let mut out = String::new();
    for f in target.js_files(&glue, "demo") {
        out.push_str(&format!("// ===== {} =====\n{}\n", f.path, f.contents));
    }
    out.push_str(&format!("// ===== demo.d.ts =====\n{}", glue.ts));
    insta::assert_snapshot!(out);
}

#[test]
fn a_parent_must_be_an_exported_struct() {
    let mut m = module();
    m.structs[1].parent.as_mut().unwrap().class = Type::ExternType("HTMLElement".into());
    let err = glue::build(&m, &[], &GlueOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("`Dog` extends an imported JS type (HTMLElement), which is not an exported struct of this crate"),
        "{err}"
    );
}

#[test]
fn a_looping_chain_is_an_error() {
    let mut m = module();
    m.structs[0] = class("Animal", Some("Dog"));
    let err = glue::build(&m, &[], &GlueOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("is its own ancestor (the `extends` chain loops)"),
        "{err}"
    );
}
