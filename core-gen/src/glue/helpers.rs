//! The JS support code the glue may need, each piece emitted only when used.
//! Object table layout (shared with the runtime crate's `JsValue`): indices below 128 are
//! the borrow stack (growing down from 128), 128..132 hold undefined/null/true/false,
//! and owned values live above in a slab whose free slots chain through `heap_next`.

/// `(name, dependencies, source)`, in emission order.
pub const HELPERS: &[(&str, &[&str], &str)] = &[
    (
        "heap",
        &[],
        r#"const heap = new Array(128).fill(undefined);
heap.push(undefined, null, true, false);
let heap_next = heap.length;
let stack_pointer = 128;

function getObject(idx) { return heap[idx]; }
"#,
    ),
    (
        "addHeapObject",
        &["heap"],
        r#"function addHeapObject(obj) {
    if (heap_next === heap.length) heap.push(heap.length + 1);
    const idx = heap_next;
    heap_next = heap[idx];
    heap[idx] = obj;
    return idx;
}
"#,
    ),
    (
        "dropObject",
        &["heap"],
        r#"function dropObject(idx) {
    if (idx < 132) return;
    heap[idx] = heap_next;
    heap_next = idx;
}
"#,
    ),
    (
        "takeObject",
        &["heap", "dropObject"],
        r#"function takeObject(idx) {
    const obj = getObject(idx);
    dropObject(idx);
    return obj;
}
"#,
    ),
    (
        "addBorrowedObject",
        &["heap"],
        r#"function addBorrowedObject(obj) {
    if (stack_pointer === 1) throw new Error('wasm-bindgen: too many borrowed JS values at once (the borrow stack is full)');
    heap[--stack_pointer] = obj;
    return stack_pointer;
}
"#,
    ),
    (
        "heapStats",
        &["heap"],
        r#"function __wbg_heap_stats() {
    let free = 0;
    for (let i = heap_next; i < heap.length; i = heap[i]) free++;
    return { capacity: heap.length - 132, live: heap.length - 132 - free, stack: 128 - stack_pointer };
}
"#,
    ),
    (
        "classes",
        &[],
        r#"function freedError(name) {
    return new Error(`Attempt to use a moved value: this \`${name}\` object was already freed (its value was moved into Rust or free() was called)`);
}

function assertLive(obj, cls) {
    if (!(obj instanceof cls)) throw new TypeError(`expected instance of ${cls.name}, got ${obj === null ? 'null' : typeof obj}`);
    if (obj.__wbg_ptr === 0) throw freedError(cls.name);
}
"#,
    ),
    (
        "inheritance",
        &[],
        r#"// `super(wbgSuperSkip)` from a child class's constructor: the child's Rust constructor
// already made the parent value, so the parent's JS constructor must not make another.
const wbgSuperSkip = Symbol('wbg.superSkip');

// A child object reaching a parent method through the prototype chain holds the parent's
// value only shared (its `__wbg_ptr_<Parent>`), never as the parent's own box.
function assertOwnClassCall(obj, own, what) {
    if (obj.__wbg_ptr !== own) throw new TypeError(`${what} cannot be invoked through subclass prototype dispatch: this \`${obj.constructor.name}\` object owns a different Rust value (call the method of its own class)`);
}

function assertOwnClassValue(obj, cls, own) {
    if (obj.__wbg_ptr !== own) throw new TypeError(`this \`${obj.constructor.name}\` object cannot be consumed by-value as its ancestor \`${cls.name}\`: only a \`${cls.name}\` object moves into Rust as one`);
}
"#,
    ),
    (
        "enums",
        &[],
        r#"function checkEnum(value, values, name) {
    if (!values.includes(value)) throw new TypeError(`${String(value)} is not a valid value of the enum ${name} (expected one of ${values.join(', ')})`);
    return value;
}

function stringEnumIndex(value, values, name) {
    const index = values.indexOf(value);
    if (index === -1) throw new TypeError(`${JSON.stringify(value)} is not a valid value of the enum ${name} (expected one of ${values.map((v) => JSON.stringify(v)).join(', ')})`);
    return index;
}
"#,
    ),
    (
        "memory",
        &[],
        r#"let cachedUint8Memory = null;
function getUint8Memory() {
    if (cachedUint8Memory === null || cachedUint8Memory.byteLength === 0) {
        cachedUint8Memory = new Uint8Array(wasm.memory.buffer);
    }
    return cachedUint8Memory;
}

// Growing the memory detaches the old buffer (its byteLength becomes 0). Checking that is
// far cheaper than reading `wasm.memory.buffer`, which crosses into the engine each time.
let cachedDataView = null;
function getDataView() {
    if (cachedDataView === null || cachedDataView.buffer.byteLength === 0) {
        cachedDataView = new DataView(wasm.memory.buffer);
    }
    return cachedDataView;
}
"#,
    ),
    (
        "retArea",
        &["memory"],
        r#"let retArea = 0;
function retSlot32(slot) { return getDataView().getInt32(retArea + 8 * slot, true); }
function storeRetSlot32(slot, value) { getDataView().setInt32(retArea + 8 * slot, value, true); }
function retSlot64(slot) { return getDataView().getBigInt64(retArea + 8 * slot, true); }
function storeRetSlot64(slot, value) { getDataView().setBigInt64(retArea + 8 * slot, BigInt.asIntN(64, BigInt(value)), true); }
function retSlotF32(slot) { return getDataView().getFloat32(retArea + 8 * slot, true); }
function storeRetSlotF32(slot, value) { getDataView().setFloat32(retArea + 8 * slot, value, true); }
function retSlotF64(slot) { return getDataView().getFloat64(retArea + 8 * slot, true); }
function storeRetSlotF64(slot, value) { getDataView().setFloat64(retArea + 8 * slot, value, true); }
"#,
    ),
    (
        "getStringFromWasm",
        &["memory"],
        r#"const textDecoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
function getStringFromWasm(ptr, len) {
    ptr = ptr >>> 0;
    return textDecoder.decode(getUint8Memory().subarray(ptr, ptr + len));
}
"#,
    ),
    (
        "takeStringArg",
        &["getStringFromWasm"],
        r#"function takeStringArg(ptr, len) {
    const s = getStringFromWasm(ptr, len);
    wasm.__wbindgen_free(ptr, len, 1);
    return s;
}
"#,
    ),
    (
        "getObjectsFromWasm",
        &["heap", "memory"],
        r#"function getObjectsFromWasm(ptr, len) {
    const view = getDataView();
    const out = new Array(len);
    for (let i = 0; i < len; i++) out[i] = getObject(view.getUint32((ptr >>> 0) + 4 * i, true));
    return out;
}
"#,
    ),
    (
        "vectorLen",
        &[],
        r#"// Length of the last buffer passed to wasm (the second value of a pointer/length pair).
let WASM_VECTOR_LEN = 0;
"#,
    ),
    (
        "assertArrayOf",
        &[],
        r#"// wasm-bindgen's message for an array element of the wrong kind.
function assertArrayOf(arr, cls) {
    for (const v of arr) {
        if (!(v instanceof cls)) {
            throw new TypeError(`array contains a value of the wrong type: expected ${cls.name} objects, got ${v === null ? 'null' : typeof v}`);
        }
    }
}
"#,
    ),
    (
        "debugChecks",
        &[],
        r#"// --debug: wasm-bindgen's argument checks.
function assertNum(n) {
    if (typeof n !== 'number') throw new Error(`expected a number argument, found ${typeof n}`);
}
function assertBigInt(n) {
    if (typeof n !== 'bigint') throw new Error(`expected a bigint argument, found ${typeof n}`);
}
function assertBoolean(n) {
    if (typeof n !== 'boolean') throw new Error(`expected a boolean argument, found ${typeof n}`);
}
"#,
    ),
    (
        "assertArrayOfStrings",
        &[],
        r#"function assertArrayOfStrings(arr) {
    if (!Array.isArray(arr)) return;
    for (const v of arr) {
        if (typeof v !== 'string') throw new TypeError('array contains a value of the wrong type (expected an array of strings)');
    }
}
"#,
    ),
    (
        "assertChar",
        &[],
        r#"function assertChar(c) {
    if (typeof c === 'number' && (c >= 0x110000 || (c >= 0xD800 && c < 0xE000))) {
        throw new Error(`expected a valid Unicode scalar value, found ${c}`);
    }
}
"#,
    ),
    (
        "isLikeNone",
        &[],
        r#"function isLikeNone(x) { return x === undefined || x === null; }
"#,
    ),
    (
        "arrays",
        &["memory", "vectorLen"],
        r#"// Typed arrays and plain arrays are copied in once; Rust owns (and frees) the copy.
function passArrayToWasm(arg, Ctor) {
    if (arg === null || typeof arg !== 'object' || typeof arg.length !== 'number') {
        throw new TypeError(`expected an array or ${Ctor.name}, got ${arg === null ? 'null' : typeof arg}`);
    }
    const len = arg.length;
    const ptr = wasm.__wbindgen_malloc(len * Ctor.BYTES_PER_ELEMENT, Ctor.BYTES_PER_ELEMENT) >>> 0;
    new Ctor(wasm.memory.buffer, ptr, len).set(arg);
    WASM_VECTOR_LEN = len;
    return ptr;
}
// A vector Rust handed over: one copy out, then the Rust buffer is freed.
function takeArray(ptr, len, Ctor) {
    ptr = ptr >>> 0;
    len = len >>> 0;
    const out = new Ctor(wasm.memory.buffer, ptr, len).slice();
    wasm.__wbindgen_free(ptr, len * Ctor.BYTES_PER_ELEMENT, Ctor.BYTES_PER_ELEMENT);
    return out;
}
// Arrays of objects travel as one u32 per element.
function passArrayOfIndices(arg, toIndex) {
    if (!Array.isArray(arg)) throw new TypeError(`expected an array, got ${arg === null ? 'null' : typeof arg}`);
    const len = arg.length;
    const ptr = wasm.__wbindgen_malloc(len * 4, 4) >>> 0;
    const indices = arg.map(toIndex);
    new Uint32Array(wasm.memory.buffer, ptr, len).set(indices);
    WASM_VECTOR_LEN = len;
    return ptr;
}
function takeArrayOfIndices(ptr, len, fromIndex) {
    ptr = ptr >>> 0;
    len = len >>> 0;
    const indices = Array.from(new Uint32Array(wasm.memory.buffer, ptr, len));
    wasm.__wbindgen_free(ptr, len * 4, 4);
    return indices.map((i) => fromIndex(i));
}
"#,
    ),
    (
        "writeBack",
        &["memory"],
        r#"// `&mut [T]`: copy what Rust changed back into the caller's array, then free the copy.
function writeBack(arg, ptr, len, Ctor) {
    const view = new Ctor(wasm.memory.buffer, ptr, len);
    if (ArrayBuffer.isView(arg)) arg.set(view);
    else for (let i = 0; i < len; i++) arg[i] = view[i];
    wasm.__wbindgen_free(ptr, len * Ctor.BYTES_PER_ELEMENT, Ctor.BYTES_PER_ELEMENT);
}
"#,
    ),
    (
        "closures",
        &["heap"],
        r#"// Rust closures as JS functions. A stack closure is valid only while the import it was
// passed to runs; a heap closure until its `Closure` is dropped. A FnMut must not be
// re-entered. Dropping a closure while it runs frees it when that call returns.
// A function's state is kept under a symbol on the function itself: a property store and
// load, where a WeakMap costs a hash-table insert per closure made.
const closureState = Symbol('wbg closure state');
// `wrap` is the caller of the closure's signature (closure.rs): it makes the JS function,
// with the checks below inlined, from the closure's state.
function makeClosure(data, vtable, invoke, destroy, mutable, wrap, stack) {
    const f = wasm.__wbindgen_table.get(invoke);
    const state = { f, data, vtable, destroy, running: 0, valid: true, dropRequested: false, stack, mutable };
    const fn = wrap(state);
    fn[closureState] = state;
    return fn;
}
// Throws why the closure cannot be called now (dropped, or a FnMut re-entered).
function closureRefused(state) {
    if (!state.valid) {
        throw new Error(state.stack
            ? 'closure invoked after it was dropped: a stack closure (`&dyn Fn` / `&mut dyn FnMut`) is only valid while the import it was passed to is running; use `Closure` for callbacks that outlive the call'
            : 'closure invoked after it was dropped: the Rust `Closure` was dropped; keep it alive (or call `forget()`) while JavaScript may still call it');
    }
    throw new Error('recursive use of a `FnMut` closure: it was called again while it was still running');
}
// A drop requested while the closure ran, done when its last call returns.
function closureDropNow(state) {
    state.dropRequested = false;
    wasm.__wbindgen_table.get(state.destroy)(state.data, state.vtable);
}
function invalidateClosure(fn) { fn[closureState].valid = false; }
// Returns 1 when Rust may free the closure now, 0 when it is running and JS frees it later.
function dropClosure(fn) {
    const state = fn[closureState];
    state.valid = false;
    if (state.running > 0) { state.dropRequested = true; return 0; }
    return 1;
}
"#,
    ),
    (
        "accessors",
        &[],
        r#"// An accessor found on the prototype chain, or plain property access when there is none.
function findProperty(proto, name) {
    for (let p = proto; p !== null && p !== undefined; p = Object.getPrototypeOf(p)) {
        const d = Object.getOwnPropertyDescriptor(p, name);
        if (d !== undefined) return d;
    }
    return undefined;
}
function propertyGetter(proto, name) {
    const d = findProperty(proto, name);
    return d !== undefined && d.get !== undefined ? d.get : function () { return this[name]; };
}
function propertySetter(proto, name) {
    const d = findProperty(proto, name);
    return d !== undefined && d.set !== undefined ? d.set : function (value) { this[name] = value; };
}
"#,
    ),
    (
        "captureAtLoad",
        &[],
        r#"// A function read once when the glue loads (`final` imports through a namespace). A
// namespace missing then does not stop the module loading: calling it throws what reading
// it threw.
function captureAtLoad(read) {
    try {
        return read();
    } catch (e) {
        return function () { throw e; };
    }
}
"#,
    ),
    (
        "borrowLog",
        &["memory"],
        r#"// Rust's log of class borrows; a JS exception that unwinds wasm frames leaves their
// borrows in it, and the glue releases them before rethrowing.
let borrowDepthPtr = 0;
function borrowDepth() { return getDataView().getUint32(borrowDepthPtr, true); }
function releaseBorrows(depth) { if (borrowDepth() !== depth) wasm.__wbindgen_unwind_borrows(depth); }
"#,
    ),
    (
        "passStringToWasm",
        &["memory", "vectorLen"],
        r#"const textEncoder = new TextEncoder();
// Short ASCII strings are copied by hand (cheaper than encodeInto below ~64 chars); a
// short string found not to be ASCII goes straight to the worst case for the rest (one
// encodeInto). Longer strings: encodeInto fills the `len` bytes already allocated, which
// is all of an ASCII string; only if it stops early is the buffer grown to the worst case
// for the rest. Either way the buffer is shrunk to what was written.
function passStringToWasm(s) {
    if (typeof s !== 'string') throw new TypeError(`expected a string argument, found ${typeof s}`);
    const len = s.length;
    let ptr = wasm.__wbindgen_malloc(len, 1) >>> 0;
    let offset = 0;
    if (len < 64) {
        const mem = getUint8Memory();
        for (; offset < len; offset++) {
            const code = s.charCodeAt(offset);
            if (code > 0x7f) break;
            mem[ptr + offset] = code;
        }
        if (offset === len) {
            WASM_VECTOR_LEN = len;
            return ptr;
        }
    }
    let rest = offset === 0 ? s : s.slice(offset);
    let capacity = len;
    let read = 0;
    let written = 0;
    if (len >= 64) {
        ({ read, written } = textEncoder.encodeInto(rest, getUint8Memory().subarray(ptr + offset, ptr + capacity)));
        offset += written;
    }
    if (read < rest.length) {
        if (read > 0) rest = rest.slice(read);
        const grown = offset + rest.length * 3;
        ptr = wasm.__wbindgen_realloc(ptr, capacity, grown, 1) >>> 0;
        capacity = grown;
        ({ written } = textEncoder.encodeInto(rest, getUint8Memory().subarray(ptr + offset, ptr + capacity)));
        offset += written;
    }
    if (offset !== capacity) ptr = wasm.__wbindgen_realloc(ptr, capacity, offset, 1) >>> 0;
    WASM_VECTOR_LEN = offset;
    return ptr;
}
"#,
    ),
    (
        "debugString",
        &[],
        r#"function debugString(val, depth = 0) {
    const type = typeof val;
    if (type === 'number' || type === 'boolean' || val == null) return `${val}`;
    if (type === 'bigint') return `${val}n`;
    if (type === 'string') return JSON.stringify(val);
    if (type === 'symbol') return val.description == null ? 'Symbol' : `Symbol(${val.description})`;
    if (type === 'function') return val.name ? `Function(${val.name})` : 'Function';
    if (depth > 3) return '…';
    if (Array.isArray(val)) return `[${val.map((v) => debugString(v, depth + 1)).join(', ')}]`;
    if (val instanceof Error) return `${val.name}: ${val.message}\n${val.stack}`;
    const tag = Object.prototype.toString.call(val).slice(8, -1);
    if (tag === 'Object') {
        try { return `Object(${JSON.stringify(val)})`; } catch (_) { return 'Object'; }
    }
    return tag;
}
"#,
    ),
];

/// The helpers a piece of glue asked for, closed under dependencies.
#[derive(Debug, Default)]
pub struct HelperSet {
    used: Vec<&'static str>,
    /// `--debug`: arguments are also checked for their JS type (numbers, bigints, booleans),
    /// with wasm-bindgen's messages.
    pub debug: bool,
}

impl HelperSet {
    /// An empty set for glue built with (or without) `--debug`.
    pub fn with_debug(debug: bool) -> HelperSet {
        HelperSet {
            used: Vec::new(),
            debug,
        }
    }

    pub fn require(&mut self, name: &str) {
        let Some(&(name, deps, _)) = HELPERS.iter().find(|(n, _, _)| *n == name) else {
            panic!("unknown JS helper {name}: a bug in wbg's glue generator")
        };
        if self.used.contains(&name) {
            return;
        }
        for d in deps {
            self.require(d);
        }
        self.used.push(name);
    }

    pub fn contains(&self, name: &str) -> bool {
        self.used.contains(&name)
    }

    /// Source of the used helpers, in table order, keeping only the top-level declarations
    /// that `rest` (every other part of the output) reaches by name, directly or through
    /// other kept declarations: a helper group such as `memory` has readers for every slot
    /// type, and a module gets only those it calls.
    pub fn render(&self, rest: &str) -> String {
        let groups: Vec<Vec<Decl<'_>>> = HELPERS
            .iter()
            .filter(|(n, _, _)| self.used.contains(n))
            .map(|(_, _, src)| declarations(src))
            .collect();
        let mut reached = identifiers(rest);
        let mut kept: Vec<Vec<bool>> = groups
            .iter()
            .map(|g| g.iter().map(|d| d.names.is_empty()).collect())
            .collect();
        loop {
            let mut grew = false;
            for (g, group) in groups.iter().enumerate() {
                for (i, decl) in group.iter().enumerate() {
                    if !kept[g][i] && decl.names.iter().any(|n| reached.contains(n)) {
                        kept[g][i] = true;
                        reached.extend(identifiers(decl.text));
                        grew = true;
                    }
                }
            }
            if !grew {
                break;
            }
        }
        let mut blocks = Vec::new();
        for (g, group) in groups.iter().enumerate() {
            // The comments explain the helpers here, in their source; the output does
            // without them.
            let mut text: String = group
                .iter()
                .zip(&kept[g])
                .filter(|(_, k)| **k)
                .flat_map(|(d, _)| d.text.split_inclusive('\n'))
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect();
            // A dropped declaration leaves the blank lines around it.
            while text.contains("\n\n\n") {
                text = text.replace("\n\n\n", "\n\n");
            }
            if !text.trim().is_empty() {
                blocks.push(text.trim_end_matches('\n').to_string() + "\n");
            }
        }
        blocks.join("\n")
    }
}

/// A top-level declaration of a helper's source with the comment lines before it and the
/// lines after it up to the next one (a statement such as `heap.push(...)` stays with the
/// declaration before it). `names` is empty for text before any declaration, kept always.
struct Decl<'a> {
    names: Vec<&'a str>,
    text: &'a str,
}

fn declarations(src: &str) -> Vec<Decl<'_>> {
    let mut out: Vec<Decl<'_>> = Vec::new();
    let mut start = 0; // where the current declaration's text starts
    let mut comment_start = None; // a run of top-level comment lines not yet attached
    let mut offset = 0;
    let mut names = Vec::new();
    for line in src.split_inclusive('\n') {
        if line.starts_with("//") {
            comment_start.get_or_insert(offset);
        } else if let Some(declared) = declared_names(line) {
            let begin = comment_start.take().unwrap_or(offset);
            if begin > start || !names.is_empty() {
                out.push(Decl {
                    names: std::mem::take(&mut names),
                    text: &src[start..begin],
                });
            }
            start = begin;
            names = declared;
        } else {
            comment_start = None;
        }
        offset += line.len();
    }
    if offset > start {
        out.push(Decl {
            names,
            text: &src[start..],
        });
    }
    out
}

/// The names a top-level `function`, `class`, `const` or `let` line declares.
fn declared_names(line: &str) -> Option<Vec<&str>> {
    let rest = ["function ", "class ", "const ", "let "]
        .iter()
        .find_map(|k| line.strip_prefix(k))?;
    let ident = |s: &str| s.len() - s.trim_start_matches(is_ident_char).len();
    if let Some(pattern) = rest.strip_prefix('{') {
        let inner = &pattern[..pattern.find('}')?];
        return Some(
            inner
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect(),
        );
    }
    let n = ident(rest);
    (n > 0).then(|| vec![&rest[..n]])
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// Every identifier-like word of `js` (over-approximates: words in strings and comments count).
fn identifiers(js: &str) -> std::collections::HashSet<&str> {
    js.split(|c: char| !is_ident_char(c))
        .filter(|w| !w.is_empty())
        .collect()
}
