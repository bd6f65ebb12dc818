//! The glue for a built crate, written by the project model exactly as `wbg build` writes
//! it (`wbg_project::output`), into an out dir that must lie inside the workspace.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use wbg_project::output::{self, PackageOptions};
use wbg_project::{wasm_opt, Project};

use crate::config::Config;

/// One file written, as sent to the client in `wbg/generated`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WrittenFile {
    pub path: PathBuf,
    /// Generated text files only (the `.wasm` and copied README/licenses are left out).
    pub contents: Option<String>,
}

/// The npm package for `project` from `wasm` in `out_dir` (absolute), as `wbg build` makes
/// it with the same target and profile: package.json, README and licenses, and wasm-opt
/// for release builds when it is on PATH.
pub fn generate(
    project: &Project,
    wasm: &Path,
    out_dir: &Path,
    config: &Config,
) -> Result<Vec<WrittenFile>, String> {
    let options = PackageOptions::new(config.target, out_dir);
    let optimise = wasm_opt::decide(&config.profile(), false);
    let (written, _) = output::package_and_optimise(project, wasm, &options, &optimise)
        .map_err(|e| e.to_string())?;
    Ok(written
        .files
        .into_iter()
        .map(|f| WrittenFile {
            path: out_dir.join(f.name),
            contents: f.contents,
        })
        .collect())
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
