//! What the manifest alone says, without running cargo: where a crate's `Cargo.toml` is,
//! the crate a file belongs to, and the crate's source files. `wbg check` and hover use
//! this because it is fast (cargo resolving the graph would cost more than checking a
//! 50 000-line crate) and works on crates cargo cannot build yet.
//!
//! The sources are every `.rs` file under the folders cargo finds targets in by convention
//! (`src/`, `tests/`, `examples/`, `benches/`), plus the targets the manifest places
//! elsewhere (`[lib] path = "lib/main.rs"`, `[[bin]]`, `[[example]]`, `[[test]]`,
//! `[[bench]]`) with the files beside them, where their modules live.

use std::path::{Component, Path, PathBuf};

use crate::error::Error;

/// `path` is a crate directory or its `Cargo.toml`; the manifest must exist.
pub fn manifest_path(path: &Path) -> Result<PathBuf, Error> {
    let manifest = if path.file_name().is_some_and(|n| n == "Cargo.toml") {
        path.to_path_buf()
    } else {
        path.join("Cargo.toml")
    };
    if manifest.is_file() {
        Ok(manifest)
    } else {
        Err(Error::NoManifest(display_dir(path)))
    }
}

fn display_dir(path: &Path) -> String {
    if path.as_os_str().is_empty() || path == Path::new(".") {
        "the current directory".to_string()
    } else {
        path.display().to_string()
    }
}

/// The manifest as a TOML table; a file cargo could not read either is "no crate".
pub fn read(manifest: &Path) -> Result<toml::Table, Error> {
    let text = std::fs::read_to_string(manifest).map_err(|e| Error::io("read", manifest, e))?;
    text.parse()
        .map_err(|e: toml::de::Error| Error::BadManifest {
            path: slash(manifest),
            line: e
                .span()
                .map(|span| format!(":{}", text[..span.start].matches('\n').count() + 1))
                .unwrap_or_default(),
            message: e.message().trim().to_string(),
        })
}

/// The manifest of the package `file` belongs to: the nearest `Cargo.toml` above it that
/// has a `[package]` table (a workspace-only manifest is passed over).
pub fn package_manifest_of(file: &Path) -> Option<PathBuf> {
    file.ancestors().skip(1).find_map(|dir| {
        let manifest = dir.join("Cargo.toml");
        let table = read(&manifest).ok()?;
        table.contains_key("package").then_some(manifest)
    })
}

/// The crate's `.rs` files (see the module doc), relative to the manifest's directory,
/// sorted.
pub fn source_files(manifest: &Path) -> Result<Vec<PathBuf>, Error> {
    let dir = manifest.parent().unwrap_or(Path::new("."));
    let mut rel = Vec::new();
    for conventional in CONVENTIONAL_DIRS {
        walk(&dir.join(conventional), Path::new(conventional), &mut rel)?;
    }
    for root in target_roots(&read(manifest)?) {
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
    Ok(rel)
}

/// Where cargo finds targets without a `path`: all walked whole.
pub const CONVENTIONAL_DIRS: [&str; 4] = ["src", "tests", "examples", "benches"];

/// The `path`s of the manifest's targets, relative to its directory (without `./`).
pub fn target_roots(manifest: &toml::Table) -> Vec<PathBuf> {
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

/// Paths with `/` whatever the platform, so output is the same everywhere.
pub fn slash(path: &Path) -> String {
    let s = path.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// Collects `.rs` files below `dir` as paths relative to the crate (`rel` is `dir`'s).
/// Hidden directories are skipped, and symlinked directories too, so a link cycle cannot
/// make the walk endless.
fn walk(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io("read", dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("read", dir, e))?;
        let name = entry.file_name();
        let kind = entry
            .file_type()
            .map_err(|e| Error::io("read", &entry.path(), e))?;
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

    #[test]
    fn a_file_belongs_to_the_nearest_package_not_to_a_workspace_manifest() {
        let dir = std::env::temp_dir().join(format!("wbg-project-owner-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("app/examples")).unwrap();
        std::fs::create_dir_all(dir.join("app/tools")).unwrap();
        // Mentions `[package]` and `wasm-bindgen` only in a comment: not a package.
        std::fs::write(
            dir.join("Cargo.toml"),
            "# [package] wasm-bindgen\n[workspace]\nmembers = [\"app\"]\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("app/Cargo.toml"),
            "[package]\nname = \"app\"\n\n[[bin]]\nname = \"t\"\npath = \"tools/t.rs\"\n",
        )
        .unwrap();
        for f in [
            "app/examples/demo.rs",
            "app/tools/t.rs",
            "app/tools/util.rs",
        ] {
            std::fs::write(dir.join(f), "").unwrap();
        }
        let app = dir.join("app/Cargo.toml");
        assert_eq!(
            package_manifest_of(&dir.join("app/examples/demo.rs")),
            Some(app.clone())
        );
        assert_eq!(package_manifest_of(&dir.join("build.rs")), None);
        assert_eq!(
            source_files(&app).unwrap(),
            ["examples/demo.rs", "tools/t.rs", "tools/util.rs"].map(PathBuf::from)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
