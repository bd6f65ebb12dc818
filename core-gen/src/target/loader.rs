//! The loader `web` and `no-modules` share: the import object, instantiation from a
//! `Response` (streaming when served as `application/wasm`), bytes or a module, `initSync`
//! and the async `__wbg_init`. Only where the `.wasm` is found by default differs.

use super::on_init;
use crate::glue::Glue;

/// The loader's functions; `default_source` is the JS (indented four spaces, ending in a
/// newline) that sets `module_or_path` when the caller passed nothing.
pub(super) fn browser_loader(glue: &Glue, default_source: &str) -> String {
    format!(
        r#"function __wbg_get_imports() {{
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
{default_source}    if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {{
        module_or_path = fetch(module_or_path);
    }}
    const {{ instance, module }} = await __wbg_load(await module_or_path, __wbg_get_imports());
    return __wbg_finalize_init(instance, module);
}}
"#,
        intrinsics = glue.intrinsic_object(),
        init = on_init(glue, "    "),
    )
}
