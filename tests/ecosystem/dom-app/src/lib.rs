//! A small DOM widget written as for upstream wasm-bindgen, on web-sys from crates.io;
//! `tests/dom.rs` drives it with wasm-bindgen-test in headless Chromium.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, MouseEvent};

/// Appends a `<button id="counter">0</button>` to `parent`: each click adds one to its text,
/// marks it `clicked` and stores the count in `localStorage` under `clicks`.
pub fn mount_counter(document: &Document, parent: &Element) -> Result<HtmlElement, JsValue> {
    let button: HtmlElement = document.create_element("button")?.dyn_into()?;
    button.set_id("counter");
    button.set_text_content(Some("0"));
    let target = button.clone();
    let on_click = Closure::<dyn FnMut(MouseEvent)>::new(move |event: MouseEvent| {
        let count: u32 = target
            .text_content()
            .and_then(|t| t.parse().ok())
            .unwrap_or(0)
            + 1;
        target.set_text_content(Some(&count.to_string()));
        target.class_list().add_1("clicked").unwrap_throw();
        target
            .set_attribute("data-last-event", &event.type_())
            .unwrap_throw();
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect_throw("localStorage");
        storage
            .set_item("clicks", &count.to_string())
            .unwrap_throw();
    });
    button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    // The listener lives as long as the page.
    on_click.forget();
    parent.append_child(&button)?;
    Ok(button)
}
