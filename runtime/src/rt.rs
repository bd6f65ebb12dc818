//! Support the macro's output and the generated glue rely on. Not a public API.

pub use crate::cast::{JsStatic, JsThreadLocal};
pub use crate::cell::{self as class, Ref, RefMut, WasmRefCell};
pub use crate::convert::WasmSlice;
pub use crate::convert::{
    option_ref_from_abi, option_ref_mut_from_abi, OptionRefFromWasmAbi, OptionRefMutFromWasmAbi,
};
pub use crate::convert::{
    FromWasmAbi, IntoWasmAbi, OptionFromWasmAbi, OptionIntoWasmAbi, RefFromWasmAbi,
    RefMutFromWasmAbi, ReturnWasmAbi, WasmAbi, WasmPrimitive,
};
pub use crate::convert::{IntoJsResult, LongRef, LongRefFromWasmAbi, Promising};
pub use crate::describe::{Desc, EntryWriter, WasmDescribe};
pub use crate::types::{clamped_ref_from_abi, clamped_ref_mut_from_abi, Clamped};
pub use crate::types::{slice_of_js_values_to_array_abi, SliceToArray, SliceToArrayElement};
pub use crate::types::{vec_of_u32_from_abi, vec_of_u32_into_abi, VectorElement};
pub use std::boxed::Box;
pub use std::thread_local;

/// Implemented by imported types: the id of their IMPORT_TYPE descriptor entry, so a
/// method imported in another block or crate can name its class.
pub trait ImportedClass {
    const CLASS_ID: &'static str;
}

/// Reads what an import left in the return area, after its first value.
#[inline]
pub fn load_ret<P2: WasmPrimitive, P3: WasmPrimitive, P4: WasmPrimitive>() -> (P2, P3, P4) {
    (P2::load_ret(0), P3::load_ret(1), P4::load_ret(2))
}
pub use core;

pub use crate::ops::VectorIntoJsValue;

/// Extra return values (beyond the first) are written here; the glue reads them right
/// after the call. Slot k is at byte offset 8*k.
pub static mut RET_AREA: [u64; 4] = [0; 4];

#[inline]
pub fn store_ret<P2: WasmPrimitive, P3: WasmPrimitive, P4: WasmPrimitive>(p2: P2, p3: P3, p4: P4) {
    p2.store_ret(0);
    p3.store_ret(1);
    p4.store_ret(2);
}

/// The exception a `catch` import stored (a heap index; 0 when none).
static mut LAST_EXCEPTION: u32 = 0;

/// After a `catch` import returned: the exception it caught, if any.
pub fn take_last_exception() -> Option<crate::JsValue> {
    unsafe {
        let idx = LAST_EXCEPTION;
        LAST_EXCEPTION = 0;
        (idx != 0).then(|| crate::JsValue::__from_idx(idx))
    }
}

/// Message for calling a JS import in a host (non-wasm) build.
pub fn not_on_wasm(name: &str) -> ! {
    panic!("`{name}` calls JavaScript and only works on wasm32-unknown-unknown")
}

#[cfg(target_arch = "wasm32")]
mod exports {
    #[unsafe(no_mangle)]
    pub extern "C" fn __wbindgen_exn_store(idx: u32) {
        unsafe { super::LAST_EXCEPTION = idx }
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn __wbindgen_borrow_depth_ptr() -> *const u32 {
        core::ptr::addr_of!(crate::cell::BORROW_DEPTH)
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn __wbindgen_unwind_borrows(depth: u32) {
        crate::cell::unwind_borrows(depth)
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn __wbindgen_unwind_receiver(ptr: u32) {
        crate::cell::unwind_receiver(ptr)
    }

    use std::alloc::{alloc, dealloc, handle_alloc_error, realloc, Layout};

    #[unsafe(no_mangle)]
    pub extern "C" fn __wbindgen_ret_area() -> *mut u64 {
        core::ptr::addr_of_mut!(super::RET_AREA) as *mut u64
    }

    fn layout(size: usize, align: usize) -> Layout {
        match Layout::from_size_align(size, align) {
            Ok(l) => l,
            Err(_) => crate::throw_str("wasm_bindgen: invalid allocation layout requested by JS"),
        }
    }

    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn __wbindgen_malloc(size: usize, align: usize) -> *mut u8 {
        let layout = layout(size, align);
        if size == 0 {
            return align as *mut u8;
        }
        let ptr = unsafe { alloc(layout) };
        if ptr.is_null() {
            handle_alloc_error(layout);
        }
        ptr
    }

    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn __wbindgen_realloc(
        ptr: *mut u8,
        old_size: usize,
        new_size: usize,
        align: usize,
    ) -> *mut u8 {
        if old_size == 0 {
            return unsafe { __wbindgen_malloc(new_size, align) };
        }
        if new_size == 0 {
            unsafe { __wbindgen_free(ptr, old_size, align) };
            return align as *mut u8;
        }
        let new = unsafe { realloc(ptr, layout(old_size, align), new_size) };
        if new.is_null() {
            handle_alloc_error(layout(new_size, align));
        }
        new
    }

    #[unsafe(no_mangle)]
    pub unsafe extern "C" fn __wbindgen_free(ptr: *mut u8, size: usize, align: usize) {
        if size != 0 {
            unsafe { dealloc(ptr, layout(size, align)) }
        }
    }
}

/// Public fields become JS properties by copying; others need `getter_with_clone` or `skip`.
#[diagnostic::on_unimplemented(
    message = "the public field of type `{Self}` cannot become a JS property: it is not `Copy`",
    label = "read by value on every property access",
    note = "add `#[wasm_bindgen(getter_with_clone)]` to clone it on each read, `#[wasm_bindgen(skip)]` to hide it, or make the field private"
)]
pub trait CopyField {
    fn copy_field(&self) -> Self;
}

impl<T: Copy> CopyField for T {
    #[inline]
    fn copy_field(&self) -> T {
        *self
    }
}

/// Enums arrive as their discriminant; anything else is a JS-side mistake.
pub fn invalid_enum_value(name: &str, value: u32) -> ! {
    crate::throw_str(&format!(
        "{value} is not a valid value of the enum `{name}`"
    ))
}
