//! The runtime writes descriptors and core-gen reads them: this ties the two copies of the
//! schema together (versions, section name, every tag, every type's encoding).

use wasm_bindgen::describe::{self as rt, WasmDescribe};
use wasm_bindgen::JsValue;
use wbg_core_gen::descriptor::{decode_type, schema, Type};

fn decoded<T: WasmDescribe + ?Sized>() -> Type {
    decode_type(T::DESC.as_slice()).unwrap()
}

#[test]
fn versions_and_section_agree() {
    assert_eq!(rt::SCHEMA_VERSION, schema::VERSION);
    assert_eq!(rt::SECTION, schema::SECTION);
    assert_eq!(rt::kind::RUNTIME, schema::kind::RUNTIME);
    assert_eq!(rt::kind::FUNCTION, schema::kind::FUNCTION);
}

#[test]
fn tags_agree() {
    macro_rules! same {
        ($($t:ident)*) => {$( assert_eq!(rt::tag::$t, schema::tag::$t, stringify!($t)); )*};
    }
    same!(UNIT I8 U8 I16 U16 I32 U32 I64 U64 F32 F64 BOOL CHAR STRING EXTERNREF ISIZE USIZE REF REF_MUT);
}

#[test]
fn every_type_round_trips() {
    let r = |t: Type| Type::Ref(Box::new(t));
    assert_eq!(decoded::<()>(), Type::Unit);
    assert_eq!(decoded::<i8>(), Type::I8);
    assert_eq!(decoded::<u8>(), Type::U8);
    assert_eq!(decoded::<i16>(), Type::I16);
    assert_eq!(decoded::<u16>(), Type::U16);
    assert_eq!(decoded::<i32>(), Type::I32);
    assert_eq!(decoded::<u32>(), Type::U32);
    assert_eq!(decoded::<i64>(), Type::I64);
    assert_eq!(decoded::<u64>(), Type::U64);
    assert_eq!(decoded::<isize>(), Type::Isize);
    assert_eq!(decoded::<usize>(), Type::Usize);
    assert_eq!(decoded::<f32>(), Type::F32);
    assert_eq!(decoded::<f64>(), Type::F64);
    assert_eq!(decoded::<bool>(), Type::Bool);
    assert_eq!(decoded::<char>(), Type::Char);
    assert_eq!(decoded::<String>(), Type::String);
    assert_eq!(decoded::<&str>(), r(Type::String));
    assert_eq!(decoded::<JsValue>(), Type::Externref);
    assert_eq!(decoded::<&JsValue>(), r(Type::Externref));
    assert_eq!(decoded::<&mut u32>(), Type::RefMut(Box::new(Type::U32)));
    assert_eq!(decoded::<&&str>(), r(r(Type::String)));
}
