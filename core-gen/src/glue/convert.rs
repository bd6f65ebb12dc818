//! How every type crosses, in both directions, decided at generation time.
//!
//! `lower` turns a JS value into the core wasm values Rust's `FromWasmAbi` expects (export
//! arguments, import results); `lift` turns core values from Rust's `IntoWasmAbi` into a
//! JS value (export results, import arguments). Where the values come from or go to (call
//! arguments, parameters, the return area) is the caller's business.

use super::helpers::HelperSet;
use super::js_text::{class_ptr, enum_values_name, typed_array};
use crate::abi::ValType;
use crate::descriptor::int32;
use crate::descriptor::{Enum, EnumValue, Module, NamedKind, Type};

/// JS statements and values for one value going into wasm.
///
/// A call runs every value's `checks`, then every `setup`, then every `moves`, so a value
/// JS or Rust refuses leaves the others (and their class objects) untouched.
#[derive(Debug, Default)]
pub struct Lowered {
    /// Statements that only check the value and may throw; no side effects.
    pub checks: Vec<String>,
    /// Statements run before the call (may declare `ptr{n}`-style temporaries).
    pub setup: Vec<String>,
    /// Statements that empty class objects whose values move into Rust, run last.
    pub moves: Vec<String>,
    /// One expression per core value, in order.
    pub values: Vec<String>,
    /// Statements run after the call, whatever happens.
    pub finally: Vec<String>,
    /// JS expressions giving arrays of the class objects this value moves into Rust...
    pub moved: Vec<String>,
    /// ...and lends to it, so one call cannot both take and use an object.
    pub lent: Vec<String>,
}

impl Lowered {
    fn values(values: Vec<String>) -> Self {
        Lowered {
            values,
            ..Lowered::default()
        }
    }
}

/// The typed array for `Vec<T>` / `&[T]` / `Clamped<..>`, if `ty` is one.
fn array_ctor(ty: &Type) -> Option<&'static str> {
    match ty {
        Type::Vector(e) => typed_array(e),
        Type::Ref(inner) | Type::RefMut(inner) => match &**inner {
            Type::Slice(e) => typed_array(e),
            _ => None,
        },
        Type::Clamped(inner) => array_ctor(inner)
            .filter(|c| *c == "Uint8Array")
            .map(|_| "Uint8ClampedArray"),
        _ => None,
    }
}

fn is_object_like(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Externref | Type::ExternType(_) | Type::String | Type::Promise(_)
    )
}

/// `x` moving into Rust as a `class`: in an `extends` chain, only if it owns a `class`
/// value (a child object holds its parents' values shared). Empty for other classes.
fn own_class_check(module: &Module, class: &str, x: &str, helpers: &mut HelperSet) -> String {
    if !module.in_class_chain(class) {
        return String::new();
    }
    helpers.require("inheritance");
    format!(
        " assertOwnClassValue({x}, {class}, {});",
        class_ptr(x, class, true)
    )
}

fn class_of<'m>(module: &'m Module, ty: &Type) -> Option<&'m str> {
    match ty {
        Type::Named(n) => match module.lookup(n) {
            Some(NamedKind::Struct(s)) => Some(s.js_name.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `ty` is an exported class (a JS object holding a Rust value).
pub fn is_class(module: &Module, ty: &Type) -> bool {
    class_of(module, ty).is_some()
}

fn enum_of<'m>(module: &'m Module, ty: &Type) -> Option<&'m Enum> {
    match ty {
        Type::Named(n) => match module.lookup(n) {
            Some(NamedKind::Enum(e)) => Some(e),
            _ => None,
        },
        _ => None,
    }
}

/// The value Rust reserves for `None` of an enum: one past the largest discriminant (or
/// variant count for string enums). The macro computes the same with
/// `descriptor::enum_hole`.
pub fn enum_hole(e: &Enum) -> i64 {
    if e.is_string() {
        return e.variants.len() as i64;
    }
    crate::descriptor::enum_hole(e.variants.iter().filter_map(|v| match v.value {
        EnumValue::Number(n) => Some(n),
        EnumValue::String(_) => None,
    }))
}

fn lower_enum(e: &Enum, x: &str, helpers: &mut HelperSet) -> String {
    helpers.require("enums");
    let values = enum_values_name(&e.js_name);
    if e.is_string() {
        format!("stringEnumIndex({x}, {values}, '{}')", e.js_name)
    } else {
        format!("checkEnum({x}, {values}, '{}')", e.js_name)
    }
}

fn lift_enum(e: &Enum, v: &str) -> String {
    if e.is_string() {
        format!("{}[{v}]", enum_values_name(&e.js_name))
    } else {
        v.to_string()
    }
}

/// JS → wasm. `tmp` names this value's temporaries (unique per call).
pub fn lower(
    ty: &Type,
    x: &str,
    tmp: &str,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<Lowered, String> {
    // `--debug`: the JS type of a number, bigint or boolean argument is checked first.
    let debug_check = match ty {
        _ if !helpers.debug => None,
        int32!() | Type::F32 | Type::F64 => Some("assertNum"),
        Type::I64 | Type::U64 | Type::I128 | Type::U128 => Some("assertBigInt"),
        Type::Bool => Some("assertBoolean"),
        _ => None,
    };
    if let Some(check) = debug_check {
        helpers.require("debugChecks");
        let mut lowered = lower_plain(ty, x, tmp, module, helpers)?;
        lowered.checks.insert(0, format!("{check}({x});"));
        return Ok(lowered);
    }
    lower_plain(ty, x, tmp, module, helpers)
}

fn lower_plain(
    ty: &Type,
    x: &str,
    tmp: &str,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<Lowered, String> {
    let one = |v: String| Ok(Lowered::values(vec![v]));
    match ty {
        Type::Unit => Ok(Lowered::default()),
        int32!() => one(x.into()),
        Type::F32 | Type::F64 | Type::I64 | Type::U64 => one(x.into()),
        // JS truthiness, as `if (x)` would decide.
        Type::Bool => one(format!("{x} ? 1 : 0")),
        // A lone surrogate (or a number) is refused before anything is allocated, with
        // wasm-bindgen's messages: `expected a valid Unicode scalar value, found 55357` and
        // the TypeError of `codePointAt` on a non-string.
        Type::Char => {
            helpers.require("assertChar");
            Ok(Lowered {
                checks: vec![format!("assertChar({x}.codePointAt(0));")],
                values: vec![format!("{x}.codePointAt(0)")],
                ..Lowered::default()
            })
        }
        Type::U128 | Type::I128 => Ok(Lowered::values(vec![x.into(), format!("{x} >> 64n")])),
        Type::String => {
            helpers.require("passStringToWasm");
            Ok(Lowered {
                setup: vec![
                    format!("const {tmp}_ptr = passStringToWasm({x});"),
                    format!("const {tmp}_len = WASM_VECTOR_LEN;"),
                ],
                values: vec![format!("{tmp}_ptr"), format!("{tmp}_len")],
                ..Lowered::default()
            })
        }
        Type::Externref | Type::ExternType(_) | Type::Promise(_) => {
            helpers.require("addHeapObject");
            one(format!("addHeapObject({x})"))
        }
        Type::Named(n) => {
            if let Some(class) = class_of(module, ty) {
                helpers.require("classes");
                let own = own_class_check(module, class, x, helpers);
                return Ok(Lowered {
                    checks: vec![format!(
                        "assertLive({x}, {class});{own} {x}.__assert_movable();"
                    )],
                    moves: vec![format!("const {tmp}_ptr = {x}.__destroy_into_raw();")],
                    values: vec![format!("{tmp}_ptr")],
                    moved: vec![format!("[{x}]")],
                    ..Lowered::default()
                });
            }
            match enum_of(module, ty) {
                Some(e) => one(lower_enum(e, x, helpers)),
                None => Err(format!("`{n}` is not an exported class or enum")),
            }
        }
        Type::Ref(inner) | Type::RefMut(inner) => {
            let mutable = matches!(ty, Type::RefMut(_));
            match &**inner {
                Type::String if !mutable => lower(&Type::String, x, tmp, module, helpers),
                Type::Externref | Type::ExternType(_) if !mutable => {
                    helpers.require("addBorrowedObject");
                    Ok(Lowered {
                        values: vec![format!("addBorrowedObject({x})")],
                        finally: vec!["heap[stack_pointer++] = undefined;".into()],
                        ..Lowered::default()
                    })
                }
                Type::Named(_) if class_of(module, inner).is_some() => {
                    helpers.require("classes");
                    let class = class_of(module, inner).expect("checked");
                    Ok(Lowered {
                        checks: vec![format!("assertLive({x}, {class});")],
                        values: vec![class_ptr(x, class, module.in_class_chain(class))],
                        lent: vec![format!("[{x}]")],
                        ..Lowered::default()
                    })
                }
                Type::Slice(elem) if typed_array(elem).is_some() => Ok(lower_slice(
                    typed_array(elem).expect("checked"),
                    mutable,
                    x,
                    tmp,
                    helpers,
                )),
                other => Err(format!(
                    "passing {} from JS is not supported",
                    super::ts::type_name(other)
                )),
            }
        }
        // `Clamped<&[u8]>` / `Clamped<&mut [u8]>` / `Clamped<Vec<u8>>`.
        Type::Clamped(_) if array_ctor(ty).is_some() => {
            let ctor = array_ctor(ty).expect("checked");
            let mutable = matches!(ty, Type::Clamped(inner) if matches!(**inner, Type::RefMut(_)));
            Ok(lower_slice(ctor, mutable, x, tmp, helpers))
        }
        Type::Vector(_) if array_ctor(ty).is_some() => Ok(lower_array(
            array_ctor(ty).expect("checked"),
            x,
            tmp,
            helpers,
        )),
        Type::Vector(elem) => {
            helpers.require("arrays");
            if let Some(class) = class_of(module, elem) {
                helpers.require("classes");
                helpers.require("assertArrayOf");
                let own = own_class_check(module, class, "moving", helpers);
                // For a non-array `passArrayOfIndices` throws its `TypeError` before it
                // allocates, so it serves as the check.
                return Ok(Lowered {
                    checks: vec![
                        format!("if (!Array.isArray({x})) passArrayOfIndices({x}); // throws: not an array"),
                        format!("assertArrayOf({x}, {class});"),
                        format!("for (const moving of {x}) {{ assertLive(moving, {class});{own} moving.__assert_movable(); }}"),
                    ],
                    moves: vec![
                        format!("const {tmp}_ptr = passArrayOfIndices({x}, (v) => v.__destroy_into_raw());"),
                        format!("const {tmp}_len = WASM_VECTOR_LEN;"),
                    ],
                    values: vec![format!("{tmp}_ptr"), format!("{tmp}_len")],
                    moved: vec![x.to_string()],
                    ..Lowered::default()
                });
            }
            let pass = if is_object_like(elem) {
                helpers.require("addHeapObject");
                format!("passArrayOfIndices({x}, (v) => addHeapObject(v))")
            } else if let Some(e) = enum_of(module, elem) {
                format!(
                    "passArrayOfIndices({x}, (v) => {})",
                    lower_enum(e, "v", helpers)
                )
            } else {
                return Err(format!(
                    "`Vec` of {} is not supported",
                    super::ts::type_name(elem)
                ));
            };
            // Strings are checked here, so the error names the exported function.
            let checks = if **elem == Type::String {
                helpers.require("assertArrayOfStrings");
                vec![format!("assertArrayOfStrings({x});")]
            } else {
                Vec::new()
            };
            Ok(Lowered {
                checks,
                setup: vec![
                    format!("const {tmp}_ptr = {pass};"),
                    format!("const {tmp}_len = WASM_VECTOR_LEN;"),
                ],
                values: vec![format!("{tmp}_ptr"), format!("{tmp}_len")],
                ..Lowered::default()
            })
        }
        Type::Option(inner) => lower_option(inner, x, tmp, module, helpers),
        other => Err(format!(
            "passing {} from JS is not supported",
            super::ts::type_name(other)
        )),
    }
}

fn lower_array(ctor: &str, x: &str, tmp: &str, helpers: &mut HelperSet) -> Lowered {
    helpers.require("arrays");
    Lowered {
        setup: vec![
            format!("const {tmp}_ptr = passArrayToWasm({x}, {ctor});"),
            format!("const {tmp}_len = WASM_VECTOR_LEN;"),
        ],
        values: vec![format!("{tmp}_ptr"), format!("{tmp}_len")],
        ..Lowered::default()
    }
}

/// A copy of the JS array for `&[T]`; for `&mut [T]` the glue also copies Rust's changes
/// back into the caller's array after the call.
fn lower_slice(ctor: &str, mutable: bool, x: &str, tmp: &str, helpers: &mut HelperSet) -> Lowered {
    let mut l = lower_array(ctor, x, tmp, helpers);
    if mutable {
        helpers.require("writeBack");
        l.finally
            .push(format!("writeBack({x}, {tmp}_ptr, {tmp}_len, {ctor});"));
    }
    l
}

fn lower_option(
    inner: &Type,
    x: &str,
    tmp: &str,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<Lowered, String> {
    helpers.require("isLikeNone");
    let none = format!("isLikeNone({x})");
    match inner {
        int32!() | Type::F32 | Type::F64 => Ok(Lowered::values(vec![
            format!("{none} ? 0 : 1"),
            format!("{none} ? 0 : {x}"),
        ])),
        Type::I64 | Type::U64 => Ok(Lowered::values(vec![
            format!("{none} ? 0 : 1"),
            format!("{none} ? 0n : {x}"),
        ])),
        Type::U128 | Type::I128 => Ok(Lowered::values(vec![
            format!("{none} ? 0 : 1"),
            format!("{none} ? 0n : {x}"),
            format!("{none} ? 0n : {x} >> 64n"),
        ])),
        Type::Bool => Ok(Lowered::values(vec![
            format!("{none} ? 0 : 1"),
            format!("{none} ? 0 : ({x} ? 1 : 0)"),
        ])),
        Type::Char => {
            helpers.require("assertChar");
            Ok(Lowered {
                checks: vec![format!("if (!{none}) assertChar({x}.codePointAt(0));")],
                values: vec![
                    format!("{none} ? 0 : 1"),
                    format!("{none} ? 0 : {x}.codePointAt(0)"),
                ],
                ..Lowered::default()
            })
        }
        Type::Externref | Type::ExternType(_) => {
            helpers.require("addHeapObject");
            Ok(Lowered::values(vec![format!(
                "{none} ? 0 : addHeapObject({x})"
            )]))
        }
        Type::Named(_) if class_of(module, inner).is_some() => {
            helpers.require("classes");
            let class = class_of(module, inner).expect("checked");
            let own = own_class_check(module, class, x, helpers);
            Ok(Lowered {
                checks: vec![format!(
                    "if (!{none}) {{ assertLive({x}, {class});{own} {x}.__assert_movable(); }}"
                )],
                moves: vec![format!(
                    "const {tmp}_ptr = {none} ? 0 : {x}.__destroy_into_raw();"
                )],
                values: vec![format!("{tmp}_ptr")],
                moved: vec![format!("({none} ? [] : [{x}])")],
                ..Lowered::default()
            })
        }
        Type::Named(n) => match enum_of(module, inner) {
            Some(e) => {
                let hole = enum_hole(e);
                Ok(Lowered::values(vec![format!(
                    "{none} ? {hole} : {}",
                    lower_enum(e, x, helpers)
                )]))
            }
            None => Err(format!("`{n}` is not an exported class or enum")),
        },
        Type::String | Type::Vector(_) => {
            lower_nullable_buffer(inner, x, tmp, &none, module, helpers)
        }
        Type::Ref(r) if matches!(**r, Type::String | Type::Slice(_)) => {
            lower_nullable_buffer(inner, x, tmp, &none, module, helpers)
        }
        // `Option<&Foo>` / `Option<&mut Foo>`: lent like `&Foo`, pointer 0 for `None`.
        Type::Ref(r) | Type::RefMut(r) if class_of(module, r).is_some() => {
            helpers.require("classes");
            let class = class_of(module, r).expect("checked");
            let ptr = class_ptr(x, class, module.in_class_chain(class));
            Ok(Lowered {
                checks: vec![format!("if (!{none}) assertLive({x}, {class});")],
                values: vec![format!("{none} ? 0 : {ptr}")],
                lent: vec![format!("({none} ? [] : [{x}])")],
                ..Lowered::default()
            })
        }
        other => Err(format!(
            "`Option` of {} is not supported",
            super::ts::type_name(other)
        )),
    }
}

/// `Option` of a string or array: pointer 0 means `None`; a present value is lowered as
/// usual.
fn lower_nullable_buffer(
    inner: &Type,
    x: &str,
    tmp: &str,
    none: &str,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<Lowered, String> {
    // ptr 0 means `None`; a present value is lowered as usual.
    let present = lower(inner, x, tmp, module, helpers)?;
    let guarded = |lines: &[String]| -> Vec<String> {
        if lines.is_empty() {
            return Vec::new();
        }
        let mut out = vec![format!("if (!{none}) {{")];
        out.extend(lines.iter().map(|s| {
            format!(
                "    {}",
                s.replace(&format!("const {tmp}_"), &format!("{tmp}_"))
            )
        }));
        out.push("}".into());
        out
    };
    let mut setup = vec![format!("let {tmp}_ptr = 0, {tmp}_len = 0;")];
    setup.extend(guarded(&present.setup));
    Ok(Lowered {
        checks: guarded(&present.checks),
        setup,
        moves: guarded(&present.moves),
        values: vec![format!("{tmp}_ptr"), format!("{tmp}_len")],
        finally: present.finally,
        moved: present
            .moved
            .iter()
            .map(|m| format!("({none} ? [] : {m})"))
            .collect(),
        lent: Vec::new(),
    })
}

/// A typed array of `ctor` over `len` elements of wasm memory at `ptr`: what a slice lent
/// to an import is in JS (writes land in wasm memory).
fn memory_view(ctor: &str, ptr: &str, len: &str, helpers: &mut HelperSet) -> String {
    helpers.require("memory");
    format!("new {ctor}(wasm.memory.buffer, {ptr} >>> 0, {len})")
}

/// wasm → JS: the expression for `ty` made from its core `values`.
pub fn lift(
    ty: &Type,
    values: &[String],
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<String, String> {
    let v = |i: usize| values.get(i).cloned().unwrap_or_else(|| "undefined".into());
    Ok(match ty {
        Type::Unit => "undefined".into(),
        Type::I8
        | Type::U8
        | Type::I16
        | Type::U16
        | Type::I32
        | Type::Isize
        | Type::I64
        | Type::F32
        | Type::F64 => v(0),
        Type::U32 | Type::Usize => format!("{} >>> 0", v(0)),
        Type::U64 => format!("BigInt.asUintN(64, {})", v(0)),
        Type::U128 => format!(
            "(BigInt.asUintN(64, {}) << 64n) | BigInt.asUintN(64, {})",
            v(1),
            v(0)
        ),
        Type::I128 => format!(
            "(BigInt.asIntN(64, {}) << 64n) | BigInt.asUintN(64, {})",
            v(1),
            v(0)
        ),
        Type::Bool => format!("{} !== 0", v(0)),
        Type::Char => format!("String.fromCodePoint({})", v(0)),
        Type::String => {
            helpers.require("takeStringArg");
            format!("takeStringArg({}, {})", v(0), v(1))
        }
        Type::Externref | Type::ExternType(_) | Type::Promise(_) => {
            helpers.require("takeObject");
            format!("takeObject({})", v(0))
        }
        Type::Named(n) => {
            if let Some(class) = class_of(module, ty) {
                format!("{class}.__wrap({})", v(0))
            } else if let Some(e) = enum_of(module, ty) {
                lift_enum(e, &v(0))
            } else {
                return Err(format!("`{n}` is not an exported class or enum"));
            }
        }
        Type::Ref(inner) => match &**inner {
            Type::String => {
                helpers.require("getStringFromWasm");
                format!("getStringFromWasm({}, {})", v(0), v(1))
            }
            Type::Externref | Type::ExternType(_) => {
                helpers.require("heap");
                format!("getObject({})", v(0))
            }
            Type::Slice(elem) if matches!(**elem, Type::Externref | Type::ExternType(_)) => {
                helpers.require("getObjectsFromWasm");
                format!("getObjectsFromWasm({}, {})", v(0), v(1))
            }
            // Lent for the call: a view, valid until the import returns.
            Type::Slice(elem) if typed_array(elem).is_some() => {
                memory_view(typed_array(elem).expect("checked"), &v(0), &v(1), helpers)
            }
            other => {
                return Err(format!(
                    "a reference to {} is not supported here",
                    super::ts::type_name(other)
                ))
            }
        },
        // `&mut [T]` lent to an import: a view, so what JS writes lands in the Rust slice.
        Type::RefMut(inner) if matches!(&**inner, Type::Slice(e) if typed_array(e).is_some()) => {
            let Type::Slice(elem) = &**inner else {
                unreachable!("matched above")
            };
            memory_view(typed_array(elem).expect("checked"), &v(0), &v(1), helpers)
        }
        // `Clamped<&[u8]>` or `Clamped<&mut [u8]>` lent to an import: a view, valid until
        // the import returns.
        Type::Clamped(inner)
            if matches!(**inner, Type::Ref(_) | Type::RefMut(_)) && array_ctor(ty).is_some() =>
        {
            memory_view(array_ctor(ty).expect("checked"), &v(0), &v(1), helpers)
        }
        Type::Vector(_) | Type::Clamped(_) if array_ctor(ty).is_some() => {
            helpers.require("arrays");
            format!(
                "takeArray({}, {}, {})",
                v(0),
                v(1),
                array_ctor(ty).expect("checked")
            )
        }
        Type::Vector(elem) => {
            helpers.require("arrays");
            let each = if is_object_like(elem) {
                helpers.require("takeObject");
                if **elem == Type::String {
                    "(i) => takeObject(i)".to_string()
                } else {
                    "takeObject".to_string()
                }
            } else if let Some(class) = class_of(module, elem) {
                format!("(i) => {class}.__wrap(i)")
            } else if let Some(e) = enum_of(module, elem) {
                // The indices are read as `u32`s; a signed enum's are `i32`s.
                let i = if e.is_signed() { "(i | 0)" } else { "i" };
                format!("(i) => {}", lift_enum(e, i))
            } else {
                return Err(format!(
                    "`Vec` of {} is not supported",
                    super::ts::type_name(elem)
                ));
            };
            format!("takeArrayOfIndices({}, {}, {each})", v(0), v(1))
        }
        Type::Option(inner) => {
            let present =
                |helpers: &mut HelperSet, values: &[String]| lift(inner, values, module, helpers);
            match &**inner {
                int32!()
                | Type::F32
                | Type::F64
                | Type::I64
                | Type::U64
                | Type::U128
                | Type::I128
                | Type::Bool
                | Type::Char => {
                    format!(
                        "{} === 0 ? undefined : {}",
                        v(0),
                        present(helpers, &values[1..])?
                    )
                }
                Type::Named(_) if enum_of(module, inner).is_some() => {
                    let hole = enum_hole(enum_of(module, inner).expect("checked"));
                    format!(
                        "{} === {hole} ? undefined : {}",
                        v(0),
                        present(helpers, values)?
                    )
                }
                _ => format!("{} === 0 ? undefined : {}", v(0), present(helpers, values)?),
            }
        }
        other => {
            return Err(format!(
                "{} cannot come back from Rust",
                super::ts::type_name(other)
            ))
        }
    })
}

/// Expressions reading the return area for values 2.. of a result (`ret` is value 1).
pub fn ret_area_reads(results: &[ValType], helpers: &mut HelperSet) -> Vec<String> {
    let mut out = vec!["ret".to_string()];
    for (slot, v) in results.iter().enumerate().skip(1) {
        helpers.require("retArea");
        let slot = slot - 1;
        out.push(match v {
            ValType::I32 => format!("retSlot32({slot})"),
            ValType::I64 => format!("retSlot64({slot})"),
            ValType::F32 => format!("retSlotF32({slot})"),
            ValType::F64 => format!("retSlotF64({slot})"),
        });
    }
    out
}

/// Statements storing values 2.. of an import's result in the return area.
pub fn ret_area_writes(
    results: &[ValType],
    values: &[String],
    helpers: &mut HelperSet,
) -> Vec<String> {
    let mut out = Vec::new();
    for (slot, (v, value)) in results.iter().zip(values).enumerate().skip(1) {
        helpers.require("retArea");
        let slot = slot - 1;
        let store = match v {
            ValType::I32 => "storeRetSlot32",
            ValType::I64 => "storeRetSlot64",
            ValType::F32 => "storeRetSlotF32",
            ValType::F64 => "storeRetSlotF64",
        };
        out.push(format!("{store}({slot}, {value});"));
    }
    out
}
