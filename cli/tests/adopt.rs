//! Zero-edit adoption: a crate written for crates.io's `wasm-bindgen`, with no `[patch]`
//! of its own, builds with `wbg build` as it is. wbg passes cargo
//! `--config 'patch.crates-io.<name>.path="…"'` for the runtime packages in the graph and
//! writes nothing into the crate's Cargo.toml or `.cargo/`. These tests reach crates.io
//! (cargo resolves the manifest, and a lockfile pinning upstream is made by cargo itself).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::*;

const LIB: &str = r#"use wasm_bindgen::prelude::*;

/// Written for upstream's wasm-bindgen.
#[wasm_bindgen]
pub fn greet(name: &str) -> String {
    format!("Hello, {name}!")
}
"#;

/// A crate in a scratch dir that depends on `wasm-bindgen = "<req>"` from crates.io.
fn upstream_crate(test: &str, req: &str, extra: &str) -> PathBuf {
    let dir = scratch(test).join("app");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            r#"[package]
name = "upstream-app"
version = "0.3.0"
edition = "2021"
description = "A crate written for upstream wasm-bindgen"
license = "MIT"

[lib]
crate-type = ["cdylib", "rlib"]

[dependencies]
wasm-bindgen = "{req}"

# Same as the other wasm builds, so they share the runtime's artifacts in target/wasm.
[profile.release]
opt-level = "s"
{extra}
[workspace]
"#
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), LIB).unwrap();
    dir
}

fn build_nodejs(dir: &Path) -> std::process::Output {
    run(wbg()
        .args(["build", "--target", "nodejs", "--no-opt"])
        .arg(dir))
}

fn greet_from_node(pkg: &Path) -> String {
    let out = Command::new("node")
        .arg("-e")
        .arg("console.log(require(process.argv[1]).greet('wbg'))")
        .arg(pkg.join("upstream_app.js"))
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The version wbg's runtime gives package `name` (read as wbg reads it).
fn provided(name: &str) -> String {
    let runtime = wbg_project::runtime::Runtime::locate().expect("wbg's runtime");
    runtime.package(name).unwrap().version.to_string()
}

fn lock(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("Cargo.lock")).unwrap()
}

/// The `[[package]]` entries of Cargo.lock named `name`: (version, source).
fn locked(dir: &Path, name: &str) -> Vec<(String, Option<String>)> {
    let lock: toml_lite::Lock = toml_lite::parse(&lock(dir));
    lock.into_iter()
        .filter(|(n, _, _)| n == name)
        .map(|(_, v, s)| (v, s))
        .collect()
}

#[test]
fn an_upstream_crate_builds_unchanged_and_runs_in_node() {
    let dir = upstream_crate("adopt-fresh", "0.2", "");
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let out = build_nodejs(&dir);
    ok(&out);
    assert!(
        !stderr(&out).contains("was not used in the crate graph"),
        "{}",
        stderr(&out)
    );
    assert_eq!(greet_from_node(&dir.join("pkg")), "Hello, wbg!\n");

    // Nothing written into the crate's files: same manifest, no cargo config.
    assert_eq!(
        std::fs::read_to_string(dir.join("Cargo.toml")).unwrap(),
        manifest
    );
    assert!(!dir.join(".cargo").exists());
    // cargo locked wbg's runtime (a path package: no source), and no unused patch.
    assert_eq!(
        locked(&dir, "wasm-bindgen"),
        [(provided("wasm-bindgen"), None)]
    );
    assert!(!lock(&dir).contains("patch.unused"), "{}", lock(&dir));
    let package: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("pkg/package.json")).unwrap())
            .unwrap();
    assert_eq!(package["name"], "upstream-app");
    assert_eq!(package["version"], "0.3.0");

    // A second build leaves the lockfile exactly as it was.
    let before = lock(&dir);
    ok(&build_nodejs(&dir));
    assert_eq!(lock(&dir), before);
}

/// A lockfile cargo resolved against upstream (newer than the runtime) is moved to the
/// runtime for the packages it replaces, as `cargo update -p` would.
#[test]
fn a_lockfile_pinning_upstream_is_moved_to_the_runtime() {
    let dir = upstream_crate("adopt-locked", "0.2", "");
    let generate = Command::new(env!("CARGO"))
        .args(["generate-lockfile", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .output()
        .unwrap();
    assert!(
        generate.status.success(),
        "{}",
        String::from_utf8_lossy(&generate.stderr)
    );
    let upstream = locked(&dir, "wasm-bindgen");
    assert!(upstream[0].1.is_some(), "upstream first: {upstream:?}");

    let out = build_nodejs(&dir);
    ok(&out);
    assert_eq!(greet_from_node(&dir.join("pkg")), "Hello, wbg!\n");
    assert_eq!(
        locked(&dir, "wasm-bindgen"),
        [(provided("wasm-bindgen"), None)]
    );
    assert_eq!(
        locked(&dir, "wasm-bindgen-macro"),
        [(provided("wasm-bindgen-macro"), None)]
    );
}

#[test]
fn a_pin_wbg_cannot_meet_is_one_clear_line() {
    let dir = upstream_crate("adopt-pinned", "=0.2.130", "");
    let out = build_nodejs(&dir);
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let manifest = dir.join("Cargo.toml").canonicalize().unwrap();
    let v = provided("wasm-bindgen");
    assert_eq!(
        last_line(&out),
        format!(
            "error: `upstream-app` asks for wasm-bindgen `=0.2.130`, but wbg provides \
             wasm-bindgen {v}; require `wasm-bindgen = \"0.2\"` (or `\"={v}\"`) in {} \
             to build with wbg",
            manifest.display()
        )
    );
    assert_eq!(stderr(&out).matches("error").count(), 1, "{}", stderr(&out));
    assert!(!dir.join("pkg").exists());
}

/// A project that already patches crates.io to wbg's runtime keeps its own patch (cargo
/// would refuse the same patch twice).
#[test]
fn a_project_patching_to_the_runtime_itself_is_left_alone() {
    let runtime = repo_root().join("runtime");
    let own = format!(
        "\n[patch.crates-io]\nwasm-bindgen = {{ path = {:?} }}\n",
        runtime.display().to_string()
    );
    let dir = upstream_crate("adopt-own-patch", "0.2", &own);
    let out = run(wbg()
        .args(["build", "--verbose", "--target", "nodejs", "--no-opt"])
        .arg(&dir));
    ok(&out);
    assert!(
        !stderr(&out).contains("Patching wasm-bindgen with"),
        "{}",
        stderr(&out)
    );
    assert_eq!(greet_from_node(&dir.join("pkg")), "Hello, wbg!\n");
}

#[test]
fn a_missing_runtime_is_one_line_naming_the_variable() {
    let dir = upstream_crate("adopt-no-runtime", "0.2", "");
    let out = run(wbg()
        .env("WBG_RUNTIME_DIR", "/nonexistent/wbg/runtime")
        .args(["build", "--target", "nodejs"])
        .arg(&dir));
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert_eq!(
        last_line(&out),
        "error: `upstream-app` uses wasm-bindgen from crates.io, and wbg's runtime is not at \
         /nonexistent/wbg/runtime; set WBG_RUNTIME_DIR to the `runtime/` folder of a wbg checkout"
    );
}

/// Just enough of Cargo.lock's format for the assertions above, without a TOML dependency.
mod toml_lite {
    pub type Lock = Vec<(String, String, Option<String>)>;

    pub fn parse(text: &str) -> Lock {
        let mut out = Vec::new();
        for block in text.split("[[package]]").skip(1) {
            let block = block.split("\n[[").next().unwrap_or(block);
            let field = |key: &str| {
                block.lines().find_map(|l| {
                    l.strip_prefix(&format!("{key} = \""))
                        .and_then(|v| v.strip_suffix('"'))
                        .map(str::to_string)
                })
            };
            out.push((
                field("name").unwrap(),
                field("version").unwrap(),
                field("source"),
            ));
        }
        out
    }
}

/// `wbg test PATH`: an upstream crate's `#[wasm_bindgen_test]`s run through cargo with the
/// runtime patched in and wbg as the runner; cargo's (libtest's) exit code comes back.
#[test]
fn wbg_test_runs_an_upstream_crates_tests_unchanged() {
    let runtime = wbg_project::runtime::Runtime::locate().expect("wbg's runtime");
    let test_version = &runtime.package("wasm-bindgen-test").unwrap().version;
    let dev = format!(
        "\n[dev-dependencies]\nwasm-bindgen-test = \"{}.{}\"\n",
        test_version.major, test_version.minor
    );
    let dir = upstream_crate("adopt-test", "0.2", &dev);
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    std::fs::write(
        dir.join("tests/web.rs"),
        r#"use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn greets() {
    assert_eq!(upstream_app::greet("x"), "Hello, x!");
}

#[wasm_bindgen_test]
fn fails_on_purpose() {
    assert_eq!(upstream_app::greet("x"), "Bye");
}
"#,
    )
    .unwrap();
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let test = |filter: &str| {
        run(wbg()
            .arg("test")
            .arg(&dir)
            .args(["--test", "web", "--", filter])
            .env_remove("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER"))
    };
    let out = test("greets");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("test result: ok. 1 passed; 0 failed"),
        "{}",
        stdout(&out)
    );
    let out = test("fails_on_purpose");
    assert_eq!(
        out.status.code(),
        Some(101),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("Cargo.toml")).unwrap(),
        manifest
    );
    assert!(!dir.join(".cargo").exists());
}

/// `WBG_RUNTIME_DIR` may list several runtime folders (generations), `PATH`-style: the
/// first one that exists and meets the crate's requirements is used.
#[test]
fn the_runtime_dir_may_list_several_generations() {
    let dir = upstream_crate("adopt-generations", "0.2", "");
    let dirs = std::env::join_paths([
        PathBuf::from("/nonexistent/wbg/runtime"),
        repo_root().join("runtime"),
    ])
    .unwrap();
    let out = run(wbg()
        .env("WBG_RUNTIME_DIR", dirs)
        .args(["build", "--verbose", "--target", "nodejs", "--no-opt"])
        .arg(&dir));
    ok(&out);
    let runtime = repo_root().join("runtime").canonicalize().unwrap();
    assert!(
        stderr(&out).contains(&format!(
            "Patching wasm-bindgen with wbg's {}",
            runtime.display()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(greet_from_node(&dir.join("pkg")), "Hello, wbg!\n");
}
