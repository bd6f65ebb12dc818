//! `wbg check` over js-sys and web-sys as crates.io ships them (every feature file of
//! web-sys): upstream wasm-bindgen compiles them, so nothing may be flagged but the
//! limitations listed here, each with its reason. Needs crates.io (CI reaches it).

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::*;

/// A crate that depends on `js-sys` and `web-sys` at `version` exactly: cargo fetches
/// them, and `cargo metadata` says where their sources are.
fn sources_of(version: &str) -> Vec<(String, PathBuf)> {
    let dir = scratch(&format!("ecosystem-{version}"));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
             [dependencies]\njs-sys = \"={version}\"\nweb-sys = \"={version}\"\n\n[workspace]\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), "").unwrap();
    let out = run(Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(dir.join("Cargo.toml")));
    ok(&out);
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| matches!(p["name"].as_str(), Some("js-sys" | "web-sys")))
        .map(|p| {
            let manifest = Path::new(p["manifest_path"].as_str().unwrap());
            (
                format!(
                    "{} {}",
                    p["name"].as_str().unwrap(),
                    p["version"].as_str().unwrap()
                ),
                manifest.parent().unwrap().to_path_buf(),
            )
        })
        .collect()
}

/// Diagnostics of `wbg check --format json` on `dir`, counted by code.
fn codes(dir: &Path) -> BTreeMap<String, usize> {
    let out = run(wbg().args(["check", "--format", "json"]).arg(dir));
    let mut counts = BTreeMap::new();
    for line in stdout(&out).lines().filter(|l| l.starts_with('{')) {
        let d: Value = serde_json::from_str(line).unwrap();
        *counts
            .entry(d["code"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    counts
}

#[test]
fn generation_0_3_77_has_no_problems() {
    let crates = sources_of("0.3.77");
    assert_eq!(crates.len(), 2, "{crates:?}");
    for (name, dir) in crates {
        assert_eq!(codes(&dir), BTreeMap::new(), "{name}");
    }
}

#[test]
fn generation_0_3_107_has_only_listed_limitations() {
    // Limitations until wbg supports them (JS promise integration; generic imports whose
    // type parameters cannot erase to a `JsValue`): of js-sys 0.3.107's generic imports,
    // 59 arguments name a type parameter inside a stack closure (`&mut dyn FnMut(T, u32)
    // -> bool`, 50) or a slice (`&[T]`, `&[Array<U>]`, 9); and one `suspending` import.
    let expected: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::from([
        (
            "js-sys 0.3.107",
            BTreeMap::from([
                ("unsupported-generic-import".to_string(), 59),
                ("unsupported-suspending".to_string(), 1),
            ]),
        ),
        ("web-sys 0.3.107", BTreeMap::new()),
    ]);
    let crates = sources_of("0.3.107");
    assert_eq!(crates.len(), 2, "{crates:?}");
    for (name, dir) in crates {
        assert_eq!(codes(&dir), expected[name.as_str()], "{name}");
    }
}
