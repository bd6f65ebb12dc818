//! A crate written as for upstream wasm-bindgen, on js-sys, web-sys, wasm-bindgen-futures,
//! serde-wasm-bindgen, console_error_panic_hook and getrandom from crates.io. Its exports
//! are driven from Node by `tests/ecosystem/node-app/app.test.mjs`.

use js_sys::{Array, Function, JsString, Object, Promise, Reflect, JSON};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{console, TextDecoder, TextEncoder, Url};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Each element doubled if it is a number, upper-cased if it is a string, else kept.
#[wasm_bindgen]
pub fn map_array(values: &Array) -> Array {
    values
        .iter()
        .map(|v| {
            if let Some(n) = v.as_f64() {
                JsValue::from(n * 2.0)
            } else if let Some(s) = v.dyn_ref::<JsString>() {
                s.to_upper_case().into()
            } else {
                v
            }
        })
        .collect()
}

/// `Reflect.get(target, key)`; a throwing getter arrives as `Err`.
#[wasm_bindgen]
pub fn read_property(target: &Object, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from(key))
}

/// `{ name, keys: Object.keys(o).length }` built with `Object` and `Reflect::set`.
#[wasm_bindgen]
pub fn describe_object(name: &str, o: &Object) -> Result<Object, JsValue> {
    let out = Object::new();
    Reflect::set(&out, &"name".into(), &name.into())?;
    Reflect::set(&out, &"keys".into(), &Object::keys(o).length().into())?;
    Ok(out)
}

/// `JSON.parse`: malformed text arrives as `Err(SyntaxError)`, which is thrown back.
#[wasm_bindgen]
pub fn parse_json(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text)
}

/// The host of a URL through web-sys' `Url`; an invalid URL is an `Err` (TypeError).
#[wasm_bindgen]
pub fn url_host(href: &str) -> Result<String, JsValue> {
    let url = Url::new(href)?;
    url.search_params().append("from", "wbg");
    Ok(format!("{}|{}", url.host(), url.search()))
}

/// UTF-8 bytes from web-sys' `TextEncoder`, decoded back with `TextDecoder`.
#[wasm_bindgen]
pub fn encode_decode(text: &str) -> Result<String, JsValue> {
    let bytes = TextEncoder::new()?.encode_with_input(text);
    let decoded = TextDecoder::new()?.decode_with_u8_array(&bytes)?;
    Ok(format!("{}:{decoded}", bytes.len()))
}

/// `console.log` through web-sys.
#[wasm_bindgen]
pub fn log_twice(message: &str) {
    console::log_2(&message.into(), &message.into());
}

/// Awaits a JS promise with `JsFuture` and doubles its number; a rejection is `Err`.
#[wasm_bindgen]
pub async fn double_later(promise: Promise) -> Result<f64, JsValue> {
    let value = JsFuture::from(promise).await?;
    value
        .as_f64()
        .map(|n| n * 2.0)
        .ok_or_else(|| JsValue::from_str("not a number"))
}

/// Runs a future on `spawn_local` that awaits `promise` and calls `done` with its value.
#[wasm_bindgen]
pub fn spawn_and_report(promise: Promise, done: Function) {
    spawn_local(async move {
        let result = match JsFuture::from(promise).await {
            Ok(v) => v,
            Err(e) => JsValue::from(format!("rejected: {}", e.as_string().unwrap_or_default())),
        };
        done.call1(&JsValue::NULL, &result).unwrap_throw();
    });
}

#[derive(Serialize, Deserialize)]
struct Point {
    x: i32,
    y: i32,
    tags: Vec<String>,
}

/// serde-wasm-bindgen both ways: moves the point by one and adds a tag.
#[wasm_bindgen]
pub fn move_point(value: JsValue) -> Result<JsValue, JsValue> {
    let mut p: Point = serde_wasm_bindgen::from_value(value)?;
    p.x += 1;
    p.y += 1;
    p.tags.push("moved".into());
    Ok(serde_wasm_bindgen::to_value(&p)?)
}

/// `n` random bytes from getrandom's `js` backend (`crypto.getRandomValues`).
#[wasm_bindgen]
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    getrandom::getrandom(&mut bytes).expect("getrandom");
    bytes
}

/// Panics; console_error_panic_hook reports the message through `console.error`.
#[wasm_bindgen]
pub fn panic_with(message: &str) {
    panic!("{message}");
}
