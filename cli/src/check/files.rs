//! Which files `wbg check` reads: every `.rs` file under the crate's `src/` and under the
//! folders cargo finds targets in by convention (`tests/`, `examples/`, `benches/`), and the
//! targets the manifest places elsewhere (`[lib] path = "lib/main.rs"`, `[[bin]]`,
//! `[[example]]`, `[[test]]`, `[[bench]]`) with the files beside them, where their modules
//! live.

use std::path::{Component, Path, PathBuf};

use crate::exit::{Exit, Failure};

/// A file to check: where it is and how it is shown.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub shown: String,
}

/// `path` itself when it is a `.rs` file, else the crate's sources (see the module doc).
pub fn files_to_check(path: &Path) -> Result<Vec<Source>, Failure> {
    if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        return Ok(vec![Source {
            path: path.to_path_buf(),
            shown: slash(path),
        }]);
    }
    let manifest = crate::cargo::manifest_path(path)?;
    let dir = manifest.parent().expect("a file has a parent");
    let mut rel = Vec::new();
    for conventional in CONVENTIONAL_DIRS {
        walk(&dir.join(conventional), Path::new(conventional), &mut rel)?;
    }
    for root in target_roots(&read_manifest(&manifest)?) {
        let Some(parent) = root.parent() else {
            continue;
        };
        if CONVENTIONAL_DIRS.iter().any(|d| root.starts_with(d)) {
            // Walked already.
        } else if parent.as_os_str().is_empty() {
            // Beside Cargo.toml: walking the crate's directory would read target/ too.
            if dir.join(&root).is_file() {
                rel.push(root);
            }
        } else {
            walk(&dir.join(parent), parent, &mut rel)?;
        }
    }
    rel.sort();
    rel.dedup();
    Ok(rel
        .into_iter()
        .map(|r| Source {
            path: dir.join(&r),
            shown: slash(&shown_under(dir, &r)),
        })
        .collect())
}

/// The manifest as a TOML table; a file cargo could not read either is "no crate".
fn read_manifest(manifest: &Path) -> Result<toml::Table, Failure> {
    let text = std::fs::read_to_string(manifest)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", manifest.display())))?;
    text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|span| format!(":{}", text[..span.start].matches('\n').count() + 1))
            .unwrap_or_default();
        Failure::new(
            Exit::NoCrate,
            format!(
                "cannot read {}{line}: {}",
                slash(manifest),
                e.message().trim()
            ),
        )
    })
}

/// Where cargo finds targets without a `path`: all walked whole.
const CONVENTIONAL_DIRS: [&str; 4] = ["src", "tests", "examples", "benches"];

/// The `path`s of the manifest's targets, relative to its directory (without `./`).
fn target_roots(manifest: &toml::Table) -> Vec<PathBuf> {
    let lib = manifest.get("lib").into_iter();
    let listed = ["bin", "example", "test", "bench"]
        .into_iter()
        .flat_map(|kind| {
            manifest
                .get(kind)
                .and_then(toml::Value::as_array)
                .into_iter()
                .flatten()
        });
    lib.chain(listed)
        .filter_map(|target| target.get("path")?.as_str())
        .map(|p| {
            Path::new(p)
                .components()
                .filter(|c| *c != Component::CurDir)
                .collect()
        })
        .collect()
}

/// `dir/rel` as the user would write it: `rel` alone when `dir` is the current directory.
fn shown_under(dir: &Path, rel: &Path) -> PathBuf {
    if dir.as_os_str().is_empty() || dir == Path::new(".") {
        rel.to_path_buf()
    } else {
        dir.join(rel)
    }
}

/// Paths with `/` whatever the platform, so output is the same everywhere.
fn slash(path: &Path) -> String {
    let s = path.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// Collects `.rs` files below `dir` as paths relative to the crate (`rel` is `dir`'s).
/// Hidden directories are skipped, and symlinked directories too, so a link cycle cannot
/// make the walk endless.
fn walk(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Failure::io(format!("cannot read {}: {e}", dir.display()))),
    };
    for entry in entries {
        let entry =
            entry.map_err(|e| Failure::io(format!("cannot read {}: {e}", dir.display())))?;
        let name = entry.file_name();
        let kind = entry
            .file_type()
            .map_err(|e| Failure::io(format!("cannot read {}: {e}", entry.path().display())))?;
        if kind.is_dir() {
            if !name.to_string_lossy().starts_with('.') {
                walk(&entry.path(), &rel.join(&name), out)?;
            }
        } else if Path::new(&name).extension().is_some_and(|e| e == "rs") {
            out.push(rel.join(&name));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(manifest: &str) -> Vec<PathBuf> {
        target_roots(&manifest.parse().unwrap())
    }

    #[test]
    fn lib_and_bin_paths_from_the_manifest() {
        let got = roots(
            "[package]\nname = \"x\"\n\n[lib]\npath = \"./lib/main.rs\"\n\n\
             [[bin]]\nname = \"a\"\npath = \"tools/a.rs\"\n\n[[bin]]\nname = \"b\"\n",
        );
        assert_eq!(
            got,
            [PathBuf::from("lib/main.rs"), PathBuf::from("tools/a.rs")]
        );
        assert_eq!(
            roots("lib = { path = \"l.rs\" }\n"),
            [PathBuf::from("l.rs")]
        );
        assert!(roots("[package]\nname = \"x\"\n").is_empty());
    }
}
