//! The output directory: bindgen's files written, `package.json` filled from the crate's
//! metadata, README and license files copied beside them, and the optional `wasm-opt` pass.
//! `wbg build` and regenerate-on-save both go through [`package`]; `wbg bindgen` (a bare
//! `.wasm`, no crate) through [`generate`].

use std::path::{Path, PathBuf};

use serde_json::Value;
use wbg_core_gen::bindgen::{self, Options};
use wbg_core_gen::glue::package_json::PackageInfo;

use crate::error::Error;
use crate::project::Project;
use crate::target::Target;
use crate::wasm_opt;

/// One file written into the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    /// Relative to the output directory (`snippets/...` for snippets).
    pub name: String,
    /// The text of generated text files; `None` for the wasm and copied files.
    pub contents: Option<String>,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    pub out_dir: PathBuf,
    /// In order: generated text files, the wasm, then copied docs.
    pub files: Vec<WrittenFile>,
    /// The final `_bg.wasm`.
    pub wasm: PathBuf,
}

impl Written {
    pub fn names(&self) -> Vec<String> {
        self.files.iter().map(|f| f.name.clone()).collect()
    }
}

/// Runs bindgen on `input` with `options` and writes its files to `out_dir`; nothing is
/// written when the input is rejected.
pub fn generate(input: &Path, out_dir: &Path, options: &Options<'_>) -> Result<Written, Error> {
    let bytes = std::fs::read(input).map_err(|e| Error::io("read", input, e))?;
    let output = bindgen::generate(&bytes, options).map_err(|source| Error::Bindgen {
        input: input.to_path_buf(),
        source,
    })?;
    create_dir(out_dir)?;
    let write = |path: &str, contents: &[u8]| {
        let p = out_dir.join(path);
        // Snippets go to subdirectories (`snippets/...`).
        if let Some(parent) = p.parent() {
            create_dir(parent)?;
        }
        std::fs::write(&p, contents).map_err(|e| Error::io("write", &p, e))
    };
    let mut files = Vec::new();
    for f in &output.files {
        write(&f.path, f.contents.as_bytes())?;
        files.push(WrittenFile {
            name: f.path.clone(),
            contents: Some(f.contents.clone()),
        });
    }
    write(&output.wasm_path, &output.wasm)?;
    files.push(WrittenFile {
        name: output.wasm_path.clone(),
        contents: None,
    });
    Ok(Written {
        out_dir: out_dir.to_path_buf(),
        files,
        wasm: out_dir.join(&output.wasm_path),
    })
}

fn create_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))
}

/// How a crate's npm package is made.
#[derive(Debug, Clone)]
pub struct PackageOptions {
    pub target: Target,
    /// Relative to the crate's directory unless absolute.
    pub out_dir: PathBuf,
    /// Base name of the files (default: the library's crate name).
    pub out_name: Option<String>,
    /// npm scope, with or without `@`.
    pub scope: Option<String>,
    pub typescript: bool,
}

impl PackageOptions {
    pub fn new(target: Target, out_dir: impl Into<PathBuf>) -> PackageOptions {
        PackageOptions {
            target,
            out_dir: out_dir.into(),
            out_name: None,
            scope: None,
            typescript: true,
        }
    }

    /// The output directory for `project`.
    pub fn out_dir(&self, project: &Project) -> PathBuf {
        project.dir.join(&self.out_dir)
    }
}

/// The npm package for `project` from its built `wasm`: bindgen's files with a
/// `package.json` from the crate's metadata, then the README and licenses.
pub fn package(project: &Project, wasm: &Path, options: &PackageOptions) -> Result<Written, Error> {
    let docs = docs_to_copy(project);
    let doc_names = docs
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let out_name = match &options.out_name {
        Some(name) => name.clone(),
        None => project.cdylib()?.to_string(),
    };
    let mut bindgen = Options::new(options.target.generator(), out_name);
    bindgen.typescript = options.typescript;
    bindgen.package = package_info(project, options.scope.as_deref(), doc_names);
    let out_dir = options.out_dir(project);
    let mut written = generate(wasm, &out_dir, &bindgen)?;
    for name in copy_docs(&docs, &out_dir)? {
        written.files.push(WrittenFile {
            name,
            contents: None,
        });
    }
    Ok(written)
}

/// [`package`], then `wasm-opt` when `optimise` says so: the whole output step for callers
/// that show no progress of their own. Returns whether wasm-opt ran.
pub fn package_and_optimise(
    project: &Project,
    wasm: &Path,
    options: &PackageOptions,
    optimise: &wasm_opt::Decision,
) -> Result<(Written, bool), Error> {
    let written = package(project, wasm, options)?;
    let ran = match optimise {
        wasm_opt::Decision::Run(tool) => {
            wasm_opt::run(tool, &written.wasm)?;
            true
        }
        wasm_opt::Decision::Skip(_) => false,
    };
    Ok((written, ran))
}

/// `package.json` fields for `project`; `scope` (with or without `@`) prefixes the name.
pub fn package_info(
    project: &Project,
    scope: Option<&str>,
    extra_files: Vec<String>,
) -> PackageInfo {
    let name = project.name();
    let name = match scope.map(|s| s.trim_start_matches('@')) {
        Some(scope) if !scope.is_empty() => format!("@{scope}/{name}"),
        _ => name.to_string(),
    };
    let field = |key| project.field(key).map(str::to_string);
    let license = field("license").or_else(|| {
        // npm's way to point at a license that is not an SPDX expression.
        project
            .field("license_file")
            .and_then(|f| Path::new(f).file_name())
            .map(|f| format!("SEE LICENSE IN {}", f.to_string_lossy()))
    });
    let keywords = project.package["keywords"]
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
        version: field("version"),
        description: field("description"),
        license,
        repository: field("repository"),
        homepage: field("homepage"),
        keywords,
        extra_files,
    }
}

/// The README and license files to ship: the crate's `readme` (or a `README*` file) and
/// every `LICENSE*`/`LICENCE*`/`COPYING*` file, from the crate's directory or, when it has
/// none, the workspace root's (where workspaces usually keep them).
pub fn docs_to_copy(project: &Project) -> Vec<PathBuf> {
    let mut dirs = vec![project.dir.clone()];
    if project.workspace_root != project.dir {
        dirs.push(project.workspace_root.clone());
    }
    let mut out = Vec::new();
    let readme = project
        .field("readme")
        .map(|r| project.dir.join(r))
        .filter(|p| p.is_file())
        .or_else(|| {
            dirs.iter()
                .find_map(|d| matching(d, &["README"]).into_iter().next())
        });
    out.extend(readme);
    if let Some(file) = project.field("license_file").map(|f| project.dir.join(f)) {
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
pub fn copy_docs(files: &[PathBuf], out_dir: &Path) -> Result<Vec<String>, Error> {
    create_dir(out_dir)?;
    let mut names = Vec::new();
    for file in files {
        let name = file.file_name().expect("a file has a name");
        let to = out_dir.join(name);
        std::fs::copy(file, &to).map_err(|e| {
            Error::Io(format!(
                "cannot copy {} to {}: {e}",
                file.display(),
                to.display()
            ))
        })?;
        names.push(name.to_string_lossy().into_owned());
    }
    Ok(names)
}
