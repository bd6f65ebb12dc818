//! Regenerate on save: saving a `.rs` file of a crate that depends on `wasm-bindgen`
//! builds it for wasm32 and runs core-gen's bindgen into the configured out dir. A newer
//! save of the same crate cancels the running one (its cargo is killed). Progress goes
//! through `window/workDoneProgress`; rustc's diagnostics are published on their files;
//! failures are shown as messages; success sends `wbg/generated` with what was written.

pub mod cargo;
pub mod output;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use ropey::Rope;
use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::notification::Notification;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticSeverity, MessageType, NumberOrString, ProgressToken, Uri,
};
use tower_lsp_server::{NotCancellable, OngoingProgress, Unbounded};
use wbg_core_gen::ide;

use crate::handlers::diagnostics::{is_rust, publish};
use crate::{analysis, config::Config, position, state::State};

/// `wbg/generated`: sent after each successful regeneration.
pub enum Generated {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GeneratedParams {
    pub crate_dir: PathBuf,
    pub out_dir: PathBuf,
    pub target: String,
    pub files: Vec<output::WrittenFile>,
}

impl Notification for Generated {
    type Params = GeneratedParams;
    const METHOD: &'static str = "wbg/generated";
}

#[derive(Debug, Clone)]
struct Crate {
    dir: PathBuf,
    manifest: PathBuf,
}

/// The nearest package manifest above `file`, if that package uses `wasm-bindgen`.
fn find_crate(file: &Path) -> Option<Crate> {
    for dir in file.ancestors().skip(1) {
        let manifest = dir.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else {
            continue;
        };
        if !text.contains("[package]") {
            continue;
        }
        let uses = text.contains("wasm-bindgen") || text.contains("wasm_bindgen");
        return uses.then(|| Crate {
            dir: dir.to_path_buf(),
            manifest,
        });
    }
    None
}

/// Starts (or restarts) the regeneration of the crate `uri` belongs to.
pub async fn on_save(state: Arc<State>, uri: Uri) {
    let config = state.config();
    if !config.regenerate_on_save || !is_rust(&uri) {
        return;
    }
    let Some(krate) = uri.to_file_path().and_then(|p| find_crate(&p)) else {
        return;
    };
    let out_dir = output::normalize(&krate.dir.join(&config.out_dir));
    let mut roots = state.roots();
    if roots.is_empty() {
        roots.push(krate.dir.clone());
    }
    if !output::inside(&krate.dir, &roots) || !output::inside(&out_dir, &roots) {
        let msg = format!(
            "wbg: not regenerating: {} is outside the workspace (check the `outDir` setting)",
            out_dir.display()
        );
        state.client.show_message(MessageType::WARNING, msg).await;
        return;
    }
    let mut running = state.regen.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(previous) = running.remove(&krate.dir) {
        previous.abort();
    }
    let task = tokio::spawn(run(state.clone(), krate.clone(), out_dir, config));
    running.insert(krate.dir, task.abort_handle());
}

/// Ends the client's progress even when the task is cancelled (dropped) midway.
struct ProgressGuard(Option<OngoingProgress<Unbounded, NotCancellable>>);

static TOKENS: AtomicU64 = AtomicU64::new(0);

impl ProgressGuard {
    async fn begin(state: &State, message: String) -> ProgressGuard {
        if !state.supports_progress.load(Ordering::Relaxed) {
            return ProgressGuard(None);
        }
        let n = TOKENS.fetch_add(1, Ordering::Relaxed);
        let token = ProgressToken::String(format!("wbg/regenerate/{n}"));
        if state
            .client
            .create_work_done_progress(token.clone())
            .await
            .is_err()
        {
            return ProgressGuard(None);
        }
        let p = state
            .client
            .progress(token, "wbg: regenerating glue")
            .with_message(message);
        ProgressGuard(Some(p.begin().await))
    }

    async fn report(&self, message: &str) {
        if let Some(p) = &self.0 {
            p.report(message.to_string()).await;
        }
    }

    async fn finish(mut self, message: String) {
        if let Some(p) = self.0.take() {
            p.finish_with_message(message).await;
        }
    }
}

impl Drop for ProgressGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            tokio::spawn(p.finish_with_message("cancelled by a newer save"));
        }
    }
}

async fn run(state: Arc<State>, krate: Crate, out_dir: PathBuf, config: Config) {
    let name = krate
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let progress = ProgressGuard::begin(&state, format!("cargo build {name} (wasm32)")).await;
    let build = match cargo::build(&krate.manifest, &config).await {
        Ok(b) => b,
        Err(e) => return fail(&state, progress, format!("wbg: cannot run cargo: {e}")).await,
    };
    let diags = build_diagnostics(&state, &krate.dir, &build.messages);
    for uri in state.set_build_diagnostics(&krate.dir, diags) {
        let version = state.document(&uri).map(|d| d.version);
        publish(&state, &uri, version).await;
    }
    let wasm = match (build.success, build.wasm) {
        (true, Some(wasm)) => wasm,
        (success, _) => {
            let errors = build.messages.iter().filter(|m| m.level == "error").count();
            let why = if !success && errors > 0 {
                format!("{errors} error(s), see the Problems list")
            } else if !success {
                build
                    .stderr
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .to_string()
            } else {
                "cargo produced no .wasm for the library (is `crate-type = [\"cdylib\"]` set?)"
                    .into()
            };
            return fail(
                &state,
                progress,
                format!("wbg: cargo build failed for {name}: {why}"),
            )
            .await;
        }
    };
    progress.report("generating glue").await;
    let target = config.target;
    let dir = out_dir.clone();
    let files = match analysis::run(move || output::generate(&wasm, &dir, target)).await {
        Ok(Ok(files)) => files,
        Ok(Err(e)) | Err(e) => {
            return fail(
                &state,
                progress,
                format!("wbg: bindgen failed for {name}: {e}"),
            )
            .await
        }
    };
    let written = files.len();
    let params = GeneratedParams {
        crate_dir: krate.dir.clone(),
        out_dir: out_dir.clone(),
        target: target.name().into(),
        files,
    };
    state.client.send_notification::<Generated>(params).await;
    progress
        .finish(format!("wrote {written} files to {}", out_dir.display()))
        .await;
}

async fn fail(state: &State, progress: ProgressGuard, message: String) {
    progress.finish(message.clone()).await;
    state.client.show_message(MessageType::ERROR, message).await;
}

/// rustc's messages as LSP diagnostics, by file (primary spans only).
fn build_diagnostics(
    state: &State,
    crate_dir: &Path,
    messages: &[cargo::RustcMessage],
) -> HashMap<Uri, Vec<Diagnostic>> {
    let enc = state.encoding();
    let mut ropes: HashMap<PathBuf, Option<Rope>> = HashMap::new();
    let mut out: HashMap<Uri, Vec<Diagnostic>> = HashMap::new();
    for m in messages {
        let severity = match m.level.as_str() {
            "error" => DiagnosticSeverity::ERROR,
            "warning" => DiagnosticSeverity::WARNING,
            _ => continue,
        };
        let Some(span) = m.spans.iter().find(|s| s.is_primary) else {
            continue;
        };
        let Some(path) = cargo::resolve(crate_dir, &span.file_name) else {
            continue;
        };
        let Some(uri) = Uri::from_file_path(&path) else {
            continue;
        };
        // Positions are converted against the text the editor has, else the file on disk.
        let rope = ropes
            .entry(path.clone())
            .or_insert_with(|| match state.document(&uri) {
                Some(doc) => Some(doc.rope),
                None => std::fs::read_to_string(&path)
                    .ok()
                    .map(|t| Rope::from_str(&t)),
            });
        let Some(rope) = rope else {
            continue;
        };
        let at = |line: usize, column: usize| ide::Pos {
            line,
            column: column.saturating_sub(1),
        };
        let range = ide::Range {
            start: at(span.line_start, span.column_start),
            end: at(span.line_end, span.column_end),
        };
        out.entry(uri).or_default().push(Diagnostic {
            range: position::range_from_ide(rope, range, enc),
            severity: Some(severity),
            code: m
                .code
                .as_ref()
                .map(|c| NumberOrString::String(c.code.clone())),
            source: Some("rustc".into()),
            message: m.message.clone(),
            ..Diagnostic::default()
        });
    }
    out
}
