//! Shared steps of the CLI suites: run the binaries, scratch directories, fixture paths,
//! and a throwaway Node project that installs a package by path.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

pub fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// A fresh, empty directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `wbg` with every wasm32 build in the shared target dir (target/wasm, as the e2e suite
/// and scripts/ use), so the runtime is compiled once for all of them.
pub fn wbg() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wbg"));
    cmd.env("CARGO_TARGET_DIR", repo_root().join("target").join("wasm"))
        .env_remove("NO_COLOR");
    cmd
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("wbg runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts success, showing stderr otherwise.
pub fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}\n{}",
        o.status.code(),
        stderr(o)
    );
}

/// The last non-empty line of stderr: where a failure's one-line message is.
pub fn last_line(o: &Output) -> String {
    stderr(o)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_string()
}

/// A separate Node project in `dir` that installs `pkg` by path (offline: it is a local
/// directory) and runs `script` (CommonJS, or ESM when `esm`) there; returns stdout.
pub fn use_from_node_project(dir: &Path, pkg: &Path, esm: bool, script: &str) -> String {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("package.json"),
        "{ \"name\": \"consumer\", \"version\": \"1.0.0\", \"private\": true }\n",
    )
    .unwrap();
    let npm = Command::new("npm")
        .args([
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "--no-package-lock",
        ])
        .arg(pkg)
        .current_dir(dir)
        .output()
        .expect("npm runs");
    assert!(
        npm.status.success(),
        "npm install {}:\n{}{}",
        pkg.display(),
        String::from_utf8_lossy(&npm.stdout),
        String::from_utf8_lossy(&npm.stderr)
    );
    let file = dir.join(if esm { "main.mjs" } else { "main.cjs" });
    std::fs::write(&file, script).unwrap();
    let node = Command::new("node")
        .arg(&file)
        .current_dir(dir)
        .output()
        .expect("node runs");
    assert!(
        node.status.success(),
        "node {}:\n{}",
        file.display(),
        String::from_utf8_lossy(&node.stderr)
    );
    String::from_utf8_lossy(&node.stdout).into_owned()
}
