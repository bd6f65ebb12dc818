//! Runs core-gen's bindgen on the built `.wasm` and writes the glue into the out dir, which
//! must lie inside the workspace.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use wbg_core_gen::bindgen::{self, Options};
use wbg_core_gen::target;

use crate::config::Target;

/// One file written, as sent to the client in `wbg/generated`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WrittenFile {
    pub path: PathBuf,
    /// Text files only (the `.wasm` is left out).
    pub contents: Option<String>,
}

/// Generates the glue for `wasm` and writes it to `out_dir`.
pub fn generate(wasm: &Path, out_dir: &Path, target: Target) -> Result<Vec<WrittenFile>, String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let name = wasm
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    let target = target::by_name(target.name()).ok_or("unknown target")?;
    let output =
        bindgen::generate(&bytes, &Options::new(target, name)).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let mut written = Vec::new();
    let mut write = |name: &str, bytes: &[u8], text: Option<&str>| {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(WrittenFile {
            path,
            contents: text.map(str::to_string),
        });
        Ok::<(), String>(())
    };
    for f in &output.files {
        write(&f.path, f.contents.as_bytes(), Some(&f.contents))?;
    }
    write(&output.wasm_path, &output.wasm, None)?;
    Ok(written)
}

/// `path` with `.` and `..` resolved without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether `path` is inside one of `roots` (after normalising both).
pub fn inside(path: &Path, roots: &[PathBuf]) -> bool {
    let path = normalize(path);
    roots.iter().any(|r| path.starts_with(normalize(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_dirs_must_stay_in_the_workspace() {
        let roots = [PathBuf::from("/w/a"), PathBuf::from("/w/b/")];
        assert!(inside(Path::new("/w/a/crate/pkg"), &roots));
        assert!(inside(Path::new("/w/b/x/../pkg"), &roots));
        assert!(!inside(Path::new("/w/a/crate/../../elsewhere"), &roots));
        assert!(!inside(Path::new("/w/ab/pkg"), &roots));
    }
}
