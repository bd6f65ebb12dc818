//! Which files `wbg check` reads: the crate's sources as the project model lists them from
//! the manifest alone (`wbg_project::manifest::source_files`: `src/`, `tests/`,
//! `examples/`, `benches/` and the targets the manifest places elsewhere), without cargo,
//! so a check stays fast and works on a crate cargo cannot resolve yet.

use std::path::{Path, PathBuf};

use wbg_project::manifest::{self, slash};

use crate::exit::Failure;

/// A file to check: where it is and how it is shown.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub shown: String,
}

/// `path` itself when it is a `.rs` file, else the crate's sources.
pub fn files_to_check(path: &Path) -> Result<Vec<Source>, Failure> {
    if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        return Ok(vec![Source {
            path: path.to_path_buf(),
            shown: slash(path),
        }]);
    }
    let manifest = manifest::manifest_path(path)?;
    let dir = manifest.parent().expect("a file has a parent");
    Ok(manifest::source_files(&manifest)?
        .into_iter()
        .map(|r| Source {
            path: dir.join(&r),
            shown: slash(&shown_under(dir, &r)),
        })
        .collect())
}

/// `dir/rel` as the user would write it: `rel` alone when `dir` is the current directory.
fn shown_under(dir: &Path, rel: &Path) -> PathBuf {
    if dir.as_os_str().is_empty() || dir == Path::new(".") {
        rel.to_path_buf()
    } else {
        dir.join(rel)
    }
}
