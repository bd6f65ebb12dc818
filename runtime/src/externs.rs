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
    fn __wbg_closure_new(meta: *const crate::closure::ClosureMeta, data: u32, vtable: u32) -> u32;
    fn __wbg_closure_drop(idx: u32) -> u32;
}
