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
    assert_eq!(rt::kind::STRUCT, schema::kind::STRUCT);
    assert_eq!(rt::kind::METHOD, schema::kind::METHOD);
    assert_eq!(rt::kind::ENUM, schema::kind::ENUM);
    assert_eq!(rt::kind::IMPORT_FN, schema::kind::IMPORT_FN);
    assert_eq!(rt::kind::IMPORT_TYPE, schema::kind::IMPORT_TYPE);
    assert_eq!(rt::kind::SNIPPET, schema::kind::SNIPPET);
}

#[test]
fn tags_agree() {
    macro_rules! same {
        ($($t:ident)*) => {$( assert_eq!(rt::tag::$t, schema::tag::$t, stringify!($t)); )*};
    }
    same!(
        UNIT I8 U8 I16 U16 I32 U32 I64 U64 F32 F64 BOOL CHAR STRING EXTERNREF ISIZE USIZE NAMED EXTERN_TYPE
        CLOSURE U128 I128 REF REF_MUT OPTION SLICE PROMISE VECTOR CLAMPED
    );
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
    let b = |t: Type| Box::new(t);
    assert_eq!(decoded::<Option<u32>>(), Type::Option(b(Type::U32)));
    assert_eq!(decoded::<Vec<f64>>(), Type::Vector(b(Type::F64)));
    assert_eq!(decoded::<Box<[u8]>>(), Type::Vector(b(Type::U8)));
    assert_eq!(decoded::<&[u16]>(), r(Type::Slice(b(Type::U16))));
    assert_eq!(
        decoded::<&mut [i32]>(),
        Type::RefMut(b(Type::Slice(b(Type::I32))))
    );
    assert_eq!(decoded::<Vec<String>>(), Type::Vector(b(Type::String)));
    assert_eq!(
        decoded::<wasm_bindgen::Clamped<Vec<u8>>>(),
        Type::Clamped(b(Type::Vector(b(Type::U8))))
    );
    assert_eq!(decoded::<u128>(), Type::U128);
    assert_eq!(decoded::<i128>(), Type::I128);
    assert_eq!(decoded::<*const u8>(), Type::U32);
    assert_eq!(decoded::<Result<u32, wasm_bindgen::JsError>>(), Type::U32);
    let sig = |mutable, args, ret| {
        Type::Closure(Box::new(wbg_core_gen::descriptor::ClosureSig {
            mutable,
            args,
            ret,
        }))
    };
    assert_eq!(
        decoded::<dyn Fn(u32) -> String>(),
        sig(false, vec![Type::U32], Type::String)
    );
    assert_eq!(
        decoded::<&mut dyn FnMut()>(),
        Type::RefMut(b(sig(true, vec![], Type::Unit)))
    );
    // A reference argument is lent for the call: the descriptor says `&A`, not `A`.
    assert_eq!(
        decoded::<dyn FnMut(&JsValue)>(),
        sig(true, vec![r(Type::Externref)], Type::Unit)
    );
    assert_eq!(
        decoded::<&dyn Fn(&str) -> String>(),
        r(sig(false, vec![r(Type::String)], Type::String))
    );
}
