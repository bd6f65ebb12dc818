//! `JsCast`: checked and unchecked conversions between `JsValue` and imported JS types.

use crate::JsValue;

/// Implemented by `JsValue` and every imported type (`type Bar;` in an extern block).
pub trait JsCast
where
    Self: AsRef<JsValue> + Into<JsValue>,
{
    /// `value instanceof Self` in JS.
    fn instanceof(val: &JsValue) -> bool;

    /// The check `dyn_into`/`dyn_ref` use: `instanceof` unless the import gave `is_type_of`.
    fn is_type_of(val: &JsValue) -> bool {
        Self::instanceof(val)
    }

    /// Wraps without checking.
    fn unchecked_from_js(val: JsValue) -> Self;

    /// Views without checking.
    fn unchecked_from_js_ref(val: &JsValue) -> &Self;

    fn has_type<T: JsCast>(&self) -> bool {
        T::is_type_of(self.as_ref())
    }

    fn dyn_into<T: JsCast>(self) -> Result<T, Self> {
        if self.has_type::<T>() {
            Ok(self.unchecked_into())
        } else {
            Err(self)
        }
    }

    fn dyn_ref<T: JsCast>(&self) -> Option<&T> {
        if self.has_type::<T>() {
            Some(self.unchecked_ref())
        } else {
            None
        }
    }

    fn unchecked_into<T: JsCast>(self) -> T {
        T::unchecked_from_js(self.into())
    }

    fn unchecked_ref<T: JsCast>(&self) -> &T {
        T::unchecked_from_js_ref(self.as_ref())
    }

    fn is_instance_of<T: JsCast>(&self) -> bool {
        T::instanceof(self.as_ref())
    }
}

impl JsCast for JsValue {
    fn instanceof(_: &JsValue) -> bool {
        true
    }

    fn unchecked_from_js(val: JsValue) -> Self {
        val
    }

    fn unchecked_from_js_ref(val: &JsValue) -> &Self {
        val
    }
}

/// Upstream's marker for imported JS types (bounds such as `T: JsObject`); here every
/// `JsCast` type is one.
pub trait JsObject: JsCast {}

impl<T: JsCast> JsObject for T {}

/// An imported `static`: read from JS on first use, then kept.
pub struct JsStatic<T: 'static> {
    #[doc(hidden)]
    pub __inner: &'static std::thread::LocalKey<T>,
}

impl<T: 'static> core::ops::Deref for JsStatic<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // The value lives as long as the thread, which on wasm32 is the program.
        unsafe { &*self.__inner.with(|v| v as *const T) }
    }
}

/// A `thread_local_v2` imported static: `FOO.with(|v| ...)`.
pub struct JsThreadLocal<T: 'static> {
    #[doc(hidden)]
    pub __inner: &'static std::thread::LocalKey<T>,
}

impl<T: 'static> JsThreadLocal<T> {
    pub fn with<F: FnOnce(&T) -> R, R>(&'static self, f: F) -> R {
        self.__inner.with(f)
    }
}
