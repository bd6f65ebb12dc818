//! Everyday types beyond the primitives: `Option` of numbers, strings and JS values, number
//! slices and vectors as typed arrays, vectors of JS values, strings, classes and enums as
//! arrays, `Clamped`, `u128`/`i128` as bigint, and raw pointers as numbers.

use core::ops::{Deref, DerefMut};

use crate::convert::{
    FromWasmAbi, IntoWasmAbi, OptionFromWasmAbi, OptionIntoWasmAbi, OptionRefFromWasmAbi,
    RefFromWasmAbi, RefMutFromWasmAbi, WasmAbi, WasmPrimitive, WasmSlice,
};
use crate::describe::{tag, Desc, WasmDescribe};
use crate::JsValue;
use core::mem::MaybeUninit;

// --- Option of numbers, bool, char: a presence flag and the value ---------------------

/// `(is_some, value)`.
#[derive(Clone, Copy)]
pub struct OptionPrim<P: WasmPrimitive> {
    present: u32,
    value: P,
}

impl<P: WasmPrimitive> WasmAbi for OptionPrim<P> {
    type Prim1 = u32;
    type Prim2 = P;
    type Prim3 = ();
    type Prim4 = ();
    fn split(self) -> (u32, P, (), ()) {
        (self.present, self.value, (), ())
    }
    fn join(present: u32, value: P, _: (), _: ()) -> Self {
        OptionPrim { present, value }
    }
}

macro_rules! option_primitive {
    ($($t:ty => $prim:ty,)*) => {$(
        impl IntoWasmAbi for Option<$t> {
            type Abi = OptionPrim<$prim>;
            #[inline]
            fn into_abi(self) -> OptionPrim<$prim> {
                match self {
                    Some(v) => OptionPrim { present: 1, value: v.into_abi() },
                    None => OptionPrim { present: 0, value: Default::default() },
                }
            }
        }
        impl FromWasmAbi for Option<$t> {
            type Abi = OptionPrim<$prim>;
            #[inline]
            unsafe fn from_abi(js: OptionPrim<$prim>) -> Self {
                (js.present != 0).then(|| unsafe { <$t as FromWasmAbi>::from_abi(js.value) })
            }
        }
    )*};
}

option_primitive! {
    i8 => i32, u8 => u32, i16 => i32, u16 => u32, i32 => i32, u32 => u32, isize => i32, usize => u32,
    i64 => i64, u64 => u64, f32 => f32, f64 => f64, bool => u32, char => u32,
}

// --- Option of values with a spare representation ---------------------------------------

impl OptionIntoWasmAbi for JsValue {
    fn none() -> u32 {
        0
    }
}

/// `Option<&JsValue>` lent to an import: 0 is never a table index in use.
impl OptionIntoWasmAbi for &JsValue {
    fn none() -> u32 {
        0
    }
}

impl OptionFromWasmAbi for JsValue {
    fn is_none(abi: &u32) -> bool {
        *abi == 0
    }
}

impl OptionIntoWasmAbi for String {
    fn none() -> WasmSlice {
        WasmSlice { ptr: 0, len: 0 }
    }
}

impl OptionFromWasmAbi for String {
    fn is_none(abi: &WasmSlice) -> bool {
        abi.ptr == 0
    }
}

/// `Option<&str>` from JS: a present string is never at address 0 (`""` is at 1).
impl OptionRefFromWasmAbi for str {
    fn is_none(abi: &WasmSlice) -> bool {
        abi.ptr == 0
    }
}

/// `Option<&str>` lent to an import.
impl OptionIntoWasmAbi for &str {
    fn none() -> WasmSlice {
        WasmSlice { ptr: 0, len: 0 }
    }
}

// --- vectors ------------------------------------------------------------------------------

/// Element types of `Vec<T>` / `Box<[T]>` across the boundary: numbers as typed arrays,
/// everything else as a JS array.
pub trait VectorElement: Sized + WasmDescribe {
    fn vec_into_abi(v: Box<[Self]>) -> WasmSlice;
    /// # Safety
    /// `js` must come from the glue's array conversion for this element type.
    unsafe fn vec_from_abi(js: WasmSlice) -> Box<[Self]>;
}

fn leak<T>(v: Box<[T]>) -> WasmSlice {
    let len = v.len() as u32;
    WasmSlice {
        ptr: Box::into_raw(v) as *mut T as u32,
        len,
    }
}

/// # Safety
/// `js` must describe a `Box<[T]>` allocated by `__wbindgen_malloc` with `T`'s alignment.
unsafe fn unleak<T>(js: WasmSlice) -> Box<[T]> {
    unsafe {
        Box::from_raw(core::ptr::slice_from_raw_parts_mut(
            js.ptr as *mut T,
            js.len as usize,
        ))
    }
}

/// Numbers, which cross as typed arrays and as `&[T]` / `&mut [T]`.
pub trait NumberElement: VectorElement + Copy {}

macro_rules! number_elements {
    ($($t:ty)*) => {$(
        impl VectorElement for $t {
            fn vec_into_abi(v: Box<[$t]>) -> WasmSlice { leak(v) }
            unsafe fn vec_from_abi(js: WasmSlice) -> Box<[$t]> { unsafe { unleak(js) } }
        }
        impl NumberElement for $t {}
    )*};
}
number_elements!(i8 u8 i16 u16 i32 u32 i64 u64 f32 f64 isize usize);

/// `MaybeUninit<T>` of a number crosses exactly as `T` does (typed arrays, `&[T]`,
/// `Vec<T>`), as wasm-bindgen allows: JS reads whatever bytes are there.
impl<T: NumberElement> WasmDescribe for MaybeUninit<T> {
    const DESC: Desc = T::DESC;
}

impl<T: NumberElement> VectorElement for MaybeUninit<T> {
    fn vec_into_abi(v: Box<[Self]>) -> WasmSlice {
        leak(v)
    }
    unsafe fn vec_from_abi(js: WasmSlice) -> Box<[Self]> {
        unsafe { unleak(js) }
    }
}

impl<T: NumberElement> NumberElement for MaybeUninit<T> {}

impl VectorElement for JsValue {
    fn vec_into_abi(v: Box<[JsValue]>) -> WasmSlice {
        // `JsValue` is a `repr(transparent)` index: the glue takes each one.
        leak(v)
    }
    unsafe fn vec_from_abi(js: WasmSlice) -> Box<[JsValue]> {
        unsafe { unleak(js) }
    }
}

impl VectorElement for String {
    fn vec_into_abi(v: Box<[String]>) -> WasmSlice {
        JsValue::vec_into_abi(v.into_vec().into_iter().map(JsValue::from).collect())
    }
    unsafe fn vec_from_abi(js: WasmSlice) -> Box<[String]> {
        let values = unsafe { JsValue::vec_from_abi(js) };
        values
            .iter()
            .map(|v| {
                v.as_string().unwrap_or_else(|| {
                    crate::throw_str(
                        "array contains a value of the wrong type (expected an array of strings)",
                    )
                })
            })
            .collect()
    }
}

/// Vectors of values that travel as a `u32` each (exported classes, enums, imported types).
pub fn vec_of_u32_into_abi<T: IntoWasmAbi<Abi = u32>>(v: Box<[T]>) -> WasmSlice {
    leak(
        v.into_vec()
            .into_iter()
            .map(IntoWasmAbi::into_abi)
            .collect::<Box<[u32]>>(),
    )
}

/// # Safety
/// `js` must come from the glue's array conversion for `T`.
pub unsafe fn vec_of_u32_from_abi<T: FromWasmAbi<Abi = u32>>(js: WasmSlice) -> Box<[T]> {
    let raw: Box<[u32]> = unsafe { unleak(js) };
    raw.iter().map(|&v| unsafe { T::from_abi(v) }).collect()
}

impl<T: VectorElement> WasmDescribe for Vec<T> {
    const DESC: Desc = Desc::wrap(tag::VECTOR, &T::DESC);
}

impl<T: VectorElement> WasmDescribe for Box<[T]> {
    const DESC: Desc = Desc::wrap(tag::VECTOR, &T::DESC);
}

impl<T: VectorElement> IntoWasmAbi for Vec<T> {
    type Abi = WasmSlice;
    fn into_abi(self) -> WasmSlice {
        T::vec_into_abi(self.into_boxed_slice())
    }
}

impl<T: VectorElement> FromWasmAbi for Vec<T> {
    type Abi = WasmSlice;
    unsafe fn from_abi(js: WasmSlice) -> Self {
        unsafe { T::vec_from_abi(js) }.into_vec()
    }
}

impl<T: VectorElement> IntoWasmAbi for Box<[T]> {
    type Abi = WasmSlice;
    fn into_abi(self) -> WasmSlice {
        T::vec_into_abi(self)
    }
}

impl<T: VectorElement> FromWasmAbi for Box<[T]> {
    type Abi = WasmSlice;
    unsafe fn from_abi(js: WasmSlice) -> Self {
        unsafe { T::vec_from_abi(js) }
    }
}

impl<T: VectorElement> OptionIntoWasmAbi for Vec<T> {
    fn none() -> WasmSlice {
        WasmSlice { ptr: 0, len: 0 }
    }
}

impl<T: VectorElement> OptionFromWasmAbi for Vec<T> {
    fn is_none(abi: &WasmSlice) -> bool {
        abi.ptr == 0
    }
}

// --- number slices ------------------------------------------------------------------------

/// `&[T]` from JS: a copy Rust owns and frees after the call.
impl<T: NumberElement> RefFromWasmAbi for [T] {
    type Abi = WasmSlice;
    type Anchor = Box<[T]>;
    unsafe fn ref_from_abi(js: WasmSlice) -> Box<[T]> {
        unsafe { unleak(js) }
    }
}

impl<T: NumberElement + 'static> crate::convert::LongRefFromWasmAbi for [T] {
    type Abi = WasmSlice;
    type Anchor = Box<[T]>;
    // The glue already passes a copy Rust owns.
    const LONG_REF_DESC: crate::describe::Desc = <&[T] as WasmDescribe>::DESC;
    unsafe fn long_ref_from_abi(js: WasmSlice) -> Box<[T]> {
        unsafe { unleak(js) }
    }
}

/// `&mut [T]` from JS: a copy the glue writes back into the JS array and then frees.
pub struct MutSlice<T> {
    ptr: *mut T,
    len: usize,
}

impl<T> Deref for MutSlice<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl<T> DerefMut for MutSlice<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl<T: NumberElement> RefMutFromWasmAbi for [T] {
    type Abi = WasmSlice;
    type Anchor = MutSlice<T>;
    unsafe fn ref_mut_from_abi(js: WasmSlice) -> MutSlice<T> {
        MutSlice {
            ptr: js.ptr as *mut T,
            len: js.len as usize,
        }
    }
}

/// `&[T]` lent to JS for an import call.
impl<T: NumberElement> IntoWasmAbi for &[T] {
    type Abi = WasmSlice;
    fn into_abi(self) -> WasmSlice {
        WasmSlice {
            ptr: self.as_ptr() as u32,
            len: self.len() as u32,
        }
    }
}

/// `&mut [T]` lent to JS for an import call: JS gets a view of the slice's memory, so its
/// writes land in the slice (as in wasm-bindgen; web-sys' WebGL and audio APIs fill them).
impl<T: NumberElement> IntoWasmAbi for &mut [T] {
    type Abi = WasmSlice;
    fn into_abi(self) -> WasmSlice {
        WasmSlice {
            ptr: self.as_mut_ptr() as u32,
            len: self.len() as u32,
        }
    }
}

/// `Option<&mut [T]>` lent to an import.
impl<T: NumberElement> OptionIntoWasmAbi for &mut [T] {
    fn none() -> WasmSlice {
        WasmSlice { ptr: 0, len: 0 }
    }
}

/// `Option<&[T]>` from JS: an empty copy is at the element alignment, never 0.
impl<T: NumberElement> OptionRefFromWasmAbi for [T] {
    fn is_none(abi: &WasmSlice) -> bool {
        abi.ptr == 0
    }
}

/// `Option<&[T]>` lent to an import (an empty slice's pointer is dangling, not 0).
impl<T: NumberElement> OptionIntoWasmAbi for &[T] {
    fn none() -> WasmSlice {
        WasmSlice { ptr: 0, len: 0 }
    }
}

// --- Clamped ------------------------------------------------------------------------------

/// Bytes that JS sees as a `Uint8ClampedArray` (canvas `ImageData`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Clamped<T>(pub T);

impl<T> Deref for Clamped<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Clamped<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: WasmDescribe> WasmDescribe for Clamped<T> {
    const DESC: Desc = Desc::wrap(tag::CLAMPED, &T::DESC);
}

macro_rules! clamped_bytes {
    ($($byte:ty),*) => {$(
        impl IntoWasmAbi for Clamped<Vec<$byte>> {
            type Abi = WasmSlice;
            fn into_abi(self) -> WasmSlice {
                self.0.into_abi()
            }
        }

        impl FromWasmAbi for Clamped<Vec<$byte>> {
            type Abi = WasmSlice;
            unsafe fn from_abi(js: WasmSlice) -> Self {
                Clamped(unsafe { Vec::from_abi(js) })
            }
        }

        impl IntoWasmAbi for Clamped<&[$byte]> {
            type Abi = WasmSlice;
            fn into_abi(self) -> WasmSlice {
                self.0.into_abi()
            }
        }

        /// `Clamped<&mut [u8]>` lent to an import: a view JS can write through.
        impl IntoWasmAbi for Clamped<&mut [$byte]> {
            type Abi = WasmSlice;
            fn into_abi(self) -> WasmSlice {
                self.0.into_abi()
            }
        }
    )*};
}
clamped_bytes!(u8, MaybeUninit<u8>);

/// The slices `Clamped<&_>` / `Clamped<&mut _>` export arguments may wrap.
#[diagnostic::on_unimplemented(
    message = "`Clamped<&{Self}>` cannot be passed from JavaScript to Rust",
    label = "only bytes can be clamped",
    note = "use `Clamped<&[u8]>`, `Clamped<&mut [u8]>` or `Clamped<Vec<u8>>`"
)]
pub trait ClampedSlice: RefFromWasmAbi + RefMutFromWasmAbi {}

impl ClampedSlice for [u8] {}
impl ClampedSlice for [MaybeUninit<u8>] {}

/// The shim's conversion for a `Clamped<&T>` argument (it passes `Clamped(&*anchor)`).
///
/// # Safety
/// `js` must come from the generated glue for `Clamped<&T>`.
pub unsafe fn clamped_ref_from_abi<T: ClampedSlice + ?Sized>(
    js: <T as RefFromWasmAbi>::Abi,
) -> <T as RefFromWasmAbi>::Anchor {
    unsafe { T::ref_from_abi(js) }
}

/// The shim's conversion for a `Clamped<&mut T>` argument; the glue writes changes back.
///
/// # Safety
/// `js` must come from the generated glue for `Clamped<&mut T>`.
pub unsafe fn clamped_ref_mut_from_abi<T: ClampedSlice + ?Sized>(
    js: <T as RefMutFromWasmAbi>::Abi,
) -> <T as RefMutFromWasmAbi>::Anchor {
    unsafe { T::ref_mut_from_abi(js) }
}

// --- 128-bit integers ---------------------------------------------------------------------

/// Low and high 64 bits.
#[derive(Clone, Copy)]
pub struct Wide {
    lo: u64,
    hi: u64,
}

impl WasmAbi for Wide {
    type Prim1 = u64;
    type Prim2 = u64;
    type Prim3 = ();
    type Prim4 = ();
    fn split(self) -> (u64, u64, (), ()) {
        (self.lo, self.hi, (), ())
    }
    fn join(lo: u64, hi: u64, _: (), _: ()) -> Self {
        Wide { lo, hi }
    }
}

macro_rules! wide {
    ($($t:ty => $tag:ident),*) => {$(
        impl WasmDescribe for $t {
            const DESC: Desc = Desc::tag(tag::$tag);
        }
        impl IntoWasmAbi for $t {
            type Abi = Wide;
            fn into_abi(self) -> Wide {
                let v = self as u128;
                Wide { lo: v as u64, hi: (v >> 64) as u64 }
            }
        }
        impl FromWasmAbi for $t {
            type Abi = Wide;
            unsafe fn from_abi(js: Wide) -> Self {
                (((js.hi as u128) << 64) | js.lo as u128) as $t
            }
        }
    )*};
}
wide!(u128 => U128, i128 => I128);

/// `Option<u128>` / `Option<i128>`: a presence flag, then the low and high 64 bits.
#[derive(Clone, Copy)]
pub struct OptionWide {
    present: u32,
    lo: u64,
    hi: u64,
}

impl WasmAbi for OptionWide {
    type Prim1 = u32;
    type Prim2 = u64;
    type Prim3 = u64;
    type Prim4 = ();
    fn split(self) -> (u32, u64, u64, ()) {
        (self.present, self.lo, self.hi, ())
    }
    fn join(present: u32, lo: u64, hi: u64, _: ()) -> Self {
        OptionWide { present, lo, hi }
    }
}

macro_rules! option_wide {
    ($($t:ty),*) => {$(
        impl IntoWasmAbi for Option<$t> {
            type Abi = OptionWide;
            fn into_abi(self) -> OptionWide {
                match self {
                    Some(v) => {
                        let v = v as u128;
                        OptionWide { present: 1, lo: v as u64, hi: (v >> 64) as u64 }
                    }
                    None => OptionWide { present: 0, lo: 0, hi: 0 },
                }
            }
        }
        impl FromWasmAbi for Option<$t> {
            type Abi = OptionWide;
            unsafe fn from_abi(js: OptionWide) -> Self {
                (js.present != 0).then(|| (((js.hi as u128) << 64) | js.lo as u128) as $t)
            }
        }
    )*};
}
option_wide!(u128, i128);

// --- raw pointers -------------------------------------------------------------------------

impl<T> WasmDescribe for *const T {
    const DESC: Desc = Desc::tag(tag::U32);
}

impl<T> WasmDescribe for *mut T {
    const DESC: Desc = Desc::tag(tag::U32);
}

impl<T> WasmDescribe for core::ptr::NonNull<T> {
    const DESC: Desc = Desc::tag(tag::U32);
}

impl<T> IntoWasmAbi for *const T {
    type Abi = u32;
    fn into_abi(self) -> u32 {
        self as u32
    }
}

impl<T> FromWasmAbi for *const T {
    type Abi = u32;
    unsafe fn from_abi(js: u32) -> Self {
        js as *const T
    }
}

impl<T> IntoWasmAbi for *mut T {
    type Abi = u32;
    fn into_abi(self) -> u32 {
        self as u32
    }
}

impl<T> FromWasmAbi for *mut T {
    type Abi = u32;
    unsafe fn from_abi(js: u32) -> Self {
        js as *mut T
    }
}

impl<T> IntoWasmAbi for core::ptr::NonNull<T> {
    type Abi = u32;
    fn into_abi(self) -> u32 {
        self.as_ptr() as u32
    }
}

impl<T> FromWasmAbi for core::ptr::NonNull<T> {
    type Abi = u32;
    unsafe fn from_abi(js: u32) -> Self {
        core::ptr::NonNull::new(js as *mut T).unwrap_or_else(|| {
            crate::throw_str(
                "expected a number argument that is not 0 (a NonNull pointer from JS was 0)",
            )
        })
    }
}

/// `Option<*const T>`, `Option<*mut T>`: an optional number (a presence flag and the
/// address), so `Some(null)` reaches JS as `0` and `None` as `undefined`.
macro_rules! option_raw_pointer {
    ($($ptr:ty),*) => {$(
        impl<T> IntoWasmAbi for Option<$ptr> {
            type Abi = OptionPrim<u32>;
            fn into_abi(self) -> OptionPrim<u32> {
                match self {
                    Some(p) => OptionPrim { present: 1, value: p as u32 },
                    None => OptionPrim { present: 0, value: 0 },
                }
            }
        }

        impl<T> FromWasmAbi for Option<$ptr> {
            type Abi = OptionPrim<u32>;
            unsafe fn from_abi(js: OptionPrim<u32>) -> Self {
                (js.present != 0).then_some(js.value as $ptr)
            }
        }
    )*};
}
option_raw_pointer!(*const T, *mut T);

/// `Option<NonNull<T>>`: described as an optional number, so a presence flag and the address.
impl<T> IntoWasmAbi for Option<core::ptr::NonNull<T>> {
    type Abi = OptionPrim<u32>;
    fn into_abi(self) -> OptionPrim<u32> {
        match self {
            Some(p) => OptionPrim {
                present: 1,
                value: p.as_ptr() as u32,
            },
            None => OptionPrim {
                present: 0,
                value: 0,
            },
        }
    }
}

impl<T> FromWasmAbi for Option<core::ptr::NonNull<T>> {
    type Abi = OptionPrim<u32>;
    unsafe fn from_abi(js: OptionPrim<u32>) -> Self {
        if js.present == 0 {
            None
        } else {
            core::ptr::NonNull::new(js.value as *mut T)
        }
    }
}
