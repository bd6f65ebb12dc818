//! Target-independent glue: JS for every export, the helpers they need, the intrinsic
//! imports the module uses, and the `.d.ts` declarations. Targets (`crate::target`) only
//! decide how these pieces are wrapped into files.

pub mod helpers;
pub mod intrinsics;
pub mod js;
pub mod package_json;
pub mod ts;

use helpers::HelperSet;
use js::JsFunction;

use crate::descriptor::Module;

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

#[derive(Debug, Clone, Default)]
pub struct GlueOptions {
    /// Extra checks and introspection (`__wbg_heap_stats`) for tests and debugging.
    pub debug: bool,
}

/// Everything a target needs to write its files.
#[derive(Debug)]
pub struct Glue {
    pub helpers: HelperSet,
    /// Exported functions in output order.
    pub functions: Vec<JsFunction>,
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
    let mut functions = Vec::new();
    let mut ts = String::new();
    let mut on_init = Vec::new();
    for f in &module.functions {
        if f.start {
            on_init.push(format!("wasm.{}();", js::js_property(&f.export)));
            continue;
        }
        functions.push(js::render_function(f, &mut helpers)?);
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
        functions,
        intrinsics,
        on_init,
        ts,
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
