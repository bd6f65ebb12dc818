//! The DOM through web-sys in headless Chromium: elements, events through `Closure`,
//! `localStorage`, DOM exceptions as `Err`, and a promise awaited with `JsFuture`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn clicks_change_the_dom_and_local_storage() {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let document = document();
    let body = document.body().unwrap();
    let button = dom_app::mount_counter(&document, &body).unwrap();
    for _ in 0..3 {
        button.click();
    }
    let found = document.get_element_by_id("counter").unwrap();
    assert_eq!(found.text_content().unwrap(), "3");
    assert!(found.class_list().contains("clicked"));
    assert_eq!(found.get_attribute("data-last-event").unwrap(), "click");
    assert_eq!(storage.get_item("clicks").unwrap().as_deref(), Some("3"));
    found.remove();
    assert!(document.get_element_by_id("counter").is_none());
}

#[wasm_bindgen_test]
fn query_selector_all_sees_new_elements() {
    let document = document();
    let list = document.create_element("ul").unwrap();
    for i in 0..4 {
        let item = document.create_element("li").unwrap();
        item.set_text_content(Some(&format!("item {i}")));
        list.append_child(&item).unwrap();
    }
    document.body().unwrap().append_child(&list).unwrap();
    let items = document.query_selector_all("ul > li").unwrap();
    assert_eq!(items.length(), 4);
    let third = items.item(2).unwrap();
    assert_eq!(third.text_content().unwrap(), "item 2");
    list.remove();
}

#[wasm_bindgen_test]
fn a_dom_exception_arrives_as_err() {
    let err = document().create_element("not a tag!").unwrap_err();
    let exception: web_sys::DomException = err.dyn_into().unwrap();
    assert_eq!(exception.name(), "InvalidCharacterError");
}

#[wasm_bindgen_test]
async fn a_promise_is_awaited() {
    let promise = js_sys::Promise::resolve(&JsValue::from(42));
    let value = JsFuture::from(promise).await.unwrap();
    assert_eq!(value.as_f64(), Some(42.0));
}
