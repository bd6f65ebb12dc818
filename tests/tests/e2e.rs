//! End to end: fixture crates → rustc (wasm32) → wbg bindgen for every target → Node's
//! test runner (tests/js/*.test.mjs). One test, so the fixtures build once.

mod support;

use wbg_core_gen::target;

#[test]
fn fixtures_run_in_node_for_every_target() {
    let wasm = support::build_fixtures();
    let out = support::e2e_out_dir();
    support::install_test_npm_package(&out);
    for (fixture, path) in &wasm {
        for name in target::NAMES {
            for debug in [false, true] {
                let dir = out.join(fixture).join(if debug {
                    format!("{name}-debug")
                } else {
                    name.to_string()
                });
                support::bindgen(path, name, debug, &dir);
            }
        }
    }
    for (name, path) in support::build_examples() {
        support::bindgen(&path, "nodejs", false, &out.join("examples").join(name));
    }
    support::check_generated_js(&out);
    support::run_node_tests(&out);
    // The TypeScript of every everyday type; `cargo insta review` shows a change.
    let dts = std::fs::read_to_string(out.join("types/nodejs/types.d.ts")).unwrap();
    insta::assert_snapshot!("types_d_ts", dts);
}
