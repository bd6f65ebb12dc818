// `link_to!` links files the output ships or sits next to; a package has no URL.
fn package() -> String {
    wasm_bindgen::link_to!(module = "package/foo.js")
}

fn package_raw() -> String {
    wasm_bindgen::link_to!(raw_module = "package/foo.js")
}

fn nothing() -> String {
    wasm_bindgen::link_to!()
}

fn namespace() -> String {
    wasm_bindgen::link_to!(inline_js = "console.log('hi');", js_namespace = foo)
}

// Fine: inline JS and a path next to the generated JS.
fn fine() -> (String, String) {
    (
        wasm_bindgen::link_to!(inline_js = "console.log('hi');"),
        wasm_bindgen::link_to!(raw_module = "./foo.js"),
    )
}

fn main() {}
