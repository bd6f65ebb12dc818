//! Everything wbg asks of cargo and rustc: where the crate is (`cargo metadata`), whether
//! the toolchain can build for wasm32, and the build itself, whose progress streams to
//! stderr while `--message-format=json` on stdout tells which `.wasm` it produced.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::exit::{Exit, Failure};
use crate::ui::Ui;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// A cdylib crate as cargo sees it.
#[derive(Debug, Clone)]
pub struct Crate {
    pub manifest: PathBuf,
    pub dir: PathBuf,
    pub workspace_root: PathBuf,
    pub target_dir: PathBuf,
    /// The package's `cargo metadata` entry (name, version, license, readme, ...).
    pub package: Value,
    /// The library's crate name (`my_crate`): the `.wasm`'s and the outputs' base name.
    pub lib_name: String,
}

impl Crate {
    pub fn name(&self) -> &str {
        self.field("name").unwrap_or(&self.lib_name)
    }

    /// A string field of the package's metadata, when set.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.package.get(key).and_then(Value::as_str)
    }
}

/// `cargo`, or the one running us (`CARGO` is set under `cargo run` and in tests).
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn cannot_run(what: &str, e: std::io::Error) -> Failure {
    Failure::new(
        Exit::CargoFailed,
        format!("cannot run `{what}`: {e}; is Rust installed (https://rustup.rs)?"),
    )
}

/// `path` is a crate directory or its `Cargo.toml`.
pub fn manifest_path(path: &Path) -> Result<PathBuf, Failure> {
    let manifest = if path.file_name().is_some_and(|n| n == "Cargo.toml") {
        path.to_path_buf()
    } else {
        path.join("Cargo.toml")
    };
    if manifest.is_file() {
        Ok(manifest)
    } else {
        Err(Failure::new(
            Exit::NoCrate,
            format!(
                "no Cargo.toml in {}; run wbg in a crate's directory or pass it as PATH",
                display_dir(path)
            ),
        ))
    }
}

fn display_dir(path: &Path) -> String {
    if path.as_os_str().is_empty() || path == Path::new(".") {
        "the current directory".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads the crate at `path` with `cargo metadata` and checks it builds a cdylib.
pub fn locate(path: &Path) -> Result<Crate, Failure> {
    let manifest = manifest_path(path)?;
    let manifest = manifest
        .canonicalize()
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", manifest.display())))?;
    let output = cargo()
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--manifest-path",
        ])
        .arg(&manifest)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| cannot_run("cargo metadata", e))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(Failure::new(
            Exit::NoCrate,
            format!(
                "cargo cannot read {}: {}",
                manifest.display(),
                first_error(&stderr)
            ),
        ));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| Failure::io(format!("unexpected output from cargo metadata: {e}")))?;
    let packages = metadata["packages"].as_array().cloned().unwrap_or_default();
    let Some(package) = packages
        .into_iter()
        .find(|p| p["manifest_path"].as_str().map(Path::new) == Some(manifest.as_path()))
    else {
        return Err(Failure::new(
            Exit::NoCrate,
            format!(
                "{} is a workspace manifest without a package; pass the directory of the crate to build",
                manifest.display()
            ),
        ));
    };
    let name = package["name"].as_str().unwrap_or_default().to_string();
    let lib_name = cdylib_name(&package).ok_or_else(|| {
        Failure::new(
            Exit::NotCdylib,
            format!(
                "crate `{name}` is not a cdylib; add `crate-type = [\"cdylib\", \"rlib\"]` under `[lib]` in {}",
                manifest.display()
            ),
        )
    })?;
    let dir = manifest
        .parent()
        .expect("a file has a parent")
        .to_path_buf();
    let path_of = |key: &str| metadata[key].as_str().map(PathBuf::from);
    Ok(Crate {
        workspace_root: path_of("workspace_root").unwrap_or_else(|| dir.clone()),
        target_dir: path_of("target_directory").unwrap_or_else(|| dir.join("target")),
        manifest,
        dir,
        package,
        lib_name,
    })
}

fn cdylib_name(package: &Value) -> Option<String> {
    package["targets"].as_array()?.iter().find_map(|t| {
        let kinds = t["crate_types"].as_array()?;
        kinds
            .iter()
            .any(|k| k == "cdylib")
            .then(|| t["name"].as_str().unwrap_or_default().replace('-', "_"))
    })
}

/// cargo's first `error:` line without the prefix, or its last line.
fn first_error(stderr: &str) -> String {
    stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .or_else(|| stderr.lines().rev().find(|l| !l.trim().is_empty()))
        .unwrap_or("unknown error")
        .trim()
        .to_string()
}

/// Fails with the `rustup target add` command when the toolchain that would build `dir`
/// has no wasm32 standard library. rustc finds it in `<sysroot>/lib/rustlib/<target>`;
/// asking rustc from `dir` honours rustup overrides and `rust-toolchain.toml` there.
pub fn check_wasm_target(dir: &Path) -> Result<(), Failure> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(output) = Command::new(rustc)
        .args(["--print", "sysroot"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
    else {
        // cargo will say what is wrong with the toolchain.
        return Ok(());
    };
    let sysroot = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if !output.status.success() || sysroot.is_empty() {
        return Ok(());
    }
    let lib = Path::new(&sysroot)
        .join("lib")
        .join("rustlib")
        .join(WASM_TARGET);
    if lib.is_dir() {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::NoWasmTarget,
            format!(
                "the {WASM_TARGET} target is not installed for this Rust toolchain; run `rustup target add {WASM_TARGET}`"
            ),
        ))
    }
}

/// How cargo should build.
pub struct BuildRequest<'a> {
    pub krate: &'a Crate,
    pub release: bool,
    /// Extra arguments after `--`, passed to `cargo build` as they are.
    pub cargo_args: &'a [String],
}

/// Runs `cargo build --lib --target wasm32-unknown-unknown` and returns the `.wasm` it
/// wrote. cargo's own progress and errors go straight to our stderr.
pub fn build(request: &BuildRequest<'_>, ui: &Ui) -> Result<PathBuf, Failure> {
    let krate = request.krate;
    let mut cmd = cargo();
    cmd.args(["build", "--lib", "--target", WASM_TARGET])
        .arg("--manifest-path")
        .arg(&krate.manifest)
        .arg("--message-format=json-render-diagnostics");
    if request.release {
        cmd.arg("--release");
    }
    if ui.quiet() {
        cmd.arg("--quiet");
    }
    if !ui.color() {
        cmd.args(["--color", "never"]);
    }
    cmd.args(request.cargo_args);
    ui.detail("Running", &format!("{cmd:?}"));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| cannot_run("cargo build", e))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let package_id = krate.package["id"].as_str().unwrap_or_default().to_string();
    let mut wasm = None;
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if let Some(path) = wasm_artifact(&line, &package_id) {
            wasm = Some(path);
        }
    }
    let status = child.wait().map_err(|e| cannot_run("cargo build", e))?;
    if !status.success() {
        return Err(Failure::new(
            Exit::CargoFailed,
            format!(
                "cargo build failed for `{}` (its errors are above)",
                krate.name()
            ),
        ));
    }
    wasm.ok_or_else(|| {
        Failure::io(format!(
            "cargo built no .wasm for `{}`; is `cdylib` among its crate types?",
            krate.name()
        ))
    })
}

/// The `.wasm` of a `compiler-artifact` message for our package's cdylib, if `line` is one.
fn wasm_artifact(line: &str, package_id: &str) -> Option<PathBuf> {
    let msg: Value = serde_json::from_str(line).ok()?;
    if msg["reason"] != "compiler-artifact" || msg["package_id"] != package_id {
        return None;
    }
    let is_cdylib = msg["target"]["crate_types"]
        .as_array()?
        .iter()
        .any(|k| k == "cdylib");
    if !is_cdylib {
        return None;
    }
    msg["filenames"]
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .find(|f| f.ends_with(".wasm"))
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_wasm_of_our_cdylib_only() {
        let ours = r#"{"reason":"compiler-artifact","package_id":"path+file:///a#x@0.1.0","target":{"crate_types":["cdylib","rlib"]},"filenames":["/t/x.rlib","/t/x.wasm"]}"#;
        let dep = r#"{"reason":"compiler-artifact","package_id":"path+file:///b#y@0.1.0","target":{"crate_types":["cdylib"]},"filenames":["/t/y.wasm"]}"#;
        let id = "path+file:///a#x@0.1.0";
        assert_eq!(wasm_artifact(ours, id), Some(PathBuf::from("/t/x.wasm")));
        assert_eq!(wasm_artifact(dep, id), None);
        assert_eq!(wasm_artifact("Compiling x", id), None);
        assert_eq!(
            wasm_artifact(r#"{"reason":"build-finished","success":true}"#, id),
            None
        );
    }

    #[test]
    fn first_error_line() {
        let stderr =
            "warning: x\nerror: failed to parse manifest at `/a/Cargo.toml`\n\nCaused by:\n  y\n";
        assert_eq!(
            first_error(stderr),
            "failed to parse manifest at `/a/Cargo.toml`"
        );
        assert_eq!(first_error("something odd\n"), "something odd");
    }
}
