//! The npm side of `wbg build`: `package.json` fields from the crate's Cargo.toml metadata
//! (rendered by core-gen's `glue::package_json`, the one place package.json is written),
//! and the README and license files copied beside the generated ones.

use std::path::{Path, PathBuf};

use serde_json::Value;
use wbg_core_gen::glue::package_json::PackageInfo;

use crate::cargo::Crate;
use crate::exit::Failure;

/// `package.json` fields for `krate`; `scope` (with or without `@`) prefixes the name.
pub fn info(krate: &Crate, scope: Option<&str>, extra_files: Vec<String>) -> PackageInfo {
    let name = krate.name();
    let name = match scope.map(|s| s.trim_start_matches('@')) {
        Some(scope) if !scope.is_empty() => format!("@{scope}/{name}"),
        _ => name.to_string(),
    };
    let license = krate.field("license").map(str::to_string).or_else(|| {
        // npm's way to point at a license that is not an SPDX expression.
        krate
            .field("license_file")
            .and_then(|f| Path::new(f).file_name())
            .map(|f| format!("SEE LICENSE IN {}", f.to_string_lossy()))
    });
    let keywords = krate.package["keywords"]
        .as_array()
        .map(|k| {
            k.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    PackageInfo {
        name: Some(name),
        version: krate.field("version").map(str::to_string),
        description: krate.field("description").map(str::to_string),
        license,
        repository: krate.field("repository").map(str::to_string),
        homepage: krate.field("homepage").map(str::to_string),
        keywords,
        extra_files,
    }
}

/// The README and license files to ship: the crate's `readme` (or a `README*` file) and
/// every `LICENSE*`/`LICENCE*`/`COPYING*` file, from the crate's directory or, when it has
/// none, the workspace root's (where workspaces usually keep them).
pub fn docs_to_copy(krate: &Crate) -> Vec<PathBuf> {
    let mut dirs = vec![krate.dir.clone()];
    if krate.workspace_root != krate.dir {
        dirs.push(krate.workspace_root.clone());
    }
    let mut out = Vec::new();
    let readme = krate
        .field("readme")
        .map(|r| krate.dir.join(r))
        .filter(|p| p.is_file())
        .or_else(|| {
            dirs.iter()
                .find_map(|d| matching(d, &["README"]).into_iter().next())
        });
    out.extend(readme);
    if let Some(file) = krate.field("license_file").map(|f| krate.dir.join(f)) {
        if file.is_file() {
            out.push(file);
        }
    }
    if let Some(licenses) = dirs
        .iter()
        .map(|d| matching(d, &["LICENSE", "LICENCE", "COPYING"]))
        .find(|found| !found.is_empty())
    {
        out.extend(licenses);
    }
    out.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    out.dedup_by(|a, b| a.file_name() == b.file_name());
    out
}

/// Files of `dir` whose name starts with one of `prefixes` (any case), sorted.
fn matching(dir: &Path, prefixes: &[&str]) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_uppercase();
            prefixes.iter().any(|pre| name.starts_with(pre))
        })
        .collect();
    found.sort();
    found
}

/// Copies `files` into `out_dir` and returns their names there.
pub fn copy_docs(files: &[PathBuf], out_dir: &Path) -> Result<Vec<String>, Failure> {
    std::fs::create_dir_all(out_dir)
        .map_err(|e| Failure::io(format!("cannot create {}: {e}", out_dir.display())))?;
    let mut names = Vec::new();
    for file in files {
        let name = file.file_name().expect("a file has a name");
        let to = out_dir.join(name);
        std::fs::copy(file, &to).map_err(|e| {
            Failure::io(format!(
                "cannot copy {} to {}: {e}",
                file.display(),
                to.display()
            ))
        })?;
        names.push(name.to_string_lossy().into_owned());
    }
    Ok(names)
}
