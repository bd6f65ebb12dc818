//! Decoding the `wbg_descriptors` section. Never panics: a damaged or foreign section is
//! a `DecodeError` saying where and what.

use super::schema::{self, kind, tag};
use super::{
    Arg, Enum, EnumValue, Function, ImportFn, ImportModule, ImportOp, ImportType, Method, Module,
    ParentLink, Receiver, Reexport, Role, Snippet, Struct, Type, Variant,
};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error(
        "this module was built with wbg descriptor schema v{found}{}, but this generator reads v{} (wbg {}); \
         use the same version of the `wasm-bindgen` crate and of the CLI",
        runtime.as_ref().map(|v| format!(" (wasm-bindgen crate {v})")).unwrap_or_default(),
        schema::VERSION,
        env!("CARGO_PKG_VERSION")
    )]
    Version { found: u8, runtime: Option<String> },
    #[error("damaged wbg descriptor section: {what} at byte {offset}")]
    Damaged { what: String, offset: usize },
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn damaged(&self, what: impl Into<String>) -> DecodeError {
        DecodeError::Damaged {
            what: what.into(),
            offset: self.pos,
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if self.bytes.len() - self.pos < n {
            return Err(self.damaged("unexpected end"));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn str(&mut self) -> Result<String, DecodeError> {
        let len = self.u32()? as usize;
        let at = self.pos;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| DecodeError::Damaged {
            what: "invalid UTF-8 in a name".into(),
            offset: at,
        })
    }

    fn ty(&mut self, depth: u32) -> Result<Type, DecodeError> {
        if depth > 64 {
            return Err(self.damaged("type nested too deeply"));
        }
        let at = self.pos;
        Ok(match self.u8()? {
            tag::UNIT => Type::Unit,
            tag::I8 => Type::I8,
            tag::U8 => Type::U8,
            tag::I16 => Type::I16,
            tag::U16 => Type::U16,
            tag::I32 => Type::I32,
            tag::U32 => Type::U32,
            tag::I64 => Type::I64,
            tag::U64 => Type::U64,
            tag::ISIZE => Type::Isize,
            tag::USIZE => Type::Usize,
            tag::F32 => Type::F32,
            tag::F64 => Type::F64,
            tag::BOOL => Type::Bool,
            tag::CHAR => Type::Char,
            tag::STRING => Type::String,
            tag::EXTERNREF => Type::Externref,
            tag::NAMED => Type::Named(self.str()?),
            tag::EXTERN_TYPE => Type::ExternType(self.str()?),
            tag::SLICE => Type::Slice(Box::new(self.ty(depth + 1)?)),
            tag::PROMISE => Type::Promise(Box::new(self.ty(depth + 1)?)),
            tag::U128 => Type::U128,
            tag::I128 => Type::I128,
            tag::VECTOR => Type::Vector(Box::new(self.ty(depth + 1)?)),
            tag::CLAMPED => Type::Clamped(Box::new(self.ty(depth + 1)?)),
            tag::CLOSURE => {
                let mutable = self.u8()? != 0;
                let n = self.u8()?;
                let args = (0..n)
                    .map(|_| self.ty(depth + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                let ret = self.ty(depth + 1)?;
                Type::Closure(Box::new(super::ClosureSig { mutable, args, ret }))
            }
            tag::OPTION => Type::Option(Box::new(self.ty(depth + 1)?)),
            tag::REF => Type::Ref(Box::new(self.ty(depth + 1)?)),
            tag::REF_MUT => Type::RefMut(Box::new(self.ty(depth + 1)?)),
            other => {
                return Err(DecodeError::Damaged {
                    what: format!("unknown type tag {other}"),
                    offset: at,
                })
            }
        })
    }
}

/// Decodes a whole section (entries concatenated by the linker, in any order).
pub fn decode_section(bytes: &[u8]) -> Result<Module, DecodeError> {
    // Find the runtime's own entry first so a version error can name the crate version.
    let entries = split_entries(bytes)?;
    let mut module = Module::default();
    for &(start, body) in &entries {
        if body.len() >= 2 && body[1] == kind::RUNTIME && body[0] == schema::VERSION {
            let mut r = Reader {
                bytes: body,
                pos: 2,
            };
            module.runtime_version = Some(r.str().map_err(|e| shift(e, start))?);
        }
    }
    for (start, body) in entries {
        let mut r = Reader {
            bytes: body,
            pos: 0,
        };
        let version = r.u8().map_err(|e| shift(e, start))?;
        if version != schema::VERSION {
            let runtime = if body.get(1) == Some(&kind::RUNTIME) {
                Reader {
                    bytes: body,
                    pos: 2,
                }
                .str()
                .ok()
            } else {
                module.runtime_version.clone()
            };
            return Err(DecodeError::Version {
                found: version,
                runtime,
            });
        }
        match r.u8().map_err(|e| shift(e, start))? {
            kind::RUNTIME => {
                r.str().map_err(|e| shift(e, start))?;
            }
            kind::FUNCTION => module
                .functions
                .push(function(&mut r).map_err(|e| shift(e, start))?),
            kind::STRUCT => module
                .structs
                .push(structure(&mut r).map_err(|e| shift(e, start))?),
            kind::METHOD => module
                .methods
                .push(method(&mut r).map_err(|e| shift(e, start))?),
            kind::ENUM => module
                .enums
                .push(enumeration(&mut r).map_err(|e| shift(e, start))?),
            kind::IMPORT_FN => module
                .imports
                .push(import_fn(&mut r).map_err(|e| shift(e, start))?),
            kind::IMPORT_TYPE => module
                .import_types
                .push(import_type(&mut r).map_err(|e| shift(e, start))?),
            kind::REEXPORT => module
                .reexports
                .push(reexport(&mut r).map_err(|e| shift(e, start))?),
            kind::SNIPPET => {
                let path = r.str().map_err(|e| shift(e, start))?;
                let contents = r.str().map_err(|e| shift(e, start))?;
                module.snippets.push(Snippet { path, contents });
            }
            kind::TS_SECTION => {
                let text = r.str().map_err(|e| shift(e, start))?;
                module.ts_sections.push(text);
            }
            other => {
                let what = format!("unknown entry kind {other}");
                return Err(shift(DecodeError::Damaged { what, offset: 1 }, start));
            }
        }
        if r.pos != body.len() {
            return Err(shift(r.damaged("trailing bytes in entry"), start));
        }
    }
    // Link order is not stable; sort for reproducible output. The same import or snippet
    // can be described by several codegen units.
    module
        .functions
        .sort_by(|a, b| a.js_name.cmp(&b.js_name).then(a.export.cmp(&b.export)));
    module.structs.sort_by(|a, b| a.js_name.cmp(&b.js_name));
    module
        .methods
        .sort_by(|a, b| a.class.cmp(&b.class).then(a.export.cmp(&b.export)));
    module.enums.sort_by(|a, b| a.js_name.cmp(&b.js_name));
    module.imports.sort_by(|a, b| a.wasm_name.cmp(&b.wasm_name));
    module.imports.dedup();
    module.import_types.sort_by(|a, b| a.id.cmp(&b.id));
    module.import_types.dedup();
    module.snippets.sort_by(|a, b| a.path.cmp(&b.path));
    module.snippets.dedup();
    module
        .reexports
        .sort_by(|a, b| a.export_name.cmp(&b.export_name));
    module.reexports.dedup();
    module.ts_sections.sort();
    module.ts_sections.dedup();
    Ok(module)
}

/// Decodes exactly one type descriptor (what `WasmDescribe::DESC` holds).
pub fn decode_type(bytes: &[u8]) -> Result<Type, DecodeError> {
    let mut r = Reader { bytes, pos: 0 };
    let ty = r.ty(0)?;
    if r.pos != bytes.len() {
        return Err(r.damaged("trailing bytes after a type"));
    }
    Ok(ty)
}

fn shift(e: DecodeError, by: usize) -> DecodeError {
    match e {
        DecodeError::Damaged { what, offset } => DecodeError::Damaged {
            what,
            offset: offset + by,
        },
        other => other,
    }
}

fn split_entries(bytes: &[u8]) -> Result<Vec<(usize, &[u8])>, DecodeError> {
    let mut r = Reader { bytes, pos: 0 };
    let mut out = Vec::new();
    while r.pos < bytes.len() {
        let len = r.u32()? as usize;
        let start = r.pos;
        let body = r.take(len)?;
        out.push((start, body));
    }
    Ok(out)
}

fn docs(text: String) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n').map(str::to_string).collect()
    }
}

fn args(r: &mut Reader<'_>) -> Result<Vec<Arg>, DecodeError> {
    let n = r.u8()?;
    let mut out = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let name = r.str()?;
        let ty = r.ty(0)?;
        out.push(Arg::new(name, ty));
    }
    Ok(out)
}

/// The arguments of an export: name, `unchecked_param_type`, `param_description`, type.
fn export_args(r: &mut Reader<'_>) -> Result<Vec<Arg>, DecodeError> {
    let n = r.u8()?;
    let mut out = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let name = r.str()?;
        let ts_type = optional(r.str()?);
        let description = optional(r.str()?);
        let ty = r.ty(0)?;
        out.push(Arg {
            name,
            ty,
            ts_type,
            description,
        });
    }
    Ok(out)
}

/// An optional string of an entry: empty when absent.
fn optional(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn structure(r: &mut Reader<'_>) -> Result<Struct, DecodeError> {
    let js_name = r.str()?;
    let namespace = strs(r)?;
    let rust_name = r.str()?;
    let docs = docs(r.str()?);
    let free_export = r.str()?;
    let flags = r.u8()?;
    let parent_ty = r.ty(0)?;
    let upcast_export = r.str()?;
    let release_export = r.str()?;
    // Whether the parent is an exported struct is the glue's question (it has the module).
    let parent = (parent_ty != Type::Unit).then_some(ParentLink {
        class: parent_ty,
        upcast_export,
        release_export,
    });
    Ok(Struct {
        js_name,
        namespace,
        rust_name,
        docs,
        free_export,
        inspectable: flags & schema::flags::INSPECTABLE != 0,
        skip_typescript: flags & schema::flags::SKIP_TYPESCRIPT != 0,
        parent,
    })
}

fn method(r: &mut Reader<'_>) -> Result<Method, DecodeError> {
    use schema::{receiver as rc, role as rl};
    let export = r.str()?;
    let js_name = r.str()?;
    let docs = docs(r.str()?);
    let at = r.pos;
    let receiver = match r.u8()? {
        rc::NONE => Receiver::None,
        rc::REF => Receiver::Ref,
        rc::REF_MUT => Receiver::RefMut,
        rc::VALUE => Receiver::Value,
        other => {
            return Err(DecodeError::Damaged {
                what: format!("unknown receiver {other}"),
                offset: at,
            })
        }
    };
    let at = r.pos;
    let role = match r.u8()? {
        rl::METHOD => Role::Method,
        rl::CONSTRUCTOR => Role::Constructor,
        rl::GETTER => Role::Getter,
        rl::SETTER => Role::Setter,
        other => {
            return Err(DecodeError::Damaged {
                what: format!("unknown method role {other}"),
                offset: at,
            })
        }
    };
    let flags = r.u8()?;
    let ret_ts_type = optional(r.str()?);
    let ret_description = optional(r.str()?);
    let at = r.pos;
    let class = match r.ty(0)? {
        Type::Named(name) => name,
        _ => {
            return Err(DecodeError::Damaged {
                what: "method of something that is not a class".into(),
                offset: at,
            })
        }
    };
    let args = export_args(r)?;
    let ret = r.ty(0)?;
    Ok(Method {
        ret_ts_type,
        ret_description,
        class,
        export,
        js_name,
        docs,
        receiver,
        role,
        skip_typescript: flags & schema::flags::SKIP_TYPESCRIPT != 0,
        opens_frame: matches!(receiver, Receiver::Ref | Receiver::RefMut)
            && flags & schema::flags::NO_FRAME == 0,
        skip_jsdoc: flags & schema::flags::SKIP_JSDOC != 0,
        args,
        ret,
    })
}

fn enumeration(r: &mut Reader<'_>) -> Result<Enum, DecodeError> {
    let js_name = r.str()?;
    let namespace = strs(r)?;
    let enum_docs = docs(r.str()?);
    let flags = r.u8()?;
    let n = r.u32()?;
    let string = flags & schema::flags::STRING_ENUM != 0;
    let signed = flags & schema::flags::SIGNED_ENUM != 0;
    let mut variants = Vec::new();
    for _ in 0..n {
        let name = r.str()?;
        let docs = docs(r.str()?);
        let value = if string {
            EnumValue::String(r.str()?)
        } else {
            let bits = r.u32()?;
            EnumValue::Number(if signed {
                i64::from(bits as i32)
            } else {
                i64::from(bits)
            })
        };
        variants.push(Variant { name, docs, value });
    }
    Ok(Enum {
        js_name,
        namespace,
        docs: enum_docs,
        variants,
        skip_typescript: flags & schema::flags::SKIP_TYPESCRIPT != 0,
    })
}

fn import_module(r: &mut Reader<'_>) -> Result<ImportModule, DecodeError> {
    let at = r.pos;
    let kind = r.u8()?;
    let spec = r.str()?;
    Ok(match kind {
        schema::module::GLOBAL => ImportModule::Global,
        schema::module::MODULE => ImportModule::Module(spec),
        schema::module::SNIPPET => ImportModule::Snippet(spec),
        other => {
            return Err(DecodeError::Damaged {
                what: format!("unknown module kind {other}"),
                offset: at,
            })
        }
    })
}

fn strs(r: &mut Reader<'_>) -> Result<Vec<String>, DecodeError> {
    let n = r.u8()?;
    (0..n).map(|_| r.str()).collect()
}

fn import_fn(r: &mut Reader<'_>) -> Result<ImportFn, DecodeError> {
    use schema::op;
    let wasm_name = r.str()?;
    let at = r.pos;
    let op = match r.u8()? {
        op::FUNCTION => ImportOp::Function,
        op::CONSTRUCTOR => ImportOp::Constructor,
        op::METHOD => ImportOp::Method,
        op::STATIC_METHOD => ImportOp::StaticMethod,
        op::GETTER => ImportOp::Getter,
        op::SETTER => ImportOp::Setter,
        op::STATIC_GETTER => ImportOp::StaticGetter,
        op::STATIC_SETTER => ImportOp::StaticSetter,
        op::INDEXING_GETTER => ImportOp::IndexingGetter,
        op::INDEXING_SETTER => ImportOp::IndexingSetter,
        op::INDEXING_DELETER => ImportOp::IndexingDeleter,
        op::STATIC_VALUE => ImportOp::StaticValue,
        op::INSTANCE_OF => ImportOp::InstanceOf,
        op::LINK => ImportOp::Link,
        other => {
            return Err(DecodeError::Damaged {
                what: format!("unknown import operation {other}"),
                offset: at,
            })
        }
    };
    let flags = r.u8()?;
    let module = import_module(r)?;
    let namespace = strs(r)?;
    let js_name = r.str()?;
    let class_id = r.str()?;
    let js_class = r.str()?;
    let args = args(r)?;
    let ret = r.ty(0)?;
    Ok(ImportFn {
        wasm_name,
        op,
        catch: flags & schema::flags::CATCH != 0,
        structural: flags & schema::flags::STRUCTURAL != 0,
        variadic: flags & schema::flags::VARIADIC != 0,
        final_: flags & schema::flags::FINAL != 0,
        module,
        namespace,
        js_name,
        class_id,
        js_class,
        args,
        ret,
    })
}

fn reexport(r: &mut Reader<'_>) -> Result<Reexport, DecodeError> {
    let export_name = r.str()?;
    let module = import_module(r)?;
    let namespace = strs(r)?;
    let js_name = r.str()?;
    Ok(Reexport {
        export_name,
        module,
        namespace,
        js_name,
    })
}

fn import_type(r: &mut Reader<'_>) -> Result<ImportType, DecodeError> {
    let id = r.str()?;
    let js_class = r.str()?;
    let module = import_module(r)?;
    let namespace = strs(r)?;
    let vendor_prefixes = strs(r)?;
    Ok(ImportType {
        id,
        js_class,
        module,
        namespace,
        vendor_prefixes,
    })
}

fn function(r: &mut Reader<'_>) -> Result<Function, DecodeError> {
    let export = r.str()?;
    let js_name = r.str()?;
    let namespace = strs(r)?;
    let docs = r.str()?;
    let flags = r.u8()?;
    let ret_ts_type = optional(r.str()?);
    let ret_description = optional(r.str()?);
    let args = export_args(r)?;
    let ret = r.ty(0)?;
    Ok(Function {
        export,
        js_name,
        namespace,
        docs: if docs.is_empty() {
            Vec::new()
        } else {
            docs.lines().map(str::to_string).collect()
        },
        start: flags & schema::flags::START != 0,
        skip_typescript: flags & schema::flags::SKIP_TYPESCRIPT != 0,
        skip_jsdoc: flags & schema::flags::SKIP_JSDOC != 0,
        args,
        ret,
        ret_ts_type,
        ret_description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Vec<u8> {
        let mut out = (v.len() as u32).to_le_bytes().to_vec();
        out.extend_from_slice(v.as_bytes());
        out
    }

    fn entry(body: Vec<u8>) -> Vec<u8> {
        let mut out = (body.len() as u32).to_le_bytes().to_vec();
        out.extend(body);
        out
    }

    fn greet() -> Vec<u8> {
        let mut b = vec![schema::VERSION, kind::FUNCTION];
        b.extend(s("greet"));
        b.extend(s("greet"));
        b.push(0);
        b.extend(s("Says hello."));
        b.push(0);
        b.extend(s("string"));
        b.extend(s("the greeting"));
        b.push(1);
        b.extend(s("name"));
        b.extend(s(""));
        b.extend(s("who to greet"));
        b.extend([tag::REF, tag::STRING]);
        b.push(tag::STRING);
        entry(b)
    }

    #[test]
    fn decodes_a_function() {
        let m = decode_section(&greet()).unwrap();
        assert_eq!(m.functions.len(), 1);
        let f = &m.functions[0];
        assert_eq!(f.js_name, "greet");
        assert_eq!(f.docs, vec!["Says hello."]);
        assert_eq!(f.args[0].ty, Type::Ref(Box::new(Type::String)));
        assert_eq!(f.args[0].ts_type, None);
        assert_eq!(f.args[0].description.as_deref(), Some("who to greet"));
        assert_eq!(f.ret, Type::String);
        assert_eq!(f.ret_ts_type.as_deref(), Some("string"));
        assert_eq!(f.ret_description.as_deref(), Some("the greeting"));
    }

    #[test]
    fn truncated_is_an_error_not_a_panic() {
        let bytes = greet();
        for cut in 0..bytes.len() {
            let _ = decode_section(&bytes[..cut]);
        }
        assert!(matches!(
            decode_section(&bytes[..bytes.len() - 1]),
            Err(DecodeError::Damaged { .. })
        ));
    }

    #[test]
    fn other_version_names_both() {
        let other = schema::VERSION + 1;
        let mut runtime = vec![other, kind::RUNTIME];
        runtime.extend(s("0.2.999"));
        let err = decode_section(&entry(runtime)).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("schema v{other} (wasm-bindgen crate 0.2.999)")),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("reads v{}", schema::VERSION)),
            "{msg}"
        );
    }

    #[test]
    fn unknown_tag() {
        let mut b = vec![schema::VERSION, kind::FUNCTION];
        b.extend(s("f"));
        b.extend(s("f"));
        b.push(0);
        b.extend(s(""));
        b.push(0);
        b.extend(s(""));
        b.extend(s(""));
        b.extend([0, 200]);
        let err = decode_section(&entry(b)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "damaged wbg descriptor section: unknown type tag 200 at byte 31"
        );
    }
}
