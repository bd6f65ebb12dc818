//! Running `cargo build --message-format=json` for wasm32 and reading what it says: the
//! `.wasm` it produced and rustc's diagnostics with their files and positions.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde::Deserialize;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::config::Config;

/// The lines of cargo's JSON output we use (variants named after cargo's `reason`s).
#[derive(Debug, Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
enum CargoLine {
    CompilerMessage {
        message: RustcMessage,
    },
    CompilerArtifact {
        manifest_path: PathBuf,
        filenames: Vec<PathBuf>,
    },
    BuildFinished {
        success: bool,
    },
    #[serde(other)]
    Other,
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

#[derive(Debug, Default)]
pub struct BuildResult {
    pub success: bool,
    /// The `.wasm` of the crate that was asked for.
    pub wasm: Option<PathBuf>,
    pub messages: Vec<RustcMessage>,
    /// What cargo printed on stderr (shown when the build fails without rustc messages).
    pub stderr: String,
}

impl BuildResult {
    /// Folds one line of cargo's stdout in; lines that are not JSON are ignored.
    fn add_line(&mut self, manifest: &Path, line: &str) {
        match serde_json::from_str::<CargoLine>(line) {
            Ok(CargoLine::CompilerMessage { message }) => self.messages.push(message),
            Ok(CargoLine::CompilerArtifact {
                manifest_path,
                filenames,
            }) if manifest_path == manifest => {
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

/// `cargo build --lib --target wasm32-unknown-unknown` for the crate of `manifest`. The
/// child is killed if this future is dropped (a newer save cancels the build).
pub async fn build(manifest: &Path, config: &Config) -> std::io::Result<BuildResult> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut child = Command::new(cargo)
        .args([
            "build",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--message-format=json",
        ])
        .arg("--manifest-path")
        .arg(manifest)
        .args(config.profile_args())
        .args(&config.cargo_args)
        .current_dir(manifest.parent().unwrap_or(Path::new(".")))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let err_reader = tokio::spawn(async move {
        let mut s = String::new();
        let _ = tokio::io::AsyncReadExt::read_to_string(&mut stderr, &mut s).await;
        s
    });
    let mut result = BuildResult::default();
    let mut lines = BufReader::new(stdout).lines();
    while let Some(line) = lines.next_line().await? {
        result.add_line(manifest, &line);
    }
    let status = child.wait().await?;
    result.success &= status.success();
    result.stderr = err_reader.await.unwrap_or_default();
    Ok(result)
}

/// The file a rustc span names: absolute, or relative to the directory cargo ran rustc in
/// (the workspace root, which is the crate's directory or one of its parents).
pub fn resolve(crate_dir: &Path, file: &Path) -> Option<PathBuf> {
    if file.is_absolute() {
        return Some(file.to_path_buf());
    }
    crate_dir
        .ancestors()
        .map(|d| d.join(file))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_messages_artifacts_and_the_result() {
        let manifest = Path::new("/w/app/Cargo.toml");
        let mut r = BuildResult::default();
        for line in [
            r#"{"reason":"compiler-artifact","manifest_path":"/w/dep/Cargo.toml","filenames":["/t/dep.wasm"],"target":{}}"#,
            r#"{"reason":"compiler-message","package_id":"x","message":{"message":"mismatched types","level":"error","code":{"code":"E0308","explanation":null},"rendered":"…","children":[],"spans":[{"file_name":"src/lib.rs","byte_start":1,"byte_end":2,"line_start":3,"line_end":3,"column_start":5,"column_end":9,"is_primary":true,"label":null,"text":[]}]}}"#,
            r#"{"reason":"compiler-artifact","manifest_path":"/w/app/Cargo.toml","filenames":["/t/app.d","/t/app.wasm"],"target":{}}"#,
            "Compiling app (not JSON)",
            r#"{"reason":"build-finished","success":true}"#,
        ] {
            r.add_line(manifest, line);
        }
        assert!(r.success);
        assert_eq!(r.wasm.as_deref(), Some(Path::new("/t/app.wasm")));
        assert_eq!(r.messages.len(), 1);
        let m = &r.messages[0];
        assert_eq!(
            (m.level.as_str(), m.code.as_ref().unwrap().code.as_str()),
            ("error", "E0308")
        );
        assert_eq!((m.spans[0].line_start, m.spans[0].column_start), (3, 5));
    }
}
