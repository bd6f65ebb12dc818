//! `WasmRefCell`: what a JS object of an exported class points at. Every call from JS
//! borrows it like a `RefCell`, so aliasing that Rust forbids (a `&mut self` method
//! re-entered from a JS callback, `free()` during a call) throws a JS `Error` instead of
//! becoming undefined behaviour.

use core::cell::{Cell, UnsafeCell};
use core::ops::{Deref, DerefMut};

const WRITING: usize = usize::MAX;

/// Borrows of class objects lent as arguments, taken by running calls, newest last. A JS
/// exception unwinds wasm frames without running destructors; the glue then releases what
/// those frames held, so the objects stay usable: `__wbindgen_unwind_borrows` (down to a
/// depth the glue read before the call). A method's receiver is not logged: its glue knows
/// the object and releases it itself ([`MethodReceiver`], `__wbindgen_unwind_receiver`).
///
/// An entry is the flag's address (flags are `usize`-aligned) with bit 0 set for an
/// exclusive borrow. The first `LOG_INLINE` entries live in a fixed array, so a call's push
/// and pop are a store and a counter each; deeper ones spill into a `Vec`.
const LOG_INLINE: usize = 64;
static mut LOG: [usize; LOG_INLINE] = [0; LOG_INLINE];
static mut LOG_SPILL: Vec<usize> = Vec::new();
/// The number of entries, where the glue can read it without a call.
pub static mut BORROW_DEPTH: u32 = 0;

#[inline]
fn log_push(entry: usize) {
    unsafe {
        let depth = BORROW_DEPTH as usize;
        if depth < LOG_INLINE {
            (*core::ptr::addr_of_mut!(LOG))[depth] = entry;
        } else {
            (*core::ptr::addr_of_mut!(LOG_SPILL)).push(entry);
        }
        BORROW_DEPTH += 1;
    }
}

/// Removes the newest entry and returns it (0 when the log is empty).
#[inline]
fn log_pop() -> usize {
    unsafe {
        let depth = BORROW_DEPTH as usize;
        if depth == 0 {
            return 0;
        }
        BORROW_DEPTH -= 1;
        if depth <= LOG_INLINE {
            (*core::ptr::addr_of!(LOG))[depth - 1]
        } else {
            (*core::ptr::addr_of_mut!(LOG_SPILL)).pop().unwrap_or(0)
        }
    }
}

/// Removes the newest entry on a call's normal return (its guard knows what it was).
#[inline]
fn log_drop() {
    unsafe {
        let depth = BORROW_DEPTH as usize;
        BORROW_DEPTH -= 1;
        if depth > LOG_INLINE {
            (*core::ptr::addr_of_mut!(LOG_SPILL)).pop();
        }
    }
}

fn entry(flag: &Cell<usize>, exclusive: bool) -> usize {
    flag as *const Cell<usize> as usize | exclusive as usize
}

/// Releases a borrow a JS exception left in the log.
fn release(entry: usize) {
    let flag = (entry & !1) as *const Cell<usize>;
    if !flag.is_null() {
        let flag = unsafe { &*flag };
        flag.set(if entry & 1 == 1 { 0 } else { flag.get() - 1 });
    }
}

/// Releases every borrow above `depth` (taken by frames a JS exception unwound).
pub fn unwind_borrows(depth: u32) {
    while unsafe { BORROW_DEPTH } > depth {
        release(log_pop());
    }
}

/// Set when a method's receiver was refused (freed, or borrowed in a way the method's
/// borrow would alias): the throw then took no borrow, and the glue's unwind must release
/// nothing. Refusals are cleared by the glue of the call that refused, before any outer
/// call's glue can look.
static mut RECEIVER_REFUSED: bool = false;

/// The glue of a `&self` / `&mut self` method calls this, with the object's pointer, when a
/// JS exception came out of the method's export: it releases the receiver's borrow, which
/// the export takes first and holds until its result is converted, unless the receiver was
/// refused. Borrows taken by calls nested in the method were released by their own glue.
pub fn unwind_receiver(ptr: u32) {
    unsafe {
        if RECEIVER_REFUSED {
            RECEIVER_REFUSED = false;
            return;
        }
    }
    if ptr == 0 {
        return;
    }
    // `repr(C)`: the flag is the cell's first word, whatever `T` is.
    let flag = unsafe { &*(ptr as *const Cell<usize>) };
    match flag.get() {
        0 => {}
        WRITING => flag.set(0),
        shared => flag.set(shared - 1),
    }
}

#[cold]
#[inline(never)]
fn receiver_refused(class: &str, wanted: Option<&str>) -> ! {
    unsafe { RECEIVER_REFUSED = true };
    match wanted {
        Some(wanted) => aliasing(class, wanted),
        None => freed(class),
    }
}

/// How a method's export borrows its receiver: first, before any other argument, and held
/// until its result is converted, without a log entry; a refusal sets `RECEIVER_REFUSED`
/// before throwing. If a JS exception comes out of the export, its glue calls
/// [`unwind_receiver`]. Implemented by `#[wasm_bindgen]` structs.
pub trait MethodReceiver: Sized {
    /// # Safety
    /// See [`into_abi`].
    unsafe fn receiver_ref(ptr: u32) -> ReceiverRef<'static, Self>;
    /// # Safety
    /// See [`into_abi`].
    unsafe fn receiver_mut(ptr: u32) -> ReceiverRefMut<'static, Self>;
}

/// `&self` of a method (see [`MethodReceiver`]).
///
/// # Safety
/// See [`into_abi`].
#[inline]
pub unsafe fn receiver_ref<T>(ptr: u32, class: &str) -> ReceiverRef<'static, T> {
    if ptr == 0 {
        receiver_refused(class, None);
    }
    let cell = unsafe { &*(ptr as *const WasmRefCell<T>) };
    let b = cell.borrow.get();
    if b == WRITING {
        receiver_refused(class, Some("&self"));
    }
    cell.borrow.set(b + 1);
    ReceiverRef {
        value: unsafe { &*cell.value.get() },
        borrow: &cell.borrow,
    }
}

/// `&mut self` of a method (see [`MethodReceiver`]).
///
/// # Safety
/// See [`into_abi`].
#[inline]
pub unsafe fn receiver_mut<T>(ptr: u32, class: &str) -> ReceiverRefMut<'static, T> {
    if ptr == 0 {
        receiver_refused(class, None);
    }
    let cell = unsafe { &*(ptr as *const WasmRefCell<T>) };
    if cell.borrow.get() != 0 {
        receiver_refused(class, Some("&mut self"));
    }
    cell.borrow.set(WRITING);
    ReceiverRefMut {
        value: unsafe { &mut *cell.value.get() },
        borrow: &cell.borrow,
    }
}

/// A method's shared receiver: a [`Ref`] without a log entry.
pub struct ReceiverRef<'a, T: ?Sized> {
    value: &'a T,
    borrow: &'a Cell<usize>,
}

impl<T: ?Sized> Deref for ReceiverRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value
    }
}

impl<T: ?Sized> Drop for ReceiverRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.borrow.set(self.borrow.get() - 1);
    }
}

/// A method's exclusive receiver: a [`RefMut`] without a log entry.
pub struct ReceiverRefMut<'a, T: ?Sized> {
    value: &'a mut T,
    borrow: &'a Cell<usize>,
}

impl<T: ?Sized> Deref for ReceiverRefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value
    }
}

impl<T: ?Sized> DerefMut for ReceiverRefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.value
    }
}

impl<T: ?Sized> Drop for ReceiverRefMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.borrow.set(0);
    }
}

// `repr(C)` with `borrow` first: the class glue reads this word to refuse a move before it
// empties the JS object (`__assert_movable` in core-gen/src/glue/class.rs).
#[repr(C)]
pub struct WasmRefCell<T: ?Sized> {
    borrow: Cell<usize>,
    value: UnsafeCell<T>,
}

impl<T> WasmRefCell<T> {
    pub fn new(value: T) -> Self {
        WasmRefCell {
            borrow: Cell::new(0),
            value: UnsafeCell::new(value),
        }
    }

    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T: ?Sized> WasmRefCell<T> {
    /// Shared borrow; throws (naming `class`) while a mutable borrow is active.
    pub fn borrow(&self, class: &str) -> Ref<'_, T> {
        let b = self.borrow.get();
        if b == WRITING {
            aliasing(class, "&self");
        }
        self.borrow.set(b + 1);
        log_push(entry(&self.borrow, false));
        Ref {
            value: unsafe { &*self.value.get() },
            borrow: &self.borrow,
        }
    }

    /// Exclusive borrow; throws (naming `class`) while any borrow is active.
    pub fn borrow_mut(&self, class: &str) -> RefMut<'_, T> {
        if self.borrow.get() != 0 {
            aliasing(class, "&mut self");
        }
        self.borrow.set(WRITING);
        log_push(entry(&self.borrow, true));
        RefMut {
            value: unsafe { &mut *self.value.get() },
            borrow: &self.borrow,
        }
    }

    /// Throws unless nothing borrows the value, before it is moved out or freed.
    pub fn assert_not_borrowed(&self, class: &str) {
        if self.borrow.get() != 0 {
            aliasing(class, "self");
        }
    }
}

// Out of line and cold, so a call's common path keeps no stack frame for formatting.
#[cold]
#[inline(never)]
fn freed(class: &str) -> ! {
    crate::throw_str(&format!(
        "a `{class}` object was used after it was moved into Rust or freed"
    ))
}

#[cold]
#[inline(never)]
fn aliasing(class: &str, wanted: &str) -> ! {
    crate::throw_str(&format!(
        "recursive use of a `{class}` object detected: a method of it is still running, and \
         taking `{wanted}` now would alias a `&mut` borrow (unsafe aliasing in Rust)"
    ))
}

pub struct Ref<'a, T: ?Sized> {
    value: &'a T,
    borrow: &'a Cell<usize>,
}

impl<T: ?Sized> Deref for Ref<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value
    }
}

impl<T: ?Sized> Drop for Ref<'_, T> {
    fn drop(&mut self) {
        self.borrow.set(self.borrow.get() - 1);
        log_drop();
    }
}

pub struct RefMut<'a, T: ?Sized> {
    value: &'a mut T,
    borrow: &'a Cell<usize>,
}

impl<T: ?Sized> Deref for RefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value
    }
}

impl<T: ?Sized> DerefMut for RefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.value
    }
}

impl<T: ?Sized> Drop for RefMut<'_, T> {
    fn drop(&mut self) {
        self.borrow.set(0);
        log_drop();
    }
}

/// The pointer a JS object of an exported class holds.
///
/// # Safety (all functions below)
/// `ptr` must be 0 or come from [`into_abi`] for the same `T` and not be freed yet; the
/// generated glue guarantees this (it nulls the JS object's pointer when ownership moves).
pub fn into_abi<T>(value: T) -> u32 {
    Box::into_raw(Box::new(WasmRefCell::new(value))) as u32
}

fn cell<'a, T>(ptr: u32, class: &str) -> &'a WasmRefCell<T> {
    if ptr == 0 {
        freed(class);
    }
    unsafe { &*(ptr as *const WasmRefCell<T>) }
}

/// Takes ownership of the value (a `Foo` argument, a `self` method).
///
/// # Safety
/// See [`into_abi`].
pub unsafe fn from_abi<T>(ptr: u32, class: &str) -> T {
    cell::<T>(ptr, class).assert_not_borrowed(class);
    unsafe { Box::from_raw(ptr as *mut WasmRefCell<T>) }.into_inner()
}

/// # Safety
/// See [`into_abi`]; the borrow must not outlive the call.
pub unsafe fn ref_from_abi<T>(ptr: u32, class: &str) -> Ref<'static, T> {
    cell::<T>(ptr, class).borrow(class)
}

/// # Safety
/// See [`into_abi`]; the borrow must not outlive the call.
pub unsafe fn ref_mut_from_abi<T>(ptr: u32, class: &str) -> RefMut<'static, T> {
    cell::<T>(ptr, class).borrow_mut(class)
}

/// A public field's getter (not `getter_with_clone`; `copy` is `CopyField::copy_field` of
/// the field): copies the field out under the check
/// a shared borrow would make, without taking one. A copy runs no code, so nothing can
/// observe the object meanwhile, and nothing is left to release if the conversion of the
/// copy throws: the glue needs no frame and no `try`.
///
/// # Safety
/// See [`into_abi`].
#[inline]
pub unsafe fn read_field<T, F>(ptr: u32, class: &str, copy: impl FnOnce(&T) -> F) -> F {
    let cell = cell::<T>(ptr, class);
    if cell.borrow.get() == WRITING {
        aliasing(class, "&self");
    }
    copy(unsafe { &*cell.value.get() })
}

/// A public field's setter: swaps the new value in under the check an exclusive borrow
/// would make, then drops the old value with no borrow held, so a `Drop` that calls into JS
/// (which may use this object again, or throw) finds the object consistent and free.
///
/// # Safety
/// See [`into_abi`].
#[inline]
pub unsafe fn write_field<T, F>(
    ptr: u32,
    class: &str,
    field: impl FnOnce(&mut T) -> &mut F,
    value: F,
) {
    let cell = cell::<T>(ptr, class);
    if cell.borrow.get() != 0 {
        aliasing(class, "&mut self");
    }
    let old = core::mem::replace(field(unsafe { &mut *cell.value.get() }), value);
    drop(old);
}

/// `free()` from JS. A 0 pointer (already freed) is a no-op.
///
/// # Safety
/// See [`into_abi`].
pub unsafe fn free<T>(ptr: u32, class: &str) {
    if ptr != 0 {
        drop(unsafe { from_abi::<T>(ptr, class) });
    }
}

/// The pointer a JS object of a child class holds for its parent class
/// (`#[wasm_bindgen(extends = P)]`): a new strong reference to the cell of the child's
/// `parent` field. `ptr` may itself be such a pointer (a grandchild's chain).
///
/// # Safety
/// See [`into_abi`]: `ptr` points at a live `WasmRefCell<C>`.
pub unsafe fn upcast<C, P>(ptr: u32, class: &str, parent: fn(&C) -> &crate::Parent<P>) -> u32 {
    let child = cell::<C>(ptr, class).borrow(class);
    parent(&child).__wbg_into_abi()
}

/// Drops the strong reference [`upcast`] gave JS; refuses (throws) while a call borrows the
/// parent value, which may be its last reference. A 0 pointer is a no-op.
///
/// # Safety
/// `ptr` is 0 or came from [`upcast`] for the same `P` and was not released yet.
pub unsafe fn release_parent<P>(ptr: u32, class: &str) {
    if ptr != 0 {
        cell::<P>(ptr, class).assert_not_borrowed(class);
        drop(unsafe { std::rc::Rc::from_raw(ptr as *const WasmRefCell<P>) });
    }
}
