//! `--target web`: an ES module with an async default `init` (fetches the wasm beside it
//! unless given bytes, a `Response` or a module) and `initSync`.

use super::loader::browser_loader;
use super::{debug_exports_es, es_exports, File, Target, HEADER};
use crate::glue::Glue;

pub struct Web;

impl Target for Web {
    fn name(&self) -> &'static str {
        "web"
    }

    fn is_es_module(&self) -> bool {
        true
    }

    fn import_module(&self, _out_name: &str) -> String {
        "wbg".into()
    }

    fn js_files(&self, glue: &Glue, out_name: &str) -> Vec<File> {
        let default_source = format!(
            "    if (module_or_path === undefined) module_or_path = new URL('{out_name}_bg.wasm', import.meta.url);\n"
        );
        let contents = format!(
            r#"{HEADER}let wasm;

{support}
{exports}{debug}
{loader}
export {{ initSync }};
export default __wbg_init;
"#,
            support = glue.support_source(),
            exports = es_exports(glue),
            debug = debug_exports_es(glue),
            loader = browser_loader(glue, &default_source),
        );
        vec![File {
            path: format!("{out_name}.js"),
            contents,
        }]
    }

    fn ts_extra(&self) -> &'static str {
        r#"
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;
export type InitOutput = WebAssembly.Exports & { readonly memory: WebAssembly.Memory };

/**
 * Instantiates the module synchronously from bytes or a compiled module.
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Loads and instantiates the module; by default fetches the `.wasm` next to this file.
 */
export default function __wbg_init(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
"#
    }
}
