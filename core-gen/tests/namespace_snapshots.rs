//! `js_namespace` on exports: the namespace objects, and the items declared under their
//! qualified names, for an ES module (bundler), CommonJS (nodejs) and a classic script
//! (no-modules), `.d.ts` included (`cargo insta review` shows changes).

use wbg_core_gen::descriptor::{
    qualified_name, Arg, Enum, EnumValue, Function, Method, Module, Receiver, Role, Struct, Type,
    Variant,
};
use wbg_core_gen::glue::{self, GlueOptions};
use wbg_core_gen::target::{self, Target};

fn ns(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

fn module() -> Module {
    let arg = |n: &str, ty: Type| Arg::new(n, ty);
    let function = |namespace: &[&str], name: &str, args: Vec<Arg>, ret: Type| Function {
        export: qualified_name(&ns(namespace), name),
        js_name: qualified_name(&ns(namespace), name),
        namespace: ns(namespace),
        docs: vec![format!("`{name}`, namespaced.")],
        start: false,
        skip_typescript: false,
        skip_jsdoc: false,
        args,
        ret,
        ret_ts_type: None,
        ret_description: None,
    };
    let point = Type::Named("shapes__3d__Point".into());
    Module {
        runtime_version: Some("0.2.100".into()),
        functions: vec![
            function(
                &["calc"],
                "add",
                vec![arg("a", Type::U32), arg("b", Type::U32)],
                Type::U32,
            ),
            function(
                &["calc", "float"],
                "sign",
                vec![arg("x", Type::F64)],
                Type::Named("calc__Sign".into()),
            ),
            function(&["shapes", "3d"], "origin", vec![], point.clone()),
            function(&[], "top_level", vec![], Type::U32),
        ],
        structs: vec![Struct {
            js_name: "shapes__3d__Point".into(),
            namespace: ns(&["shapes", "3d"]),
            rust_name: "Point".into(),
            docs: vec![],
            free_export: "__wbg_shapes__3d__point_free".into(),
            inspectable: false,
            skip_typescript: false,
            parent: None,
        }],
        methods: vec![Method {
            class: "shapes__3d__Point".into(),
            export: "__wbg_shapes__3d__point_new".into(),
            js_name: "new".into(),
            docs: vec![],
            receiver: Receiver::None,
            role: Role::Constructor,
            skip_typescript: false,
            opens_frame: false,
            skip_jsdoc: false,
            args: vec![arg("x", Type::F64)],
            ret: point,
            ret_ts_type: None,
            ret_description: None,
        }],
        enums: vec![Enum {
            js_name: "calc__Sign".into(),
            namespace: ns(&["calc"]),
            docs: vec![],
            variants: vec![
                Variant {
                    name: "Minus".into(),
                    docs: vec![],
                    value: EnumValue::Number(0),
                },
                Variant {
                    name: "Plus".into(),
                    docs: vec![],
                    value: EnumValue::Number(1),
                },
            ],
            skip_typescript: false,
        }],
        ..Module::default()
    }
}

fn render(target: &dyn Target) -> String {
    let glue = glue::build(&module(), &[], &GlueOptions::default()).unwrap();
    let mut out = String::new();
    for f in target.js_files(&glue, "demo") {
        out.push_str(&format!("// ===== {} =====\n{}\n", f.path, f.contents));
    }
    out.push_str(&format!(
        "// ===== demo.d.ts =====\n{}",
        target.declarations(&glue.ts)
    ));
    out
}

#[test]
fn bundler() {
    insta::assert_snapshot!(render(target::by_name("bundler").unwrap()));
}

#[test]
fn nodejs() {
    insta::assert_snapshot!(render(target::by_name("nodejs").unwrap()));
}

#[test]
fn no_modules() {
    insta::assert_snapshot!(render(target::by_name("no-modules").unwrap()));
}

#[test]
fn a_namespace_cannot_share_a_name_with_an_export() {
    let mut m = module();
    m.functions[3].js_name = "calc".into();
    let err = glue::build(&m, &[], &GlueOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`calc` cannot be exported: it names both an export and a `js_namespace` object"
    );
}
