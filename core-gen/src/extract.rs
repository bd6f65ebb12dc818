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
fn memory_image(module: &Module) -> Vec<u8> {
    let mut image = Vec::new();
    for data in module.data.iter() {
        let walrus::DataKind::Active {
            offset: walrus::ConstExpr::Value(walrus::ir::Value::I32(offset)),
            ..
        } = data.kind
        else {
            continue;
        };
        let start = offset as u32 as usize;
        let end = start + data.value.len();
        if image.len() < end {
            image.resize(end, 0);
        }
        image[start..end].copy_from_slice(&data.value);
    }
    image
}

fn read_u32(image: &[u8], at: usize) -> Option<u32> {
    image
        .get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Every heap closure record (see `schema`): a 4-aligned magic followed by a descriptor
/// pointer and length that decode to a closure type. Anything else that happens to contain
/// the magic is not a record and is skipped.
fn scan_closures(module: &Module) -> Vec<descriptor::ClosureRecord> {
    let image = memory_image(module);
    let magic = schema::CLOSURE_MAGIC;
    let mut out = Vec::new();
    let mut at = 0;
    while at + 24 <= image.len() {
        if &image[at..at + 8] != magic {
            at += 4;
            continue;
        }
        let record = (|| {
            let desc = read_u32(&image, at + 8)? as usize;
            let len = read_u32(&image, at + 12)? as usize;
            let invoke = read_u32(&image, at + 16)?;
            let destroy = read_u32(&image, at + 20)?;
            let bytes = image.get(desc..desc.checked_add(len)?)?;
            match descriptor::decode_type(bytes).ok()? {
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
    out
}
