//! `--target nodejs`: CommonJS that reads and instantiates the wasm synchronously on
//! `require`.

use super::{on_init, File, Target, HEADER};
use crate::glue::Glue;

pub struct Nodejs;

impl Target for Nodejs {
    fn name(&self) -> &'static str {
        "nodejs"
    }

    fn is_es_module(&self) -> bool {
        false
    }

    fn import_module(&self, _out_name: &str) -> String {
        "wbg".into()
    }

    fn js_files(&self, glue: &Glue, out_name: &str) -> Vec<File> {
        let mut exports = String::new();
        for e in &glue.exports {
            exports.push_str(&format!(
                "{}{}{}exports.{} = {};\n\n",
                e.before, e.doc, e.decl, e.name, e.name
            ));
        }
        for extra in glue.extra_exports() {
            exports.push_str(&format!("exports.{extra} = {extra};\n"));
        }
        let contents = format!(
            r#"{HEADER}'use strict';

{support}
{exports}
function __wbg_get_imports() {{
    return {{ wbg: {intrinsics} }};
}}

const wasmPath = require('path').join(__dirname, '{out_name}_bg.wasm');
const wasmModule = new WebAssembly.Module(require('fs').readFileSync(wasmPath));
// A `const` binding lets V8 treat `wasm` as constant in every call below (measured: the
// numeric call overhead drops to raw-wasm level).
const wasm = new WebAssembly.Instance(wasmModule, __wbg_get_imports()).exports;
exports.__wasm = wasm;
{init}"#,
            support = glue.support_source(),
            intrinsics = glue.intrinsic_object(),
            init = on_init(glue, ""),
        );
        vec![File {
            path: format!("{out_name}.js"),
            contents,
        }]
    }
}
