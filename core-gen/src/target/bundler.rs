//! `--target bundler`: an ES module that imports `./{name}_bg.wasm` directly (webpack,
//! Vite, Node's `--experimental-wasm-modules`). The wasm imports the runtime intrinsics
//! from `./{name}_bg.js`, which holds all glue; `{name}.js` wires the two together.

use super::{debug_exports_es, es_exports, on_init, File, Target, HEADER};
use crate::glue::Glue;

pub struct Bundler;

impl Target for Bundler {
    fn name(&self) -> &'static str {
        "bundler"
    }

    fn is_es_module(&self) -> bool {
        true
    }

    fn import_module(&self, out_name: &str) -> String {
        format!("./{out_name}_bg.js")
    }

    fn js_files(&self, glue: &Glue, out_name: &str) -> Vec<File> {
        let entry = format!(
            r#"{HEADER}import * as wasm from './{out_name}_bg.wasm';
import {{ __wbg_set_wasm }} from './{out_name}_bg.js';
__wbg_set_wasm(wasm);
export * from './{out_name}_bg.js';
"#
        );
        let names: Vec<&str> = glue.intrinsics.iter().map(|(n, _)| n.as_str()).collect();
        let intrinsic_exports = if names.is_empty() {
            String::new()
        } else {
            format!("export {{ {} }};\n", names.join(", "))
        };
        let bg = format!(
            r#"{HEADER}let wasm;

export function __wbg_set_wasm(exports) {{
    wasm = exports;
{init}}}

{support}
{exports}{debug}{intrinsic_exports}"#,
            init = on_init(glue, "    "),
            support = glue.support_source(),
            exports = es_exports(glue),
            debug = debug_exports_es(glue),
        );
        vec![
            File {
                path: format!("{out_name}.js"),
                contents: entry,
            },
            File {
                path: format!("{out_name}_bg.js"),
                contents: bg,
            },
        ]
    }

    fn side_effects(&self, out_name: &str) -> Option<Vec<String>> {
        Some(vec![format!("./{out_name}.js"), "./snippets/*".into()])
    }
}
