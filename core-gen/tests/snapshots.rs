//! Generated JS/TS for a small hand-built descriptor module, per target. A change to the
//! generator shows up here as a reviewable diff (`cargo insta review`).

use wbg_core_gen::descriptor::{Arg, Function, Module, Type};
use wbg_core_gen::glue::{self, GlueOptions};
use wbg_core_gen::target::{self, Target};

fn module() -> Module {
    let f = |name: &str, docs: &[&str], args: Vec<(&str, Type)>, ret: Type| Function {
        export: name.to_string(),
        js_name: name.to_string(),
        docs: docs.iter().map(|s| s.to_string()).collect(),
        start: false,
        skip_typescript: false,
        args: args
            .into_iter()
            .map(|(n, ty)| Arg {
                name: n.to_string(),
                ty,
            })
            .collect(),
        ret,
    };
    let mut start = f("__wbindgen_start", &[], vec![], Type::Unit);
    start.start = true;
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
            start,
        ],
    }
}

fn render(target: &dyn Target) -> String {
    let glue = glue::build(
        &module(),
        &["__wbindgen_object_drop_ref".into()],
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
