//! The descriptor model: what the generator knows about each item, decoded from the
//! `wbg_descriptors` custom section of a `.wasm` (see `schema` for the byte layout).

mod decode;
pub mod schema;

pub use decode::{decode_section, decode_type, DecodeError};

/// A type as it crosses the boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Type {
    Unit,
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    Isize,
    Usize,
    F32,
    F64,
    Bool,
    Char,
    /// `String` or `str` (behind `Ref`).
    String,
    /// `JsValue`.
    Externref,
    Ref(Box<Type>),
    RefMut(Box<Type>),
}

/// An exported free function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// The wasm export that implements it.
    pub export: String,
    pub js_name: String,
    pub docs: Vec<String>,
    pub start: bool,
    pub skip_typescript: bool,
    pub args: Vec<Arg>,
    pub ret: Type,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub name: String,
    pub ty: Type,
}

/// Everything the section describes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Module {
    /// Version of the `wasm-bindgen` runtime crate the module was built with.
    pub runtime_version: Option<String>,
    pub functions: Vec<Function>,
}
