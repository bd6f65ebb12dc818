//! `--target web`: an ES module with an async default `init` (fetches the wasm beside it
//! unless given bytes, a `Response` or a module) and `initSync`.

use super::{debug_exports_es, es_exports, on_init, File, Target, HEADER};
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
        let contents = format!(
            r#"{HEADER}let wasm;

{support}
{exports}{debug}
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
    if (module_or_path === undefined) module_or_path = new URL('{out_name}_bg.wasm', import.meta.url);
    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {{
        module_or_path = fetch(module_or_path);
    }}
    const {{ instance, module }} = await __wbg_load(await module_or_path, __wbg_get_imports());
    return __wbg_finalize_init(instance, module);
}}

export {{ initSync }};
export default __wbg_init;
"#,
            support = glue.support_source(),
            exports = es_exports(glue),
            debug = debug_exports_es(glue),
            intrinsics = glue.intrinsic_object(),
            init = on_init(glue, "    "),
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
