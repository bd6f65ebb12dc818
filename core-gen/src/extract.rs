//! Reading a rustc-built `.wasm`: the descriptor section, the runtime intrinsics it
//! imports, and a check that every described export has the wasm signature the
//! descriptors imply. Never panics on foreign or damaged input.

use walrus::{ExportItem, ImportKind, Module};

use crate::abi::{self, ValType};
use crate::descriptor::{self, schema, DecodeError};

/// The module the runtime crate's intrinsics are imported from before rewriting.
pub const PLACEHOLDER_MODULE: &str = "__wbindgen_placeholder__";
/// Upstream wasm-bindgen's custom section, to recognise modules built against it.
const UPSTREAM_SECTION: &str = "__wasm_bindgen_unstable";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("not a WebAssembly module (it does not start with the `\\0asm` magic number)")]
    NotWasm,
    #[error("damaged WebAssembly module: {0}")]
    Invalid(String),
    #[error(
        "this module was built with the upstream `wasm-bindgen` crate, not wbg's; depend on wbg's \
         `wasm-bindgen` (path or [patch.crates-io]) and rebuild"
    )]
    Upstream,
    #[error("this module was already processed by wbg (its descriptors are gone); run bindgen on the `.wasm` that cargo built")]
    AlreadyProcessed,
    #[error("no #[wasm_bindgen] descriptors found: build the crate with wbg's `wasm-bindgen` crate as a dependency")]
    NotWbg,
    #[error("{0}")]
    Descriptor(#[from] DecodeError),
    #[error("descriptor for `{0}` names a wasm export that does not exist; the module may have been altered after it was built")]
    MissingExport(String),
    #[error("wasm function `{name}` has signature ({actual}) but its descriptor implies ({expected}); the crate and CLI disagree on the ABI: use the same wbg version for both")]
    Signature {
        name: String,
        expected: String,
        actual: String,
    },
    #[error("`{item}` cannot be exported: {what}")]
    Unsupported { item: String, what: String },
}

/// What `extract` found.
#[derive(Debug)]
pub struct Extracted {
    pub descriptors: descriptor::Module,
    /// Names of the runtime intrinsics the module imports, in import order.
    pub intrinsic_imports: Vec<String>,
}

/// Parses bytes into a walrus module, turning parser errors and panics into one line.
pub fn parse(bytes: &[u8], keep_debug: bool) -> Result<Module, ExtractError> {
    if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
        return Err(ExtractError::NotWasm);
    }
    let mut config = walrus::ModuleConfig::new();
    config.generate_dwarf(keep_debug);
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| config.parse(bytes)));
    match parsed {
        Ok(Ok(module)) => Ok(module),
        Ok(Err(e)) => Err(ExtractError::Invalid(first_line(&format!("{e:#}")))),
        Err(_) => Err(ExtractError::Invalid(
            "the wasm parser could not read it".into(),
        )),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

/// Removes the descriptor section from `module` and decodes it.
pub fn extract(module: &mut Module) -> Result<Extracted, ExtractError> {
    let intrinsic_imports: Vec<String> = module
        .imports
        .iter()
        .filter(|i| i.module == PLACEHOLDER_MODULE)
        .map(|i| i.name.clone())
        .collect();
    let Some(section) = module.customs.remove_raw(schema::SECTION) else {
        if module
            .customs
            .iter()
            .any(|(_, s)| s.name() == UPSTREAM_SECTION)
        {
            return Err(ExtractError::Upstream);
        }
        if module
            .imports
            .iter()
            .any(|i| i.module == "wbg" || i.module.ends_with("_bg.js"))
        {
            return Err(ExtractError::AlreadyProcessed);
        }
        return Err(ExtractError::NotWbg);
    };
    let mut descriptors = descriptor::decode_section(&section.data)?;
    for f in &descriptors.functions {
        let args: Vec<_> = f.args.iter().map(|a| a.ty.clone()).collect();
        check_export(module, &f.export, &f.js_name, &args, &f.ret)?;
    }
    for m in &descriptors.methods {
        // The receiver travels as the object's pointer.
        let receiver = (m.receiver != descriptor::Receiver::None).then_some(descriptor::Type::U32);
        let args: Vec<_> = receiver
            .into_iter()
            .chain(m.args.iter().map(|a| a.ty.clone()))
            .collect();
        check_export(
            module,
            &m.export,
            &format!("{}.{}", m.class, m.js_name),
            &args,
            &m.ret,
        )?;
    }
    for imp in &descriptors.imports {
        // The linker drops imports nothing calls; their descriptors stay behind.
        let Some(func) = module.imports.iter().find_map(|i| match i.kind {
            ImportKind::Function(f)
                if i.module == PLACEHOLDER_MODULE && i.name == imp.wasm_name =>
            {
                Some(f)
            }
            _ => None,
        }) else {
            continue;
        };
        let args: Vec<_> = imp.args.iter().map(|a| a.ty.clone()).collect();
        let ret = if imp.op == descriptor::ImportOp::InstanceOf {
            descriptor::Type::Bool
        } else {
            imp.ret.clone()
        };
        compare(module, func, &imp.wasm_name, &imp.js_name, &args, &ret)?;
    }
    if intrinsic_imports.iter().any(|n| n == "__wbg_closure_new") {
        descriptors.closures = scan_closures(module);
    }
    Ok(Extracted {
        descriptors,
        intrinsic_imports,
    })
}

fn check_export(
    module: &Module,
    export: &str,
    item: &str,
    args: &[descriptor::Type],
    ret: &descriptor::Type,
) -> Result<(), ExtractError> {
    let func = module
        .exports
        .iter()
        .find_map(|e| match e.item {
            ExportItem::Function(f) if e.name == export => Some(f),
            _ => None,
        })
        .ok_or_else(|| ExtractError::MissingExport(item.to_string()))?;
    compare(module, func, export, item, args, ret)
}

/// Checks that `func`'s wasm type is what the descriptor types imply.
fn compare(
    module: &Module,
    func: walrus::FunctionId,
    name: &str,
    item: &str,
    args: &[descriptor::Type],
    ret: &descriptor::Type,
) -> Result<(), ExtractError> {
    let export = name;
    let unsupported = |e: abi::Unsupported| ExtractError::Unsupported {
        item: item.to_string(),
        what: e.0,
    };
    let mut expected_params = Vec::new();
    for a in args {
        expected_params.extend(abi::param(a).map_err(unsupported)?);
    }
    let expected_results: Vec<ValType> = abi::result(ret)
        .map_err(unsupported)?
        .into_iter()
        .take(1)
        .collect();
    let ty = module.types.get(module.funcs.get(func).ty());
    let actual_params: Vec<Option<ValType>> = ty.params().iter().map(convert).collect();
    let actual_results: Vec<Option<ValType>> = ty.results().iter().map(convert).collect();
    let same = actual_params == expected_params.iter().map(|v| Some(*v)).collect::<Vec<_>>()
        && actual_results
            == expected_results
                .iter()
                .map(|v| Some(*v))
                .collect::<Vec<_>>();
    if !same {
        let show = |p: &[Option<ValType>], r: &[Option<ValType>]| {
            let f = |v: &Option<ValType>| v.map_or("?".to_string(), |v| v.to_string());
            format!(
                "{}) -> ({}",
                p.iter().map(f).collect::<Vec<_>>().join(", "),
                r.iter().map(f).collect::<Vec<_>>().join(", ")
            )
        };
        let wrap = |v: &[ValType]| v.iter().map(|x| Some(*x)).collect::<Vec<_>>();
        return Err(ExtractError::Signature {
            name: export.to_string(),
            expected: show(&wrap(&expected_params), &wrap(&expected_results)),
            actual: show(&actual_params, &actual_results),
        });
    }
    Ok(())
}

fn convert(v: &walrus::ValType) -> Option<ValType> {
    match v {
        walrus::ValType::I32 => Some(ValType::I32),
        walrus::ValType::I64 => Some(ValType::I64),
        walrus::ValType::F32 => Some(ValType::F32),
        walrus::ValType::F64 => Some(ValType::F64),
        _ => None,
    }
}

/// True when the import is a function from the runtime placeholder module.
pub fn is_intrinsic(kind: &ImportKind, module: &str) -> bool {
    matches!(kind, ImportKind::Function(_)) && module == PLACEHOLDER_MODULE
}

/// The initial contents of linear memory: every active data segment at its offset, gaps
/// as zeros (wasm-opt splits segments at runs of zeros).
/// The initial contents of linear memory as runs of bytes: active data segments sorted by
/// address, with touching or overlapping ones merged. Sparse on purpose: a segment placed
/// at a huge offset (a damaged or hostile module) costs its own size, not the offset.
struct MemoryImage {
    runs: Vec<(usize, Vec<u8>)>,
}

impl MemoryImage {
    fn of(module: &Module) -> MemoryImage {
        let mut segments: Vec<(usize, &[u8])> = module
            .data
            .iter()
            .filter_map(|data| match data.kind {
                walrus::DataKind::Active {
                    offset: walrus::ConstExpr::Value(walrus::ir::Value::I32(offset)),
                    ..
                } => Some((offset as u32 as usize, data.value.as_slice())),
                _ => None,
            })
            .collect();
        segments.sort_by_key(|&(start, _)| start);
        let mut runs: Vec<(usize, Vec<u8>)> = Vec::new();
        for (start, bytes) in segments {
            match runs.last_mut() {
                Some((run_start, run)) if start <= *run_start + run.len() => {
                    let at = start - *run_start;
                    let end = at + bytes.len();
                    if run.len() < end {
                        run.resize(end, 0);
                    }
                    run[at..end].copy_from_slice(bytes);
                }
                _ => runs.push((start, bytes.to_vec())),
            }
        }
        MemoryImage { runs }
    }

    /// `len` bytes at `address`, if one run holds them all.
    fn get(&self, address: usize, len: usize) -> Option<&[u8]> {
        let i = self.runs.partition_point(|(start, _)| *start <= address);
        let (start, run) = self.runs.get(i.checked_sub(1)?)?;
        let at = address - start;
        run.get(at..at.checked_add(len)?)
    }

    fn read_u32(&self, address: usize) -> Option<u32> {
        self.get(address, 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Every heap closure record (see `schema`): a 4-aligned magic followed by a descriptor
/// pointer and length that decode to a closure type. Anything else that happens to contain
/// the magic is not a record and is skipped.
fn scan_closures(module: &Module) -> Vec<descriptor::ClosureRecord> {
    let image = MemoryImage::of(module);
    let magic = schema::CLOSURE_MAGIC;
    let mut out = Vec::new();
    for (run_start, run) in &image.runs {
        // Records are 4-aligned in memory, not necessarily within the run.
        let mut at = run_start.next_multiple_of(4);
        while at + 24 <= run_start + run.len() {
            if image.get(at, 8) != Some(&magic[..]) {
                at += 4;
                continue;
            }
            let record = (|| {
                let desc = image.read_u32(at + 8)? as usize;
                let len = image.read_u32(at + 12)? as usize;
                let invoke = image.read_u32(at + 16)?;
                let destroy = image.read_u32(at + 20)?;
                match descriptor::decode_type(image.get(desc, len)?).ok()? {
                    descriptor::Type::Closure(sig) => Some(descriptor::ClosureRecord {
                        address: at as u32,
                        sig: *sig,
                        invoke,
                        destroy,
                    }),
                    _ => None,
                }
            })();
            if let Some(r) = record {
                out.push(r);
                at += 24;
            } else {
                at += 4;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn module_with_data(segments: &[(u32, &[u8])]) -> Module {
        let mut m = Module::default();
        let memory = m.memories.add_local(false, false, 1, None, None);
        for &(offset, bytes) in segments {
            let kind = walrus::DataKind::Active {
                memory,
                offset: walrus::ConstExpr::Value(walrus::ir::Value::I32(offset as i32)),
            };
            m.data.add(kind, bytes.to_vec());
        }
        m
    }

    #[test]
    fn memory_image_merges_touching_segments_and_stays_sparse() {
        let m = module_with_data(&[(0xFFFF_FF00, b"far"), (0x13, b"def"), (0x10, b"abc")]);
        let image = MemoryImage::of(&m);
        // Two runs of six and three bytes, not a 4 GiB buffer.
        let sizes: Vec<(usize, usize)> = image.runs.iter().map(|(s, r)| (*s, r.len())).collect();
        assert_eq!(sizes, [(0x10, 6), (0xFFFF_FF00, 3)]);
        assert_eq!(image.get(0x11, 4), Some(&b"bcde"[..]));
        assert_eq!(image.get(0xFFFF_FF00, 3), Some(&b"far"[..]));
        assert_eq!(image.get(0x14, 4), None, "runs past the end");
        assert_eq!(image.get(0x8, 2), None, "before the first run");
        assert_eq!(image.get(usize::MAX, 2), None);
    }

    #[test]
    fn closure_magic_at_the_top_of_memory_is_not_a_record() {
        let mut bytes = schema::CLOSURE_MAGIC.to_vec();
        bytes.extend([0xFF; 16]);
        let m = module_with_data(&[(0xFFFF_FFE0, &bytes)]);
        assert!(scan_closures(&m).is_empty());
    }
}
