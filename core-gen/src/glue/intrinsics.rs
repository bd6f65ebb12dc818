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
    (
        "__wbindgen_bigint_from_128",
        &["addHeapObject"],
        r#"function __wbindgen_bigint_from_128(lo, hi, signed) {
    const v = (BigInt.asUintN(64, hi) << 64n) | BigInt.asUintN(64, lo);
    return addHeapObject(signed ? BigInt.asIntN(128, v) : v);
}"#,
    ),
    (
        "__wbindgen_bigint_from_str",
        &["addHeapObject", "getStringFromWasm"],
        "function __wbindgen_bigint_from_str(ptr, len) { return addHeapObject(BigInt(getStringFromWasm(ptr, len))); }",
    ),
    (
        "__wbindgen_bigint_get",
        &["heap", "memory"],
        r#"function __wbindgen_bigint_get(idx, bits, signed, out) {
    const v = getObject(idx);
    if (typeof v !== 'bigint') return 0;
    if ((signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v)) !== v) return 2;
    const view = getDataView();
    view.setBigUint64(out >>> 0, BigInt.asUintN(64, v), true);
    view.setBigUint64((out >>> 0) + 8, BigInt.asUintN(64, v >> 64n), true);
    return 1;
}"#,
    ),
    (
        "__wbindgen_symbol_new",
        &["addHeapObject", "getStringFromWasm"],
        "function __wbindgen_symbol_new(ptr, len, described) { return addHeapObject(described ? Symbol(getStringFromWasm(ptr, len)) : Symbol()); }",
    ),
    ("__wbindgen_is_symbol", &["heap"], "function __wbindgen_is_symbol(idx) { return typeof getObject(idx) === 'symbol' ? 1 : 0; }"),
    ("__wbindgen_is_array", &["heap"], "function __wbindgen_is_array(idx) { return Array.isArray(getObject(idx)) ? 1 : 0; }"),
    ("__wbindgen_array_len", &["heap"], "function __wbindgen_array_len(idx) { return getObject(idx).length >>> 0; }"),
    ("__wbindgen_array_get", &["heap", "addHeapObject"], "function __wbindgen_array_get(idx, i) { return addHeapObject(getObject(idx)[i >>> 0]); }"),
    ("__wbindgen_is_bigint", &["heap"], "function __wbindgen_is_bigint(idx) { return typeof getObject(idx) === 'bigint' ? 1 : 0; }"),
    ("__wbindgen_typeof", &["addHeapObject"], "function __wbindgen_typeof(idx) { return addHeapObject(typeof getObject(idx)); }"),
    ("__wbindgen_in", &["heap"], "function __wbindgen_in(prop, obj) { return getObject(prop) in getObject(obj) ? 1 : 0; }"),
    ("__wbindgen_as_number", &["heap"], "function __wbindgen_as_number(idx) { return +getObject(idx); }"),
    (
        "__wbindgen_try_into_number",
        &["addHeapObject"],
        r#"function __wbindgen_try_into_number(idx) {
    let result;
    try { result = +getObject(idx); } catch (e) { result = e; }
    return addHeapObject(result);
}"#,
    ),
    ("__wbindgen_neg", &["addHeapObject"], "function __wbindgen_neg(idx) { return addHeapObject(-getObject(idx)); }"),
    ("__wbindgen_bit_not", &["addHeapObject"], "function __wbindgen_bit_not(idx) { return addHeapObject(~getObject(idx)); }"),
    ("__wbindgen_add", &["addHeapObject"], "function __wbindgen_add(a, b) { return addHeapObject(getObject(a) + getObject(b)); }"),
    ("__wbindgen_sub", &["addHeapObject"], "function __wbindgen_sub(a, b) { return addHeapObject(getObject(a) - getObject(b)); }"),
    ("__wbindgen_mul", &["addHeapObject"], "function __wbindgen_mul(a, b) { return addHeapObject(getObject(a) * getObject(b)); }"),
    ("__wbindgen_div", &["addHeapObject"], "function __wbindgen_div(a, b) { return addHeapObject(getObject(a) / getObject(b)); }"),
    ("__wbindgen_rem", &["addHeapObject"], "function __wbindgen_rem(a, b) { return addHeapObject(getObject(a) % getObject(b)); }"),
    ("__wbindgen_pow", &["addHeapObject"], "function __wbindgen_pow(a, b) { return addHeapObject(getObject(a) ** getObject(b)); }"),
    ("__wbindgen_bit_and", &["addHeapObject"], "function __wbindgen_bit_and(a, b) { return addHeapObject(getObject(a) & getObject(b)); }"),
    ("__wbindgen_bit_or", &["addHeapObject"], "function __wbindgen_bit_or(a, b) { return addHeapObject(getObject(a) | getObject(b)); }"),
    ("__wbindgen_bit_xor", &["addHeapObject"], "function __wbindgen_bit_xor(a, b) { return addHeapObject(getObject(a) ^ getObject(b)); }"),
    ("__wbindgen_shl", &["addHeapObject"], "function __wbindgen_shl(a, b) { return addHeapObject(getObject(a) << getObject(b)); }"),
    ("__wbindgen_shr", &["addHeapObject"], "function __wbindgen_shr(a, b) { return addHeapObject(getObject(a) >> getObject(b)); }"),
    (
        "__wbindgen_checked_div",
        &["addHeapObject"],
        r#"function __wbindgen_checked_div(a, b) {
    let result;
    try {
        result = getObject(a) / getObject(b);
    } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        result = e;
    }
    return addHeapObject(result);
}"#,
    ),
    ("__wbindgen_unsigned_shr", &["heap"], "function __wbindgen_unsigned_shr(a, b) { return getObject(a) >>> getObject(b); }"),
    ("__wbindgen_lt", &["heap"], "function __wbindgen_lt(a, b) { return getObject(a) < getObject(b) ? 1 : 0; }"),
    ("__wbindgen_le", &["heap"], "function __wbindgen_le(a, b) { return getObject(a) <= getObject(b) ? 1 : 0; }"),
    ("__wbindgen_gt", &["heap"], "function __wbindgen_gt(a, b) { return getObject(a) > getObject(b) ? 1 : 0; }"),
    ("__wbindgen_ge", &["heap"], "function __wbindgen_ge(a, b) { return getObject(a) >= getObject(b) ? 1 : 0; }"),
    ("__wbindgen_jsval_loose_eq", &["heap"], "function __wbindgen_jsval_loose_eq(a, b) { return getObject(a) == getObject(b) ? 1 : 0; }"),
    (
        "__wbindgen_typed_array_new",
        &["addHeapObject"],
        r#"function __wbindgen_typed_array_new(kind, ptr, len) {
    const Ctor = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
        BigInt64Array, BigUint64Array, Float32Array, Float64Array][kind];
    return addHeapObject(new Ctor(wasm.memory.buffer, ptr >>> 0, len >>> 0).slice());
}"#,
    ),
    (
        "__wbindgen_array_from",
        &["addHeapObject", "takeObject"],
        r#"function __wbindgen_array_from(ptr, len) {
    const indices = new Uint32Array(wasm.memory.buffer, ptr >>> 0, len >>> 0).slice();
    return addHeapObject(Array.from(indices, takeObject));
}"#,
    ),
    (
        "__wbindgen_externref_heap_live_count",
        &["heap"],
        r#"function __wbindgen_externref_heap_live_count() {
    let free = 0;
    for (let i = heap_next; i < heap.length; i = heap[i]) free++;
    return heap.length - 132 - free;
}"#,
    ),
    ("__wbindgen_memory", &["addHeapObject"], "function __wbindgen_memory() { return addHeapObject(wasm.memory); }"),
    ("__wbindgen_exports", &["addHeapObject"], "function __wbindgen_exports() { return addHeapObject(wasm); }"),
    ("__wbindgen_function_table", &["addHeapObject"], "function __wbindgen_function_table() { return addHeapObject(wasm.__wbindgen_table); }"),
];

pub fn find(name: &str) -> Option<&'static (&'static str, &'static [&'static str], &'static str)> {
    INTRINSICS.iter().find(|(n, _, _)| *n == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the runtime crate imports (`fn __wbindgen_...(` lines of its `externs.rs`;
    /// closures' `__wbg_closure_*` are rendered per module, not from this table).
    fn runtime_intrinsics() -> Vec<&'static str> {
        include_str!("../../../runtime/src/externs.rs")
            .lines()
            .filter_map(|l| l.trim().strip_prefix("fn "))
            .filter(|rest| rest.starts_with("__wbindgen_"))
            .map(|rest| &rest[..rest.find('(').unwrap()])
            .collect()
    }

    #[test]
    fn every_runtime_intrinsic_has_js() {
        let names = runtime_intrinsics();
        assert!(names.len() > 40, "read the runtime's intrinsics: {names:?}");
        for name in names {
            assert!(find(name).is_some(), "{name} has no JS implementation");
        }
    }

    #[test]
    fn each_source_defines_its_function_and_stays_csp_safe() {
        for (name, _, source) in INTRINSICS {
            assert!(
                source.starts_with(&format!("function {name}(")),
                "{name}: {source}"
            );
            assert!(
                !source.contains("eval(") && !source.contains("new Function"),
                "{name}"
            );
        }
    }
}
