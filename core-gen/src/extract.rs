//! Reading a rustc-built `.wasm`: the descriptor section, the runtime intrinsics it
//! imports, and a check that every described export has the wasm signature the
//! descriptors imply. Never panics on foreign or damaged input.

use crate::wasm_file::{WasmFile, EXPORT_FUNC};

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

/// Reads the module's sections (function bodies are copied, not decoded), turning parser
/// errors into one line.
pub fn parse(bytes: &[u8]) -> Result<WasmFile<'_>, ExtractError> {
    if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
        return Err(ExtractError::NotWasm);
    }
    WasmFile::parse(bytes).map_err(|e| ExtractError::Invalid(first_line(&e)))
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

/// Decodes the descriptor section of `module` (`rewrite` leaves it out of the output).
pub fn extract(module: &WasmFile<'_>) -> Result<Extracted, ExtractError> {
    let intrinsic_imports: Vec<String> = module
        .imports
        .iter()
        .filter(|i| i.module == PLACEHOLDER_MODULE)
        .map(|i| i.name.to_string())
        .collect();
    let Some(section) = module.custom_data(schema::SECTION) else {
        if module
            .customs
            .iter()
            .any(|(name, _)| *name == UPSTREAM_SECTION)
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
    let mut descriptors = descriptor::decode_section(section)?;
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
        // The linker drops imports nothing calls; their descriptors stay behind. Function
        // indices count imported functions first, in import order.
        let Some(func) = module
            .imports
            .iter()
            .filter(|i| i.func_type.is_some())
            .position(|i| i.module == PLACEHOLDER_MODULE && i.name == imp.wasm_name)
        else {
            continue;
        };
        let args: Vec<_> = imp.args.iter().map(|a| a.ty.clone()).collect();
        let ret = if imp.op == descriptor::ImportOp::InstanceOf {
            descriptor::Type::Bool
        } else {
            imp.ret.clone()
        };
        compare(
            module,
            func as u32,
            &imp.wasm_name,
            &imp.js_name,
            &args,
            &ret,
        )?;
    }
    if intrinsic_imports.iter().any(|n| n == "__wbg_closure_new") {
        descriptors.closures = scan_closures(&MemoryImage::of(&module.data));
    }
    Ok(Extracted {
        descriptors,
        intrinsic_imports,
    })
}

fn check_export(
    module: &WasmFile<'_>,
    export: &str,
    item: &str,
    args: &[descriptor::Type],
    ret: &descriptor::Type,
) -> Result<(), ExtractError> {
    let func = module
        .exports
        .iter()
        .find(|e| e.kind == EXPORT_FUNC && e.name == export)
        .map(|e| e.index)
        .ok_or_else(|| ExtractError::MissingExport(item.to_string()))?;
    compare(module, func, export, item, args, ret)
}

/// Checks that `func`'s wasm type is what the descriptor types imply.
fn compare(
    module: &WasmFile<'_>,
    func: u32,
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
    let Some(ty) = module.func_sig(func) else {
        return Err(ExtractError::Invalid(format!(
            "function {func} (`{name}`) has no function type"
        )));
    };
    let (actual_params, actual_results) = (&ty.params, &ty.results);
    let same = *actual_params == expected_params.iter().map(|v| Some(*v)).collect::<Vec<_>>()
        && *actual_results
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
            actual: show(actual_params, actual_results),
        });
    }
    Ok(())
}

/// True when the import is a function from the runtime placeholder module.
pub fn is_intrinsic(import: &crate::wasm_file::Import<'_>) -> bool {
    import.func_type.is_some() && import.module == PLACEHOLDER_MODULE
}

/// The initial contents of linear memory as runs of bytes: active data segments sorted by
/// address, with touching or overlapping ones merged. Sparse on purpose: a segment placed
/// at a huge offset (a damaged or hostile module) costs its own size, not the offset.
struct MemoryImage {
    runs: Vec<(usize, Vec<u8>)>,
}

impl MemoryImage {
    /// From the active segments at constant addresses, `(address, bytes)`.
    fn of(segments: &[(usize, &[u8])]) -> MemoryImage {
        let mut segments = segments.to_vec();
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
fn scan_closures(image: &MemoryImage) -> Vec<descriptor::ClosureRecord> {
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

    fn image(segments: &[(u32, &[u8])]) -> MemoryImage {
        let segments: Vec<(usize, &[u8])> =
            segments.iter().map(|&(at, b)| (at as usize, b)).collect();
        MemoryImage::of(&segments)
    }

    #[test]
    fn memory_image_merges_touching_segments_and_stays_sparse() {
        let image = image(&[(0xFFFF_FF00, b"far"), (0x13, b"def"), (0x10, b"abc")]);
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
        assert!(scan_closures(&image(&[(0xFFFF_FFE0, &bytes)])).is_empty());
    }
}
