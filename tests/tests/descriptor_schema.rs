//! The runtime writes descriptors and core-gen reads them: every type's encoding decodes to
//! the type it describes. (Both sides take the tags from `wbg-schema`.)

use wasm_bindgen::describe::WasmDescribe;
use wasm_bindgen::JsValue;
use wbg_core_gen::descriptor::{decode_type, Type};

fn decoded<T: WasmDescribe + ?Sized>() -> Type {
    decode_type(T::DESC.as_slice()).unwrap()
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
    // `slice_to_array`'s argument: described as `&Vec<T>`.
    assert_eq!(
        decoded::<wasm_bindgen::__rt::SliceToArray<'static, u8>>(),
        r(Type::Vector(b(Type::U8)))
    );
    assert_eq!(
        decoded::<Option<wasm_bindgen::__rt::SliceToArray<'static, String>>>(),
        Type::Option(b(r(Type::Vector(b(Type::String)))))
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
