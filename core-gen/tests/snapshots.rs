//! Generated JS/TS for a small hand-built descriptor module, per target. A change to the
//! generator shows up here as a reviewable diff (`cargo insta review`).

use wbg_core_gen::descriptor::{
    class_wrap_import, Arg, Enum, EnumValue, Function, ImportModule, Method, Module, Receiver,
    Reexport, Role, Struct, Type, Variant,
};
use wbg_core_gen::glue::{self, GlueOptions};
use wbg_core_gen::target::{self, Target};

fn module() -> Module {
    let f = |name: &str, docs: &[&str], args: Vec<(&str, Type)>, ret: Type| Function {
        export: name.to_string(),
        js_name: name.to_string(),
        namespace: vec![],
        docs: docs.iter().map(|s| s.to_string()).collect(),
        start: false,
        skip_typescript: false,
        skip_jsdoc: false,
        ret_ts_type: None,
        ret_description: None,
        args: args.into_iter().map(|(n, ty)| Arg::new(n, ty)).collect(),
        ret,
    };
    let mut start = f("__wbindgen_start", &[], vec![], Type::Unit);
    start.start = true;
    let method =
        |export: &str, js_name: &str, receiver: Receiver, role: Role, args: Vec<Arg>, ret: Type| {
            Method {
                class: "Counter".into(),
                export: export.into(),
                js_name: js_name.into(),
                docs: vec![],
                receiver,
                role,
                skip_typescript: false,
                // As the macro lowers them: plain field accessors open no frame.
                opens_frame: matches!(receiver, Receiver::Ref | Receiver::RefMut)
                    && !export.starts_with("__wbg_get_")
                    && !export.starts_with("__wbg_set_"),
                skip_jsdoc: false,
                ret_ts_type: None,
                ret_description: None,
                args,
                ret,
            }
        };
    let counter = Type::Named("Counter".into());
    let arg = |n: &str, ty: Type| Arg::new(n, ty);
    Module {
        runtime_version: Some("0.2.100".into()),
        functions: vec![
            f(
                "add",
                &["Adds two numbers."],
                vec![("a", Type::U32), ("b", Type::U32)],
                Type::U32,
            ),
            f(
                "greet",
                &["Says hello.", "", "Politely."],
                vec![("name", Type::Ref(Box::new(Type::String)))],
                Type::String,
            ),
            f(
                "keep",
                &[],
                vec![
                    ("value", Type::Externref),
                    ("peek", Type::Ref(Box::new(Type::Externref))),
                ],
                Type::Externref,
            ),
            f("big", &[], vec![("n", Type::U64)], Type::I64),
            f(
                "level_up",
                &[],
                vec![("level", Type::Named("Level".into()))],
                Type::Named("Level".into()),
            ),
            f(
                "maybe",
                &[],
                vec![("c", Type::Option(Box::new(counter.clone())))],
                Type::Option(Box::new(counter.clone())),
            ),
            start,
        ],
        structs: vec![Struct {
            js_name: "Counter".into(),
            namespace: vec![],
            rust_name: "Counter".into(),
            docs: vec!["Counts.".into()],
            free_export: "__wbg_counter_free".into(),
            parent: None,
            inspectable: true,
            skip_typescript: false,
        }],
        methods: vec![
            method(
                "__wbg_counter_new",
                "new",
                Receiver::None,
                Role::Constructor,
                vec![arg("label", Type::Ref(Box::new(Type::String)))],
                counter.clone(),
            ),
            method(
                "__wbg_counter_increment",
                "increment",
                Receiver::RefMut,
                Role::Method,
                vec![],
                Type::U32,
            ),
            method(
                "__wbg_counter_into_label",
                "into_label",
                Receiver::Value,
                Role::Method,
                vec![],
                Type::String,
            ),
            method(
                "__wbg_get_counter_count",
                "count",
                Receiver::Ref,
                Role::Getter,
                vec![],
                Type::U32,
            ),
            method(
                "__wbg_set_counter_count",
                "count",
                Receiver::RefMut,
                Role::Setter,
                vec![arg("value", Type::U32)],
                Type::Unit,
            ),
            method(
                "__wbg_counter_total",
                "total",
                Receiver::None,
                Role::Getter,
                vec![],
                Type::U32,
            ),
            method(
                "__wbg_counter_absorb",
                "absorb",
                Receiver::RefMut,
                Role::Method,
                vec![arg("other", Type::Ref(Box::new(counter.clone())))],
                Type::Unit,
            ),
        ],
        enums: vec![
            Enum {
                js_name: "Level".into(),
                namespace: vec![],
                docs: vec![],
                variants: vec![
                    Variant {
                        name: "Low".into(),
                        docs: vec![],
                        value: EnumValue::Number(0),
                    },
                    Variant {
                        name: "High".into(),
                        docs: vec!["Loud.".into()],
                        value: EnumValue::Number(10),
                    },
                ],
                skip_typescript: false,
            },
            Enum {
                js_name: "Fruit".into(),
                namespace: vec![],
                docs: vec![],
                variants: vec![Variant {
                    name: "Apple".into(),
                    docs: vec![],
                    value: EnumValue::String("apple".into()),
                }],
                skip_typescript: false,
            },
        ],
        ..Module::default()
    }
}

fn render(target: &dyn Target) -> String {
    let glue = glue::build(
        &module(),
        &[
            "__wbindgen_object_drop_ref".into(),
            class_wrap_import("Counter"),
        ],
        &GlueOptions::default(),
    )
    .unwrap();
    let mut out = String::new();
    for f in target.js_files(&glue, "demo") {
        out.push_str(&format!("// ===== {} =====\n{}\n", f.path, f.contents));
    }
    out.push_str(&format!(
        "// ===== demo.d.ts =====\n{}{}",
        glue.ts,
        target.ts_extra()
    ));
    out
}

#[test]
fn web() {
    insta::assert_snapshot!(render(target::by_name("web").unwrap()));
}

#[test]
fn nodejs() {
    insta::assert_snapshot!(render(target::by_name("nodejs").unwrap()));
}

#[test]
fn bundler() {
    insta::assert_snapshot!(render(target::by_name("bundler").unwrap()));
}

#[test]
fn a_wrap_import_names_an_exported_class() {
    let err = glue::build(
        &module(),
        &[class_wrap_import("Missing")],
        &GlueOptions::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("__wbindgen_class_wrap_Missing"),
        "{err}"
    );
}

#[test]
fn a_reexport_cannot_take_an_exports_name() {
    let mut module = module();
    let reexport = |export_name: &str| Reexport {
        export_name: export_name.into(),
        module: ImportModule::Module("./math.js".into()),
        namespace: vec![],
        js_name: "add".into(),
    };
    module.reexports.push(reexport("add"));
    let err = glue::build(&module, &[], &GlueOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("`reexport` exports it as `add`, which the module already exports"),
        "{err}"
    );
    module.reexports = vec![reexport("mathAdd")];
    let glue = glue::build(&module, &[], &GlueOptions::default()).unwrap();
    let web = target::by_name("web").unwrap().js_files(&glue, "demo");
    let web = &web[0].contents;
    assert!(
        web.contains("import { add as __wbg_m0_add } from "),
        "{web}"
    );
    assert!(
        web.contains("export const mathAdd = __wbg_m0_add;"),
        "{web}"
    );
    let commonjs = GlueOptions {
        es_module: false,
        ..GlueOptions::default()
    };
    let glue = glue::build(&module, &[], &commonjs).unwrap();
    let node = target::by_name("nodejs").unwrap().js_files(&glue, "demo");
    let node = &node[0].contents;
    assert!(node.contains("const mathAdd = __wbg_m0.add;"), "{node}");
    assert!(node.contains("exports.mathAdd = mathAdd;"), "{node}");
}
