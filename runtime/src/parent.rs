//! `Parent<T>`: the field `#[wasm_bindgen(extends = T)]` adds to an exported struct.
//!
//! A parent method called on a child object from JS (`dog.name()` through the prototype
//! chain) needs a pointer to a `WasmRefCell<T>`, which the child's own pointer is not. So
//! the parent value lives in its own reference-counted cell: the child's `parent` field
//! holds one strong reference, and each JS object of the child holds another, as the
//! pointer of its parent class (`cell::upcast`, released by `cell::release`).

use std::rc::Rc;

use crate::cell::{Ref, RefMut, WasmRefCell};

/// The parent value of an exported struct declared with `extends`; set it in the child's
/// constructor (`parent: Animal::new(name).into()`), reach it with [`Parent::borrow`] and
/// [`Parent::borrow_mut`]. Cloning shares the value.
pub struct Parent<T> {
    cell: Rc<WasmRefCell<T>>,
}

impl<T> Parent<T> {
    pub fn new(value: T) -> Self {
        Parent {
            cell: Rc::new(WasmRefCell::new(value)),
        }
    }

    /// Shared borrow; throws while the value is mutably borrowed (by Rust, or by a JS call
    /// of a `&mut self` method of the parent class on the child object).
    pub fn borrow(&self) -> Ref<'_, T> {
        self.cell.borrow(short_type_name::<T>())
    }

    /// Exclusive borrow; throws while the value is borrowed.
    pub fn borrow_mut(&self) -> RefMut<'_, T> {
        self.cell.borrow_mut(short_type_name::<T>())
    }

    /// A new strong reference as the pointer JS keeps for the parent class.
    #[doc(hidden)]
    pub fn __wbg_into_abi(&self) -> u32 {
        Rc::into_raw(Rc::clone(&self.cell)) as u32
    }
}

impl<T> Clone for Parent<T> {
    fn clone(&self) -> Self {
        Parent {
            cell: Rc::clone(&self.cell),
        }
    }
}

impl<T> From<T> for Parent<T> {
    fn from(value: T) -> Self {
        Parent::new(value)
    }
}

impl<T: core::fmt::Debug> core::fmt::Debug for Parent<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Parent").field(&*self.borrow()).finish()
    }
}

/// `Animal` for `my_crate::Animal`: how the class is named in borrow errors.
fn short_type_name<T>() -> &'static str {
    let full = core::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}
