//! Rust closures as JS functions.
//!
//! Stack closures (`&dyn Fn(A) -> R`, `&mut dyn FnMut(A) -> R` as import arguments) travel
//! as `(data, vtable, invoke)`; the import's own descriptor says how to call them, and the
//! glue invalidates the JS function when the import returns.
//!
//! Heap closures (`Closure<dyn FnMut(A) -> R>`) are created in generic code, where no
//! descriptor section entry can be emitted. Each closure type instead has a `ClosureMeta`
//! record in the data segment (magic `wbg:clo1`, its descriptor, invoke and destroy function
//! pointers); its address goes to `__wbg_closure_new`, and the generator, which found every
//! record by scanning the memory image, dispatches on it.
//!
//! Both kinds take up to 8 arguments by value (`FromWasmAbi`), or exactly one by reference,
//! `dyn Fn(&A) -> R` with `A: RefFromWasmAbi`: JS lends that value for the call as it does
//! for an export's `&A` argument, and the descriptor says `&A`.

// `dyn Fn(&A) -> R` (higher-ranked over the borrow) and `dyn Fn(A) -> R` are distinct types,
// and rustc treats them so; it still warns that an impl for each could overlap (rust#56105).
#![allow(coherence_leak_check)]

use core::marker::PhantomData;
use core::mem::ManuallyDrop;

use crate::convert::{
    FromWasmAbi, IntoWasmAbi, RefFromWasmAbi, ReturnWasmAbi, WasmAbi, WasmPrimitive,
};
use crate::describe::{tag, Desc, WasmDescribe};
use crate::JsValue;

/// A closure type's record in the data segment. Layout is read by the generator.
#[repr(C)]
pub struct ClosureMeta {
    magic: [u8; 8],
    desc: *const u8,
    desc_len: u32,
    invoke: *const (),
    destroy: *const (),
}

// Immutable data shared by reference only.
unsafe impl Sync for ClosureMeta {}

/// Implemented for `dyn Fn(..) -> R` and `dyn FnMut(..) -> R` up to 8 arguments.
///
/// # Safety
/// `INVOKE` and `DESTROY` must accept `split` of a `Box<Self>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a heap closure",
    label = "not `dyn Fn(..) -> R` or `dyn FnMut(..) -> R`",
    note = "use `Closure<dyn Fn(A, ..) -> R>` or `Closure<dyn FnMut(A, ..) -> R>` with at most 8 arguments of types that can cross, or `dyn Fn(&A) -> R` with one argument JavaScript can lend (`&JsValue`, `&str`, number slices, exported structs, imported JS types); a `&dyn Fn` lives only during one call and cannot be stored"
)]
pub unsafe trait WasmClosure: WasmDescribe + 'static {
    const INVOKE: *const ();
    const DESTROY: *const ();
    /// The two halves of a fat pointer to `Self`.
    fn split(ptr: *mut Self) -> (u32, u32);
}

/// Turns a concrete closure into the boxed trait object `T` (unsizing coercion is not
/// available to generic code).
#[diagnostic::on_unimplemented(
    message = "this closure cannot become a `Closure<{T}>`",
    label = "does not match `{T}`",
    note = "the closure's argument and return types must be those of the `dyn Fn(..) -> R` or `dyn FnMut(..) -> R` in `Closure<..>`, which takes at most 8 arguments (or one `&A`); annotate a borrowed argument (`|x: &JsValue|`)"
)]
pub trait IntoWasmClosure<T: ?Sized> {
    fn unsize(self: Box<Self>) -> Box<T>;
}

/// A `FnOnce` that `Closure::once` can wrap.
pub trait WasmClosureFnOnce<A, R>: 'static {
    type FnMut: ?Sized + WasmClosure;
    fn into_fn_mut(self) -> Box<Self::FnMut>;
}

const fn pad<const N: usize>(d: &Desc) -> [u8; N] {
    let bytes = d.as_slice();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < bytes.len() {
        out[i] = bytes[i];
        i += 1;
    }
    out
}

struct Trim<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized + WasmDescribe> Trim<T> {
    // Generic code cannot size an array by `T::DESC.len()`, so round up to a size class.
    const BYTES: &'static [u8] = {
        let len = T::DESC.len();
        if len <= 16 {
            &pad::<16>(&T::DESC)
        } else if len <= 64 {
            &pad::<64>(&T::DESC)
        } else if len <= 256 {
            &pad::<256>(&T::DESC)
        } else {
            &pad::<{ crate::describe::DESC_CAPACITY }>(&T::DESC)
        }
    };
}

struct MetaFor<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized + WasmClosure> MetaFor<T> {
    const META: ClosureMeta = ClosureMeta {
        magic: *wbg_schema::CLOSURE_MAGIC,
        desc: Trim::<T>::BYTES.as_ptr(),
        desc_len: T::DESC.len() as u32,
        invoke: T::INVOKE,
        destroy: T::DESTROY,
    };
}

/// A Rust closure callable from JS for as long as this value lives (or forever after
/// `forget`). Dropping it makes the JS function throw when called.
pub struct Closure<T: ?Sized> {
    js: ManuallyDrop<JsValue>,
    raw: *mut T,
}

// The `T: WasmClosure` bound sits on each method, not on the impl: an impl bound that fails
// makes rustc report "method exists but its trait bounds were not satisfied" (E0599),
// while a method bound reports the unmet trait with its `on_unimplemented` text.
impl<T: ?Sized> Closure<T> {
    /// `Closure::<dyn FnMut(u32) -> String>::new(move |x| format!("x is {x}"))`
    pub fn new<F>(f: F) -> Closure<T>
    where
        T: WasmClosure,
        F: IntoWasmClosure<T> + 'static,
    {
        Closure::wrap(Box::new(f).unsize())
    }

    pub fn wrap(data: Box<T>) -> Closure<T>
    where
        T: WasmClosure,
    {
        let raw = Box::into_raw(data);
        let (data, vtable) = T::split(raw);
        let meta: &'static ClosureMeta = const { &MetaFor::<T>::META };
        let idx = unsafe { crate::externs::__wbg_closure_new(meta, data, vtable) };
        Closure {
            js: ManuallyDrop::new(JsValue::__from_idx(idx)),
            raw,
        }
    }

    /// Keeps the Rust closure alive for the rest of the program.
    pub fn forget(self) {
        core::mem::forget(self);
    }

    /// The JS function, with the Rust closure kept alive for the rest of the program.
    pub fn into_js_value(self) -> JsValue {
        let value = JsValue::clone(&self.js);
        self.forget();
        value
    }

    /// A closure JS may call once; a second call throws.
    pub fn once<F, A, R>(f: F) -> Closure<T>
    where
        T: WasmClosure,
        F: WasmClosureFnOnce<A, R, FnMut = T>,
    {
        Closure::wrap(f.into_fn_mut())
    }

    /// [`Closure::once`] handed to JS for good.
    pub fn once_into_js<F, A, R>(f: F) -> JsValue
    where
        T: WasmClosure,
        F: WasmClosureFnOnce<A, R, FnMut = T>,
    {
        Closure::once(f).into_js_value()
    }
}

impl<T: ?Sized> AsRef<JsValue> for Closure<T> {
    fn as_ref(&self) -> &JsValue {
        &self.js
    }
}

impl<T: ?Sized> core::fmt::Debug for Closure<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Closure {{ js: {:?} }}", &*self.js)
    }
}

impl<T: ?Sized> Drop for Closure<T> {
    fn drop(&mut self) {
        // JS invalidates the function; if it is running right now, JS frees the Rust
        // side when the call returns instead.
        let free_now = unsafe { crate::externs::__wbg_closure_drop(self.js.idx()) } != 0;
        if free_now {
            drop(unsafe { Box::from_raw(self.raw) });
        }
        unsafe { ManuallyDrop::drop(&mut self.js) }
    }
}

impl<T: ?Sized> WasmDescribe for Closure<T> {
    const DESC: Desc = Desc::tag(tag::EXTERNREF);
}

impl<T: ?Sized> IntoWasmAbi for &Closure<T> {
    type Abi = u32;
    fn into_abi(self) -> u32 {
        self.js.idx()
    }
}

/// `Option<&Closure<T>>` lent to an import: `None` is `undefined`.
impl<T: ?Sized> crate::convert::OptionIntoWasmAbi for &Closure<T> {
    fn none() -> u32 {
        0
    }
}

/// `(data, vtable, invoke)` of a stack closure.
#[derive(Clone, Copy)]
pub struct WasmClosureRef {
    data: u32,
    vtable: u32,
    invoke: u32,
}

impl WasmAbi for WasmClosureRef {
    type Prim1 = u32;
    type Prim2 = u32;
    type Prim3 = u32;
    type Prim4 = ();
    fn split(self) -> (u32, u32, u32, ()) {
        (self.data, self.vtable, self.invoke, ())
    }
    fn join(data: u32, vtable: u32, invoke: u32, _: ()) -> Self {
        WasmClosureRef {
            data,
            vtable,
            invoke,
        }
    }
}

const ONCE_CALLED_TWICE: &str =
    "a `Closure::once` closure was called a second time; it can only be called once";

macro_rules! closures {
    ($(
        $invoke_fn:ident $invoke_mut:ident $destroy_fn:ident $destroy_mut:ident
        ($($var:ident: $arg:ident [$p1:ident $p2:ident $p3:ident $p4:ident])*)
    )*) => {$(
        #[allow(non_snake_case, clippy::too_many_arguments)]
        unsafe extern "C" fn $invoke_fn<$($arg: FromWasmAbi,)* R: ReturnWasmAbi>(
            data: u32,
            vtable: u32,
            $(
                $p1: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim1,
                $p2: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim2,
                $p3: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim3,
                $p4: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim4,
            )*
        ) -> <<R as ReturnWasmAbi>::Abi as WasmAbi>::Prim1 {
            let f: *const dyn Fn($($arg),*) -> R =
                unsafe { core::mem::transmute::<(usize, usize), _>((data as usize, vtable as usize)) };
            $(let $var = unsafe { <$arg as FromWasmAbi>::from_abi(WasmAbi::join($p1, $p2, $p3, $p4)) };)*
            let ret = unsafe { (*f)($($var),*) };
            let (p1, p2, p3, p4) = WasmAbi::split(ret.return_abi());
            store(p2, p3, p4);
            p1
        }

        #[allow(non_snake_case, clippy::too_many_arguments)]
        unsafe extern "C" fn $invoke_mut<$($arg: FromWasmAbi,)* R: ReturnWasmAbi>(
            data: u32,
            vtable: u32,
            $(
                $p1: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim1,
                $p2: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim2,
                $p3: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim3,
                $p4: <<$arg as FromWasmAbi>::Abi as WasmAbi>::Prim4,
            )*
        ) -> <<R as ReturnWasmAbi>::Abi as WasmAbi>::Prim1 {
            // The glue refuses to re-enter a running FnMut, so this `&mut` is unique.
            let f: *mut dyn FnMut($($arg),*) -> R =
                unsafe { core::mem::transmute::<(usize, usize), _>((data as usize, vtable as usize)) };
            $(let $var = unsafe { <$arg as FromWasmAbi>::from_abi(WasmAbi::join($p1, $p2, $p3, $p4)) };)*
            let ret = unsafe { (*f)($($var),*) };
            let (p1, p2, p3, p4) = WasmAbi::split(ret.return_abi());
            store(p2, p3, p4);
            p1
        }

        #[allow(non_snake_case)]
        unsafe extern "C" fn $destroy_fn<$($arg,)* R>(data: u32, vtable: u32) {
            let f: *mut dyn Fn($($arg),*) -> R =
                unsafe { core::mem::transmute::<(usize, usize), _>((data as usize, vtable as usize)) };
            drop(unsafe { Box::from_raw(f) });
        }

        #[allow(non_snake_case)]
        unsafe extern "C" fn $destroy_mut<$($arg,)* R>(data: u32, vtable: u32) {
            let f: *mut dyn FnMut($($arg),*) -> R =
                unsafe { core::mem::transmute::<(usize, usize), _>((data as usize, vtable as usize)) };
            drop(unsafe { Box::from_raw(f) });
        }

        impl<'a, $($arg: WasmDescribe,)* R: WasmDescribe> WasmDescribe for dyn Fn($($arg),*) -> R + 'a {
            const DESC: Desc = closure_desc(false, &[$(&<$arg as WasmDescribe>::DESC),*], &R::DESC);
        }

        impl<'a, $($arg: WasmDescribe,)* R: WasmDescribe> WasmDescribe for dyn FnMut($($arg),*) -> R + 'a {
            const DESC: Desc = closure_desc(true, &[$(&<$arg as WasmDescribe>::DESC),*], &R::DESC);
        }

        impl<'a, 'b, $($arg: FromWasmAbi + WasmDescribe,)* R: ReturnWasmAbi> IntoWasmAbi for &'a (dyn Fn($($arg),*) -> R + 'b) {
            type Abi = WasmClosureRef;
            fn into_abi(self) -> WasmClosureRef {
                let (data, vtable): (usize, usize) = unsafe { core::mem::transmute(self) };
                let invoke = $invoke_fn::<$($arg,)* R> as *const () as usize;
                WasmClosureRef { data: data as u32, vtable: vtable as u32, invoke: invoke as u32 }
            }
        }

        impl<'a, 'b, $($arg: FromWasmAbi + WasmDescribe,)* R: ReturnWasmAbi> IntoWasmAbi for &'a mut (dyn FnMut($($arg),*) -> R + 'b) {
            type Abi = WasmClosureRef;
            fn into_abi(self) -> WasmClosureRef {
                let (data, vtable): (usize, usize) = unsafe { core::mem::transmute(self) };
                let invoke = $invoke_mut::<$($arg,)* R> as *const () as usize;
                WasmClosureRef { data: data as u32, vtable: vtable as u32, invoke: invoke as u32 }
            }
        }

        unsafe impl<$($arg: FromWasmAbi + WasmDescribe + 'static,)* R: ReturnWasmAbi + 'static> WasmClosure for dyn Fn($($arg),*) -> R {
            const INVOKE: *const () = $invoke_fn::<$($arg,)* R> as *const ();
            const DESTROY: *const () = $destroy_fn::<$($arg,)* R> as *const ();
            // Reinterprets the fat pointer's two words; nothing is dereferenced.
            #[allow(clippy::not_unsafe_ptr_arg_deref)]
            fn split(ptr: *mut Self) -> (u32, u32) {
                let (data, vtable): (usize, usize) = unsafe { core::mem::transmute(ptr) };
                (data as u32, vtable as u32)
            }
        }

        unsafe impl<$($arg: FromWasmAbi + WasmDescribe + 'static,)* R: ReturnWasmAbi + 'static> WasmClosure for dyn FnMut($($arg),*) -> R {
            const INVOKE: *const () = $invoke_mut::<$($arg,)* R> as *const ();
            const DESTROY: *const () = $destroy_mut::<$($arg,)* R> as *const ();
            // Reinterprets the fat pointer's two words; nothing is dereferenced.
            #[allow(clippy::not_unsafe_ptr_arg_deref)]
            fn split(ptr: *mut Self) -> (u32, u32) {
                let (data, vtable): (usize, usize) = unsafe { core::mem::transmute(ptr) };
                (data as u32, vtable as u32)
            }
        }

        impl<F, $($arg,)* R> IntoWasmClosure<dyn Fn($($arg),*) -> R> for F
        where
            F: Fn($($arg),*) -> R + 'static,
        {
            fn unsize(self: Box<Self>) -> Box<dyn Fn($($arg),*) -> R> {
                self
            }
        }

        impl<F, $($arg,)* R> IntoWasmClosure<dyn FnMut($($arg),*) -> R> for F
        where
            F: FnMut($($arg),*) -> R + 'static,
        {
            fn unsize(self: Box<Self>) -> Box<dyn FnMut($($arg),*) -> R> {
                self
            }
        }

        impl<F, $($arg: FromWasmAbi + WasmDescribe + 'static,)* R: ReturnWasmAbi + 'static> WasmClosureFnOnce<($($arg,)*), R> for F
        where
            F: FnOnce($($arg),*) -> R + 'static,
        {
            type FnMut = dyn FnMut($($arg),*) -> R;
            fn into_fn_mut(self) -> Box<Self::FnMut> {
                let mut once = Some(self);
                Box::new(move |$($var: $arg),*| {
                    let f = once.take().unwrap_or_else(|| crate::throw_str(ONCE_CALLED_TWICE));
                    f($($var),*)
                })
            }
        }
    )*};
}

/// Closures taking one reference, `dyn Fn(&A) -> R` / `dyn FnMut(&A) -> R`. Such a type is
/// higher-ranked over the borrow, so it is a type of its own rather than `dyn Fn(A) -> R`
/// for some `A`. JS lends the value for the call (`RefFromWasmAbi`, as for `&A` export
/// arguments); the anchor is dropped, ending the borrow, before the invoke returns.
macro_rules! ref_closures {
    ($(
        $invoke:ident $destroy:ident $fn_trait:ident $ptr:ident ($($ref_mut:ident)?) $mutable:literal
    )*) => {$(
        #[allow(non_snake_case)]
        unsafe extern "C" fn $invoke<A: RefFromWasmAbi + ?Sized, R: ReturnWasmAbi>(
            data: u32,
            vtable: u32,
            a1: <<A as RefFromWasmAbi>::Abi as WasmAbi>::Prim1,
            a2: <<A as RefFromWasmAbi>::Abi as WasmAbi>::Prim2,
            a3: <<A as RefFromWasmAbi>::Abi as WasmAbi>::Prim3,
            a4: <<A as RefFromWasmAbi>::Abi as WasmAbi>::Prim4,
        ) -> <<R as ReturnWasmAbi>::Abi as WasmAbi>::Prim1 {
            // For a FnMut the glue refuses re-entry, so the `&mut` this makes is unique.
            let f: *$ptr dyn $fn_trait(&A) -> R =
                unsafe { core::mem::transmute::<(usize, usize), _>((data as usize, vtable as usize)) };
            let anchor = unsafe { <A as RefFromWasmAbi>::ref_from_abi(WasmAbi::join(a1, a2, a3, a4)) };
            let ret = unsafe { (*f)(&*anchor) };
            drop(anchor);
            let (p1, p2, p3, p4) = WasmAbi::split(ret.return_abi());
            store(p2, p3, p4);
            p1
        }

        #[allow(non_snake_case)]
        unsafe extern "C" fn $destroy<A: ?Sized, R>(data: u32, vtable: u32) {
            let f: *mut dyn $fn_trait(&A) -> R =
                unsafe { core::mem::transmute::<(usize, usize), _>((data as usize, vtable as usize)) };
            drop(unsafe { Box::from_raw(f) });
        }

        impl<'a, A: WasmDescribe + ?Sized, R: WasmDescribe> WasmDescribe for dyn $fn_trait(&A) -> R + 'a {
            const DESC: Desc = closure_desc($mutable, &[&Desc::wrap(tag::REF, &A::DESC)], &R::DESC);
        }

        impl<'a, 'b, A: RefFromWasmAbi + ?Sized, R: ReturnWasmAbi> IntoWasmAbi for &'a $($ref_mut)? (dyn $fn_trait(&A) -> R + 'b) {
            type Abi = WasmClosureRef;
            fn into_abi(self) -> WasmClosureRef {
                let (data, vtable): (usize, usize) = unsafe { core::mem::transmute(self) };
                let invoke = $invoke::<A, R> as *const () as usize;
                WasmClosureRef { data: data as u32, vtable: vtable as u32, invoke: invoke as u32 }
            }
        }

        unsafe impl<A: RefFromWasmAbi + ?Sized + 'static, R: ReturnWasmAbi + 'static> WasmClosure for dyn $fn_trait(&A) -> R {
            const INVOKE: *const () = $invoke::<A, R> as *const ();
            const DESTROY: *const () = $destroy::<A, R> as *const ();
            // Reinterprets the fat pointer's two words; nothing is dereferenced.
            #[allow(clippy::not_unsafe_ptr_arg_deref)]
            fn split(ptr: *mut Self) -> (u32, u32) {
                let (data, vtable): (usize, usize) = unsafe { core::mem::transmute(ptr) };
                (data as u32, vtable as u32)
            }
        }

        impl<F, A: ?Sized, R> IntoWasmClosure<dyn $fn_trait(&A) -> R> for F
        where
            F: $fn_trait(&A) -> R + 'static,
        {
            fn unsize(self: Box<Self>) -> Box<dyn $fn_trait(&A) -> R> {
                self
            }
        }
    )*};
}

fn store<P2: WasmPrimitive, P3: WasmPrimitive, P4: WasmPrimitive>(p2: P2, p3: P3, p4: P4) {
    crate::__rt::store_ret(p2, p3, p4)
}

/// `CLOSURE, u8 mutable, u8 nargs, arg types, return type`.
const fn closure_desc(mutable: bool, args: &[&Desc], ret: &Desc) -> Desc {
    let mut d = Desc::tag(tag::CLOSURE)
        .byte(mutable as u8)
        .byte(args.len() as u8);
    let mut i = 0;
    while i < args.len() {
        d = d.desc(args[i]);
        i += 1;
    }
    d.desc(ret)
}

ref_closures! {
    invoke_ref_fn destroy_ref_fn Fn const () false
    invoke_ref_mut destroy_ref_mut FnMut mut (mut) true
}

closures! {
    invoke_fn0 invoke_mut0 destroy_fn0 destroy_mut0 ()
    invoke_fn1 invoke_mut1 destroy_fn1 destroy_mut1 (a: A [a1 a2 a3 a4])
    invoke_fn2 invoke_mut2 destroy_fn2 destroy_mut2 (a: A [a1 a2 a3 a4] b: B [b1 b2 b3 b4])
    invoke_fn3 invoke_mut3 destroy_fn3 destroy_mut3 (a: A [a1 a2 a3 a4] b: B [b1 b2 b3 b4] c: C [c1 c2 c3 c4])
    invoke_fn4 invoke_mut4 destroy_fn4 destroy_mut4 (a: A [a1 a2 a3 a4] b: B [b1 b2 b3 b4] c: C [c1 c2 c3 c4] d: D [d1 d2 d3 d4])
    invoke_fn5 invoke_mut5 destroy_fn5 destroy_mut5 (a: A [a1 a2 a3 a4] b: B [b1 b2 b3 b4] c: C [c1 c2 c3 c4] d: D [d1 d2 d3 d4] e: E [e1 e2 e3 e4])
    invoke_fn6 invoke_mut6 destroy_fn6 destroy_mut6 (a: A [a1 a2 a3 a4] b: B [b1 b2 b3 b4] c: C [c1 c2 c3 c4] d: D [d1 d2 d3 d4] e: E [e1 e2 e3 e4] f: F2 [f1 f2 f3 f4])
    invoke_fn7 invoke_mut7 destroy_fn7 destroy_mut7 (a: A [a1 a2 a3 a4] b: B [b1 b2 b3 b4] c: C [c1 c2 c3 c4] d: D [d1 d2 d3 d4] e: E [e1 e2 e3 e4] f: F2 [f1 f2 f3 f4] g: G [g1 g2 g3 g4])
    invoke_fn8 invoke_mut8 destroy_fn8 destroy_mut8 (a: A [a1 a2 a3 a4] b: B [b1 b2 b3 b4] c: C [c1 c2 c3 c4] d: D [d1 d2 d3 d4] e: E [e1 e2 e3 e4] f: F2 [f1 f2 f3 f4] g: G [g1 g2 g3 g4] h: H [h1 h2 h3 h4])
}
