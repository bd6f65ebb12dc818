//! The wasm32 `cargo build` of a project: the one command line (profile, patches, message
//! format, extra arguments) and the reading of cargo's JSON messages (the `.wasm` of the
//! crate's cdylib, rustc's diagnostics, the result). The CLI runs it in the foreground
//! ([`run`]); the server runs the same [`command`] under tokio and folds the same lines.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

use crate::error::Error;
use crate::project::Project;
use crate::WASM_TARGET;

/// The cargo profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Profile {
    Dev,
    Release,
    Custom(String),
}

impl Profile {
    /// `dev` (or empty), `release`, or a custom profile's name.
    pub fn named(name: &str) -> Profile {
        match name {
            "dev" | "" => Profile::Dev,
            "release" => Profile::Release,
            other => Profile::Custom(other.to_string()),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Profile::Dev => "dev",
            Profile::Release => "release",
            Profile::Custom(name) => name,
        }
    }

    /// The `cargo build` arguments that select it.
    pub fn args(&self) -> Vec<String> {
        match self {
            Profile::Dev => Vec::new(),
            Profile::Release => vec!["--release".into()],
            Profile::Custom(name) => vec!["--profile".into(), name.clone()],
        }
    }
}

/// How cargo reports rustc's diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Diagnostics {
    /// Rendered by cargo on stderr, for a person (`wbg build`).
    Rendered,
    /// As JSON messages on stdout, for an editor.
    Json,
}

/// What the build is asked to do besides building the crate's library.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    pub profile: Profile,
    /// Passed to `cargo build` as they are, last.
    pub cargo_args: &'a [String],
    pub diagnostics: Diagnostics,
    pub quiet: bool,
    pub color: bool,
}

/// `cargo build --lib --target wasm32-unknown-unknown` for `project`, with its patches,
/// run from the crate's directory (so its `.cargo/config.toml` applies) with stdin closed
/// and stdout piped (the JSON messages); stderr is left for the caller to set.
pub fn command(project: &Project, options: &Options<'_>) -> Command {
    let mut cmd = crate::cargo();
    cmd.args(["build", "--lib", "--target", WASM_TARGET])
        .arg("--manifest-path")
        .arg(&project.manifest)
        .arg(match options.diagnostics {
            Diagnostics::Rendered => "--message-format=json-render-diagnostics",
            Diagnostics::Json => "--message-format=json",
        })
        .args(options.profile.args());
    if options.quiet {
        cmd.arg("--quiet");
    }
    if !options.color {
        cmd.args(["--color", "never"]);
    }
    cmd.args(crate::runtime::Patch::args(&project.patches))
        .args(options.cargo_args)
        .current_dir(&project.dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped());
    cmd
}

/// `cargo test --target wasm32-unknown-unknown` for `project`, with its patches and
/// `runner` (a program and its leading arguments) as cargo's runner for wasm32, then
/// `args` as they are; run from the crate's directory with stdin closed.
pub fn test_command(project: &Project, runner: &[String], args: &[String]) -> Command {
    let runner = toml::Value::Array(runner.iter().cloned().map(toml::Value::String).collect());
    let mut cmd = crate::cargo();
    cmd.args(["test", "--target", WASM_TARGET])
        .arg("--manifest-path")
        .arg(&project.manifest)
        .args(crate::runtime::Patch::args(&project.patches))
        .arg("--config")
        .arg(format!("target.{WASM_TARGET}.runner={runner}"))
        .args(args)
        .current_dir(&project.dir)
        .stdin(Stdio::null());
    cmd
}

/// Runs [`command`] with cargo's progress and errors on our stderr and returns the `.wasm`
/// it wrote.
pub fn run(project: &Project, options: &Options<'_>) -> Result<PathBuf, Error> {
    let cannot_run = |e| Error::CannotRun {
        what: "cargo build".into(),
        source: e,
    };
    let mut child = command(project, options)
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(cannot_run)?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut log = Log::new(project.id());
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        log.add_line(&line);
    }
    let status = child.wait().map_err(cannot_run)?;
    if !status.success() {
        return Err(Error::BuildFailed(project.name().to_string()));
    }
    log.wasm
        .ok_or_else(|| Error::NoWasm(project.name().to_string()))
}

/// What cargo's JSON messages said.
#[derive(Debug, Default)]
pub struct Log {
    package_id: String,
    pub success: bool,
    /// The `.wasm` of the project's cdylib.
    pub wasm: Option<PathBuf>,
    /// rustc's diagnostics (with [`Diagnostics::Json`]).
    pub messages: Vec<RustcMessage>,
}

/// The lines of cargo's JSON output we use (variants named after cargo's `reason`s).
#[derive(Debug, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
enum CargoLine {
    CompilerMessage {
        message: RustcMessage,
    },
    CompilerArtifact {
        package_id: String,
        target: ArtifactTarget,
        filenames: Vec<PathBuf>,
    },
    BuildFinished {
        success: bool,
    },
    #[serde(other)]
    Other,
}

#[derive(Debug, Deserialize)]
struct ArtifactTarget {
    crate_types: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RustcMessage {
    pub message: String,
    pub level: String,
    pub code: Option<RustcCode>,
    pub spans: Vec<RustcSpan>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct RustcCode {
    pub code: String,
}

/// Lines and columns count from 1; columns in chars.
#[derive(Debug, Clone, Deserialize)]
pub struct RustcSpan {
    pub file_name: PathBuf,
    pub line_start: usize,
    pub line_end: usize,
    pub column_start: usize,
    pub column_end: usize,
    pub is_primary: bool,
}

impl Log {
    /// A log for the build of the package `package_id`.
    pub fn new(package_id: &str) -> Log {
        Log {
            package_id: package_id.to_string(),
            ..Log::default()
        }
    }

    /// Folds one line of cargo's stdout in; lines that are not JSON are ignored.
    pub fn add_line(&mut self, line: &str) {
        match serde_json::from_str::<CargoLine>(line) {
            Ok(CargoLine::CompilerMessage { message }) => self.messages.push(message),
            Ok(CargoLine::CompilerArtifact {
                package_id,
                target,
                filenames,
            }) if package_id == self.package_id
                && target.crate_types.iter().any(|k| k == "cdylib") =>
            {
                if let Some(w) = filenames
                    .into_iter()
                    .find(|f| f.extension().is_some_and(|e| e == "wasm"))
                {
                    self.wasm = Some(w);
                }
            }
            Ok(CargoLine::BuildFinished { success }) => self.success = success,
            _ => {}
        }
    }
}

/// The file a rustc span names: absolute, or relative to the directory cargo ran rustc in
/// (the workspace root, which is the crate's directory or one of its parents).
pub fn resolve_span_file(crate_dir: &Path, file: &Path) -> Option<PathBuf> {
    if file.is_absolute() {
        return Some(file.to_path_buf());
    }
    crate_dir
        .ancestors()
        .map(|d| d.join(file))
        .find(|p| p.is_file())
}

/// Fails with the `rustup target add` command when the toolchain that would build `dir`
/// has no wasm32 standard library. rustc finds it in `<sysroot>/lib/rustlib/<target>`;
/// asking rustc from `dir` honours rustup overrides and `rust-toolchain.toml` there.
pub fn check_wasm_target(dir: &Path) -> Result<(), Error> {
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
        Err(Error::NoWasmTarget)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_messages_the_wasm_of_our_cdylib_and_the_result() {
        let mut log = Log::new("path+file:///w/app#0.1.0");
        for line in [
            r#"{"reason":"compiler-artifact","package_id":"path+file:///w/dep#0.1.0","target":{"crate_types":["cdylib"]},"filenames":["/t/dep.wasm"]}"#,
            r#"{"reason":"compiler-message","package_id":"x","message":{"message":"mismatched types","level":"error","code":{"code":"E0308","explanation":null},"rendered":"…","children":[],"spans":[{"file_name":"src/lib.rs","byte_start":1,"byte_end":2,"line_start":3,"line_end":3,"column_start":5,"column_end":9,"is_primary":true,"label":null,"text":[]}]}}"#,
            r#"{"reason":"compiler-artifact","package_id":"path+file:///w/app#0.1.0","target":{"crate_types":["rlib"]},"filenames":["/t/libapp.rlib"]}"#,
            r#"{"reason":"compiler-artifact","package_id":"path+file:///w/app#0.1.0","target":{"crate_types":["cdylib","rlib"]},"filenames":["/t/app.rlib","/t/app.wasm"]}"#,
            "Compiling app (not JSON)",
            r#"{"reason":"build-finished","success":true}"#,
        ] {
            log.add_line(line);
        }
        assert!(log.success);
        assert_eq!(log.wasm.as_deref(), Some(Path::new("/t/app.wasm")));
        assert_eq!(log.messages.len(), 1);
        let m = &log.messages[0];
        assert_eq!(
            (m.level.as_str(), m.code.as_ref().unwrap().code.as_str()),
            ("error", "E0308")
        );
        assert_eq!((m.spans[0].line_start, m.spans[0].column_start), (3, 5));
    }

    #[test]
    fn profiles() {
        assert_eq!(Profile::named("dev").args(), Vec::<String>::new());
        assert_eq!(Profile::named("release").args(), ["--release"]);
        assert_eq!(Profile::named("bench").args(), ["--profile", "bench"]);
    }
}
