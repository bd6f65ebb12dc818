//! Target-independent glue: JS for every export, the helpers they need, the intrinsic
//! imports the module uses, and the `.d.ts` declarations. Targets (`crate::target`) only
//! decide how these pieces are wrapped into files.

mod class;
pub mod helpers;
pub mod intrinsics;
pub mod js;
pub mod package_json;
pub mod ts;

use helpers::HelperSet;
use js::{doc_comment, enum_values_name, jsdoc_tags, quote, render_call, Call, JsExport, This};

use crate::descriptor::{EnumValue, Function, Module};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GlueError {
    #[error("`{item}` cannot be exported: {what}")]
    Unsupported { item: String, what: String },
    #[error(
        "the module imports `{0}` from the wasm-bindgen runtime, which this generator does not provide; \
         use the same version of the `wasm-bindgen` crate and of the CLI"
    )]
    UnknownIntrinsic(String),
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
}

impl Default for GlueOptions {
    fn default() -> Self {
        GlueOptions {
            debug: false,
            weak_refs: true,
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
    /// `(import name, function source)` for each runtime intrinsic the wasm imports.
    pub intrinsics: Vec<(String, String)>,
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
    let mut helpers = HelperSet::default();
    let mut exports = Vec::new();
    let mut internals = String::new();
    let mut ts = String::new();
    let mut on_init = Vec::new();
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
            exports.push(JsExport {
                name: e.js_name.clone(),
                before: String::new(),
                doc: doc_comment(&e.docs, &[], ""),
                decl: format!(
                    "const {} = Object.freeze({});\n",
                    e.js_name,
                    js::enum_object(&e.variants)
                ),
            });
        }
        if !e.skip_typescript {
            ts.push_str(&ts::enum_declaration(e));
        }
    }
    for s in &module.structs {
        exports.push(class::render_class(
            s,
            module,
            &mut helpers,
            options.weak_refs,
        )?);
        if !s.skip_typescript {
            ts.push_str(&ts::class_declaration(s, module));
        }
    }
    for f in &module.functions {
        if f.start {
            on_init.push(format!("wasm.{}();", js::js_property(&f.export)));
            continue;
        }
        exports.push(render_function(f, module, &mut helpers)?);
        if !f.skip_typescript {
            ts.push_str(&ts::function_declaration(f));
        }
    }
    let mut intrinsics = Vec::new();
    let mut intrinsic_imports = intrinsic_imports.to_vec();
    // Table order, so the output does not depend on link order.
    intrinsic_imports.sort_by_key(|n| intrinsics::INTRINSICS.iter().position(|(i, _, _)| i == n));
    intrinsic_imports.dedup();
    for name in &intrinsic_imports {
        let (name, uses, source) =
            intrinsics::find(name).ok_or_else(|| GlueError::UnknownIntrinsic(name.clone()))?;
        for h in *uses {
            helpers.require(h);
        }
        intrinsics.push((name.to_string(), source.to_string()));
    }
    if options.debug {
        helpers.require("heapStats");
    }
    if helpers.contains("retArea") {
        // Before `start` functions, which may already return strings through it.
        on_init.insert(0, "retArea = wasm.__wbindgen_ret_area() >>> 0;".to_string());
    }
    Ok(Glue {
        helpers,
        exports,
        internals,
        intrinsics,
        on_init,
        ts,
    })
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
    };
    let (params, body) = render_call(&call, module, helpers, "    ")
        .map_err(|w| GlueError::unsupported(&f.js_name, w))?;
    Ok(JsExport {
        name: f.js_name.clone(),
        before: String::new(),
        doc: doc_comment(&f.docs, &jsdoc_tags(&f.args, Some(&f.ret)), ""),
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
        let mut out = self.helpers.render();
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
