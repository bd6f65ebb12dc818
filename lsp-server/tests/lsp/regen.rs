//! Regenerate on save against a real fixture crate (built for wasm32 into target/wasm):
//! files written, progress reported, rustc errors published and cleared, a newer save
//! cancelling a running one, and hover agreeing with the `.d.ts` bindgen wrote.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};

use crate::support::{repo_root, scratch, uri, Server};

/// A cold wasm32 build of the runtime and the macro takes a while on a small machine.
const BUILD: Duration = Duration::from_secs(300);

/// Copies the fixture crate into a scratch dir, pointing it at this repository's runtime.
fn fixture(name: &str) -> PathBuf {
    let dir = scratch(name).join("greeter");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/greeter");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = std::fs::read_to_string(src.join("Cargo.toml")).unwrap();
    let runtime = repo_root().join("runtime");
    let manifest = manifest.replace("../../../../runtime", runtime.to_str().unwrap());
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(src.join("src/lib.rs"), dir.join("src/lib.rs")).unwrap();
    dir
}

fn generated(server: &mut Server) -> Value {
    server.wait_for("wbg/generated", BUILD, |m| m["method"] == "wbg/generated")["params"].clone()
}

fn is_progress(m: &Value, kind: &str) -> bool {
    m["method"] == "$/progress" && m["params"]["value"]["kind"] == kind
}

#[test]
fn saving_regenerates_the_glue_and_reports_build_errors() {
    let dir = fixture("regen");
    let lib = dir.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).unwrap();
    let mut server = Server::start(&dir, json!({ "outDir": "pkg", "target": "web" }));
    server.open(&lib, &text);
    server.save(&lib);

    let params = generated(&mut server);
    assert_eq!(params["target"], "web");
    let files: Vec<&str> = params["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    for name in [
        "greeter.js",
        "greeter.d.ts",
        "package.json",
        "greeter_bg.wasm",
    ] {
        let path = dir.join("pkg").join(name);
        assert!(path.is_file(), "{} not written", path.display());
        assert!(
            files.contains(&path.to_str().unwrap()),
            "{name} not in {files:?}"
        );
    }
    let end = server.wait_for("progress end", BUILD, |m| is_progress(m, "end"));
    assert!(
        end["params"]["value"]["message"]
            .as_str()
            .unwrap()
            .starts_with("wrote 4 files"),
        "{end}"
    );
    assert_eq!(server.drain(|m| is_progress(m, "begin")).len(), 1);

    // The hover of every exported function is a line of the `.d.ts` bindgen just wrote.
    let d_ts = std::fs::read_to_string(dir.join("pkg/greeter.d.ts")).unwrap();
    for name in ["greet", "add", "big", "nothing"] {
        let at = text.find(&format!("pub fn {name}")).unwrap() + "pub fn ".len();
        let hover = server.request("textDocument/hover", server.at(&lib, &text, at));
        let markdown = hover["contents"]["value"].as_str().unwrap();
        let signature = markdown.lines().nth(1).unwrap();
        assert!(
            d_ts.lines().any(|l| l == signature),
            "hover `{signature}` is not in:\n{d_ts}"
        );
    }

    // A type error: rustc's diagnostic lands on the line, and the failure is shown.
    let broken = text.replace("format!(\"Hello, {name}!\")", "let n: u32 = name; n");
    std::fs::write(&lib, &broken).unwrap();
    server.change(&lib, 2, &broken);
    server.save(&lib);
    let u = uri(&lib);
    let rustc = server.wait_for("rustc diagnostics", BUILD, |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == json!(u)
            && m["params"]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["source"] == "rustc")
    });
    let d = &rustc["params"]["diagnostics"].as_array().unwrap()[0];
    let line = broken
        .lines()
        .position(|l| l.contains("let n: u32"))
        .unwrap();
    assert_eq!(d["range"]["start"]["line"], json!(line), "{d}");
    assert_eq!(d["code"], "E0308");
    let shown = server.wait_for("build failure message", BUILD, |m| {
        m["method"] == "window/showMessage"
    });
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("cargo build failed for greeter"),
        "{shown}"
    );

    // Fixed and saved twice in a row: the first run is cancelled (or never starts), the
    // second publishes no rustc diagnostics and regenerates once.
    std::fs::write(&lib, &text).unwrap();
    server.change(&lib, 3, &text);
    server.drain(|_| true);
    server.save(&lib);
    server.save(&lib);
    server.wait_for("cleared rustc diagnostics", BUILD, |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == json!(u)
            && m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    generated(&mut server);
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        server.drain(|m| m["method"] == "wbg/generated").is_empty(),
        "regenerated twice"
    );
    // Every progress that began has ended, the cancelled one included.
    let tokens = |kind: &str, server: &mut Server| -> Vec<Value> {
        let mut t: Vec<Value> = server
            .drain(|m| is_progress(m, kind))
            .iter()
            .map(|m| m["params"]["token"].clone())
            .collect();
        t.sort_by_key(|v| v.to_string());
        t
    };
    let begun = tokens("begin", &mut server);
    assert!(!begun.is_empty());
    assert_eq!(begun, tokens("end", &mut server));
    server.shutdown_and_exit();
}

#[test]
fn regenerate_request_status_and_generated_files() {
    let dir = fixture("regen_request");
    let lib = dir.join("src/lib.rs");
    let doc = json!({ "textDocument": { "uri": uri(&lib) } });
    // Regenerate on save is off: the request regenerates all the same.
    let mut server = Server::start(&dir, json!({ "regenerateOnSave": false }));
    let before = server.request("wbg/generatedFiles", doc.clone());
    assert_eq!(before["files"], json!([]), "{before}");
    let started = server.request("wbg/regenerate", doc.clone());
    assert_eq!(started["crateDir"], json!(dir.to_str().unwrap()));
    assert_eq!(started["outDir"], json!(dir.join("pkg").to_str().unwrap()));

    let status = |server: &mut Server, state: &'static str| {
        server.wait_for(state, BUILD, move |m| {
            m["method"] == "wbg/status" && m["params"]["state"] == state
        })["params"]
            .clone()
    };
    let begun = status(&mut server, "regenerating");
    assert_eq!(begun["crateDir"], started["crateDir"]);
    let done = status(&mut server, "done");
    assert!(
        done["message"]
            .as_str()
            .unwrap()
            .starts_with("wrote 4 files"),
        "{done}"
    );

    let after = server.request("wbg/generatedFiles", doc);
    let names: Vec<&str> = after["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, ["greeter.d.ts", "greeter.js", "package.json"]);
    let d_ts = after["files"][0]["contents"].as_str().unwrap();
    assert!(
        d_ts.contains("export function greet(name: string): string;"),
        "{d_ts}"
    );

    // A broken build ends in `failed`, with the message that is also shown.
    let text = std::fs::read_to_string(&lib).unwrap();
    std::fs::write(&lib, text.replace("format!(", "unknown_macro!(")).unwrap();
    server.request(
        "wbg/regenerate",
        json!({ "textDocument": { "uri": uri(&lib) } }),
    );
    let failed = status(&mut server, "failed");
    assert!(
        failed["message"]
            .as_str()
            .unwrap()
            .contains("cargo build failed for greeter"),
        "{failed}"
    );

    // A file outside any wasm-bindgen crate is an error reply.
    let stray = dir.parent().unwrap().join("stray.rs");
    std::fs::write(&stray, "fn main() {}").unwrap();
    let reply = server.request_raw(
        "wbg/regenerate",
        json!({ "textDocument": { "uri": uri(&stray) } }),
    );
    assert!(
        reply["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not in a crate that depends on wasm-bindgen"),
        "{reply}"
    );
    server.shutdown_and_exit();
}

#[test]
fn out_dirs_outside_the_workspace_are_refused() {
    let dir = fixture("regen_outside");
    let lib = dir.join("src/lib.rs");
    let mut server = Server::start(&dir, json!({ "outDir": "../../escape" }));
    server.save(&lib);
    let shown = server.wait_for("refusal", crate::support::TIMEOUT, |m| {
        m["method"] == "window/showMessage"
    });
    assert!(
        shown["params"]["message"]
            .as_str()
            .unwrap()
            .contains("outside the workspace"),
        "{shown}"
    );
    assert!(!dir.join("../../escape").exists());
    server.shutdown_and_exit();
}

/// Files below `dir` with their bytes, by `/`-separated relative path.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), out);
            } else {
                out.push((name, std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

/// Regenerate on save writes exactly what `wbg build` writes for the same target and
/// profile: the same files, byte for byte, package.json (the crate's real metadata),
/// README and license included. The crate depends on crates.io's `wasm-bindgen` with no
/// patch of its own, so both also patch in wbg's runtime themselves.
#[test]
fn regenerate_on_save_writes_what_wbg_build_writes() {
    use clap::Parser;

    let dir = scratch("regen_same_as_build").join("app");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        r#"[package]
name = "same-app"
version = "2.1.0"
edition = "2021"
description = "Built by wbg build and by the language server"
license = "MIT"
repository = "https://example.invalid/same-app"
keywords = ["wasm"]

[lib]
crate-type = ["cdylib", "rlib"]

[dependencies]
wasm-bindgen = "0.2"

[workspace]
"#,
    )
    .unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/greeter/src/lib.rs");
    std::fs::copy(src, dir.join("src/lib.rs")).unwrap();
    std::fs::write(dir.join("README.md"), "# same-app\n").unwrap();
    std::fs::write(dir.join("LICENSE"), "MIT (fixture)\n").unwrap();

    // `wbg build`, in-process, into pkg-cli (same target dir as the server's builds).
    let target_dir = repo_root().join("target").join("wasm");
    let cli = wbg_cli::app::Cli::parse_from([
        "wbg",
        "build",
        "--quiet",
        "--dev",
        "--target",
        "web",
        "--out-dir",
        "pkg-cli",
        dir.to_str().unwrap(),
        "--",
        "--target-dir",
        target_dir.to_str().unwrap(),
    ]);
    assert_eq!(wbg_cli::app::run(cli), std::process::ExitCode::SUCCESS);

    // The server, on save, into pkg-lsp.
    let lib = dir.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).unwrap();
    let mut server = Server::start(
        &dir,
        json!({ "outDir": "pkg-lsp", "target": "web", "profile": "dev" }),
    );
    server.open(&lib, &text);
    server.save(&lib);
    let params = generated(&mut server);
    server.shutdown_and_exit();
    let listed = params["files"].as_array().unwrap().len();

    let (cli, lsp) = (tree(&dir.join("pkg-cli")), tree(&dir.join("pkg-lsp")));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&cli),
        [
            "LICENSE",
            "README.md",
            "package.json",
            "same_app.d.ts",
            "same_app.js",
            "same_app_bg.wasm"
        ]
    );
    assert_eq!(names(&lsp), names(&cli));
    assert_eq!(
        listed,
        cli.len(),
        "wbg/generated lists every file: {params}"
    );
    for ((name, a), (_, b)) in cli.iter().zip(&lsp) {
        assert!(
            a == b,
            "{name} differs:\n--- wbg build\n{}\n--- regenerate on save\n{}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }
    let package = String::from_utf8_lossy(&cli[2].1).into_owned();
    assert!(package.contains("\"name\": \"same-app\""), "{package}");
    assert!(package.contains("\"version\": \"2.1.0\""), "{package}");
    // Nothing was written into the crate's manifest, and no cargo config appeared.
    assert!(!std::fs::read_to_string(dir.join("Cargo.toml"))
        .unwrap()
        .contains("patch"));
    assert!(!dir.join(".cargo").exists());
}

/// Whether a crate uses wasm-bindgen comes from its resolved dependencies, not from the
/// manifest's text: one that only names it in a comment is not built.
#[test]
fn a_crate_that_only_mentions_wasm_bindgen_is_not_built() {
    let dir = scratch("regen_mention").join("plain");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "# Not a wasm-bindgen crate, although this comment says wasm-bindgen.\n\
         [package]\nname = \"plain\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n\
         [lib]\ncrate-type = [\"cdylib\"]\n\n[workspace]\n",
    )
    .unwrap();
    let lib = dir.join("src/lib.rs");
    std::fs::write(&lib, "// wasm_bindgen\npub fn f() {}\n").unwrap();
    let mut server = Server::start(&dir, json!({}));
    server.request(
        "wbg/regenerate",
        json!({ "textDocument": { "uri": uri(&lib) } }),
    );
    let failed = server.wait_for("failed", BUILD, |m| {
        m["method"] == "wbg/status" && m["params"]["state"] == "failed"
    });
    assert!(
        failed["params"]["message"]
            .as_str()
            .unwrap()
            .ends_with("does not depend on wasm-bindgen"),
        "{failed}"
    );
    assert!(
        server
            .drain(|m| m["method"] == "wbg/status" && m["params"]["state"] == "regenerating")
            .is_empty(),
        "no build started"
    );
    assert!(!dir.join("pkg").exists());
    server.shutdown_and_exit();
}

/// A pin wbg's runtime cannot meet is the same one line `wbg build` prints, shown on save.
#[test]
fn a_pin_wbg_cannot_meet_is_shown_on_save() {
    let dir = scratch("regen_pinned").join("pinned");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"pinned\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n\
         [lib]\ncrate-type = [\"cdylib\"]\n\n\
         [dependencies]\nwasm-bindgen = \"=0.2.130\"\n\n[workspace]\n",
    )
    .unwrap();
    let lib = dir.join("src/lib.rs");
    std::fs::write(&lib, "pub fn f() {}\n").unwrap();
    let mut server = Server::start(&dir, json!({}));
    server.save(&lib);
    let shown = server.wait_for("the error", BUILD, |m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    let runtime = wbg_project::runtime::Runtime::locate().unwrap();
    let v = &runtime.package("wasm-bindgen").unwrap().version;
    assert!(
        message.starts_with(&format!(
            "wbg: `pinned` asks for wasm-bindgen `=0.2.130`, but wbg provides wasm-bindgen {v}; \
             require `wasm-bindgen = \"0.2\"`"
        )),
        "{message}"
    );
    assert!(!dir.join("pkg").exists());
    server.shutdown_and_exit();
}
