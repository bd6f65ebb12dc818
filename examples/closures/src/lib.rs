//! The seeds' `Interval`: a heap closure handed to `setInterval`, cancelled when dropped.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // Node returns a Timeout object and browsers a number, so keep the token as a JsValue.
    fn setInterval(closure: &Closure<dyn FnMut()>, millis: u32) -> JsValue;

    #[wasm_bindgen(js_name = clearInterval)]
    fn cancel_interval(token: &JsValue);

    #[wasm_bindgen(js_namespace = console)]
    fn log(s: &str);
}

/// Calls a closure every `millis` milliseconds until dropped.
#[wasm_bindgen]
pub struct Interval {
    _closure: Closure<dyn FnMut()>,
    token: JsValue,
}

impl Interval {
    pub fn new<F: 'static + FnMut()>(millis: u32, f: F) -> Interval {
        // Construct a new closure.
        let closure = Closure::new(f);
        // Pass the closure to JS, to run every `millis` milliseconds.
        let token = setInterval(&closure, millis);
        Interval { _closure: closure, token }
    }
}

// When the Interval is destroyed, cancel its `setInterval` timer.
impl Drop for Interval {
    fn drop(&mut self) {
        cancel_interval(&self.token);
    }
}

/// Logs `tick 1`, `tick 2`, ... every `millis` milliseconds until the handle is freed.
#[wasm_bindgen]
pub fn start_ticking(millis: u32) -> Interval {
    let mut ticks = 0;
    Interval::new(millis, move || {
        ticks += 1;
        log(&format!("tick {ticks}"));
    })
}
