//! JS implementations of the runtime crate's intrinsic imports
//! (`runtime/src/externs.rs`). An import this table lacks is an error naming it.

/// `(name, helpers used, source of a function with that name)`.
pub const INTRINSICS: &[(&str, &[&str], &str)] = &[
    ("__wbindgen_object_drop_ref", &["dropObject"], "function __wbindgen_object_drop_ref(idx) { dropObject(idx); }"),
    ("__wbindgen_object_clone_ref", &["addHeapObject"], "function __wbindgen_object_clone_ref(idx) { return addHeapObject(getObject(idx)); }"),
    ("__wbindgen_string_new", &["addHeapObject", "getStringFromWasm"], "function __wbindgen_string_new(ptr, len) { return addHeapObject(getStringFromWasm(ptr, len)); }"),
    ("__wbindgen_number_new", &["addHeapObject"], "function __wbindgen_number_new(value) { return addHeapObject(value); }"),
    ("__wbindgen_bigint_from_i64", &["addHeapObject"], "function __wbindgen_bigint_from_i64(value) { return addHeapObject(value); }"),
    ("__wbindgen_bigint_from_u64", &["addHeapObject"], "function __wbindgen_bigint_from_u64(value) { return addHeapObject(BigInt.asUintN(64, value)); }"),
    (
        "__wbindgen_number_get",
        &["heap", "memory"],
        r#"function __wbindgen_number_get(idx, out) {
    const v = getObject(idx);
    if (typeof v !== 'number') return 0;
    getDataView().setFloat64(out >>> 0, v, true);
    return 1;
}"#,
    ),
    (
        "__wbindgen_boolean_get",
        &["heap"],
        "function __wbindgen_boolean_get(idx) { const v = getObject(idx); return typeof v === 'boolean' ? (v ? 1 : 0) : 2; }",
    ),
    (
        "__wbindgen_string_get",
        &["heap", "passStringToWasm"],
        r#"function __wbindgen_string_get(idx, out) {
    const v = getObject(idx);
    if (typeof v !== 'string') return 0;
    const ptr = passStringToWasm(v);
    const view = getDataView();
    view.setUint32(out >>> 0, ptr, true);
    view.setUint32((out >>> 0) + 4, WASM_VECTOR_LEN, true);
    return 1;
}"#,
    ),
    (
        "__wbindgen_debug_string",
        &["heap", "passStringToWasm", "debugString"],
        r#"function __wbindgen_debug_string(idx, out) {
    const ptr = passStringToWasm(debugString(getObject(idx)));
    const view = getDataView();
    view.setUint32(out >>> 0, ptr, true);
    view.setUint32((out >>> 0) + 4, WASM_VECTOR_LEN, true);
}"#,
    ),
    ("__wbindgen_is_null", &["heap"], "function __wbindgen_is_null(idx) { return getObject(idx) === null ? 1 : 0; }"),
    ("__wbindgen_is_undefined", &["heap"], "function __wbindgen_is_undefined(idx) { return getObject(idx) === undefined ? 1 : 0; }"),
    (
        "__wbindgen_is_object",
        &["heap"],
        "function __wbindgen_is_object(idx) { const v = getObject(idx); return typeof v === 'object' && v !== null ? 1 : 0; }",
    ),
    ("__wbindgen_is_function", &["heap"], "function __wbindgen_is_function(idx) { return typeof getObject(idx) === 'function' ? 1 : 0; }"),
    ("__wbindgen_is_string", &["heap"], "function __wbindgen_is_string(idx) { return typeof getObject(idx) === 'string' ? 1 : 0; }"),
    ("__wbindgen_is_truthy", &["heap"], "function __wbindgen_is_truthy(idx) { return getObject(idx) ? 1 : 0; }"),
    ("__wbindgen_jsval_eq", &["heap"], "function __wbindgen_jsval_eq(a, b) { return getObject(a) === getObject(b) ? 1 : 0; }"),
    ("__wbindgen_throw", &["getStringFromWasm"], "function __wbindgen_throw(ptr, len) { throw new Error(getStringFromWasm(ptr, len)); }"),
        ("__wbindgen_rethrow", &["takeObject"], "function __wbindgen_rethrow(idx) { throw takeObject(idx); }"),
        (
        "__wbindgen_json_parse",
        &["addHeapObject", "getStringFromWasm"],
        "function __wbindgen_json_parse(ptr, len) { return addHeapObject(JSON.parse(getStringFromWasm(ptr, len))); }",
    ),
    (
        "__wbindgen_json_serialize",
        &["heap", "passStringToWasm"],
        r#"function __wbindgen_json_serialize(idx, out) {
    const json = JSON.stringify(getObject(idx));
    const ptr = passStringToWasm(json === undefined ? 'null' : json);
    const view = getDataView();
    view.setUint32(out >>> 0, ptr, true);
    view.setUint32((out >>> 0) + 4, WASM_VECTOR_LEN, true);
}"#,
    ),
    (
        "__wbindgen_error_new",
        &["addHeapObject", "getStringFromWasm"],
        "function __wbindgen_error_new(ptr, len) { return addHeapObject(new Error(getStringFromWasm(ptr, len))); }",
    ),
];

pub fn find(name: &str) -> Option<&'static (&'static str, &'static [&'static str], &'static str)> {
    INTRINSICS.iter().find(|(n, _, _)| *n == name)
}
