//! `--target deno`: an ES module that reads the wasm beside it (`Deno.readFile` for local
//! files, `fetch` for http(s) URLs) and instantiates it with top-level await, so importing
//! the module is all a Deno program does.

use super::{debug_exports_es, es_exports, on_init, File, Target, HEADER};
use crate::glue::Glue;

pub struct Deno;

impl Target for Deno {
    fn name(&self) -> &'static str {
        "deno"
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

async function __wbg_read(url) {{
    if (url.protocol === 'file:') return await Deno.readFile(url);
    if (url.protocol === 'http:' || url.protocol === 'https:') {{
        const response = await fetch(url);
        if (!response.ok) throw new Error(`cannot fetch ${{url}}: HTTP ${{response.status}}`);
        return new Uint8Array(await response.arrayBuffer());
    }}
    throw new Error(`cannot load ${{url}}: unsupported protocol ${{url.protocol}}`);
}}

const __wbg_bytes = await __wbg_read(new URL('{out_name}_bg.wasm', import.meta.url));
const {{ instance: __wbg_instance }} = await WebAssembly.instantiate(__wbg_bytes, __wbg_get_imports());
wasm = __wbg_instance.exports;
{init}"#,
            support = glue.support_source(),
            exports = es_exports(glue),
            debug = debug_exports_es(glue),
            intrinsics = glue.intrinsic_object(),
            init = on_init(glue, ""),
        );
        vec![File {
            path: format!("{out_name}.js"),
            contents,
        }]
    }

    fn side_effects(&self, out_name: &str) -> Option<Vec<String>> {
        // Importing the module loads and instantiates the wasm.
        Some(vec![format!("./{out_name}.js")])
    }
}
