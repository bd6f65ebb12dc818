//! The wasm-bindgen ecosystem from crates.io against wbg's runtime (tests/ecosystem/, whose
//! manifests have no `[patch]`: wbg applies it): js-sys, web-sys, wasm-bindgen-futures,
//! serde-wasm-bindgen, console_error_panic_hook and getrandom(js) in a crate `wbg build`
//! packages and Node drives; web-sys's DOM in headless Chromium under `wbg test` with
//! wasm-bindgen-test. Needs crates.io.

mod support;

use std::process::Command;

use support::*;

fn ecosystem() -> std::path::PathBuf {
    repo_root().join("tests").join("ecosystem")
}

#[test]
fn node_app_on_js_sys_web_sys_futures_and_friends_runs_in_node() {
    let out = scratch("ecosystem-node-app");
    let built = run(wbg()
        .arg("build")
        .arg(ecosystem().join("node-app"))
        .args(["--target", "nodejs", "--out-dir"])
        .arg(&out));
    ok(&built);
    let test = ecosystem().join("node-app").join("app.test.mjs");
    let node = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .arg(&test)
        .env("WBG_ECOSYSTEM_PKG", &out)
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&node.stdout);
    assert!(
        node.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&node.stderr)
    );
    assert!(report.contains("ℹ fail 0"), "{report}");
}

#[test]
fn dom_app_tests_pass_in_headless_chromium() {
    // `wbg test DIR`: the crate's `cargo test` for wasm32, the runtime patched in, wbg as
    // the runner; the crate's manifest names only crates.io versions.
    let out = run(wbg()
        .arg("test")
        .arg(ecosystem().join("dom-app"))
        .env_remove("RUST_TEST_NOCAPTURE"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("test result: ok. 4 passed; 0 failed"),
        "{stdout}\n{stderr}"
    );
}
