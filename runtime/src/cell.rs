//! `WasmRefCell`: what a JS object of an exported class points at. Every call from JS
//! borrows it like a `RefCell`, so aliasing that Rust forbids (a `&mut self` method
//! re-entered from a JS callback, `free()` during a call) throws a JS `Error` instead of
//! becoming undefined behaviour.

use core::cell::{Cell, UnsafeCell};
use core::ops::{Deref, DerefMut};

const WRITING: usize = usize::MAX;

/// Borrows taken by running calls, newest last. A JS exception unwinds wasm frames without
/// running destructors; the glue then calls `__wbindgen_unwind_borrows` to release what
/// those frames held, so the objects stay usable.
struct LogEntry {
    flag: *const Cell<usize>,
    exclusive: bool,
}

static mut BORROW_LOG: Vec<LogEntry> = Vec::new();
/// `BORROW_LOG.len()`, where the glue can read it without a call.
pub static mut BORROW_DEPTH: u32 = 0;

fn log_push(flag: &Cell<usize>, exclusive: bool) {
    unsafe {
        (*core::ptr::addr_of_mut!(BORROW_LOG)).push(LogEntry { flag, exclusive });
        BORROW_DEPTH += 1;
    }
}

fn log_pop() {
    unsafe {
        (*core::ptr::addr_of_mut!(BORROW_LOG)).pop();
        BORROW_DEPTH -= 1;
    }
}

/// Releases every borrow above `depth` (taken by frames a JS exception unwound).
pub fn unwind_borrows(depth: u32) {
    unsafe {
        let log = &mut *core::ptr::addr_of_mut!(BORROW_LOG);
        while log.len() > depth as usize {
            let e = log.pop().expect("len checked");
            let flag = &*e.flag;
            flag.set(if e.exclusive { 0 } else { flag.get() - 1 });
        }
        BORROW_DEPTH = log.len() as u32;
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
        log_push(&self.borrow, false);
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
        log_push(&self.borrow, true);
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
        log_pop();
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
        log_pop();
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
        crate::throw_str(&format!(
            "a `{class}` object was used after it was moved into Rust or freed"
        ));
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

/// `free()` from JS. A 0 pointer (already freed) is a no-op.
///
/// # Safety
/// See [`into_abi`].
pub unsafe fn free<T>(ptr: u32, class: &str) {
    if ptr != 0 {
        drop(unsafe { from_abi::<T>(ptr, class) });
    }
}
