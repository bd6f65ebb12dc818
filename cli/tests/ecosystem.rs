//! The wasm-bindgen ecosystem from crates.io against wbg's runtime (tests/ecosystem/):
//! js-sys, web-sys, wasm-bindgen-futures, serde-wasm-bindgen, console_error_panic_hook and
//! getrandom(js) in a crate `wbg build` packages and Node drives; web-sys's DOM in headless
//! Chromium under `cargo test` with wasm-bindgen-test from crates.io. Needs crates.io.

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
    let manifest = ecosystem().join("Cargo.toml");
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "dom-app",
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", repo_root().join("target").join("wasm"))
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            env!("CARGO_BIN_EXE_wasm-bindgen-test-runner"),
        )
        .env_remove("RUST_TEST_NOCAPTURE")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("test result: ok. 4 passed; 0 failed"),
        "{stdout}\n{stderr}"
    );
}
