//! The types the files of a document's crate declare for JS, for hover: scanned from the
//! crate's `.rs` files as the project model lists them from the manifest (`src/`, `tests/`,
//! `examples/`, `benches/` and the manifest's target paths; an open document's current
//! text, else the disk)
//! and cached per crate, so a hover re-reads nothing until a file of the crate is opened,
//! changed, saved or closed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tower_lsp_server::ls_types::Uri;
use wbg_ide::CrateTypes;

use crate::{regen, state::State};

#[derive(Default)]
pub struct Cache {
    /// Bumped on every invalidation, so a scan that raced with an edit is not kept.
    epoch: AtomicU64,
    by_crate: Mutex<HashMap<PathBuf, Arc<CrateTypes>>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Cache {
    /// Forgets the crates `uri` may belong to (every cached crate above it: no disk access).
    pub fn invalidate(&self, uri: &Uri) {
        let Some(path) = uri.to_file_path() else {
            return;
        };
        self.epoch.fetch_add(1, Ordering::SeqCst);
        lock(&self.by_crate).retain(|dir, _| !path.starts_with(dir));
    }

    /// The types of the crate in `crate_dir`, scanned with `scan` unless cached.
    pub fn get_or_scan(
        &self,
        crate_dir: &Path,
        scan: impl FnOnce() -> CrateTypes,
    ) -> Arc<CrateTypes> {
        if let Some(types) = lock(&self.by_crate).get(crate_dir) {
            return types.clone();
        }
        let epoch = self.epoch.load(Ordering::SeqCst);
        let types = Arc::new(scan());
        let mut cache = lock(&self.by_crate);
        if self.epoch.load(Ordering::SeqCst) == epoch {
            cache.insert(crate_dir.to_path_buf(), types.clone());
        }
        types
    }
}

/// The types of the crate `uri` belongs to (none outside a crate), from the cache or
/// scanned now. Blocking: call it off the message loop.
pub fn of_document(state: &State, uri: &Uri) -> Arc<CrateTypes> {
    let Some(dir) = uri.to_file_path().and_then(|path| regen::crate_dir(&path)) else {
        return Arc::default();
    };
    state
        .crate_types
        .get_or_scan(&dir, || scan(&dir, &state.open_texts()))
}

/// Scans the crate's sources (see the module doc), taking the text of open documents from
/// `open` (by path) rather than from the disk.
pub fn scan(crate_dir: &Path, open: &HashMap<PathBuf, String>) -> CrateTypes {
    let files =
        wbg_project::manifest::source_files(&crate_dir.join("Cargo.toml")).unwrap_or_default();
    let texts: Vec<String> = files
        .iter()
        .map(|rel| crate_dir.join(rel))
        .filter_map(|path| match open.get(&path) {
            Some(text) => Some(text.clone()),
            None => std::fs::read_to_string(&path).ok(),
        })
        .collect();
    CrateTypes::scan(texts.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_documents_win_over_the_disk_and_edits_invalidate() {
        let dir = std::env::temp_dir().join(format!("wbg-crate-types-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src/model")).unwrap();
        let model = dir.join("src/model/counter.rs");
        std::fs::write(&model, "#[wasm_bindgen]\npub struct Counter;\n").unwrap();
        std::fs::write(dir.join("src/lib.rs"), "mod model;\n").unwrap();
        std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"t\"\n").unwrap();

        assert_eq!(scan(&dir, &HashMap::new()).len(), 1);
        // Every source root counts, not only src/.
        std::fs::create_dir_all(dir.join("tests")).unwrap();
        std::fs::write(
            dir.join("tests/web.rs"),
            "#[wasm_bindgen]\npub struct Probe;\n",
        )
        .unwrap();
        assert_eq!(scan(&dir, &HashMap::new()).len(), 2);
        std::fs::remove_dir_all(dir.join("tests")).unwrap();
        let open = HashMap::from([(model.clone(), String::from("pub struct Counter;"))]);
        assert!(scan(&dir, &open).is_empty());

        let cache = Cache::default();
        let scans = std::cell::Cell::new(0);
        let get = || {
            cache.get_or_scan(&dir, || {
                scans.set(scans.get() + 1);
                scan(&dir, &HashMap::new())
            })
        };
        get();
        get();
        assert_eq!(scans.get(), 1, "cached");
        let elsewhere = Uri::from_file_path(std::env::temp_dir().join("other.rs")).unwrap();
        cache.invalidate(&elsewhere);
        get();
        assert_eq!(scans.get(), 1, "a file of another crate");
        cache.invalidate(&Uri::from_file_path(&model).unwrap());
        get();
        assert_eq!(scans.get(), 2, "a file of the crate");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
