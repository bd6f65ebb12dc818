//! Shared steps of the end-to-end suites: build fixtures for wasm32, run bindgen, run Node.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use wbg_core_gen::bindgen::{self, Options};
use wbg_core_gen::target;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// One target dir for every wasm32 build (fixtures, examples, benches).
pub fn wasm_target_dir() -> PathBuf {
    repo_root().join("target").join("wasm")
}

pub fn e2e_out_dir() -> PathBuf {
    repo_root().join("target").join("e2e")
}

/// A tiny npm package the `imports` fixture imports by bare name (`module = "wbg-test-npm-pkg"`),
/// installed where Node's resolution finds it from every output directory.
pub fn install_test_npm_package(out: &Path) {
    let pkg = out.join("node_modules").join("wbg-test-npm-pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(
        pkg.join("package.json"),
        r#"{ "name": "wbg-test-npm-pkg", "version": "1.0.0", "exports": { "import": "./index.mjs", "require": "./index.cjs" } }"#,
    )
    .unwrap();
    std::fs::write(
        pkg.join("index.mjs"),
        "export function npm_hello() { return 'hello from npm'; }\n",
    )
    .unwrap();
    std::fs::write(
        pkg.join("index.cjs"),
        "exports.npm_hello = () => 'hello from npm';\n",
    )
    .unwrap();
}

/// Builds every fixture crate (release) and returns `(crate name, .wasm path)`.
pub fn build_fixtures() -> Vec<(String, PathBuf)> {
    let fixtures = repo_root().join("tests").join("fixtures");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--manifest-path",
        ])
        .arg(fixtures.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", wasm_target_dir())
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "building the wasm fixtures failed (is the wasm32-unknown-unknown target installed?)"
    );
    let release = wasm_target_dir()
        .join("wasm32-unknown-unknown")
        .join("release");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let dir = entry.unwrap().path();
        if dir.join("Cargo.toml").exists() && dir.join("src").exists() {
            let name = dir.file_name().unwrap().to_string_lossy().replace('-', "_");
            out.push((name.clone(), release.join(format!("{name}.wasm"))));
        }
    }
    out.sort();
    out
}

/// Builds the bundled examples (release) and returns `(crate name, .wasm path)`.
pub fn build_examples() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for (dir, lib) in [("hello", "hello"), ("closures", "closures_example")] {
        let manifest = repo_root().join("examples").join(dir).join("Cargo.toml");
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "--manifest-path",
            ])
            .arg(&manifest)
            .env("CARGO_TARGET_DIR", wasm_target_dir())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building {} failed", manifest.display());
        let wasm = wasm_target_dir()
            .join("wasm32-unknown-unknown/release")
            .join(format!("{lib}.wasm"));
        out.push((lib.to_string(), wasm));
    }
    out
}

/// Runs the generator in-process and writes its output to `dir`.
pub fn bindgen(wasm: &Path, target_name: &str, debug: bool, dir: &Path) {
    let bytes = std::fs::read(wasm).unwrap_or_else(|e| panic!("reading {}: {e}", wasm.display()));
    let name = wasm.file_stem().unwrap().to_string_lossy().into_owned();
    let mut options = Options::new(target::by_name(target_name).unwrap(), name.clone());
    options.debug = debug;
    let output = match bindgen::generate(&bytes, &options) {
        // A classic script cannot import JS modules; bindgen refuses, as upstream does. No
        // output then, not an earlier run's.
        Err(bindgen::BindgenError::ModuleImport { .. }) => {
            let _ = std::fs::remove_dir_all(dir);
            return;
        }
        result => result
            .unwrap_or_else(|e| panic!("bindgen {} --target {target_name}: {e}", wasm.display())),
    };
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    for f in &output.files {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &f.contents).unwrap();
    }
    // Modules a fixture ships next to the generated JS (`raw_module = "./bar.js"`):
    // ES modules for web/bundler, CommonJS for nodejs.
    let ship = repo_root()
        .join("tests/fixtures")
        .join(&name)
        .join("ship")
        .join(if target_name == "nodejs" {
            "cjs"
        } else {
            "esm"
        });
    if let Ok(entries) = std::fs::read_dir(&ship) {
        for e in entries {
            let e = e.unwrap();
            std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
    }
    std::fs::write(dir.join(&output.wasm_path), &output.wasm).unwrap();
}

fn js_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            js_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "js") {
            out.push(p);
        }
    }
}

/// Every generated JS file parses (`node --check`) and is CSP-safe.
pub fn check_generated_js(out: &Path) {
    let mut files = Vec::new();
    js_files(out, &mut files);
    assert!(!files.is_empty());
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            !text.contains("eval(") && !text.contains("new Function"),
            "{} is not CSP-safe",
            f.display()
        );
        let o = Command::new("node")
            .arg("--check")
            .arg(f)
            .output()
            .expect("node runs");
        assert!(
            o.status.success(),
            "node --check {}:\n{}",
            f.display(),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// Runs every `tests/js/*.test.mjs` with Node's test runner and fails on any failure.
pub fn run_node_tests(out: &Path) {
    let js = repo_root().join("tests").join("js");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&js)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    let output = Command::new("node")
        .args([
            "--experimental-wasm-modules",
            "--expose-gc",
            "--no-warnings",
            "--test",
            "--test-reporter=spec",
        ])
        .args(&files)
        .env("WBG_E2E_OUT", out)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        output.status.success(),
        "Node tests failed (see the output above)"
    );
    let count = |label: &str| -> u64 {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(&format!("ℹ {label} ")))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    };
    let (pass, fail) = (count("pass"), count("fail"));
    assert!(pass > 0, "Node ran no tests");
    // scripts/test adds these to its closing summary.
    let summary = out.parent().unwrap().join("node-test-counts");
    let previous = std::fs::read_to_string(&summary).unwrap_or_default();
    std::fs::write(&summary, format!("{previous}{pass} {fail}\n")).unwrap();
}
