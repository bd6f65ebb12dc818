//! Start, negotiate, survive bad input, and exit per the spec.

use serde_json::{json, Value};

use crate::support::{scratch, Server};

#[test]
fn utf8_positions_are_used_when_the_client_offers_them() {
    let dir = scratch("utf8");
    let mut server = Server::start_with(
        &dir,
        Value::Null,
        json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
    );
    let file = dir.join("lib.rs");
    let text = "/* é */ #[wasm_bindgen(js_nme = x)] pub fn a() {}\n";
    server.open(&file, text);
    let d = server.diagnostics(&file, 1);
    // `js_nme` starts at byte 24 (UTF-8), where UTF-16 would say 23.
    assert_eq!(
        d[0]["range"]["start"],
        json!({ "line": 0, "character": 24 })
    );
    server.shutdown_and_exit();
}

#[test]
fn requests_on_unknown_documents_and_odd_positions_do_not_break_the_server() {
    let dir = scratch("odd");
    let mut server = Server::start(&dir, json!({ "outDir": "out" }));
    let nowhere = json!({ "textDocument": { "uri": "file:///nowhere.rs" }, "position": { "line": 0, "character": 0 } });
    assert_eq!(server.request("textDocument/hover", nowhere), Value::Null);
    let file = dir.join("x.rs");
    server.open(&file, "#[wasm_bindgen]\npub fn f() {}");
    let far = json!({ "textDocument": { "uri": crate::support::uri(&file) }, "position": { "line": 99, "character": 99 } });
    assert_eq!(server.request("textDocument/hover", far), Value::Null);
    server.notify(
        "workspace/didChangeConfiguration",
        // All five of wbg build's targets are valid; `node` is not one.
        json!({ "settings": { "wbg": { "target": "node" } } }),
    );
    let warning = server.wait_for("a settings warning", crate::support::TIMEOUT, |m| {
        m["method"] == "window/showMessage"
    });
    assert!(
        warning["params"]["message"]
            .as_str()
            .unwrap()
            .contains("unknown variant `node`"),
        "{warning}"
    );
    server.shutdown_and_exit();
}

#[test]
fn version_flag() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wbg-lsp"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("wbg-lsp {}", env!("CARGO_PKG_VERSION"))
    );
}
