//! Regenerate on save: saving a `.rs` file of a crate that depends on `wasm-bindgen` (as
//! its resolved dependencies say) builds it for wasm32 and writes its package into the
//! configured out dir, all through the project model (`wbg_project`), so the files are
//! exactly those `wbg build` writes with the same target and profile. A newer
//! save of the same crate cancels the running one (its cargo is killed). Progress goes
//! through `window/workDoneProgress`; rustc's diagnostics are published on their files;
//! failures are shown as messages; success sends `wbg/generated` with what was written.
//! Each run also sends `wbg/status` (regenerating, then done or failed) for a status bar.
//! The custom requests `wbg/regenerate` (regenerate now, whatever `regenerateOnSave` says)
//! and `wbg/generatedFiles` (the glue on disk for a file's crate) serve editor commands.

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
use wbg_ide as ide;
use wbg_project::build::{resolve_span_file, RustcMessage};
use wbg_project::Project;

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

/// `wbg/status`: the state of a crate's regeneration, sent when it starts and ends.
pub enum Status {}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusParams {
    pub crate_dir: PathBuf,
    /// `regenerating`, `done` or `failed`.
    pub state: String,
    pub message: String,
}

impl Notification for Status {
    type Params = StatusParams;
    const METHOD: &'static str = "wbg/status";
}

/// Params of `wbg/regenerate` and `wbg/generatedFiles`: the file whose crate is meant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CrateOfFile {
    pub text_document: tower_lsp_server::ls_types::TextDocumentIdentifier,
}

/// Reply to `wbg/regenerate` (the run started) and `wbg/generatedFiles` (the text files
/// in the out dir, `.d.ts` first, then `.js`, then the rest, by name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CrateGlue {
    pub crate_dir: PathBuf,
    pub out_dir: PathBuf,
    pub files: Vec<output::WrittenFile>,
}

/// A file's crate as the manifest alone says (no cargo): enough to key runs and check the
/// out dir; whether it uses wasm-bindgen is asked of cargo when it is built.
#[derive(Debug, Clone)]
struct Crate {
    dir: PathBuf,
    manifest: PathBuf,
}

/// The package `file` belongs to: the nearest manifest above it with a `[package]`.
fn find_crate(file: &Path) -> Option<Crate> {
    let manifest = wbg_project::manifest::package_manifest_of(file)?;
    Some(Crate {
        dir: manifest.parent()?.to_path_buf(),
        manifest,
    })
}

/// The directory of the package `file` belongs to.
pub fn crate_dir(file: &Path) -> Option<PathBuf> {
    find_crate(file).map(|krate| krate.dir)
}

/// Starts (or restarts) the regeneration of the crate `uri` belongs to.
pub async fn on_save(state: Arc<State>, uri: Uri) {
    if !state.config().regenerate_on_save || !is_rust(&uri) {
        return;
    }
    match start(state.clone(), &uri, false).await {
        Ok(_) | Err(Refused::NotACrate) => {}
        Err(Refused::Outside(msg)) => state.client.show_message(MessageType::WARNING, msg).await,
    }
}

/// `wbg/regenerate`: regenerates the crate of a file now; the outcome follows as
/// `wbg/status` (and `wbg/generated`).
pub async fn regenerate_now(state: Arc<State>, uri: Uri) -> Result<CrateGlue, String> {
    match start(state, &uri, true).await {
        Ok(glue) => Ok(glue),
        Err(Refused::NotACrate) => Err(not_a_crate(&uri)),
        Err(Refused::Outside(msg)) => Err(msg),
    }
}

/// `wbg/generatedFiles`: the glue last written for the crate of a file, read from disk.
pub fn generated_files(state: &State, uri: &Uri) -> Result<CrateGlue, String> {
    let (krate, out_dir) = locate(state, uri)?.ok_or_else(|| not_a_crate(uri))?;
    let mut files: Vec<output::WrittenFile> = std::fs::read_dir(&out_dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e != "wasm") && p.is_file())
        .filter_map(|path| {
            let contents = std::fs::read_to_string(&path).ok();
            contents.map(|c| output::WrittenFile {
                path,
                contents: Some(c),
            })
        })
        .collect();
    let rank = |p: &Path| match p.to_string_lossy() {
        n if n.ends_with(".d.ts") => 0,
        n if n.ends_with(".js") => 1,
        _ => 2,
    };
    files.sort_by_key(|f| (rank(&f.path), f.path.clone()));
    Ok(CrateGlue {
        crate_dir: krate.dir,
        out_dir,
        files,
    })
}

fn not_a_crate(uri: &Uri) -> String {
    format!(
        "wbg: {} is not in a crate that depends on wasm-bindgen",
        uri.as_str()
    )
}

enum Refused {
    NotACrate,
    Outside(String),
}

/// The crate of `uri` and its out dir; an error if the out dir lies outside the workspace.
fn locate(state: &State, uri: &Uri) -> Result<Option<(Crate, PathBuf)>, String> {
    let Some(krate) = uri.to_file_path().and_then(|p| find_crate(&p)) else {
        return Ok(None);
    };
    let out_dir = output::normalize(&krate.dir.join(&state.config().out_dir));
    let mut roots = state.roots();
    if roots.is_empty() {
        roots.push(krate.dir.clone());
    }
    if !output::inside(&krate.dir, &roots) || !output::inside(&out_dir, &roots) {
        return Err(format!(
            "wbg: not regenerating: {} is outside the workspace (check the `outDir` setting)",
            out_dir.display()
        ));
    }
    Ok(Some((krate, out_dir)))
}

/// `explicit`: asked for (`wbg/regenerate`), so a crate without wasm-bindgen is reported
/// rather than passed over.
async fn start(state: Arc<State>, uri: &Uri, explicit: bool) -> Result<CrateGlue, Refused> {
    let config = state.config();
    let (krate, out_dir) = locate(&state, uri)
        .map_err(Refused::Outside)?
        .ok_or(Refused::NotACrate)?;
    let mut running = state.regen.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(previous) = running.remove(&krate.dir) {
        previous.abort();
    }
    let glue = CrateGlue {
        crate_dir: krate.dir.clone(),
        out_dir: out_dir.clone(),
        files: Vec::new(),
    };
    let task = tokio::spawn(run(state.clone(), krate.clone(), out_dir, config, explicit));
    running.insert(krate.dir, task.abort_handle());
    Ok(glue)
}

async fn status(state: &State, crate_dir: &Path, which: &str, message: String) {
    let params = StatusParams {
        crate_dir: crate_dir.to_path_buf(),
        state: which.into(),
        message,
    };
    state.client.send_notification::<Status>(params).await;
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

/// The project behind `krate`, resolved with wbg's runtime patched in; `Ok(None)` when it
/// does not use wasm-bindgen. Blocking (runs cargo metadata).
fn resolve(krate: &Crate) -> Result<Option<Project>, wbg_project::Error> {
    let mut project = Project::locate(&krate.manifest)?;
    project.resolve()?;
    Ok(project.uses_wasm_bindgen.then_some(project))
}

async fn run(state: Arc<State>, krate: Crate, out_dir: PathBuf, config: Config, explicit: bool) {
    let name = krate
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let resolving = krate.clone();
    let project = match analysis::run(move || resolve(&resolving)).await {
        Ok(Ok(Some(project))) => project,
        Ok(Ok(None)) if !explicit => return,
        Ok(Ok(None)) => {
            let message = format!(
                "wbg: {} does not depend on wasm-bindgen",
                krate.dir.display()
            );
            return fail_now(&state, &krate.dir, message).await;
        }
        // The graph needs wbg's runtime and cannot take it: the crate uses wasm-bindgen.
        Ok(Err(
            e @ (wbg_project::Error::Incompatible { .. }
            | wbg_project::Error::RuntimeMissing { .. }),
        )) => {
            return fail_now(&state, &krate.dir, format!("wbg: {e}")).await;
        }
        Ok(Err(e)) if explicit => {
            return fail_now(&state, &krate.dir, format!("wbg: {e}")).await;
        }
        // cargo cannot read or resolve a crate that may not use wasm-bindgen at all:
        // rust-analyzer says why; a save does not pop up wbg's message for it.
        Ok(Err(e)) => {
            let message = format!("wbg: not regenerating {}: {e}", krate.dir.display());
            return state.client.log_message(MessageType::INFO, message).await;
        }
        Err(e) => return fail_now(&state, &krate.dir, format!("wbg: {e}")).await,
    };
    let what = format!("cargo build {name} (wasm32)");
    status(&state, &krate.dir, "regenerating", what.clone()).await;
    let progress = ProgressGuard::begin(&state, what).await;
    let build = match cargo::build(&project, &config).await {
        Ok(b) => b,
        Err(e) => {
            return fail(
                &state,
                &krate.dir,
                progress,
                format!("wbg: cannot run cargo: {e}"),
            )
            .await
        }
    };
    let log = &build.log;
    let diags = build_diagnostics(&state, &krate.dir, &log.messages);
    for uri in state.set_build_diagnostics(&krate.dir, diags) {
        let version = state.document(&uri).map(|d| d.version);
        publish(&state, &uri, version).await;
    }
    let wasm = match (log.success, &log.wasm) {
        (true, Some(wasm)) => wasm.clone(),
        (success, _) => {
            let errors = log.messages.iter().filter(|m| m.level == "error").count();
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
                &krate.dir,
                progress,
                format!("wbg: cargo build failed for {name}: {why}"),
            )
            .await;
        }
    };
    progress.report("generating glue").await;
    let target = config.target;
    let dir = out_dir.clone();
    let files = match analysis::run(move || output::generate(&project, &wasm, &dir, &config)).await
    {
        Ok(Ok(files)) => files,
        Ok(Err(e)) | Err(e) => {
            return fail(
                &state,
                &krate.dir,
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
    let done = format!("wrote {written} files to {}", out_dir.display());
    status(&state, &krate.dir, "done", done.clone()).await;
    progress.finish(done).await;
}

/// A failure before the build started: no progress to end.
async fn fail_now(state: &State, crate_dir: &Path, message: String) {
    status(state, crate_dir, "failed", message.clone()).await;
    state.client.show_message(MessageType::ERROR, message).await;
}

async fn fail(state: &State, crate_dir: &Path, progress: ProgressGuard, message: String) {
    status(state, crate_dir, "failed", message.clone()).await;
    progress.finish(message.clone()).await;
    state.client.show_message(MessageType::ERROR, message).await;
}

/// rustc's messages as LSP diagnostics, by file (primary spans only).
fn build_diagnostics(
    state: &State,
    crate_dir: &Path,
    messages: &[RustcMessage],
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
        let Some(path) = resolve_span_file(crate_dir, &span.file_name) else {
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
