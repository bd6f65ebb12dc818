//! How values cross the boundary: each type splits into at most four wasm primitives.
//! Unused positions are `()`, which the wasm C ABI drops from signatures entirely, so a
//! shim's wasm signature lists exactly the primitives the generator expects.

use core::mem::ManuallyDrop;
use core::ops::Deref;

use crate::describe::WasmDescribe;
use crate::JsValue;

/// A value the wasm C ABI passes as one core value, or `()` for nothing.
pub trait WasmPrimitive: Copy {
    /// Stores the value in return-area slot `slot` (see `__rt::RET_AREA`).
    fn store_ret(self, slot: usize);
    /// Reads what the glue stored in return-area slot `slot` after an import returned.
    fn load_ret(slot: usize) -> Self;
}

impl WasmPrimitive for () {
    #[inline]
    fn store_ret(self, _slot: usize) {}
    #[inline]
    fn load_ret(_slot: usize) {}
}

macro_rules! primitive {
    ($($t:ty)*) => {$(
        impl WasmPrimitive for $t {
            #[inline]
            fn store_ret(self, slot: usize) {
                // SAFETY: single-threaded; the area is read by JS right after the call returns.
                unsafe {
                    let p = core::ptr::addr_of_mut!(crate::__rt::RET_AREA) as *mut u64;
                    (p.add(slot) as *mut $t).write(self);
                }
            }
            #[inline]
            fn load_ret(slot: usize) -> Self {
                unsafe {
                    let p = core::ptr::addr_of!(crate::__rt::RET_AREA) as *const u64;
                    (p.add(slot) as *const $t).read()
                }
            }
        }
    )*};
}
primitive!(i32 u32 i64 u64 f32 f64);

/// Splits a value into wasm primitives and back.
pub trait WasmAbi {
    type Prim1: WasmPrimitive;
    type Prim2: WasmPrimitive;
    type Prim3: WasmPrimitive;
    type Prim4: WasmPrimitive;
    fn split(self) -> (Self::Prim1, Self::Prim2, Self::Prim3, Self::Prim4);
    fn join(p1: Self::Prim1, p2: Self::Prim2, p3: Self::Prim3, p4: Self::Prim4) -> Self;
}

impl<T: WasmPrimitive> WasmAbi for T {
    type Prim1 = T;
    type Prim2 = ();
    type Prim3 = ();
    type Prim4 = ();
    #[inline]
    fn split(self) -> (T, (), (), ()) {
        (self, (), (), ())
    }
    #[inline]
    fn join(p1: T, _: (), _: (), _: ()) -> T {
        p1
    }
}

/// Pointer and length of a buffer in linear memory.
#[derive(Clone, Copy)]
pub struct WasmSlice {
    pub ptr: u32,
    pub len: u32,
}

impl WasmAbi for WasmSlice {
    type Prim1 = u32;
    type Prim2 = u32;
    type Prim3 = ();
    type Prim4 = ();
    #[inline]
    fn split(self) -> (u32, u32, (), ()) {
        (self.ptr, self.len, (), ())
    }
    #[inline]
    fn join(ptr: u32, len: u32, _: (), _: ()) -> Self {
        WasmSlice { ptr, len }
    }
}

/// Rust → JS by value.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be passed from Rust to JavaScript",
    label = "not a type `#[wasm_bindgen]` can pass to JavaScript",
    note = "Rust can pass numbers, u128/i128, bool, char, String, &str, JsValue, exported structs and enums, imported JS types, `Option` and `Vec`/`Box<[T]>` of those, number slices, `Clamped<Vec<u8>>`/`Clamped<&[u8]>`, raw pointers, and closures as `&dyn Fn(..)`, `&mut dyn FnMut(..)` or `&Closure<..>` (at most 8 arguments, or one `&A` of a type JavaScript can lend)"
)]
pub trait IntoWasmAbi: WasmDescribe {
    type Abi: WasmAbi;
    fn into_abi(self) -> Self::Abi;
}

/// JS → Rust by value.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be passed from JavaScript to Rust by value",
    label = "not a type `#[wasm_bindgen]` can receive from JavaScript",
    note = "JavaScript can pass by value: numbers, u128/i128, bool, char, String, JsValue, exported structs and enums, imported JS types, `Option` and `Vec`/`Box<[T]>` of those, `Clamped<Vec<u8>>` and raw pointers"
)]
pub trait FromWasmAbi: WasmDescribe {
    type Abi: WasmAbi;
    /// # Safety
    /// `js` must come from the generated glue for this type.
    unsafe fn from_abi(js: Self::Abi) -> Self;
}

/// JS → Rust as `&Self`; the anchor keeps the borrowed value alive for the call.
#[diagnostic::on_unimplemented(
    message = "`&{Self}` cannot be passed from JavaScript to Rust",
    label = "not a type `#[wasm_bindgen]` can lend from JavaScript",
    note = "JavaScript can lend `&str`, `&JsValue`, number slices (`&[u8]`, `&[f64]`, ..), exported structs and imported JS types; `Option<&str>`, `Option<&[T]>` and `Clamped<&[u8]>` work too. Closures cannot come from JavaScript: take a `JsValue` (a JS function)"
)]
pub trait RefFromWasmAbi: WasmDescribe {
    type Abi: WasmAbi;
    type Anchor: Deref<Target = Self>;
    /// # Safety
    /// `js` must come from the generated glue for this type.
    unsafe fn ref_from_abi(js: Self::Abi) -> Self::Anchor;
}

/// JS → Rust as `&Self` for an `async fn` export, whose body runs after the call returns:
/// the anchor lives as long as the future. `LONG_REF_DESC` describes what the glue passes:
/// an owned copy or reference where a borrow would end with the call (`&JsValue` and
/// imported types travel as owned values), the usual borrow otherwise.
#[diagnostic::on_unimplemented(
    message = "`&{Self}` cannot be passed to an `async fn` export",
    label = "not a type an `async fn` can borrow from JavaScript",
    note = "an `async fn` export can take `&str`, `&JsValue`, number slices and imported JS types by reference; wbg does not lend exported structs to one yet: take the struct by value or a `JsValue`"
)]
pub trait LongRefFromWasmAbi: WasmDescribe {
    type Abi: WasmAbi;
    type Anchor: core::borrow::Borrow<Self> + 'static;
    const LONG_REF_DESC: crate::describe::Desc;
    /// # Safety
    /// `js` must come from the generated glue for `LONG_REF_DESC`.
    unsafe fn long_ref_from_abi(js: Self::Abi) -> Self::Anchor;
}

/// An argument of an `async fn` export taken by reference: holds `T`'s long-lived anchor
/// and derefs to `T`.
pub struct LongRef<T: ?Sized + LongRefFromWasmAbi>(T::Anchor);

impl<T: ?Sized + LongRefFromWasmAbi> Deref for LongRef<T> {
    type Target = T;
    fn deref(&self) -> &T {
        core::borrow::Borrow::borrow(&self.0)
    }
}

impl<T: ?Sized + LongRefFromWasmAbi> WasmDescribe for LongRef<T> {
    const DESC: crate::describe::Desc = T::LONG_REF_DESC;
}

impl<T: ?Sized + LongRefFromWasmAbi> FromWasmAbi for LongRef<T> {
    type Abi = T::Abi;
    #[inline]
    unsafe fn from_abi(js: T::Abi) -> Self {
        LongRef(unsafe { T::long_ref_from_abi(js) })
    }
}

impl LongRefFromWasmAbi for str {
    type Abi = WasmSlice;
    type Anchor = Box<str>;
    // The glue already passes a copy Rust owns.
    const LONG_REF_DESC: crate::describe::Desc = <&str as WasmDescribe>::DESC;
    #[inline]
    unsafe fn long_ref_from_abi(js: WasmSlice) -> Box<str> {
        unsafe { <str as RefFromWasmAbi>::ref_from_abi(js) }
    }
}

impl LongRefFromWasmAbi for JsValue {
    type Abi = u32;
    type Anchor = JsValue;
    // Owned: a borrowed slot is released when the call returns.
    const LONG_REF_DESC: crate::describe::Desc = <JsValue as WasmDescribe>::DESC;
    #[inline]
    unsafe fn long_ref_from_abi(js: u32) -> JsValue {
        unsafe { JsValue::from_abi(js) }
    }
}

/// JS → Rust as `&mut Self` for the duration of the call.
#[diagnostic::on_unimplemented(
    message = "`&mut {Self}` cannot be passed from JavaScript to Rust",
    label = "not a type `#[wasm_bindgen]` can lend mutably from JavaScript",
    note = "JavaScript can lend mutably exported `#[wasm_bindgen]` structs and number slices (`&mut [u8]`, `&mut [f64]`, ..; changes are copied back into the JS array), and `Clamped<&mut [u8]>`"
)]
pub trait RefMutFromWasmAbi: WasmDescribe {
    type Abi: WasmAbi;
    type Anchor: core::ops::DerefMut<Target = Self>;
    /// # Safety
    /// `js` must come from the generated glue for this type.
    unsafe fn ref_mut_from_abi(js: Self::Abi) -> Self::Anchor;
}

/// Types whose `Option` uses the same ABI with a reserved value for `None`.
pub trait OptionIntoWasmAbi: IntoWasmAbi {
    fn none() -> Self::Abi;
}

/// Types whose `Option` uses the same ABI with a reserved value for `None`.
pub trait OptionFromWasmAbi: FromWasmAbi {
    fn is_none(abi: &Self::Abi) -> bool;
}

/// `Option<&Self>` export arguments: `None` is a spare value of the borrowed ABI.
#[diagnostic::on_unimplemented(
    message = "`Option<&{Self}>` cannot be passed from JavaScript to Rust",
    label = "not a type `#[wasm_bindgen]` can lend from JavaScript as an `Option`",
    note = "JavaScript can lend `Option<&str>`, `Option<&[T]>` of numbers and `Option<&T>` of exported structs; take `Option<T>` by value otherwise"
)]
pub trait OptionRefFromWasmAbi: RefFromWasmAbi {
    fn is_none(abi: &Self::Abi) -> bool;
}

/// `Option<&mut Self>` export arguments: `None` is a spare value of the borrowed ABI.
#[diagnostic::on_unimplemented(
    message = "`Option<&mut {Self}>` cannot be passed from JavaScript to Rust",
    label = "not a type `#[wasm_bindgen]` can lend mutably from JavaScript as an `Option`",
    note = "JavaScript can lend `Option<&mut T>` of exported structs; take `Option<T>` by value otherwise"
)]
pub trait OptionRefMutFromWasmAbi: RefMutFromWasmAbi {
    fn is_none(abi: &Self::Abi) -> bool;
}

/// The shim's conversion for an `Option<&T>` argument: the anchor lives for the call and
/// the shim passes `anchor.as_deref()`.
///
/// # Safety
/// `js` must come from the generated glue for `Option<&T>`.
#[inline]
pub unsafe fn option_ref_from_abi<T: OptionRefFromWasmAbi + ?Sized>(
    js: T::Abi,
) -> Option<T::Anchor> {
    if T::is_none(&js) {
        None
    } else {
        Some(unsafe { T::ref_from_abi(js) })
    }
}

/// The shim's conversion for an `Option<&mut T>` argument: the anchor lives for the call
/// and the shim passes `anchor.as_deref_mut()`.
///
/// # Safety
/// `js` must come from the generated glue for `Option<&mut T>`.
#[inline]
pub unsafe fn option_ref_mut_from_abi<T: OptionRefMutFromWasmAbi + ?Sized>(
    js: T::Abi,
) -> Option<T::Anchor> {
    if T::is_none(&js) {
        None
    } else {
        Some(unsafe { T::ref_mut_from_abi(js) })
    }
}

impl<T: OptionIntoWasmAbi> IntoWasmAbi for Option<T> {
    type Abi = T::Abi;
    #[inline]
    fn into_abi(self) -> T::Abi {
        match self {
            Some(v) => v.into_abi(),
            None => T::none(),
        }
    }
}

impl<T: OptionFromWasmAbi> FromWasmAbi for Option<T> {
    type Abi = T::Abi;
    #[inline]
    unsafe fn from_abi(js: T::Abi) -> Self {
        if T::is_none(&js) {
            None
        } else {
            Some(unsafe { T::from_abi(js) })
        }
    }
}

/// What an export may return.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned to JavaScript",
    label = "not a type a `#[wasm_bindgen]` function can return",
    note = "an export can return numbers, u128/i128, bool, char, String, JsValue, exported structs and enums, imported JS types, `Option` and `Vec`/`Box<[T]>` of those, `Clamped<Vec<u8>>`, raw pointers, or a `Result<T, E>` of one of them where `E: Into<JsValue>`"
)]
pub trait ReturnWasmAbi: WasmDescribe {
    type Abi: WasmAbi;
    fn return_abi(self) -> Self::Abi;
}

impl<T: IntoWasmAbi> ReturnWasmAbi for T {
    type Abi = T::Abi;
    #[inline]
    fn return_abi(self) -> Self::Abi {
        self.into_abi()
    }
}

/// `Err` is thrown to the JS caller (as the value `E` converts to); JS sees `T`.
impl<T: IntoWasmAbi, E: Into<JsValue>> ReturnWasmAbi for Result<T, E> {
    type Abi = T::Abi;
    #[inline]
    fn return_abi(self) -> Self::Abi {
        match self {
            Ok(v) => v.into_abi(),
            Err(e) => crate::throw_val(e.into()),
        }
    }
}

impl<T: WasmDescribe, E> WasmDescribe for Result<T, E> {
    const DESC: crate::describe::Desc = T::DESC;
}

/// What an `async fn` export may return: a value, or a `Result` whose `Err` rejects.
pub trait IntoJsResult {
    /// The type the promise resolves to, for the `.d.ts`.
    type Ok: WasmDescribe;
    fn into_js_result(self) -> Result<JsValue, JsValue>;
}

impl<T: Into<JsValue> + WasmDescribe> IntoJsResult for T {
    type Ok = T;
    fn into_js_result(self) -> Result<JsValue, JsValue> {
        Ok(self.into())
    }
}

impl<T: Into<JsValue> + WasmDescribe, E: Into<JsValue>> IntoJsResult for Result<T, E> {
    type Ok = T;
    fn into_js_result(self) -> Result<JsValue, JsValue> {
        self.map(Into::into).map_err(Into::into)
    }
}

/// Describes a promise of `T` (what an `async fn` export returns).
pub struct Promising<T>(core::marker::PhantomData<T>);

impl<T: WasmDescribe> WasmDescribe for Promising<T> {
    const DESC: crate::describe::Desc =
        crate::describe::Desc::wrap(crate::describe::tag::PROMISE, &T::DESC);
}

macro_rules! numbers {
    ($($t:ty => $abi:ty,)*) => {$(
        impl IntoWasmAbi for $t {
            type Abi = $abi;
            #[inline]
            fn into_abi(self) -> $abi { self as $abi }
        }
        impl FromWasmAbi for $t {
            type Abi = $abi;
            #[inline]
            unsafe fn from_abi(js: $abi) -> Self { js as $t }
        }
    )*};
}

numbers! {
    i8 => i32, u8 => u32, i16 => i32, u16 => u32, i32 => i32, u32 => u32,
    isize => i32, usize => u32, i64 => i64, u64 => u64, f32 => f32, f64 => f64,
}

impl IntoWasmAbi for bool {
    type Abi = u32;
    #[inline]
    fn into_abi(self) -> u32 {
        self as u32
    }
}

impl FromWasmAbi for bool {
    type Abi = u32;
    #[inline]
    unsafe fn from_abi(js: u32) -> bool {
        js != 0
    }
}

impl IntoWasmAbi for char {
    type Abi = u32;
    #[inline]
    fn into_abi(self) -> u32 {
        self as u32
    }
}

impl FromWasmAbi for char {
    type Abi = u32;
    /// A lone surrogate from JS becomes U+FFFD, as it does inside strings.
    #[inline]
    unsafe fn from_abi(js: u32) -> char {
        char::from_u32(js).unwrap_or(char::REPLACEMENT_CHARACTER)
    }
}

impl IntoWasmAbi for () {
    type Abi = ();
    #[inline]
    fn into_abi(self) {}
}

impl FromWasmAbi for () {
    type Abi = ();
    #[inline]
    unsafe fn from_abi(_: ()) {}
}

impl IntoWasmAbi for String {
    type Abi = WasmSlice;
    #[inline]
    fn into_abi(self) -> WasmSlice {
        // The glue frees with the length as size, so drop spare capacity first.
        let boxed = self.into_boxed_str();
        let len = boxed.len() as u32;
        let ptr = Box::into_raw(boxed) as *mut u8 as u32;
        WasmSlice { ptr, len }
    }
}

impl FromWasmAbi for String {
    type Abi = WasmSlice;
    #[inline]
    unsafe fn from_abi(js: WasmSlice) -> String {
        // The glue allocated exactly `len` bytes with `__wbindgen_malloc(len, 1)`.
        unsafe { String::from_raw_parts(js.ptr as *mut u8, js.len as usize, js.len as usize) }
    }
}

impl RefFromWasmAbi for str {
    type Abi = WasmSlice;
    type Anchor = Box<str>;
    #[inline]
    unsafe fn ref_from_abi(js: WasmSlice) -> Box<str> {
        unsafe { String::from_abi(js) }.into_boxed_str()
    }
}

/// Lent to JS for the duration of a call: the glue reads it and does not free it.
impl IntoWasmAbi for &str {
    type Abi = WasmSlice;
    #[inline]
    fn into_abi(self) -> WasmSlice {
        WasmSlice {
            ptr: self.as_ptr() as u32,
            len: self.len() as u32,
        }
    }
}

/// Lent to JS for the duration of a call (variadic imports spread it).
impl IntoWasmAbi for &[JsValue] {
    type Abi = WasmSlice;
    #[inline]
    fn into_abi(self) -> WasmSlice {
        WasmSlice {
            ptr: self.as_ptr() as u32,
            len: self.len() as u32,
        }
    }
}

impl IntoWasmAbi for JsValue {
    type Abi = u32;
    #[inline]
    fn into_abi(self) -> u32 {
        ManuallyDrop::new(self).idx
    }
}

impl FromWasmAbi for JsValue {
    type Abi = u32;
    #[inline]
    unsafe fn from_abi(js: u32) -> JsValue {
        JsValue::_new(js)
    }
}

impl IntoWasmAbi for &JsValue {
    type Abi = u32;
    #[inline]
    fn into_abi(self) -> u32 {
        self.idx
    }
}

impl RefFromWasmAbi for JsValue {
    type Abi = u32;
    type Anchor = ManuallyDrop<JsValue>;
    #[inline]
    unsafe fn ref_from_abi(js: u32) -> ManuallyDrop<JsValue> {
        ManuallyDrop::new(JsValue::_new(js))
    }
}

/// Fallible conversion from a `JsValue`, as wasm-bindgen defines it: numbers, `bool`, `char`,
/// `String`, `()` (`undefined`), bigints for 64- and 128-bit integers, `JsValue` itself,
/// `Option<T>` (`undefined` is `None`), `Vec<T>` of a JS array, imported types (`instanceof`)
/// and exported structs (an instance of the class, moved out of its JS object). On failure
/// the value comes back unchanged as the error.
pub trait TryFromJsValue: Sized {
    /// What the conversion gives back on failure (the value itself).
    type Error;
    fn try_from_js_value(value: JsValue) -> Result<Self, Self::Error>;

    /// Converts a copy of the value; `None` when it does not convert.
    fn try_from_js_value_ref(value: &JsValue) -> Option<Self> {
        Self::try_from_js_value(value.clone()).ok()
    }
}

impl TryFromJsValue for String {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<String, JsValue> {
        value.as_string().ok_or(value)
    }
}

impl TryFromJsValue for JsValue {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<JsValue, JsValue> {
        Ok(value)
    }
}

impl TryFromJsValue for () {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<(), JsValue> {
        if value.is_undefined() {
            Ok(())
        } else {
            Err(value)
        }
    }
}

impl TryFromJsValue for bool {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<bool, JsValue> {
        value.as_bool().ok_or(value)
    }
}

/// A string of exactly one Unicode scalar value.
impl TryFromJsValue for char {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<char, JsValue> {
        let one = value.as_string().and_then(|s| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        });
        one.ok_or(value)
    }
}

macro_rules! try_from_number {
    ($($t:ty)*) => {$(
        /// A JS number, truncated and wrapped like a Rust `as` cast (`128` is `-128i8`).
        impl TryFromJsValue for $t {
            type Error = JsValue;
            fn try_from_js_value(value: JsValue) -> Result<$t, JsValue> {
                match value.as_f64() {
                    Some(n) => Ok(n as i64 as $t),
                    None => Err(value),
                }
            }
        }
    )*};
}
try_from_number!(i8 u8 i16 u16 i32 u32 isize usize);

impl TryFromJsValue for f64 {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<f64, JsValue> {
        value.as_f64().ok_or(value)
    }
}

impl TryFromJsValue for f32 {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<f32, JsValue> {
        value.as_f64().map(|n| n as f32).ok_or(value)
    }
}

macro_rules! try_from_bigint {
    ($($t:ty)*) => {$(
        /// A JS bigint in range (a number is refused, as in wasm-bindgen).
        impl TryFromJsValue for $t {
            type Error = JsValue;
            fn try_from_js_value(value: JsValue) -> Result<$t, JsValue> {
                <$t>::try_from(value)
            }
        }
    )*};
}
try_from_bigint!(i64 u64 i128 u128);

/// `undefined` is `None`; anything else converts as `T` (so `null` is refused, except by
/// `Option<JsValue>`).
impl<T: TryFromJsValue<Error = JsValue>> TryFromJsValue for Option<T> {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<Option<T>, JsValue> {
        if value.is_undefined() {
            Ok(None)
        } else {
            T::try_from_js_value(value).map(Some)
        }
    }
}

/// A JS array (`Array.isArray`) whose every element converts; the array back otherwise.
impl<T: TryFromJsValue> TryFromJsValue for Vec<T> {
    type Error = JsValue;
    fn try_from_js_value(value: JsValue) -> Result<Vec<T>, JsValue> {
        if !value.is_array() {
            return Err(value);
        }
        let len = unsafe { crate::externs::__wbindgen_array_len(value.idx) };
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len {
            let element =
                unsafe { JsValue::_new(crate::externs::__wbindgen_array_get(value.idx, i)) };
            match T::try_from_js_value(element) {
                Ok(v) => out.push(v),
                Err(_) => return Err(value),
            }
        }
        Ok(out)
    }
}
