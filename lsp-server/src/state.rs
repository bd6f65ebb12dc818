//! What the server remembers between messages. Locks are held only to copy or swap data,
//! never across an `.await` or an analysis (ropes clone in O(1)).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock};

use tower_lsp_server::ls_types::{Diagnostic, Uri};
use tower_lsp_server::Client;

use crate::config::Config;
use crate::crate_types;
use crate::document::Document;
use crate::position::Encoding;

pub struct State {
    pub client: Client,
    docs: Mutex<HashMap<Uri, Document>>,
    encoding: RwLock<Encoding>,
    config: RwLock<Config>,
    /// Workspace folders; regeneration never writes outside them.
    roots: RwLock<Vec<PathBuf>>,
    /// The client handles `window/workDoneProgress/create`.
    pub supports_progress: AtomicBool,
    /// `shutdown` was received (the exit code after `exit` depends on it).
    pub shut_down: AtomicBool,
    /// Bumped on every edit, so a debounced analysis knows it is stale.
    generation: AtomicU64,
    edits: Mutex<HashMap<Uri, u64>>,
    /// Published diagnostics by source: as-you-type analysis and the last cargo build.
    syntax_diags: Mutex<HashMap<Uri, Vec<Diagnostic>>>,
    /// Build diagnostics per crate directory, then per file.
    build_diags: Mutex<HashMap<PathBuf, HashMap<Uri, Vec<Diagnostic>>>>,
    /// The running regeneration of each crate (by directory), so a newer save can cancel it.
    pub regen: Mutex<HashMap<PathBuf, tokio::task::AbortHandle>>,
    /// What each crate's files declare, for hover; forgotten when a file of it changes.
    pub crate_types: crate_types::Cache,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere must not take the whole server down with a poisoned lock.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl State {
    pub fn new(client: Client) -> State {
        State {
            client,
            docs: Mutex::default(),
            encoding: RwLock::new(Encoding::Utf16),
            config: RwLock::default(),
            roots: RwLock::default(),
            supports_progress: AtomicBool::new(false),
            shut_down: AtomicBool::new(false),
            generation: AtomicU64::new(0),
            edits: Mutex::default(),
            syntax_diags: Mutex::default(),
            build_diags: Mutex::default(),
            regen: Mutex::default(),
            crate_types: crate_types::Cache::default(),
        }
    }

    pub fn encoding(&self) -> Encoding {
        *self.encoding.read().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_encoding(&self, enc: Encoding) {
        *self.encoding.write().unwrap_or_else(|e| e.into_inner()) = enc;
    }

    pub fn config(&self) -> Config {
        self.config
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn set_config(&self, config: Config) {
        *self.config.write().unwrap_or_else(|e| e.into_inner()) = config;
    }

    pub fn roots(&self) -> Vec<PathBuf> {
        self.roots.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn set_roots(&self, roots: Vec<PathBuf>) {
        *self.roots.write().unwrap_or_else(|e| e.into_inner()) = roots;
    }

    pub fn document(&self, uri: &Uri) -> Option<Document> {
        lock(&self.docs).get(uri).cloned()
    }

    /// Opens, replaces or changes a document and returns the edit's generation.
    pub fn update_document(
        &self,
        uri: &Uri,
        f: impl FnOnce(Option<&mut Document>) -> Option<Document>,
    ) -> u64 {
        let mut docs = lock(&self.docs);
        if let Some(new) = f(docs.get_mut(uri)) {
            docs.insert(uri.clone(), new);
        }
        self.crate_types.invalidate(uri);
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        lock(&self.edits).insert(uri.clone(), generation);
        generation
    }

    /// The open documents' current texts, by path.
    pub fn open_texts(&self) -> HashMap<PathBuf, String> {
        let docs: Vec<(Uri, Document)> = lock(&self.docs)
            .iter()
            .map(|(uri, doc)| (uri.clone(), doc.clone()))
            .collect();
        docs.into_iter()
            .filter_map(|(uri, doc)| Some((uri.to_file_path()?.into_owned(), doc.rope.to_string())))
            .collect()
    }

    pub fn close_document(&self, uri: &Uri) {
        lock(&self.docs).remove(uri);
        self.crate_types.invalidate(uri);
        lock(&self.edits).remove(uri);
        lock(&self.syntax_diags).remove(uri);
    }

    /// Whether `generation` is still the document's latest edit.
    pub fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        lock(&self.edits).get(uri) == Some(&generation)
    }

    pub fn set_syntax_diagnostics(&self, uri: &Uri, diags: Vec<Diagnostic>) {
        lock(&self.syntax_diags).insert(uri.clone(), diags);
    }

    /// Replaces what the last build of a crate reported; returns every file whose list may
    /// have changed, to republish.
    pub fn set_build_diagnostics(
        &self,
        crate_dir: &Path,
        now: HashMap<Uri, Vec<Diagnostic>>,
    ) -> Vec<Uri> {
        let mut build = lock(&self.build_diags);
        let mut touched: Vec<Uri> = now.keys().cloned().collect();
        if let Some(before) = build.insert(crate_dir.to_path_buf(), now) {
            touched.extend(before.into_keys());
        }
        touched.sort();
        touched.dedup();
        touched
    }

    /// Everything to publish for one file.
    pub fn diagnostics_of(&self, uri: &Uri) -> Vec<Diagnostic> {
        let mut all = lock(&self.syntax_diags)
            .get(uri)
            .cloned()
            .unwrap_or_default();
        for files in lock(&self.build_diags).values() {
            all.extend(files.get(uri).cloned().unwrap_or_default());
        }
        all
    }
}
