//! Generated files of the `deno` and `no-modules` targets, and `package.json` for every
//! target, for a small hand-built descriptor module (`cargo insta review` shows changes).

use wbg_core_gen::descriptor::{
    Arg, Enum, EnumValue, Function, Method, Module, Receiver, Role, Struct, Type, Variant,
};
use wbg_core_gen::glue::package_json::{self, PackageInfo};
use wbg_core_gen::glue::{self, GlueOptions};
use wbg_core_gen::target::{self, Target};

fn module() -> Module {
    let arg = |n: &str, ty: Type| Arg::new(n, ty);
    let function = |name: &str, docs: &[&str], args: Vec<Arg>, ret: Type| Function {
        export: name.into(),
        js_name: name.into(),
        namespace: vec![],
        docs: docs.iter().map(|s| s.to_string()).collect(),
        start: false,
        skip_typescript: false,
        skip_jsdoc: false,
        ret_ts_type: None,
        ret_description: None,
        args,
        ret,
    };
    let method = |export: &str, js_name: &str, receiver: Receiver, role, args, ret| Method {
        class: "Counter".into(),
        export: export.into(),
        js_name: js_name.into(),
        docs: vec![],
        receiver,
        role,
        skip_typescript: false,
        opens_frame: matches!(receiver, Receiver::Ref | Receiver::RefMut),
        skip_jsdoc: false,
        ret_ts_type: None,
        ret_description: None,
        args,
        ret,
    };
    let mut start = function("__wbindgen_start", &[], vec![], Type::Unit);
    start.start = true;
    Module {
        runtime_version: Some("0.2.100".into()),
        functions: vec![
            function(
                "add",
                &["Adds two numbers."],
                vec![arg("a", Type::U32), arg("b", Type::U32)],
                Type::U32,
            ),
            function(
                "greet",
                &[],
                vec![arg("name", Type::Ref(Box::new(Type::String)))],
                Type::String,
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
            inspectable: false,
            skip_typescript: false,
        }],
        methods: vec![
            method(
                "__wbg_counter_new",
                "new",
                Receiver::None,
                Role::Constructor,
                vec![],
                Type::Named("Counter".into()),
            ),
            method(
                "__wbg_counter_increment",
                "increment",
                Receiver::RefMut,
                Role::Method,
                vec![],
                Type::U32,
            ),
        ],
        enums: vec![Enum {
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
                    docs: vec![],
                    value: EnumValue::Number(10),
                },
            ],
            skip_typescript: false,
        }],
        ..Module::default()
    }
}

/// Every file the target writes for `module()`, `.d.ts` included, as bindgen assembles it.
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
        "// ===== demo.d.ts =====\n{}",
        target.declarations(&glue.ts)
    ));
    out
}

#[test]
fn deno() {
    insta::assert_snapshot!(render(target::by_name("deno").unwrap()));
}

#[test]
fn no_modules() {
    insta::assert_snapshot!(render(target::by_name("no-modules").unwrap()));
}

/// `package.json` of each target, with every field Cargo.toml can supply.
#[test]
fn package_json_per_target() {
    let info = PackageInfo {
        name: Some("@acme/demo-crate".into()),
        version: Some("1.2.3".into()),
        description: Some("A \"demo\" crate".into()),
        license: Some("MIT OR Apache-2.0".into()),
        repository: Some("https://example.invalid/demo".into()),
        homepage: Some("https://example.invalid".into()),
        keywords: vec!["wasm".into(), "demo".into()],
        extra_files: vec!["README.md".into(), "LICENSE-MIT".into()],
    };
    let mut out = String::new();
    for name in target::NAMES {
        let target = target::by_name(name).unwrap();
        let mut files: Vec<String> = ["demo.js", "demo.d.ts", "demo_bg.wasm"]
            .map(String::from)
            .to_vec();
        if *name == "bundler" {
            files.push("demo_bg.js".into());
        }
        out.push_str(&format!(
            "// ===== --target {name} =====\n{}",
            package_json::render(&target.module_format("demo"), "demo", &info, &files, true)
        ));
    }
    out.push_str(&format!(
        "// ===== defaults, no TypeScript (--target nodejs) =====\n{}",
        package_json::render(
            &target::by_name("nodejs").unwrap().module_format("demo"),
            "demo",
            &PackageInfo::default(),
            &["demo.js".into(), "demo_bg.wasm".into()],
            false
        )
    ));
    insta::assert_snapshot!(out);
}
