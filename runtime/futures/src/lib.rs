//! JS promises as Rust futures (`JsFuture`) and Rust futures as JS promises
//! (`future_to_promise`), with a single-threaded executor (`spawn_local`) that polls tasks
//! in a microtask, as wasm-bindgen-futures does. `#[wasm_bindgen] pub async fn` exports
//! use `future_to_promise`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use wasm_bindgen::prelude::*;

/// The runtime this crate is built on, as upstream re-exports it. (Upstream also re-exports
/// `js_sys`, and its `Promise` is `js_sys::Promise`; wbg has no js-sys, so `Promise` here is
/// this crate's own binding of the same JS class.)
pub use wasm_bindgen;

#[wasm_bindgen(inline_js = "export function wbg_futures_then(promise, callback) {
    // A dropped JsFuture leaves its callback dead; a late settlement must not become an
    // unhandled rejection.
    const settle = (ok, value) => { try { callback(ok, value); } catch (_) {} };
    Promise.resolve(promise).then((v) => settle(true, v), (e) => settle(false, e));
}
export function wbg_futures_queue(run) { Promise.resolve().then(run); }")]
extern "C" {
    fn wbg_futures_then(promise: &JsValue, callback: &Closure<dyn FnMut(bool, JsValue)>);
    fn wbg_futures_queue(run: &Closure<dyn FnMut()>);
}

#[wasm_bindgen]
extern "C" {
    /// A JS `Promise`.
    #[wasm_bindgen(typescript_type = "Promise<any>")]
    pub type Promise;

    #[wasm_bindgen(constructor)]
    fn new_with_executor(executor: &mut dyn FnMut(JsValue, JsValue)) -> Promise;

    /// `Promise.resolve(value)`.
    #[wasm_bindgen(static_method_of = Promise)]
    pub fn resolve(value: &JsValue) -> Promise;

    /// `Promise.reject(reason)`.
    #[wasm_bindgen(static_method_of = Promise)]
    pub fn reject(reason: &JsValue) -> Promise;

    type Function;

    #[wasm_bindgen(method, js_name = call)]
    fn call1(this: &Function, context: &JsValue, arg: &JsValue) -> JsValue;
}

// --- executor -------------------------------------------------------------------------

struct Task {
    future: RefCell<Option<Pin<Box<dyn Future<Output = ()>>>>>,
    queued: Cell<bool>,
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Rc<Task>>> = const { RefCell::new(VecDeque::new()) };
    static FLUSH_SCHEDULED: Cell<bool> = const { Cell::new(false) };
    static FLUSH: Closure<dyn FnMut()> = Closure::new(run_queue);
}

/// Runs `future` to completion on the current thread, polling it from JS microtasks.
pub fn spawn_local<F: Future<Output = ()> + 'static>(future: F) {
    let task = Rc::new(Task {
        future: RefCell::new(Some(Box::pin(future))),
        queued: Cell::new(false),
    });
    enqueue(task);
}

fn enqueue(task: Rc<Task>) {
    if task.queued.replace(true) {
        return;
    }
    QUEUE.with(|q| q.borrow_mut().push_back(task));
    if !FLUSH_SCHEDULED.with(|s| s.replace(true)) {
        FLUSH.with(wbg_futures_queue);
    }
}

fn run_queue() {
    FLUSH_SCHEDULED.with(|s| s.set(false));
    while let Some(task) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        task.queued.set(false);
        let waker = waker(task.clone());
        let mut cx = Context::from_waker(&waker);
        let mut slot = task.future.borrow_mut();
        let done = match slot.as_mut() {
            Some(future) => future.as_mut().poll(&mut cx).is_ready(),
            None => false,
        };
        if done {
            *slot = None;
        }
    }
}

// Wakers hold an `Rc<Task>`; wasm32 without threads has one thread, so the `Send + Sync`
// promise of `Waker` is never tested.
fn waker(task: Rc<Task>) -> Waker {
    unsafe fn clone(ptr: *const ()) -> RawWaker {
        unsafe { Rc::increment_strong_count(ptr as *const Task) };
        RawWaker::new(ptr, &VTABLE)
    }
    unsafe fn wake(ptr: *const ()) {
        enqueue(unsafe { Rc::from_raw(ptr as *const Task) });
    }
    unsafe fn wake_by_ref(ptr: *const ()) {
        unsafe { Rc::increment_strong_count(ptr as *const Task) };
        enqueue(unsafe { Rc::from_raw(ptr as *const Task) });
    }
    unsafe fn drop(ptr: *const ()) {
        unsafe { Rc::decrement_strong_count(ptr as *const Task) };
    }
    static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, wake, wake_by_ref, drop);
    unsafe { Waker::from_raw(RawWaker::new(Rc::into_raw(task) as *const (), &VTABLE)) }
}

// --- JsFuture ---------------------------------------------------------------------------

#[derive(Default)]
struct Shared {
    result: Option<Result<JsValue, JsValue>>,
    waker: Option<Waker>,
}

/// A JS promise as a Rust future: resolves to `Ok(value)` or `Err(reason)`.
pub struct JsFuture {
    shared: Rc<RefCell<Shared>>,
    _callback: Closure<dyn FnMut(bool, JsValue)>,
}

impl core::fmt::Debug for JsFuture {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let settled = self.shared.borrow().result.is_some();
        write!(f, "JsFuture {{ settled: {settled} }}")
    }
}

/// Any JS value works: this crate's `Promise`, `js_sys::Promise` or any other imported
/// type, or a `JsValue`; non-promises resolve to themselves, as with `await` in JS.
impl<T: JsCast> From<T> for JsFuture {
    fn from(promise: T) -> JsFuture {
        let promise: JsValue = promise.into();
        let shared = Rc::new(RefCell::new(Shared::default()));
        let state = shared.clone();
        let callback = Closure::new(move |ok: bool, value: JsValue| {
            let mut s = state.borrow_mut();
            s.result = Some(if ok { Ok(value) } else { Err(value) });
            if let Some(w) = s.waker.take() {
                w.wake();
            }
        });
        wbg_futures_then(&promise, &callback);
        JsFuture {
            shared,
            _callback: callback,
        }
    }
}

impl Future for JsFuture {
    type Output = Result<JsValue, JsValue>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut s = self.shared.borrow_mut();
        match s.result.take() {
            Some(r) => Poll::Ready(r),
            None => {
                s.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

// --- future_to_promise ------------------------------------------------------------------

/// Runs `future` with `spawn_local` and returns a promise of its result.
pub fn future_to_promise<F>(future: F) -> Promise
where
    F: Future<Output = Result<JsValue, JsValue>> + 'static,
{
    let mut future = Some(future);
    Promise::new_with_executor(&mut |resolve: JsValue, reject: JsValue| {
        let Some(future) = future.take() else { return };
        spawn_local(async move {
            let (settle, value) = match future.await {
                Ok(v) => (resolve, v),
                Err(e) => (reject, e),
            };
            settle
                .unchecked_ref::<Function>()
                .call1(&JsValue::UNDEFINED, &value);
        });
    })
}

#[doc(hidden)]
pub mod __rt {
    //! Used by `#[wasm_bindgen] pub async fn` exports.
    pub use super::future_to_promise;
}
