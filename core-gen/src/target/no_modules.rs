//! `--target no-modules`: a classic `<script>` (no `import`/`export`) that defines one
//! global, `wasm_bindgen`: an async init function (by default it fetches the `.wasm` next to
//! the script) whose properties are the exports and `initSync`, as upstream does.

use super::loader::browser_loader;
use super::{File, Target, HEADER};
use crate::glue::Glue;

pub struct NoModules;

impl Target for NoModules {
    fn name(&self) -> &'static str {
        "no-modules"
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
                "{}{}{}__exports.{} = {};\n\n",
                e.before, e.doc, e.decl, e.name, e.name
            ));
        }
        for extra in glue.extra_exports() {
            exports.push_str(&format!("__exports.{extra} = {extra};\n"));
        }
        let default_source = format!(
            r#"    if (module_or_path === undefined) {{
        if (script_src === undefined) throw new Error('wasm_bindgen(): pass the URL or bytes of {out_name}_bg.wasm (the script\'s own URL is unknown)');
        module_or_path = script_src.replace(/\.js$/, '_bg.wasm');
    }}
"#
        );
        let contents = format!(
            r#"{HEADER}let wasm_bindgen;
(function() {{
const __exports = {{}};
// Captured now: `document.currentScript` is only set while the script first runs.
let script_src;
if (typeof document !== 'undefined' && document.currentScript !== null) {{
    script_src = new URL(document.currentScript.src, location.href).toString();
}}
let wasm;

{support}
{exports}
{loader}
wasm_bindgen = Object.assign(__wbg_init, {{ initSync }}, __exports);
}})();
"#,
            support = glue.support_source(),
            loader = browser_loader(glue, &default_source),
        );
        vec![File {
            path: format!("{out_name}.js"),
            contents,
        }]
    }

    fn loads_js_modules(&self) -> bool {
        false
    }

    fn declarations(&self, exports_ts: &str) -> String {
        // The exports are properties of the global `wasm_bindgen` function: a namespace
        // merged with the function declaration says exactly that.
        // Items under a `js_namespace` are `declare`d at the top level of a module's
        // `.d.ts`; inside this namespace, already ambient, `declare` is an error.
        let mut body = String::new();
        for line in exports_ts.lines() {
            if line.is_empty() {
                body.push('\n');
            } else {
                let line = line.strip_prefix("declare ").unwrap_or(line);
                body.push_str(&format!("  {line}\n"));
            }
        }
        format!(
            r#"declare namespace wasm_bindgen {{
{body}
  /**
   * Instantiates the module synchronously from bytes or a compiled module.
   */
  export function initSync(module: {{ module: SyncInitInput }} | SyncInitInput): InitOutput;
}}

declare type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
declare type SyncInitInput = BufferSource | WebAssembly.Module;
declare type InitOutput = WebAssembly.Exports & {{ readonly memory: WebAssembly.Memory }};

/**
 * Loads and instantiates the module; by default fetches the `.wasm` next to the script.
 */
declare function wasm_bindgen(module_or_path?: {{ module_or_path: InitInput | Promise<InitInput> }} | InitInput | Promise<InitInput>): Promise<InitOutput>;
"#
        )
    }
}
