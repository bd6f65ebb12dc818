//! A rustc-built `.wasm` read section by section, without decoding function bodies: what
//! `extract` checks (types, imports, functions, exports, tables, data segments, custom
//! sections), and the bytes `rewrite` copies through unchanged. Function indices never
//! change, so code, names and DWARF stay valid as they are.

use std::ops::Range;

use wasmparser::{
    CompositeInnerType, DataKind, ExternalKind, Operator, Parser, Payload, RefType, TypeRef,
};

use crate::abi::ValType;

/// Section ids this module treats specially.
pub const CUSTOM: u8 = 0;
pub const IMPORT: u8 = 2;
pub const EXPORT: u8 = 7;

pub struct WasmFile<'a> {
    pub bytes: &'a [u8],
    /// Every section in file order: its id and the range of its contents.
    pub sections: Vec<(u8, Range<usize>)>,
    /// Function types by type index (`None`: not a function type).
    types: Vec<Option<FuncSig>>,
    pub imports: Vec<Import<'a>>,
    /// The type index of every function, imported ones first.
    func_types: Vec<u32>,
    pub exports: Vec<Export<'a>>,
    /// Indices of the tables of `funcref` elements, imported ones first.
    pub funcref_tables: Vec<u32>,
    /// Active data segments with a constant address: `(address, bytes)`.
    pub data: Vec<(usize, &'a [u8])>,
    /// Custom sections: `(name, range of the whole contents, name included)`.
    pub customs: Vec<(&'a str, Range<usize>)>,
}

pub struct FuncSig {
    pub params: Vec<Option<ValType>>,
    pub results: Vec<Option<ValType>>,
}

pub struct Import<'a> {
    pub module: &'a str,
    pub name: &'a str,
    /// The function's type index, for function imports.
    pub func_type: Option<u32>,
    /// Where its entry starts in the file.
    pub offset: usize,
}

pub struct Export<'a> {
    pub name: &'a str,
    /// The export kind's byte in the binary format.
    pub kind: u8,
    pub index: u32,
}

pub const EXPORT_FUNC: u8 = 0;
pub const EXPORT_TABLE: u8 = 1;

impl<'a> WasmFile<'a> {
    /// Reads the sections; a damaged module is an error (a message), never a panic.
    pub fn parse(bytes: &'a [u8]) -> Result<WasmFile<'a>, String> {
        let mut file = WasmFile {
            bytes,
            sections: Vec::new(),
            types: Vec::new(),
            imports: Vec::new(),
            func_types: Vec::new(),
            exports: Vec::new(),
            funcref_tables: Vec::new(),
            data: Vec::new(),
            customs: Vec::new(),
        };
        let mut tables = 0u32;
        for payload in Parser::new(0).parse_all(bytes) {
            let payload = payload.map_err(|e| e.to_string())?;
            if let Some(section) = payload.as_section() {
                file.sections.push(section);
            }
            match payload {
                Payload::Version { encoding, .. } if encoding != wasmparser::Encoding::Module => {
                    return Err("it is a component, not a core module".into());
                }
                Payload::TypeSection(reader) => {
                    for group in reader {
                        for sub in group.map_err(|e| e.to_string())?.into_types() {
                            file.types.push(match &sub.composite_type.inner {
                                CompositeInnerType::Func(f) => Some(FuncSig {
                                    params: f.params().iter().map(convert).collect(),
                                    results: f.results().iter().map(convert).collect(),
                                }),
                                _ => None,
                            });
                        }
                    }
                }
                Payload::ImportSection(reader) => {
                    for group in reader {
                        let wasmparser::Imports::Single(offset, import) =
                            group.map_err(|e| e.to_string())?
                        else {
                            return Err("compact import groups are not supported".into());
                        };
                        {
                            let func_type = match import.ty {
                                TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                                    file.func_types.push(t);
                                    Some(t)
                                }
                                TypeRef::Table(t) => {
                                    if t.element_type == RefType::FUNCREF {
                                        file.funcref_tables.push(tables);
                                    }
                                    tables += 1;
                                    None
                                }
                                _ => None,
                            };
                            file.imports.push(Import {
                                module: import.module,
                                name: import.name,
                                func_type,
                                offset,
                            });
                        }
                    }
                }
                Payload::FunctionSection(reader) => {
                    for t in reader {
                        file.func_types.push(t.map_err(|e| e.to_string())?);
                    }
                }
                Payload::TableSection(reader) => {
                    for table in reader {
                        if table.map_err(|e| e.to_string())?.ty.element_type == RefType::FUNCREF {
                            file.funcref_tables.push(tables);
                        }
                        tables += 1;
                    }
                }
                Payload::ExportSection(reader) => {
                    for export in reader {
                        let export = export.map_err(|e| e.to_string())?;
                        let kind = match export.kind {
                            ExternalKind::Func => EXPORT_FUNC,
                            ExternalKind::Table => EXPORT_TABLE,
                            ExternalKind::Memory => 2,
                            ExternalKind::Global => 3,
                            ExternalKind::Tag => 4,
                            ExternalKind::FuncExact => {
                                return Err("an exact function export is not supported".into())
                            }
                        };
                        file.exports.push(Export {
                            name: export.name,
                            kind,
                            index: export.index,
                        });
                    }
                }
                Payload::DataSection(reader) => {
                    for data in reader {
                        let data = data.map_err(|e| e.to_string())?;
                        if let DataKind::Active { offset_expr, .. } = data.kind {
                            let mut ops = offset_expr.get_operators_reader();
                            if let Ok(Operator::I32Const { value }) = ops.read() {
                                file.data.push((value as u32 as usize, data.data));
                            }
                        }
                    }
                }
                Payload::CustomSection(reader) => {
                    file.customs.push((reader.name(), reader.range()));
                }
                _ => {}
            }
        }
        Ok(file)
    }

    /// The wasm type of function `index`.
    pub fn func_sig(&self, index: u32) -> Option<&FuncSig> {
        let ty = *self.func_types.get(index as usize)?;
        self.types.get(ty as usize)?.as_ref()
    }

    /// The bytes of a custom section's data (after its name).
    pub fn custom_data(&self, name: &str) -> Option<&'a [u8]> {
        let (_, range) = self.customs.iter().find(|(n, _)| *n == name)?;
        let mut reader = wasmparser::BinaryReader::new(&self.bytes[range.clone()], range.start);
        reader.read_string().ok()?;
        let at = reader.original_position();
        Some(&self.bytes[at..range.end])
    }
}

fn convert(v: &wasmparser::ValType) -> Option<ValType> {
    match v {
        wasmparser::ValType::I32 => Some(ValType::I32),
        wasmparser::ValType::I64 => Some(ValType::I64),
        wasmparser::ValType::F32 => Some(ValType::F32),
        wasmparser::ValType::F64 => Some(ValType::F64),
        _ => None,
    }
}

/// Appends `n` as unsigned LEB128.
pub fn write_u32(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Appends a length-prefixed UTF-8 name.
pub fn write_name(out: &mut Vec<u8>, s: &str) {
    write_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// Appends a section: its id, its length and `contents`.
pub fn write_section(out: &mut Vec<u8>, id: u8, contents: &[u8]) {
    out.push(id);
    write_u32(out, contents.len() as u32);
    out.extend_from_slice(contents);
}

/// Where a section goes in the module, for inserting one that was absent (custom sections
/// may go anywhere).
pub fn section_rank(id: u8) -> u8 {
    match id {
        1..=5 => id,
        13 => 6,  // tag
        6 => 7,   // global
        7 => 8,   // export
        8 => 9,   // start
        9 => 10,  // element
        12 => 11, // data count
        10 => 12, // code
        11 => 13, // data
        _ => 0,
    }
}
