//! How each descriptor type travels as wasm core values. The runtime's `WasmAbi` impls
//! produce exactly these; `bindgen` checks them against each export's real signature.

use crate::descriptor::int32;
use crate::descriptor::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValType {
    I32,
    I64,
    F32,
    F64,
}

impl std::fmt::Display for ValType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
        })
    }
}

/// A type that cannot appear in this position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

fn unsupported(what: &str, ty: &Type) -> Unsupported {
    Unsupported(format!("{what} {ty}"))
}

/// Core values for a JS → Rust argument.
pub fn param(ty: &Type) -> Result<Vec<ValType>, Unsupported> {
    use ValType::*;
    Ok(match ty {
        Type::Unit => vec![],
        int32!() => vec![I32],
        Type::Bool | Type::Char | Type::Externref | Type::ExternType(_) | Type::Promise(_) => {
            vec![I32]
        }
        Type::I64 | Type::U64 => vec![I64],
        Type::U128 | Type::I128 => vec![I64, I64],
        Type::F32 => vec![F32],
        Type::F64 => vec![F64],
        Type::String | Type::Vector(_) => vec![I32, I32],
        Type::Clamped(inner) => param(inner)?,
        // Classes travel as a pointer, enums as their discriminant or index.
        Type::Named(_) => vec![I32],
        Type::Closure(_) => {
            return Err(Unsupported(
                "a closure by value (pass `&dyn Fn` or `&Closure`)".into(),
            ))
        }
        Type::Ref(inner) => match &**inner {
            Type::String => vec![I32, I32],
            // A stack closure: data and vtable of the trait object, and its invoke function.
            Type::Closure(sig) if !sig.mutable => vec![I32, I32, I32],
            Type::Externref | Type::ExternType(_) | Type::Named(_) => vec![I32],
            // `slice_to_array`'s `&Vec<T>`: the slice's pointer and length.
            Type::Slice(_) | Type::Vector(_) => vec![I32, I32],
            other => return Err(unsupported("a reference to", other)),
        },
        Type::RefMut(inner) => match &**inner {
            Type::Named(_) => vec![I32],
            Type::Closure(sig) if sig.mutable => vec![I32, I32, I32],
            Type::Slice(_) => vec![I32, I32],
            other => return Err(unsupported("`&mut` of", other)),
        },
        // A presence flag and the value, or a spare value meaning `None`.
        Type::Option(inner) => match &**inner {
            int32!() => vec![I32, I32],
            Type::Bool | Type::Char => vec![I32, I32],
            Type::I64 | Type::U64 => vec![I32, I64],
            Type::U128 | Type::I128 => vec![I32, I64, I64],
            Type::F32 => vec![I32, F32],
            Type::F64 => vec![I32, F64],
            Type::String | Type::Vector(_) => vec![I32, I32],
            // `Option<&str>`, `Option<&[T]>`, `Option<&mut [T]>`: pointer 0 means `None`.
            Type::Ref(r) if matches!(**r, Type::String | Type::Slice(_) | Type::Vector(_)) => {
                vec![I32, I32]
            }
            Type::RefMut(r) if matches!(**r, Type::Slice(_)) => vec![I32, I32],
            // `Option<&JsValue>` (or an imported type, or `&Closure`) lent to an import:
            // index 0 means `None`.
            Type::Ref(r) if matches!(**r, Type::Externref | Type::ExternType(_)) => vec![I32],
            // `Option<&Foo>`, `Option<&mut Foo>` of a class: pointer 0 means `None`.
            Type::Ref(r) | Type::RefMut(r) if matches!(**r, Type::Named(_)) => vec![I32],
            Type::Externref | Type::ExternType(_) | Type::Named(_) => vec![I32],
            other => return Err(unsupported("`Option` of", other)),
        },
        Type::Slice(inner) => return Err(unsupported("an unsized slice of", inner)),
    })
}

/// Core values for a Rust → JS result: the first is the wasm result, the rest are read
/// from the return area (slot k at byte 8*k).
pub fn result(ty: &Type) -> Result<Vec<ValType>, Unsupported> {
    use ValType::*;
    Ok(match ty {
        Type::Ref(inner) if matches!(**inner, Type::Externref | Type::ExternType(_)) => vec![I32],
        // A `&'static str` lent to JS.
        Type::Ref(inner) if **inner == Type::String => vec![I32, I32],
        Type::Ref(_) | Type::RefMut(_) => return Err(Unsupported("returning a reference".into())),
        other => param(other)?,
    })
}
