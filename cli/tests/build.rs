//! `wbg build` end to end: fixture crates → cargo (wasm32) → npm package, packed with
//! `npm pack`, installed into a separate Node project and used by name.

mod support;

use support::*;

/// `big(2n ** 63n)` overflows `u64`: a release build wraps to 0.
const NODE_USES_IT: &str = r#"
const { greet, add, big } = require('cli-good');
console.log(greet('npm'), add(40, 2), big(21n), big(2n ** 63n));
"#;

#[test]
fn nodejs_package_installs_and_runs_by_name() {
    let dir = scratch("build-nodejs");
    let pkg = dir.join("pkg");
    let out = run(wbg()
        .args(["build", "--target", "nodejs", "--out-dir"])
        .arg(&pkg)
        .arg(fixture("good")));
    ok(&out);
    assert_eq!(
        std::fs::read_to_string(pkg.join("package.json")).unwrap(),
        r#"{
  "name": "cli-good",
  "version": "1.2.3",
  "description": "A crate `wbg build` turns into an npm package in the CLI tests",
  "license": "MIT OR Apache-2.0",
  "repository": {
    "type": "git",
    "url": "https://example.invalid/cli-good"
  },
  "keywords": [
    "wasm",
    "test"
  ],
  "files": [
    "LICENSE-APACHE",
    "LICENSE-MIT",
    "README.md",
    "cli_good.d.ts",
    "cli_good.js",
    "cli_good_bg.wasm"
  ],
  "main": "cli_good.js",
  "types": "cli_good.d.ts",
  "exports": {
    ".": {
      "types": "./cli_good.d.ts",
      "default": "./cli_good.js"
    },
    "./cli_good_bg.wasm": "./cli_good_bg.wasm",
    "./package.json": "./package.json"
  }
}
"#
    );
    assert_eq!(
        std::fs::read_to_string(pkg.join("LICENSE-MIT")).unwrap(),
        "MIT License (fixture)\n"
    );
    assert!(pkg.join("README.md").exists());
    // Not in `files`, so not in the tarball.
    std::fs::write(pkg.join("notes.txt"), "left in pkg/\n").unwrap();
    let consumer = dir.join("consumer");
    let printed = use_from_node_project(&consumer, &pkg, false, NODE_USES_IT);
    assert_eq!(printed, "Hello, npm! 42 42n 0n\n");
    assert!(!consumer.join("node_modules/cli-good/notes.txt").exists());
}

/// `--dev`: cargo's dev profile, so overflow checks are on and `big(2n ** 63n)` traps
/// instead of wrapping; wasm-opt (the real one, when installed) is not run.
#[test]
fn dev_build_is_a_debug_build() {
    let dir = scratch("build-dev");
    let pkg = dir.join("pkg");
    let out = run(wbg()
        .args(["build", "--dev", "--target", "nodejs", "--out-dir"])
        .arg(&pkg)
        .arg(fixture("good")));
    ok(&out);
    let text = stderr(&out);
    assert!(
        text.contains("    Building cli-good v1.2.3 for wasm32-unknown-unknown (dev)\n"),
        "{text}"
    );
    assert!(
        last_line(&out).contains(&format!("{} (nodejs): ", pkg.display())),
        "no wasm-opt: {text}"
    );
    let printed = use_from_node_project(
        &dir.join("consumer"),
        &pkg,
        false,
        r#"
const { greet, big } = require('cli-good');
let overflow;
try { big(2n ** 63n); overflow = 'wrapped'; } catch (e) { overflow = 'trapped'; }
console.log(greet('dev'), big(21n), overflow);
"#,
    );
    assert_eq!(printed, "Hello, dev! 42n trapped\n");
}

/// Arguments after `--` reach cargo: the `extra` feature adds an export.
#[test]
fn cargo_args_after_double_dash() {
    let dir = scratch("build-features");
    let build = |pkg: &str, cargo_args: &[&str]| {
        let pkg = dir.join(pkg);
        let out = run(wbg()
            .args(["build", "--target", "nodejs", "--no-opt", "--out-dir"])
            .arg(&pkg)
            .arg(fixture("features"))
            .arg("--")
            .args(cargo_args));
        ok(&out);
        let dts = std::fs::read_to_string(pkg.join("cli_features.d.ts")).unwrap();
        let js = pkg.join("cli_features.js");
        let node = std::process::Command::new("node")
            .arg("-e")
            .arg("const m = require(process.argv[1]); console.log(m.always(), typeof m.extra);")
            .arg(&js)
            .output()
            .unwrap();
        (dts, stdout(&node))
    };
    let (dts, exports) = build("plain", &[]);
    assert_eq!(exports, "1 undefined\n");
    assert!(!dts.contains("extra"), "{dts}");
    let (dts, exports) = build("extra", &["--features", "extra"]);
    assert_eq!(exports, "1 function\n");
    assert!(dts.contains("export function extra(): number;"), "{dts}");
}

/// `--no-typescript`: no `.d.ts`, and package.json neither lists nor points at one.
#[test]
fn no_typescript() {
    let dir = scratch("build-no-typescript");
    let pkg = dir.join("pkg");
    let out = run(wbg()
        .args(["build", "--target", "nodejs", "--no-opt", "--no-typescript"])
        .arg("--out-dir")
        .arg(&pkg)
        .arg(fixture("good")));
    ok(&out);
    assert!(!pkg.join("cli_good.d.ts").exists());
    let json = std::fs::read_to_string(pkg.join("package.json")).unwrap();
    assert!(
        !json.contains(".d.ts") && !json.contains("\"types\""),
        "{json}"
    );
    let printed = use_from_node_project(
        &dir.join("consumer"),
        &pkg,
        false,
        "console.log(require('cli-good').greet('no types'));\n",
    );
    assert_eq!(printed, "Hello, no types!\n");
}

#[test]
fn web_package_with_scope_is_imported_by_name() {
    let dir = scratch("build-web");
    let pkg = dir.join("pkg");
    let out = run(wbg()
        .args([
            "build",
            "--target",
            "web",
            "--scope",
            "acme",
            "--out-name",
            "good",
        ])
        .args(["--out-dir"])
        .arg(&pkg)
        .arg(fixture("good")));
    ok(&out);
    let json = std::fs::read_to_string(pkg.join("package.json")).unwrap();
    for field in [
        r#""name": "@acme/cli-good""#,
        r#""type": "module""#,
        r#""module": "good.js""#,
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
    // The wasm is reached through the package's `exports`, as an app would.
    let printed = use_from_node_project(
        &dir.join("consumer"),
        &pkg,
        true,
        r#"
import init, { greet } from '@acme/cli-good';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const wasm = createRequire(import.meta.url).resolve('@acme/cli-good/good_bg.wasm');
await init({ module_or_path: readFileSync(wasm) });
console.log(greet('web'));
"#,
    );
    assert_eq!(printed, "Hello, web!\n");
}

/// The issue's "done when": `wbg build examples/hello --target nodejs` from the repository
/// root gives a package another Node project installs and uses.
#[test]
fn hello_example_builds_for_nodejs() {
    let dir = scratch("build-hello");
    let pkg = dir.join("pkg");
    let out = run(wbg()
        .args(["build", "examples/hello", "--target", "nodejs", "--out-dir"])
        .arg(&pkg)
        .current_dir(repo_root()));
    ok(&out);
    let printed = use_from_node_project(
        &dir.join("consumer"),
        &pkg,
        false,
        "console.log(require('hello').greet('World'));\n",
    );
    assert_eq!(printed, "Hello, World!\n");
}

/// Without a terminal: plain status lines, no colour codes; `--quiet` prints nothing on
/// success; `--verbose` shows the cargo command.
#[test]
fn progress_lines_quiet_and_verbose() {
    let dir = scratch("build-progress");
    let build = |flags: &[&str]| {
        run(wbg()
            .args(["build", "--target", "bundler", "--no-opt"])
            .args(flags)
            .arg("--out-dir")
            .arg(dir.join("pkg"))
            .arg(fixture("good")))
    };
    let normal = build(&[]);
    ok(&normal);
    let text = stderr(&normal);
    assert!(
        !text.contains('\x1b'),
        "no colours without a terminal:\n{text}"
    );
    for line in [
        "    Building cli-good v1.2.3 for wasm32-unknown-unknown (release)",
        "  Generating JS glue for --target bundler",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(
        last_line(&normal).starts_with("    Packaged ")
            && last_line(&normal).contains("(bundler): cli_good.js, cli_good_bg.js, cli_good.d.ts"),
        "{text}"
    );
    let quiet = build(&["--quiet"]);
    ok(&quiet);
    assert_eq!(stderr(&quiet), "");
    let verbose = build(&["--verbose"]);
    ok(&verbose);
    let text = stderr(&verbose);
    assert!(
        text.contains("     Running ") && text.contains("--message-format=json-render-diagnostics"),
        "{text}"
    );
    assert!(text.contains("       Wrote "), "{text}");
}

/// `wasm-opt` runs on release builds when it is on PATH, and not with `--no-opt` or
/// `--dev`. A stand-in on PATH records its arguments, so this holds with or without
/// binaryen installed.
#[cfg(unix)]
#[test]
fn wasm_opt_when_on_path() {
    let dir = scratch("build-wasm-opt");
    let bin = dir.join("bin");
    let log = dir.join("wasm-opt.log");
    fake_tool(
        &bin,
        "wasm-opt",
        &format!(
            "echo \"$@\" >> {}\nwhile [ \"$1\" != -o ]; do in=\"$1\"; shift; done\ncp \"$in\" \"$2\"\n",
            log.display()
        ),
    );
    let build = |flags: &[&str]| {
        run(wbg()
            .args(["build", "--target", "nodejs"])
            .args(flags)
            .arg("--out-dir")
            .arg(dir.join("pkg"))
            .arg(fixture("good"))
            .env("PATH", path_with(&bin)))
    };
    let out = build(&[]);
    ok(&out);
    assert!(
        last_line(&out).contains("(nodejs, wasm-opt)"),
        "{}",
        stderr(&out)
    );
    let args = std::fs::read_to_string(&log).unwrap();
    assert!(args.starts_with("-O --enable-bulk-memory"), "{args}");
    for (flag, why) in [("--no-opt", "--no-opt"), ("--dev", "--dev build")] {
        let out = build(&[flag, "--verbose"]);
        ok(&out);
        let text = stderr(&out);
        assert!(last_line(&out).contains("(nodejs): "), "{flag}: {text}");
        assert!(
            text.contains(&format!("    Skipping wasm-opt ({why})\n")),
            "{flag}: {text}"
        );
        assert_eq!(std::fs::read_to_string(&log).unwrap(), args, "{flag}");
    }
}

#[cfg(unix)]
#[test]
fn wasm_opt_failure() {
    let dir = scratch("build-wasm-opt-fails");
    let bin = dir.join("bin");
    fake_tool(
        &bin,
        "wasm-opt",
        "echo '[wasm-validator error] bad things' >&2\nexit 1\n",
    );
    let out = run(wbg()
        .args(["build", "--target", "nodejs", "--out-dir"])
        .arg(dir.join("pkg"))
        .arg(fixture("good"))
        .env("PATH", path_with(&bin)));
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    assert_eq!(
        last_line(&out),
        "error: wasm-opt failed: [wasm-validator error] bad things; rerun with --no-opt to skip it"
    );
}

/// Writes an executable shell script `bin/name`.
#[cfg(unix)]
pub fn fake_tool(bin: &std::path::Path, name: &str, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(bin).unwrap();
    let path = bin.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn path_with(bin: &std::path::Path) -> std::ffi::OsString {
    let mut dirs = vec![bin.to_path_buf()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap()
}
