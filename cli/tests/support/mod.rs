//! Shared steps of the CLI suites: run the binaries, scratch directories, fixture paths,
//! and a throwaway Node project that installs a package from its `npm pack` tarball.

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

/// A separate Node project in `dir` that installs `pkg` as it would come from a registry:
/// `npm pack` makes the tarball (so only what package.json's `files` lists goes in, plus
/// what npm always adds) and `npm install` installs it, offline. Asserts that the
/// installed package holds exactly the `files` and package.json, then runs `script`
/// (CommonJS, or ESM when `esm`) there and returns its stdout.
pub fn use_from_node_project(dir: &Path, pkg: &Path, esm: bool, script: &str) -> String {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("package.json"),
        "{ \"name\": \"consumer\", \"version\": \"1.0.0\", \"private\": true }\n",
    )
    .unwrap();
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(pkg.join("package.json")).unwrap()).unwrap();
    let name = manifest["name"].as_str().expect("package.json has a name");
    let mut listed: Vec<String> = manifest["files"]
        .as_array()
        .expect("package.json has `files`")
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    listed.push("package.json".into());
    listed.sort();

    let pack = npm(dir, &["pack", "--json", "--pack-destination", "."], pkg);
    let packed: serde_json::Value = serde_json::from_str(&pack).unwrap();
    let tarball = dir.join(
        packed[0]["filename"]
            .as_str()
            .expect("npm pack names the tarball"),
    );
    npm(
        dir,
        &[
            "install",
            "--offline",
            "--no-audit",
            "--no-fund",
            "--no-package-lock",
        ],
        &tarball,
    );
    let installed = dir.join("node_modules").join(name);
    let mut present = Vec::new();
    files_below(&installed, "", &mut present);
    present.sort();
    assert_eq!(
        present,
        listed,
        "installed {name} from {}",
        tarball.display()
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

/// Runs `npm <args> <target>` in `dir`, asserts success and returns stdout.
fn npm(dir: &Path, args: &[&str], target: &Path) -> String {
    let out = Command::new("npm")
        .args(args)
        .arg(target)
        .current_dir(dir)
        .output()
        .expect("npm runs");
    assert!(
        out.status.success(),
        "npm {args:?} {}:\n{}{}",
        target.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The files below `dir`, as `/`-separated paths after `prefix`.
fn files_below(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            files_below(&entry.path(), &format!("{name}/"), out);
        } else {
            out.push(name);
        }
    }
}
