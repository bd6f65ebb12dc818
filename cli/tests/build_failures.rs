//! Every way `wbg build` can fail ends with one clear `error:` line and its own exit code
//! (the table in `wbg --help`).

mod support;

use std::process::Command;

use support::*;

/// Runs `wbg build` with `args` in the fixtures' directory, checks the exit code and
/// returns stderr.
fn fails(args: &[&str], env: &[(&str, &std::path::Path)], code: i32) -> String {
    let mut cmd = wbg();
    cmd.arg("build").args(args).current_dir(fixtures());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = run(&mut cmd);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}:\n{err}");
    err
}

/// Like `fails`, and the closing line is `last`.
fn expect_failure(
    args: &[&str],
    env: &[(&str, &std::path::Path)],
    code: i32,
    last: &str,
) -> String {
    let err = fails(args, env, code);
    assert_eq!(
        err.lines().last().unwrap_or_default(),
        last,
        "{args:?}:\n{err}"
    );
    err
}

#[test]
fn no_cargo_toml() {
    let dir = scratch("fail-no-crate");
    let shown = dir.display().to_string();
    expect_failure(
        &[&shown],
        &[],
        3,
        &format!(
            "error: no Cargo.toml in {shown}; run wbg in a crate's directory or pass it as PATH"
        ),
    );
    let out = run(wbg().arg("build").current_dir(&dir));
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        "error: no Cargo.toml in the current directory; run wbg in a crate's directory or pass it as PATH\n"
    );
}

#[test]
fn unreadable_manifest() {
    let dir = scratch("fail-bad-manifest");
    std::fs::write(dir.join("Cargo.toml"), "[package\nname = ").unwrap();
    let shown = dir.display().to_string();
    let err = fails(&[&shown], &[], 3);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "error: cargo cannot read {}/Cargo.toml: ",
            dir.canonicalize().unwrap().display()
        )),
        "{err}"
    );
}

#[test]
fn not_a_cdylib() {
    let manifest = fixture("not-cdylib").join("Cargo.toml");
    expect_failure(
        &["not-cdylib"],
        &[],
        4,
        &format!(
            "error: crate `cli-not-cdylib` is not a cdylib; add `crate-type = [\"cdylib\", \"rlib\"]` under `[lib]` in {}",
            manifest.canonicalize().unwrap().display()
        ),
    );
}

/// A toolchain without the wasm32 standard library: rustc's sysroot has no
/// `lib/rustlib/wasm32-unknown-unknown`. A stand-in rustc reports an empty sysroot.
#[cfg(unix)]
#[test]
fn wasm32_target_missing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("fail-no-target");
    let rustc = dir.join("rustc");
    std::fs::write(&rustc, format!("#!/bin/sh\necho {}\n", dir.display())).unwrap();
    std::fs::set_permissions(&rustc, std::fs::Permissions::from_mode(0o755)).unwrap();
    expect_failure(
        &["good"],
        &[("RUSTC", &rustc)],
        5,
        "error: the wasm32-unknown-unknown target is not installed for this Rust toolchain; run `rustup target add wasm32-unknown-unknown`",
    );
}

#[test]
fn compile_error() {
    let never = scratch("fail-compile-error").join("pkg");
    let err = expect_failure(
        &["compile-error", "--out-dir", never.to_str().unwrap()],
        &[],
        6,
        "error: cargo build failed for `cli-compile-error` (its errors are above)",
    );
    assert!(
        err.contains("mismatched types"),
        "cargo's own error is shown:\n{err}"
    );
}

#[test]
fn bindgen_rejects_the_wasm() {
    let never = scratch("fail-plain-cdylib").join("pkg");
    let err = fails(
        &["plain-cdylib", "--out-dir", never.to_str().unwrap()],
        &[],
        1,
    );
    assert!(!never.exists(), "nothing is written when bindgen fails");
    let last = err.lines().last().unwrap();
    assert!(
        last.starts_with("error: ") && last.ends_with("/wasm32-unknown-unknown/release/cli_plain_cdylib.wasm: no #[wasm_bindgen] descriptors found: build the crate with wbg's `wasm-bindgen` crate as a dependency"),
        "{err}"
    );
}

/// A classic script cannot load the JS modules a crate imports from.
#[test]
fn no_modules_target_refuses_js_module_imports() {
    let never = scratch("fail-js-import").join("pkg");
    expect_failure(
        &["js-import", "--target", "no-modules", "--out-dir", never.to_str().unwrap()],
        &[],
        1,
        &format!(
            "error: {}: --target no-modules cannot load JS modules, but the crate imports `./util.js`; use --target web, bundler, nodejs or deno",
            repo_root().join("target/wasm/wasm32-unknown-unknown/release/cli_js_import.wasm").display()
        ),
    );
    assert!(!never.exists());
}

#[test]
fn usage_errors() {
    let out = run(wbg().args(["build", "--release", "--dev"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
    let out = run(wbg().args(["build", "--target", "commonjs"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("[possible values: web, nodejs, bundler, deno, no-modules]"),
        "{}",
        stderr(&out)
    );
}

/// `--help` of every subcommand has examples and the exit-code table; `test` has
/// libtest's codes, also in `wasm-bindgen-test-runner --help`.
#[test]
fn help_has_examples_and_exit_codes() {
    for sub in [&[][..], &["build"], &["check"], &["watch"], &["bindgen"]] {
        let out = run(wbg().args(sub).arg("--help"));
        ok(&out);
        let text = stdout(&out);
        assert!(text.contains("Examples:\n"), "{sub:?}:\n{text}");
        assert!(
            text.contains("Exit codes:\n  0  success") && text.contains("  7  wasm-opt failed"),
            "{sub:?}:\n{text}"
        );
    }
    let runner = Command::new(env!("CARGO_BIN_EXE_wasm-bindgen-test-runner"))
        .arg("--help")
        .output()
        .unwrap();
    for out in [run(wbg().args(["test", "--help"])), runner] {
        ok(&out);
        let text = stdout(&out);
        assert!(
            text.contains("Examples:\n  cargo test --target wasm32-unknown-unknown ")
                && text.contains("\n  wbg test foo-1a2b3c.wasm --list "),
            "{text}"
        );
        assert!(
            text.contains("Exit codes (libtest's, not wbg's other commands'):\n  0    all selected tests passed")
                && text.contains("\n  101  a test failed\n  2    the tests could not be run"),
            "{text}"
        );
    }
}
