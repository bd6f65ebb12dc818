//! Rewriting the wasm for output, section by section: runtime imports point at the glue,
//! the descriptor section and the `__wbgd_*` keeper exports go, the function table is
//! exported, DWARF goes unless kept. Every other section is copied byte for byte.

use crate::extract::is_intrinsic;
use crate::wasm_file::{self, WasmFile, CUSTOM, EXPORT, EXPORT_TABLE, IMPORT};

/// The output bytes of `module` with its runtime intrinsics imported from `glue_module`.
pub fn finish(module: &WasmFile<'_>, glue_module: &str, keep_debug: bool) -> Vec<u8> {
    let bytes = module.bytes;
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..8]);
    let exports = exports(module);
    let mut exports_written = false;
    for (id, range) in &module.sections {
        let (id, range) = (*id, range.clone());
        // An export section the input lacked goes before the first section ranked after it.
        if !exports_written
            && id != CUSTOM
            && wasm_file::section_rank(id) > wasm_file::section_rank(EXPORT)
        {
            wasm_file::write_section(&mut out, EXPORT, &exports);
            exports_written = true;
        }
        match id {
            CUSTOM => {
                let name = module
                    .customs
                    .iter()
                    .find(|(_, r)| *r == range)
                    .map_or("", |(n, _)| *n);
                let dropped = name == crate::descriptor::schema::SECTION
                    || (!keep_debug && name.starts_with(".debug_"));
                if !dropped {
                    wasm_file::write_section(&mut out, id, &bytes[range]);
                }
            }
            IMPORT => wasm_file::write_section(&mut out, id, &imports(module, range, glue_module)),
            EXPORT => {
                wasm_file::write_section(&mut out, id, &exports);
                exports_written = true;
            }
            _ => wasm_file::write_section(&mut out, id, &bytes[range]),
        }
    }
    if !exports_written {
        wasm_file::write_section(&mut out, EXPORT, &exports);
    }
    out
}

/// The import section with the intrinsics' module renamed; each entry's name and type are
/// copied as they are.
fn imports(module: &WasmFile<'_>, section: std::ops::Range<usize>, glue_module: &str) -> Vec<u8> {
    let bytes = module.bytes;
    let mut out = Vec::with_capacity(section.len());
    wasm_file::write_u32(&mut out, module.imports.len() as u32);
    for (i, import) in module.imports.iter().enumerate() {
        let end = module
            .imports
            .get(i + 1)
            .map_or(section.end, |next| next.offset);
        // The entry after its module name: a LEB128 length and the name's bytes.
        let mut at = import.offset;
        while bytes[at] & 0x80 != 0 {
            at += 1;
        }
        let rest = at + 1 + import.module.len();
        let module_name = if is_intrinsic(import) {
            glue_module
        } else {
            import.module
        };
        wasm_file::write_name(&mut out, module_name);
        out.extend_from_slice(&bytes[rest..end]);
    }
    out
}

/// The export section without the keepers, with `__wbindgen_table` (closures are invoked
/// from JS through the function table) when the module has one function table.
fn exports(module: &WasmFile<'_>) -> Vec<u8> {
    let keep: Vec<_> = module
        .exports
        .iter()
        .filter(|e| !e.name.starts_with(crate::descriptor::schema::KEEP_PREFIX))
        .collect();
    let table = match module.funcref_tables.as_slice() {
        [table] if !module.exports.iter().any(|e| e.name == "__wbindgen_table") => Some(*table),
        _ => None,
    };
    let mut out = Vec::new();
    wasm_file::write_u32(&mut out, (keep.len() + table.is_some() as usize) as u32);
    for e in keep {
        wasm_file::write_name(&mut out, e.name);
        out.push(e.kind);
        wasm_file::write_u32(&mut out, e.index);
    }
    if let Some(table) = table {
        wasm_file::write_name(&mut out, "__wbindgen_table");
        out.push(EXPORT_TABLE);
        wasm_file::write_u32(&mut out, table);
    }
    out
}
