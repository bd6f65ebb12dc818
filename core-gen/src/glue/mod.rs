//! Target-independent glue: JS for every export, the helpers they need, the intrinsic
//! imports the module uses, and the `.d.ts` declarations. Targets (`crate::target`) only
//! decide how these pieces are wrapped into files.

mod class;
mod closure;
pub mod convert;
pub mod helpers;
pub mod import;
pub mod intrinsics;
pub mod js;
pub mod js_text;
mod namespace;
pub mod package_json;
pub mod snippet;
pub mod ts;

use helpers::HelperSet;
use js::{jsdoc_tags, render_call, Call, JsExport, Returns, This};
use js_text::{doc_comment, enum_values_name, member_access, quote};

use crate::descriptor::{
    leaf_name, EnumValue, Function, ImportModule, ImportOp, Module, Snippet, Struct,
};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GlueError {
    #[error("`{item}` cannot be exported: {what}")]
    Unsupported { item: String, what: String },
    #[error(
        "the module imports `{0}` from the wasm-bindgen runtime, which this generator does not provide; \
         use the same version of the `wasm-bindgen` crate and of the CLI"
    )]
    UnknownIntrinsic(String),
    #[error("the import `{item}` cannot be generated: {what}")]
    Import { item: String, what: String },
    #[error("the JS snippet `{path}` cannot be converted for --target nodejs: {why}")]
    Snippet { path: String, why: String },
}

impl GlueError {
    pub fn unsupported(item: &str, what: impl Into<String>) -> Self {
        GlueError::Unsupported {
            item: item.to_string(),
            what: what.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct GlueOptions {
    /// Extra checks and introspection (`__wbg_heap_stats`) for tests and debugging.
    pub debug: bool,
    /// Free class instances JS forgot through a `FinalizationRegistry` (where available).
    pub weak_refs: bool,
    /// The output is an ES module; otherwise CommonJS (module imports become `require`,
    /// snippets are converted).
    pub es_module: bool,
}

impl Default for GlueOptions {
    fn default() -> Self {
        GlueOptions {
            debug: false,
            weak_refs: true,
            es_module: true,
        }
    }
}

/// Everything a target needs to write its files.
#[derive(Debug)]
pub struct Glue {
    pub helpers: HelperSet,
    /// Enums, classes and functions, in output order.
    pub exports: Vec<JsExport>,
    /// Module-level statements no export owns (enum value tables).
    pub internals: String,
    /// `(import name, function source)` for every function the wasm imports from the
    /// glue: runtime intrinsics and the user's imports.
    pub intrinsics: Vec<(String, String)>,
    /// `import`/`require` statements for the JS modules the imports use.
    pub module_imports: String,
    /// Files to write under the output directory (converted for CommonJS if needed).
    pub snippets: Vec<Snippet>,
    /// Statements run once the instance exists (return area, `start` functions).
    pub on_init: Vec<String>,
    /// `.d.ts` declarations of the exports.
    pub ts: String,
}

/// Builds the glue for `module`, whose wasm imports `intrinsic_imports` from the runtime.
pub fn build(
    module: &Module,
    intrinsic_imports: &[String],
    options: &GlueOptions,
) -> Result<Glue, GlueError> {
    let mut helpers = HelperSet::with_debug(options.debug);
    let mut exports = Vec::new();
    let mut internals = String::new();
    let mut ts = String::new();
    let mut on_init = Vec::new();
    let mut namespaces = namespace::Namespaces::default();
    // A top-level export, or an item of its `js_namespace` object.
    let mut place = |export: JsExport, ns: &[String], ts: bool| {
        if ns.is_empty() {
            exports.push(export);
            Ok(())
        } else {
            let key = leaf_name(ns, &export.name).to_string();
            namespaces.add(ns, &key, export, ts)
        }
    };
    for e in &module.enums {
        let values: Vec<String> = e
            .variants
            .iter()
            .map(|v| match &v.value {
                EnumValue::Number(n) => n.to_string(),
                EnumValue::String(s) => quote(s),
            })
            .collect();
        internals.push_str(&format!(
            "const {} = [{}];\n",
            enum_values_name(&e.js_name),
            values.join(", ")
        ));
        if !e.is_string() {
            let export = JsExport {
                name: e.js_name.clone(),
                before: String::new(),
                doc: doc_comment(&e.docs, &[], ""),
                decl: format!(
                    "const {} = Object.freeze({});\n",
                    e.js_name,
                    js::enum_object(&e.variants)
                ),
            };
            place(export, &e.namespace, !e.skip_typescript)?;
        }
        if !e.skip_typescript {
            ts.push_str(&ts::enum_declaration(e));
        }
    }
    // A parent class before its children: `class Dog extends Animal` needs `Animal` declared.
    let mut structs: Vec<&Struct> = module.structs.iter().collect();
    structs.sort_by_key(|s| module.ancestors(s).map_or(0, |a| a.len()));
    for s in structs {
        let export = class::render_class(s, module, &mut helpers, options.weak_refs)?;
        place(export, &s.namespace, !s.skip_typescript)?;
        if !s.skip_typescript {
            ts.push_str(&ts::class_declaration(s, module));
        }
    }
    for f in &module.functions {
        if f.start {
            on_init.push(format!("{}();", member_access("wasm", &f.export)));
            continue;
        }
        let export = render_function(f, module, &mut helpers)?;
        place(export, &f.namespace, !f.skip_typescript)?;
        if !f.skip_typescript {
            ts.push_str(&ts::function_declaration(f));
        }
    }
    if let Some(root) = namespaces
        .roots()
        .find(|root| exports.iter().any(|e| e.name == *root))
    {
        return Err(GlueError::unsupported(
            root,
            "it names both an export and a `js_namespace` object",
        ));
    }
    exports.extend(namespaces.exports());
    ts.push_str(&namespaces.ts());
    let mut intrinsics = Vec::new();
    let mut intrinsic_imports = intrinsic_imports.to_vec();
    // Table order, then import name, so the output does not depend on link order.
    intrinsic_imports.sort_by_key(|n| {
        (
            intrinsics::INTRINSICS
                .iter()
                .position(|(i, _, _)| i == n)
                .unwrap_or(usize::MAX),
            n.clone(),
        )
    });
    intrinsic_imports.dedup();
    let mut module_uses = import::ModuleImports::new(options.es_module);
    let mut captures = import::Captures::default();
    let mut callers = closure::Callers::default();
    for name in &intrinsic_imports {
        if let Some((name, uses, source)) = intrinsics::find(name) {
            for h in *uses {
                helpers.require(h);
            }
            intrinsics.push((name.to_string(), source.to_string()));
        } else if name == "__wbg_closure_new" || name == "__wbg_closure_drop" {
            let (new, drop) =
                closure::intrinsics(&module.closures, &mut callers, module, &mut helpers).map_err(
                    |what| GlueError::Import {
                        item: "Closure".into(),
                        what,
                    },
                )?;
            intrinsics.push((
                name.clone(),
                if name == "__wbg_closure_new" {
                    new
                } else {
                    drop
                },
            ));
        } else if let Some(source) = class::wrap_intrinsic(name, module, &mut helpers) {
            intrinsics.push((name.clone(), source));
        } else if let Some(source) = class::unwrap_intrinsic(name, module, &mut helpers) {
            intrinsics.push((name.clone(), source));
        } else if let Some(imp) = module.imports.iter().find(|i| &i.wasm_name == name) {
            let source = import::render(
                imp,
                module,
                &mut helpers,
                &mut module_uses,
                &mut captures,
                &mut callers,
            )
            .map_err(|what| GlueError::Import {
                item: imp.js_name.clone(),
                what,
            })?;
            intrinsics.push((name.clone(), source));
        } else {
            return Err(GlueError::UnknownIntrinsic(name.clone()));
        }
    }
    for r in &module.reexports {
        if exports.iter().any(|e| e.name == r.export_name) {
            return Err(GlueError::Import {
                item: r.js_name.clone(),
                what: format!(
                    "`reexport` exports it as `{}`, which the module already exports; give \
                     another name (`reexport = \"other\"`)",
                    r.export_name
                ),
            });
        }
        let value = import::reexport_value(r, &mut module_uses);
        exports.push(JsExport {
            name: r.export_name.clone(),
            before: String::new(),
            doc: String::new(),
            decl: format!("const {} = {value};\n", r.export_name),
        });
        ts.push_str(&format!("export const {}: any;\n", r.export_name));
    }
    let captured = captures.source();
    let module_imports = module_uses.statements();
    // After the module imports and helpers: read when the module loads.
    internals.push_str(&captured);
    internals.push_str(&callers.source);
    let mut snippets = Vec::new();
    for s in &module.snippets {
        let contents = if options.es_module || only_linked(module, &s.path) {
            s.contents.clone()
        } else {
            snippet::esm_to_cjs(&s.contents).map_err(|why| GlueError::Snippet {
                path: s.path.clone(),
                why,
            })?
        };
        snippets.push(Snippet {
            path: s.path.clone(),
            contents,
        });
    }
    for section in &module.ts_sections {
        ts.push_str(section);
        ts.push_str("\n\n");
    }
    if options.debug {
        helpers.require("heapStats");
        ts.push_str(ts::HEAP_STATS_DECLARATION);
    }
    if helpers.contains("retArea") {
        // Before `start` functions, which may already return strings through it.
        on_init.insert(0, "retArea = wasm.__wbindgen_ret_area() >>> 0;".to_string());
    }
    if helpers.contains("borrowLog") {
        on_init.insert(
            0,
            "borrowDepthPtr = wasm.__wbindgen_borrow_depth_ptr() >>> 0;".to_string(),
        );
    }
    let others: Vec<&str> = intrinsics
        .iter()
        .map(|(_, src)| src.as_str())
        .chain([internals.as_str(), module_imports.as_str()])
        .collect();
    class::drop_unused_members(&mut exports, &module.structs, &others.join("\n"));
    Ok(Glue {
        helpers,
        exports,
        internals,
        intrinsics,
        module_imports,
        snippets,
        on_init,
        ts,
    })
}

/// Whether the snippet at `path` is only a `link_to!` target: the glue never loads it, so
/// it is written as it is, whatever the module format.
fn only_linked(module: &Module, path: &str) -> bool {
    let here = |m: &ImportModule| matches!(m, ImportModule::Snippet(p) if p == path);
    let linked = |op: ImportOp| op == ImportOp::Link;
    module
        .imports
        .iter()
        .any(|i| linked(i.op) && here(&i.module))
        && !module
            .imports
            .iter()
            .any(|i| !linked(i.op) && here(&i.module))
        && !module.import_types.iter().any(|t| here(&t.module))
        && !module.reexports.iter().any(|r| here(&r.module))
}

fn render_function(
    f: &Function,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<JsExport, GlueError> {
    let call = Call {
        export: &f.export,
        args: &f.args,
        ret: &f.ret,
        this: This::None,
        callee: None,
    };
    let (params, body) = render_call(&call, module, helpers, "    ")
        .map_err(|w| GlueError::unsupported(&f.js_name, w))?;
    Ok(JsExport {
        name: f.js_name.clone(),
        before: String::new(),
        doc: doc_comment(
            &f.docs,
            &jsdoc_tags(f.skip_jsdoc, &f.args, Some(Returns::of_function(f))),
            "",
        ),
        decl: format!(
            "function {}({}) {{\n{}}}\n",
            f.js_name,
            params.join(", "),
            body
        ),
    })
}

impl Glue {
    /// Names JS users can import besides the exports (debug introspection).
    pub fn extra_exports(&self) -> Vec<&'static str> {
        if self.helpers.contains("heapStats") {
            vec!["__wbg_heap_stats"]
        } else {
            vec![]
        }
    }

    /// Helpers and intrinsic functions, shared by every target.
    pub fn support_source(&self) -> String {
        let mut out = self.module_imports.clone();
        if !out.is_empty() {
            out.push('\n');
        }
        // Everything else the targets emit that may name a helper.
        let mut rest: Vec<&str> = vec![&self.module_imports, &self.internals];
        rest.extend(self.intrinsics.iter().map(|(_, src)| src.as_str()));
        rest.extend(self.exports.iter().flat_map(|e| [&*e.before, &*e.decl]));
        rest.extend(self.on_init.iter().map(String::as_str));
        rest.extend(self.extra_exports());
        out.push_str(&self.helpers.render(&rest.join("\n")));
        if !self.internals.is_empty() {
            out.push('\n');
            out.push_str(&self.internals);
        }
        for (_, src) in &self.intrinsics {
            out.push('\n');
            out.push_str(src);
            out.push('\n');
        }
        out
    }

    /// `{ name, name, ... }` of the intrinsic imports.
    pub fn intrinsic_object(&self) -> String {
        let names: Vec<&str> = self.intrinsics.iter().map(|(n, _)| n.as_str()).collect();
        if names.is_empty() {
            "{}".to_string()
        } else {
            format!("{{\n        {},\n    }}", names.join(",\n        "))
        }
    }
}
