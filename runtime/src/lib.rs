//! wbg's runtime crate, published under the name `wasm-bindgen` so that unchanged
//! wasm-bindgen code (`use wasm_bindgen::prelude::*;`) builds against it.
//!
//! `JsValue` is an index into the glue's object table: indices below [`JSIDX_OFFSET`] are
//! borrowed values on the glue's stack, the next four are the constants `undefined`,
//! `null`, `true`, `false`, and the rest are owned slab slots freed on drop.

#![deny(unsafe_op_in_unsafe_fn)]

use core::fmt;
use core::marker::PhantomData;

mod cast;
#[doc(hidden)]
pub mod cell;
pub mod closure;
pub mod convert;
pub mod describe;
mod externs;
mod intern;
mod ops;
mod parent;
mod types;

#[doc(hidden)]
#[path = "rt.rs"]
pub mod __rt;

pub use cast::{JsCast, JsObject, JsStatic, JsThreadLocal};
pub use closure::Closure;
pub use intern::{intern, unintern};
pub use parent::Parent;
pub use types::Clamped;
pub use wasm_bindgen_macro::wasm_bindgen;

pub mod convert_traits {
    //! The conversion traits, for code that wants to name them.
    pub use crate::convert::{
        FromWasmAbi, IntoWasmAbi, LongRefFromWasmAbi, OptionFromWasmAbi, OptionIntoWasmAbi,
        OptionRefFromWasmAbi, OptionRefMutFromWasmAbi, RefFromWasmAbi, RefMutFromWasmAbi,
        ReturnWasmAbi, WasmAbi,
    };
}

pub mod prelude {
    //! `use wasm_bindgen::prelude::*;` brings in what wasm-bindgen's prelude does.
    pub use crate::cast::{JsCast, JsStatic, JsThreadLocal};
    pub use crate::closure::Closure;
    pub use crate::wasm_bindgen;
    pub use crate::JsError;
    pub use crate::JsValue;
    pub use crate::UnwrapThrowExt;
}

use externs::*;

/// First index of the glue's object table that is not a stack slot.
pub const JSIDX_OFFSET: u32 = 128;
const JSIDX_UNDEFINED: u32 = JSIDX_OFFSET;
const JSIDX_NULL: u32 = JSIDX_OFFSET + 1;
const JSIDX_TRUE: u32 = JSIDX_OFFSET + 2;
const JSIDX_FALSE: u32 = JSIDX_OFFSET + 3;
/// First owned slab slot; indices below it are never freed.
pub const JSIDX_RESERVED: u32 = JSIDX_OFFSET + 4;

/// A JavaScript value held by Rust. `repr(transparent)`: a `[JsValue]` is a list of indices.
#[repr(transparent)]
pub struct JsValue {
    idx: u32,
    // JS values live on the main thread's glue only.
    _not_send: PhantomData<*mut u8>,
}

impl JsValue {
    pub const NULL: JsValue = JsValue::_new(JSIDX_NULL);
    pub const UNDEFINED: JsValue = JsValue::_new(JSIDX_UNDEFINED);
    pub const TRUE: JsValue = JsValue::_new(JSIDX_TRUE);
    pub const FALSE: JsValue = JsValue::_new(JSIDX_FALSE);

    #[inline]
    const fn _new(idx: u32) -> JsValue {
        JsValue {
            idx,
            _not_send: PhantomData,
        }
    }

    /// The JS `null`.
    #[inline]
    pub const fn null() -> JsValue {
        JsValue::NULL
    }

    /// The JS `undefined`.
    #[inline]
    pub const fn undefined() -> JsValue {
        JsValue::UNDEFINED
    }

    /// A JS string with the contents of `s` (wasm-bindgen's name, kept for compatibility).
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> JsValue {
        #[cfg(feature = "enable-interning")]
        if let Some(v) = intern::cached(s) {
            return v;
        }
        JsValue::from_str_uncached(s)
    }

    fn from_str_uncached(s: &str) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_string_new(s.as_ptr(), s.len())) }
    }

    /// A JS number.
    pub fn from_f64(n: f64) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_number_new(n)) }
    }

    /// A JS boolean.
    pub const fn from_bool(b: bool) -> JsValue {
        if b {
            JsValue::TRUE
        } else {
            JsValue::FALSE
        }
    }

    /// The string, if this value is a JS string.
    pub fn as_string(&self) -> Option<String> {
        let mut out = [0u32; 2];
        unsafe {
            if __wbindgen_string_get(self.idx, out.as_mut_ptr()) == 0 {
                return None;
            }
            // The glue allocated exactly `len` bytes for us.
            Some(String::from_raw_parts(
                out[0] as *mut u8,
                out[1] as usize,
                out[1] as usize,
            ))
        }
    }

    /// The number, if this value is a JS number.
    pub fn as_f64(&self) -> Option<f64> {
        let mut out = 0f64;
        unsafe { (__wbindgen_number_get(self.idx, &mut out) != 0).then_some(out) }
    }

    /// The boolean, if this value is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match unsafe { __wbindgen_boolean_get(self.idx) } {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        unsafe { __wbindgen_is_null(self.idx) != 0 }
    }

    pub fn is_undefined(&self) -> bool {
        unsafe { __wbindgen_is_undefined(self.idx) != 0 }
    }

    /// `typeof value === "object" && value !== null`.
    pub fn is_object(&self) -> bool {
        unsafe { __wbindgen_is_object(self.idx) != 0 }
    }

    pub fn is_function(&self) -> bool {
        unsafe { __wbindgen_is_function(self.idx) != 0 }
    }

    pub fn is_string(&self) -> bool {
        unsafe { __wbindgen_is_string(self.idx) != 0 }
    }

    /// `!!value` in JS.
    pub fn is_truthy(&self) -> bool {
        unsafe { __wbindgen_is_truthy(self.idx) != 0 }
    }

    /// `!value` in JS.
    pub fn is_falsy(&self) -> bool {
        !self.is_truthy()
    }

    /// The glue's index for this value (stable while the value lives).
    #[doc(hidden)]
    pub fn idx(&self) -> u32 {
        self.idx
    }

    /// Wraps an index the glue handed over (owned).
    #[doc(hidden)]
    pub fn __from_idx(idx: u32) -> JsValue {
        JsValue::_new(idx)
    }

    fn debug_string(&self) -> String {
        let mut out = [0u32; 2];
        unsafe {
            __wbindgen_debug_string(self.idx, out.as_mut_ptr());
            String::from_raw_parts(out[0] as *mut u8, out[1] as usize, out[1] as usize)
        }
    }
}

impl Clone for JsValue {
    fn clone(&self) -> JsValue {
        if self.idx >= JSIDX_OFFSET && self.idx < JSIDX_RESERVED {
            return JsValue::_new(self.idx);
        }
        unsafe { JsValue::_new(__wbindgen_object_clone_ref(self.idx)) }
    }
}

impl Drop for JsValue {
    #[inline]
    fn drop(&mut self) {
        if self.idx >= JSIDX_RESERVED {
            unsafe { __wbindgen_object_drop_ref(self.idx) }
        }
    }
}

/// Compares with JS `===` (so `NaN != NaN`, as with `f64`).
impl PartialEq for JsValue {
    fn eq(&self, other: &JsValue) -> bool {
        unsafe { __wbindgen_jsval_eq(self.idx, other.idx) != 0 }
    }
}

impl PartialEq<bool> for JsValue {
    fn eq(&self, other: &bool) -> bool {
        self.as_bool() == Some(*other)
    }
}

impl PartialEq<str> for JsValue {
    fn eq(&self, other: &str) -> bool {
        self.as_string().as_deref() == Some(other)
    }
}

impl PartialEq<&str> for JsValue {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<String> for JsValue {
    fn eq(&self, other: &String) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<&String> for JsValue {
    fn eq(&self, other: &&String) -> bool {
        self == other.as_str()
    }
}

impl fmt::Debug for JsValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JsValue({})", self.debug_string())
    }
}

impl Default for JsValue {
    fn default() -> JsValue {
        JsValue::UNDEFINED
    }
}

impl From<bool> for JsValue {
    fn from(b: bool) -> JsValue {
        JsValue::from_bool(b)
    }
}

impl From<&str> for JsValue {
    fn from(s: &str) -> JsValue {
        JsValue::from_str(s)
    }
}

impl From<String> for JsValue {
    fn from(s: String) -> JsValue {
        JsValue::from_str(&s)
    }
}

impl From<&String> for JsValue {
    fn from(s: &String) -> JsValue {
        JsValue::from_str(s)
    }
}

impl From<char> for JsValue {
    fn from(c: char) -> JsValue {
        JsValue::from_str(c.encode_utf8(&mut [0; 4]))
    }
}

impl From<()> for JsValue {
    fn from(_: ()) -> JsValue {
        JsValue::UNDEFINED
    }
}

impl<T: Into<JsValue>> From<Option<T>> for JsValue {
    fn from(o: Option<T>) -> JsValue {
        o.map_or(JsValue::UNDEFINED, Into::into)
    }
}

/// A new reference to the same JS value, for `&JsValue` and every imported type.
impl<T: JsCast> From<&T> for JsValue {
    fn from(v: &T) -> JsValue {
        v.as_ref().clone()
    }
}

macro_rules! from_number {
    ($($t:ty)*) => {$(
        impl From<$t> for JsValue {
            #[inline]
            fn from(n: $t) -> JsValue { JsValue::from_f64(n as f64) }
        }
    )*};
}
from_number!(i8 u8 i16 u16 i32 u32 f32 f64 isize usize);

impl From<i64> for JsValue {
    /// A JS `bigint`, as in wasm-bindgen.
    fn from(n: i64) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_bigint_from_i64(n)) }
    }
}

impl From<u64> for JsValue {
    /// A JS `bigint`, as in wasm-bindgen.
    fn from(n: u64) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_bigint_from_u64(n)) }
    }
}

impl AsRef<JsValue> for JsValue {
    fn as_ref(&self) -> &JsValue {
        self
    }
}

#[cfg(feature = "serde-serialize")]
impl JsValue {
    /// The JS value `JSON.parse` makes of `t` serialized to JSON (feature `serde-serialize`).
    pub fn from_serde<T: serde::Serialize + ?Sized>(t: &T) -> serde_json::Result<JsValue> {
        let json = serde_json::to_string(t)?;
        Ok(unsafe { JsValue::_new(__wbindgen_json_parse(json.as_ptr(), json.len())) })
    }

    /// `T` deserialized from `JSON.stringify` of this value (feature `serde-serialize`);
    /// `undefined` reads as `null`.
    pub fn into_serde<T: serde::de::DeserializeOwned>(&self) -> serde_json::Result<T> {
        let mut out = [0u32; 2];
        let json = unsafe {
            __wbindgen_json_serialize(self.idx, out.as_mut_ptr());
            String::from_raw_parts(out[0] as *mut u8, out[1] as usize, out[1] as usize)
        };
        serde_json::from_str(&json)
    }
}

/// A JS `Error`, for `Result<T, JsError>` returns: `Err(JsError::new("bad input"))`
/// throws a real `Error` with that message. Any `std::error::Error` converts into one.
#[derive(Clone)]
pub struct JsError {
    value: JsValue,
}

impl JsError {
    pub fn new(message: &str) -> JsError {
        JsError {
            value: unsafe { JsValue::_new(__wbindgen_error_new(message.as_ptr(), message.len())) },
        }
    }
}

impl<E: std::error::Error> From<E> for JsError {
    fn from(e: E) -> JsError {
        JsError::new(&e.to_string())
    }
}

impl From<JsError> for JsValue {
    fn from(e: JsError) -> JsValue {
        e.value
    }
}

/// A `JsError` returned as a value (not thrown) is the JS `Error` object.
impl convert::IntoWasmAbi for JsError {
    type Abi = u32;
    #[inline]
    fn into_abi(self) -> u32 {
        convert::IntoWasmAbi::into_abi(self.value)
    }
}

impl fmt::Debug for JsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JsError({:?})", self.value)
    }
}

/// Throws a JS `Error` with `msg`; never returns.
pub fn throw_str(msg: &str) -> ! {
    unsafe { __wbindgen_throw(msg.as_ptr(), msg.len()) }
}

/// Throws `value` as a JS exception; never returns.
pub fn throw_val(value: JsValue) -> ! {
    let idx = core::mem::ManuallyDrop::new(value).idx;
    unsafe { __wbindgen_rethrow(idx) }
}

#[doc(hidden)]
#[deprecated(note = "renamed to `throw_str`")]
pub fn throw(msg: &str) -> ! {
    throw_str(msg)
}

/// How many JS values Rust holds in the glue's object table right now (owned slots in
/// use, not counting `undefined`, `null`, `true`, `false` or borrowed values). Useful to
/// check a program does not leak `JsValue`s.
pub fn externref_heap_live_count() -> u32 {
    unsafe { __wbindgen_externref_heap_live_count() }
}

#[doc(hidden)]
pub fn anyref_heap_live_count() -> u32 {
    externref_heap_live_count()
}

/// The module's `WebAssembly.Memory`.
pub fn memory() -> JsValue {
    unsafe { JsValue::_new(__wbindgen_memory()) }
}

/// The module's exports object (the `WebAssembly.Instance`'s `exports`).
pub fn exports() -> JsValue {
    unsafe { JsValue::_new(__wbindgen_exports()) }
}

/// The module's function table (`WebAssembly.Table`), or `undefined` if it has none.
pub fn function_table() -> JsValue {
    unsafe { JsValue::_new(__wbindgen_function_table()) }
}

const ON_WASM: bool = cfg!(target_arch = "wasm32");

/// `unwrap` and `expect` that throw a JS `Error` instead of panicking (a panic in wasm is
/// an `unreachable` trap, which JS sees as a `RuntimeError` without the message). In
/// debug builds the message also names the caller's file, line and column, and for a
/// `Result` the error's `Debug` text. Off wasm32 they panic like `unwrap`/`expect`.
pub trait UnwrapThrowExt<T>: Sized {
    #[cfg_attr(debug_assertions, track_caller)]
    fn unwrap_throw(self) -> T;

    #[cfg_attr(debug_assertions, track_caller)]
    fn expect_throw(self, message: &str) -> T;
}

/// Throws `message`, in debug builds with the caller's location and `detail`.
#[cold]
#[cfg_attr(debug_assertions, track_caller)]
fn throw_with(message: &str, detail: Option<&dyn fmt::Debug>) -> ! {
    if cfg!(debug_assertions) {
        let at = core::panic::Location::caller();
        let mut text = format!("{message} ({}:{}:{})", at.file(), at.line(), at.column());
        if let Some(detail) = detail {
            text.push_str(&format!(": {detail:?}"));
        }
        throw_str(&text)
    } else {
        throw_str(message)
    }
}

impl<T> UnwrapThrowExt<T> for Option<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn unwrap_throw(self) -> T {
        self.expect_throw("called `Option::unwrap_throw()` on a `None` value")
    }

    #[cfg_attr(debug_assertions, track_caller)]
    fn expect_throw(self, message: &str) -> T {
        match self {
            Some(v) => v,
            None if ON_WASM => throw_with(message, None),
            None => panic!("{message}"),
        }
    }
}

impl<T, E: fmt::Debug> UnwrapThrowExt<T> for Result<T, E> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn unwrap_throw(self) -> T {
        self.expect_throw("called `Result::unwrap_throw()` on an `Err` value")
    }

    #[cfg_attr(debug_assertions, track_caller)]
    fn expect_throw(self, message: &str) -> T {
        match self {
            Ok(v) => v,
            Err(e) if ON_WASM => throw_with(message, Some(&e)),
            Err(e) => panic!("{message}: {e:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UnwrapThrowExt;

    fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let payload = std::panic::catch_unwind(f).unwrap_err();
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap()
    }

    #[test]
    fn unwrap_throw_off_wasm_panics_with_the_message() {
        assert_eq!(Some(3).unwrap_throw(), 3);
        assert_eq!(Ok::<_, ()>(4).expect_throw("unused"), 4);
        assert_eq!(
            panic_message(|| {
                None::<u8>.unwrap_throw();
            }),
            "called `Option::unwrap_throw()` on a `None` value"
        );
        assert_eq!(
            panic_message(|| {
                Err::<u8, _>("bad").expect_throw("needed a value");
            }),
            "needed a value: \"bad\""
        );
    }

    #[test]
    fn intern_without_wasm_returns_its_argument() {
        // Off wasm32 only the feature-less path can run (the cache holds JS strings).
        if !cfg!(feature = "enable-interning") {
            assert_eq!(super::intern("abc"), "abc");
            super::unintern("abc");
        }
    }
}
