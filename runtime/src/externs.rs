//! Intrinsics the generated glue provides. They are imported from a placeholder module
//! that the generator renames; on other targets they panic, so host builds still compile.

macro_rules! intrinsics {
    ($(fn $name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)?;)*) => {
        #[cfg(target_arch = "wasm32")]
        #[link(wasm_import_module = "__wbindgen_placeholder__")]
        extern "C" {
            $(pub fn $name($($arg: $ty),*) $(-> $ret)?;)*
        }

        $(
            #[cfg(not(target_arch = "wasm32"))]
            #[allow(unused_variables, clippy::missing_safety_doc)]
            pub unsafe fn $name($($arg: $ty),*) $(-> $ret)? {
                panic!(concat!(
                    "wasm_bindgen: `", stringify!($name),
                    "` talks to JavaScript and only works on wasm32-unknown-unknown"
                ))
            }
        )*
    };
}

intrinsics! {
    fn __wbindgen_object_drop_ref(idx: u32);
    fn __wbindgen_object_clone_ref(idx: u32) -> u32;
    fn __wbindgen_string_new(ptr: *const u8, len: usize) -> u32;
    fn __wbindgen_number_new(value: f64) -> u32;
    fn __wbindgen_bigint_from_i64(value: i64) -> u32;
    fn __wbindgen_bigint_from_u64(value: u64) -> u32;
    fn __wbindgen_number_get(idx: u32, out: *mut f64) -> u32;
    fn __wbindgen_boolean_get(idx: u32) -> u32;
    fn __wbindgen_string_get(idx: u32, out: *mut u32) -> u32;
    fn __wbindgen_debug_string(idx: u32, out: *mut u32);
    fn __wbindgen_is_null(idx: u32) -> u32;
    fn __wbindgen_is_undefined(idx: u32) -> u32;
    fn __wbindgen_is_object(idx: u32) -> u32;
    fn __wbindgen_is_function(idx: u32) -> u32;
    fn __wbindgen_is_string(idx: u32) -> u32;
    fn __wbindgen_is_truthy(idx: u32) -> u32;
    fn __wbindgen_jsval_eq(a: u32, b: u32) -> u32;
    fn __wbindgen_throw(ptr: *const u8, len: usize) -> !;
    fn __wbindgen_rethrow(idx: u32) -> !;
    fn __wbindgen_error_new(ptr: *const u8, len: usize) -> u32;
    fn __wbindgen_json_parse(ptr: *const u8, len: usize) -> u32;
    fn __wbindgen_json_serialize(idx: u32, out: *mut u32);
    // Bigints beyond 64 bits, bigints from decimal text, and reading a bigint back.
    fn __wbindgen_bigint_from_128(lo: u64, hi: u64, signed: u32) -> u32;
    fn __wbindgen_bigint_from_str(ptr: *const u8, len: usize) -> u32;
    fn __wbindgen_bigint_get(idx: u32, bits: u32, signed: u32, out: *mut u64) -> u32;
    fn __wbindgen_symbol_new(ptr: *const u8, len: usize, described: u32) -> u32;
    fn __wbindgen_is_symbol(idx: u32) -> u32;
    fn __wbindgen_is_array(idx: u32) -> u32;
    fn __wbindgen_array_len(idx: u32) -> u32;
    fn __wbindgen_array_get(idx: u32, i: u32) -> u32;
    fn __wbindgen_is_bigint(idx: u32) -> u32;
    fn __wbindgen_typeof(idx: u32) -> u32;
    fn __wbindgen_in(prop: u32, obj: u32) -> u32;
    fn __wbindgen_jsval_loose_eq(a: u32, b: u32) -> u32;
    fn __wbindgen_as_number(idx: u32) -> f64;
    fn __wbindgen_try_into_number(idx: u32) -> u32;
    // JS operators: each is the plain JS expression on the two (or one) values.
    fn __wbindgen_neg(idx: u32) -> u32;
    fn __wbindgen_bit_not(idx: u32) -> u32;
    fn __wbindgen_add(a: u32, b: u32) -> u32;
    fn __wbindgen_sub(a: u32, b: u32) -> u32;
    fn __wbindgen_mul(a: u32, b: u32) -> u32;
    fn __wbindgen_div(a: u32, b: u32) -> u32;
    fn __wbindgen_checked_div(a: u32, b: u32) -> u32;
    fn __wbindgen_rem(a: u32, b: u32) -> u32;
    fn __wbindgen_pow(a: u32, b: u32) -> u32;
    fn __wbindgen_bit_and(a: u32, b: u32) -> u32;
    fn __wbindgen_bit_or(a: u32, b: u32) -> u32;
    fn __wbindgen_bit_xor(a: u32, b: u32) -> u32;
    fn __wbindgen_shl(a: u32, b: u32) -> u32;
    fn __wbindgen_shr(a: u32, b: u32) -> u32;
    fn __wbindgen_unsigned_shr(a: u32, b: u32) -> u32;
    fn __wbindgen_lt(a: u32, b: u32) -> u32;
    fn __wbindgen_le(a: u32, b: u32) -> u32;
    fn __wbindgen_gt(a: u32, b: u32) -> u32;
    fn __wbindgen_ge(a: u32, b: u32) -> u32;
    // Vectors as JS values: a typed array copied out of memory, or an array taking each value.
    fn __wbindgen_typed_array_new(kind: u32, ptr: *const u8, len: usize) -> u32;
    fn __wbindgen_array_from(ptr: *const u32, len: usize) -> u32;
    // The module's own objects and the object table's size.
    fn __wbindgen_externref_heap_live_count() -> u32;
    fn __wbindgen_memory() -> u32;
    fn __wbindgen_exports() -> u32;
    fn __wbindgen_function_table() -> u32;
    fn __wbg_closure_new(meta: *const crate::closure::ClosureMeta, data: u32, vtable: u32) -> u32;
    fn __wbg_closure_drop(idx: u32) -> u32;
}
