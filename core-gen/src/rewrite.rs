//! Rewriting the wasm for output: runtime imports point at the glue, and the descriptor
//! section (already removed by `extract`) stays gone.

use walrus::Module;

use crate::extract::is_intrinsic;

/// Points the runtime intrinsics at `glue_module` and returns the final bytes.
pub fn finish(mut module: Module, glue_module: &str) -> Vec<u8> {
    // Closures are invoked from JS through the function table.
    if let Ok(Some(table)) = module.tables.main_function_table() {
        let exported = module.exports.iter().any(|e| e.name == "__wbindgen_table");
        if !exported {
            module.exports.add("__wbindgen_table", table);
        }
    }
    // The exports that only kept descriptor entries linked.
    let keepers: Vec<_> = module
        .exports
        .iter()
        .filter(|e| e.name.starts_with(crate::descriptor::schema::KEEP_PREFIX))
        .map(|e| e.id())
        .collect();
    for id in keepers {
        module.exports.delete(id);
    }
    for import in module.imports.iter_mut() {
        if is_intrinsic(&import.kind, &import.module) {
            import.module = glue_module.to_string();
        }
    }
    module.emit_wasm()
}
