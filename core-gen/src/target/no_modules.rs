//! `--target no-modules`: a classic `<script>` (no `import`/`export`) that defines one
//! global, `wasm_bindgen`: an async init function (by default it fetches the `.wasm` next to
//! the script) whose properties are the exports and `initSync`, as upstream does.

use super::{on_init, File, Target, HEADER};
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
function __wbg_get_imports() {{
    return {{ wbg: {intrinsics} }};
}}

function __wbg_finalize_init(instance, module) {{
    wasm = instance.exports;
    __wbg_init.__wbindgen_wasm_module = module;
{init}    return wasm;
}}

async function __wbg_load(source, imports) {{
    if (typeof Response === 'function' && source instanceof Response) {{
        if (typeof WebAssembly.instantiateStreaming === 'function') {{
            try {{
                return await WebAssembly.instantiateStreaming(source, imports);
            }} catch (e) {{
                if (source.headers.get('Content-Type') === 'application/wasm') throw e;
                console.warn('wasm served without Content-Type application/wasm; falling back to a slower instantiation', e);
            }}
        }}
        source = await source.arrayBuffer();
    }}
    const result = await WebAssembly.instantiate(source, imports);
    return result instanceof WebAssembly.Instance ? {{ instance: result, module: source }} : result;
}}

function initSync(module) {{
    if (wasm !== undefined) return wasm;
    if (module !== undefined && Object.getPrototypeOf(module) === Object.prototype) ({{ module }} = module);
    if (!(module instanceof WebAssembly.Module)) module = new WebAssembly.Module(module);
    const instance = new WebAssembly.Instance(module, __wbg_get_imports());
    return __wbg_finalize_init(instance, module);
}}

async function __wbg_init(module_or_path) {{
    if (wasm !== undefined) return wasm;
    if (module_or_path !== undefined && Object.getPrototypeOf(module_or_path) === Object.prototype) ({{ module_or_path }} = module_or_path);
    if (module_or_path === undefined) {{
        if (script_src === undefined) throw new Error('wasm_bindgen(): pass the URL or bytes of {out_name}_bg.wasm (the script\'s own URL is unknown)');
        module_or_path = script_src.replace(/\.js$/, '_bg.wasm');
    }}
    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {{
        module_or_path = fetch(module_or_path);
    }}
    const {{ instance, module }} = await __wbg_load(await module_or_path, __wbg_get_imports());
    return __wbg_finalize_init(instance, module);
}}

wasm_bindgen = Object.assign(__wbg_init, {{ initSync }}, __exports);
}})();
"#,
            support = glue.support_source(),
            intrinsics = glue.intrinsic_object(),
            init = on_init(glue, "    "),
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
        let mut body = String::new();
        for line in exports_ts.lines() {
            if line.is_empty() {
                body.push('\n');
            } else {
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
