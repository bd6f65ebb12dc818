//! JS operators and type tests on `JsValue`, and the conversions between `JsValue` and
//! Rust numbers beyond `f64`. Every operation is one JS expression in the glue
//! (`a + b`, `a ** b`, `typeof a`, `a in b`, ...), with JS's semantics: `+` concatenates
//! strings, mixing a bigint with a number throws a `TypeError` into the caller, and so on.

use core::ops::{Add, BitAnd, BitOr, BitXor, Div, Mul, Neg, Not, Rem, Shl, Shr, Sub};

use crate::externs::*;
use crate::{Clamped, JsCast, JsValue};

impl JsValue {
    /// A JS bigint parsed from decimal text (`BigInt(s)` in JS; throws a `SyntaxError`
    /// into the caller if `s` is not an integer).
    pub fn bigint_from_str(s: &str) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_bigint_from_str(s.as_ptr(), s.len())) }
    }

    /// A new JS symbol: `Symbol(description)`, or `Symbol()` for `None`.
    pub fn symbol(description: Option<&str>) -> JsValue {
        let (text, described) = match description {
            Some(d) => (d, 1),
            None => ("", 0),
        };
        unsafe { JsValue::_new(__wbindgen_symbol_new(text.as_ptr(), text.len(), described)) }
    }

    /// `typeof value === "symbol"`.
    pub fn is_symbol(&self) -> bool {
        unsafe { __wbindgen_is_symbol(self.idx) != 0 }
    }

    /// `Array.isArray(value)`.
    pub fn is_array(&self) -> bool {
        unsafe { __wbindgen_is_array(self.idx) != 0 }
    }

    /// `typeof value === "bigint"`.
    pub fn is_bigint(&self) -> bool {
        unsafe { __wbindgen_is_bigint(self.idx) != 0 }
    }

    /// `typeof value`, as a JS string.
    pub fn js_typeof(&self) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_typeof(self.idx)) }
    }

    /// `self in obj` (throws a `TypeError` into the caller if `obj` is not an object).
    pub fn js_in(&self, obj: &JsValue) -> bool {
        unsafe { __wbindgen_in(self.idx, obj.idx) != 0 }
    }

    /// `self == other`: JS's loose equality (`null == undefined`, `1 == "1"`).
    /// `PartialEq` is the strict `===`.
    pub fn loose_eq(&self, other: &JsValue) -> bool {
        unsafe { __wbindgen_jsval_loose_eq(self.idx, other.idx) != 0 }
    }

    /// `~self`.
    pub fn bit_not(&self) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_bit_not(self.idx)) }
    }

    /// `self >>> rhs` (numbers only: JS throws a `TypeError` for bigints).
    pub fn unsigned_shr(&self, rhs: &JsValue) -> u32 {
        unsafe { __wbindgen_unsigned_shr(self.idx, rhs.idx) }
    }

    /// `self / rhs`, except that a `RangeError` JS throws (a bigint divided by `0n`) is
    /// returned as the value instead of thrown.
    pub fn checked_div(&self, rhs: &JsValue) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_checked_div(self.idx, rhs.idx)) }
    }

    /// `self ** rhs`.
    pub fn pow(&self, rhs: &JsValue) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_pow(self.idx, rhs.idx)) }
    }

    /// `self < other`.
    pub fn lt(&self, other: &JsValue) -> bool {
        unsafe { __wbindgen_lt(self.idx, other.idx) != 0 }
    }

    /// `self <= other`.
    pub fn le(&self, other: &JsValue) -> bool {
        unsafe { __wbindgen_le(self.idx, other.idx) != 0 }
    }

    /// `self >= other`.
    pub fn ge(&self, other: &JsValue) -> bool {
        unsafe { __wbindgen_ge(self.idx, other.idx) != 0 }
    }

    /// `self > other`.
    pub fn gt(&self, other: &JsValue) -> bool {
        unsafe { __wbindgen_gt(self.idx, other.idx) != 0 }
    }

    /// `+self` (throws a `TypeError` into the caller for bigints and symbols; see
    /// `f64::try_from` for a version that returns the error).
    pub fn unchecked_into_f64(&self) -> f64 {
        unsafe { __wbindgen_as_number(self.idx) }
    }

    /// The bigint's value when it is a bigint that fits `bits` bits (two's complement if
    /// `signed`), as the low and high 64 bits.
    fn bigint_bits(&self, bits: u32, signed: bool) -> Option<(u64, u64)> {
        let mut out = [0u64; 2];
        let ok = unsafe { __wbindgen_bigint_get(self.idx, bits, signed as u32, out.as_mut_ptr()) };
        (ok == 1).then_some((out[0], out[1]))
    }
}

/// `!value` in JS: whether the value is falsy.
impl Not for &JsValue {
    type Output = bool;
    fn not(self) -> bool {
        self.is_falsy()
    }
}

impl Not for JsValue {
    type Output = bool;
    fn not(self) -> bool {
        self.is_falsy()
    }
}

/// `-value` (a number or a bigint).
impl Neg for &JsValue {
    type Output = JsValue;
    fn neg(self) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_neg(self.idx)) }
    }
}

impl Neg for JsValue {
    type Output = JsValue;
    fn neg(self) -> JsValue {
        -&self
    }
}

/// One JS binary operator for `&a op &b`, `a op &b`, `&a op b` and `a op b`.
macro_rules! binary_operators {
    ($($trait:ident $method:ident $intrinsic:ident $js:literal;)*) => {$(
        #[doc = concat!("`a ", $js, " b` in JS.")]
        impl $trait<&JsValue> for &JsValue {
            type Output = JsValue;
            fn $method(self, rhs: &JsValue) -> JsValue {
                unsafe { JsValue::_new($intrinsic(self.idx, rhs.idx)) }
            }
        }
        impl $trait<JsValue> for &JsValue {
            type Output = JsValue;
            fn $method(self, rhs: JsValue) -> JsValue {
                $trait::$method(self, &rhs)
            }
        }
        impl $trait<&JsValue> for JsValue {
            type Output = JsValue;
            fn $method(self, rhs: &JsValue) -> JsValue {
                $trait::$method(&self, rhs)
            }
        }
        impl $trait<JsValue> for JsValue {
            type Output = JsValue;
            fn $method(self, rhs: JsValue) -> JsValue {
                $trait::$method(&self, &rhs)
            }
        }
    )*};
}

binary_operators! {
    Add add __wbindgen_add "+";
    Sub sub __wbindgen_sub "-";
    Mul mul __wbindgen_mul "*";
    Div div __wbindgen_div "/";
    Rem rem __wbindgen_rem "%";
    BitAnd bitand __wbindgen_bit_and "&";
    BitOr bitor __wbindgen_bit_or "|";
    BitXor bitxor __wbindgen_bit_xor "^";
    Shl shl __wbindgen_shl "<<";
    Shr shr __wbindgen_shr ">>";
}

// --- numbers ------------------------------------------------------------------------------

/// `+value` in JS: the number, or the exception JS threw (a `TypeError` for bigints and
/// symbols) as the error.
impl TryFrom<&JsValue> for f64 {
    type Error = JsValue;
    fn try_from(value: &JsValue) -> Result<f64, JsValue> {
        let result = unsafe { JsValue::_new(__wbindgen_try_into_number(value.idx)) };
        result.as_f64().ok_or(result)
    }
}

impl TryFrom<JsValue> for f64 {
    type Error = JsValue;
    fn try_from(value: JsValue) -> Result<f64, JsValue> {
        f64::try_from(&value)
    }
}

/// The string, or the value back if it is not a JS string.
impl TryFrom<JsValue> for String {
    type Error = JsValue;
    fn try_from(value: JsValue) -> Result<String, JsValue> {
        value.as_string().ok_or(value)
    }
}

macro_rules! eq_number {
    ($($t:ty)*) => {$(
        /// Equal when the value is a JS number equal to this one.
        impl PartialEq<$t> for JsValue {
            fn eq(&self, other: &$t) -> bool {
                self.as_f64() == Some(*other as f64)
            }
        }
    )*};
}
eq_number!(i8 u8 i16 u16 i32 u32 isize usize f32 f64);

macro_rules! bigints {
    ($($t:ty => $bits:literal $signed:literal,)*) => {$(
        /// Equal when the value is a JS bigint with this value.
        impl PartialEq<$t> for JsValue {
            fn eq(&self, other: &$t) -> bool {
                self.bigint_bits($bits, $signed)
                    .is_some_and(|(lo, hi)| (((hi as u128) << 64) | lo as u128) as $t == *other)
            }
        }

        /// The bigint's value; the value back (`Err`) if it is not a bigint or is out of range.
        impl TryFrom<JsValue> for $t {
            type Error = JsValue;
            fn try_from(value: JsValue) -> Result<$t, JsValue> {
                match value.bigint_bits($bits, $signed) {
                    Some((lo, hi)) => Ok((((hi as u128) << 64) | lo as u128) as $t),
                    None => Err(value),
                }
            }
        }
    )*};
}
bigints! {
    i64 => 64 true,
    u64 => 64 false,
    i128 => 128 true,
    u128 => 128 false,
}

impl From<i128> for JsValue {
    /// A JS `bigint`.
    fn from(n: i128) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_bigint_from_128(n as u64, (n >> 64) as u64, 1)) }
    }
}

impl From<u128> for JsValue {
    /// A JS `bigint`.
    fn from(n: u128) -> JsValue {
        unsafe { JsValue::_new(__wbindgen_bigint_from_128(n as u64, (n >> 64) as u64, 0)) }
    }
}

/// Pointers become their address, a JS number.
impl<T> From<*mut T> for JsValue {
    fn from(p: *mut T) -> JsValue {
        JsValue::from(p as usize)
    }
}

impl<T> From<*const T> for JsValue {
    fn from(p: *const T) -> JsValue {
        JsValue::from(p as usize)
    }
}

impl<T> From<core::ptr::NonNull<T>> for JsValue {
    fn from(p: core::ptr::NonNull<T>) -> JsValue {
        JsValue::from(p.as_ptr() as usize)
    }
}

// --- vectors --------------------------------------------------------------------------------

/// The element types whose vectors become a JS array (`JsValue::from(vec)`): JS values,
/// every imported JS type, and strings.
pub trait VectorIntoJsValue: Sized {
    fn vector_into_jsvalue(vector: Box<[Self]>) -> JsValue;
}

/// A JS array that takes each value.
fn array_of<T: Into<JsValue>>(vector: Box<[T]>) -> JsValue {
    let indices: Vec<u32> = vector
        .into_vec()
        .into_iter()
        .map(|v| core::mem::ManuallyDrop::new(v.into()).idx)
        .collect();
    unsafe { JsValue::_new(__wbindgen_array_from(indices.as_ptr(), indices.len())) }
}

impl<T: JsCast> VectorIntoJsValue for T {
    fn vector_into_jsvalue(vector: Box<[T]>) -> JsValue {
        array_of(vector)
    }
}

impl VectorIntoJsValue for String {
    fn vector_into_jsvalue(vector: Box<[String]>) -> JsValue {
        array_of(vector)
    }
}

/// A JS array of the values.
impl<T: VectorIntoJsValue> From<Box<[T]>> for JsValue {
    fn from(vector: Box<[T]>) -> JsValue {
        T::vector_into_jsvalue(vector)
    }
}

/// Index into the glue's list of typed-array constructors.
mod typed {
    pub const I8: u32 = 0;
    pub const U8: u32 = 1;
    pub const U8_CLAMPED: u32 = 2;
    pub const I16: u32 = 3;
    pub const U16: u32 = 4;
    pub const I32: u32 = 5;
    pub const U32: u32 = 6;
    pub const I64: u32 = 7;
    pub const U64: u32 = 8;
    pub const F32: u32 = 9;
    pub const F64: u32 = 10;
}

fn typed_array<T>(kind: u32, numbers: &[T]) -> JsValue {
    unsafe {
        JsValue::_new(__wbindgen_typed_array_new(
            kind,
            numbers.as_ptr() as *const u8,
            numbers.len(),
        ))
    }
}

macro_rules! typed_arrays {
    ($($t:ty => $kind:ident,)*) => {$(
        /// A typed array with a copy of the numbers (`Uint8Array` for `u8`, ...).
        impl From<Box<[$t]>> for JsValue {
            fn from(numbers: Box<[$t]>) -> JsValue {
                typed_array(typed::$kind, &numbers)
            }
        }
        /// Only `u8` has a clamped array; other numbers give their plain typed array.
        impl From<Clamped<Box<[$t]>>> for JsValue {
            fn from(numbers: Clamped<Box<[$t]>>) -> JsValue {
                let kind = if typed::$kind == typed::U8 { typed::U8_CLAMPED } else { typed::$kind };
                typed_array(kind, &numbers.0)
            }
        }
    )*};
}
typed_arrays! {
    i8 => I8, u8 => U8, i16 => I16, u16 => U16, i32 => I32, u32 => U32,
    i64 => I64, u64 => U64, f32 => F32, f64 => F64,
}

/// A typed array for numbers, a JS array for JS values and strings.
impl<T> From<Vec<T>> for JsValue
where
    JsValue: From<Box<[T]>>,
{
    fn from(vector: Vec<T>) -> JsValue {
        JsValue::from(vector.into_boxed_slice())
    }
}

impl<T> From<Clamped<Vec<T>>> for JsValue
where
    JsValue: From<Clamped<Box<[T]>>>,
{
    fn from(vector: Clamped<Vec<T>>) -> JsValue {
        JsValue::from(Clamped(vector.0.into_boxed_slice()))
    }
}
