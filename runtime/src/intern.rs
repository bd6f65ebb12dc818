//! `intern` / `unintern`: keep the JS string for a Rust string that is converted often
//! (feature `enable-interning`). While a string is interned, `JsValue::from_str` of it
//! hands out the cached JS string instead of decoding the text again. Without the
//! feature both functions do nothing, so code can call them unconditionally.

#[cfg(feature = "enable-interning")]
mod cache {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use crate::JsValue;

    thread_local! {
        static CACHE: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
    }

    pub fn intern(s: &str) {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if !c.contains_key(s) {
                c.insert(s.to_owned(), JsValue::from_str_uncached(s));
            }
        })
    }

    pub fn unintern(s: &str) {
        CACHE.with(|c| c.borrow_mut().remove(s));
    }

    pub fn get(s: &str) -> Option<JsValue> {
        CACHE.with(|c| c.borrow().get(s).cloned())
    }
}

#[cfg(feature = "enable-interning")]
pub(crate) use cache::get as cached;

/// Keeps the JS string for `s` until [`unintern`]; returns `s`. Does nothing without the
/// `enable-interning` feature.
#[inline]
pub fn intern(s: &str) -> &str {
    #[cfg(feature = "enable-interning")]
    cache::intern(s);
    s
}

/// Drops the JS string [`intern`] kept for `s`, if any. Does nothing without the
/// `enable-interning` feature.
#[inline]
pub fn unintern(s: &str) {
    #[cfg(feature = "enable-interning")]
    cache::unintern(s);
    #[cfg(not(feature = "enable-interning"))]
    let _ = s;
}
