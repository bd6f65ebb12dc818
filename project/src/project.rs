//! A crate as cargo sees it: located with `cargo metadata --no-deps` (fast: no resolution,
//! so "not a cdylib" is reported before any download), then resolved with wbg's runtime
//! patched in over crates.io's `wasm-bindgen` family, which tells the patches cargo must
//! get for the build, whether the crate uses wasm-bindgen at all (through its resolved
//! dependencies, not the manifest's text), and requirements the runtime cannot meet.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use semver::{Version, VersionReq};
use serde_json::Value;

use crate::error::{first_error, Error};
use crate::manifest;
use crate::runtime::{self, Patch, Runtime};

/// A crate, located and (after [`Project::resolve`]) resolved.
#[derive(Debug, Clone)]
pub struct Project {
    /// The crate's `Cargo.toml`, canonical.
    pub manifest: PathBuf,
    pub dir: PathBuf,
    pub workspace_root: PathBuf,
    pub target_dir: PathBuf,
    /// The package's `cargo metadata` entry (name, version, license, readme, ...).
    pub package: Value,
    /// The cdylib's crate name (`my_crate`), the `.wasm`'s and the outputs' base name.
    pub lib_name: Option<String>,
    /// What [`Project::resolve`] found: the patches cargo gets for every command.
    pub patches: Vec<Patch>,
    /// Whether the resolved graph holds a `wasm-bindgen` (ours or upstream's).
    pub uses_wasm_bindgen: bool,
}

impl Project {
    /// Reads the crate at `path` (a directory or its `Cargo.toml`) with
    /// `cargo metadata --no-deps`.
    pub fn locate(path: &Path) -> Result<Project, Error> {
        let manifest = manifest::manifest_path(path)?;
        let manifest = manifest
            .canonicalize()
            .map_err(|e| Error::io("read", &manifest, e))?;
        let dir = manifest
            .parent()
            .expect("a file has a parent")
            .to_path_buf();
        let metadata = match cargo_metadata(&manifest, &dir, &["--no-deps".to_string()])? {
            Ok(metadata) => metadata,
            Err(message) => return Err(Error::CargoCannotRead { manifest, message }),
        };
        let packages = metadata["packages"].as_array().cloned().unwrap_or_default();
        let Some(package) = packages
            .into_iter()
            .find(|p| p["manifest_path"].as_str().map(Path::new) == Some(manifest.as_path()))
        else {
            return Err(Error::NotAPackage(manifest));
        };
        let path_of = |key: &str| metadata[key].as_str().map(PathBuf::from);
        Ok(Project {
            workspace_root: path_of("workspace_root").unwrap_or_else(|| dir.clone()),
            target_dir: path_of("target_directory").unwrap_or_else(|| dir.join("target")),
            lib_name: cdylib_name(&package),
            manifest,
            dir,
            package,
            patches: Vec::new(),
            uses_wasm_bindgen: false,
        })
    }

    /// The package's name.
    pub fn name(&self) -> &str {
        self.field("name").unwrap_or_default()
    }

    /// A string field of the package's metadata, when set.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.package.get(key).and_then(Value::as_str)
    }

    /// The package's id, as cargo's build messages name it.
    pub fn id(&self) -> &str {
        self.field("id").unwrap_or_default()
    }

    /// The cdylib's crate name, or the error saying how to make the crate one.
    pub fn cdylib(&self) -> Result<&str, Error> {
        self.lib_name.as_deref().ok_or_else(|| Error::NotCdylib {
            name: self.name().to_string(),
            manifest: self.manifest.clone(),
        })
    }

    /// Resolves the dependency graph with wbg's runtime standing in for crates.io's
    /// `wasm-bindgen` family (see [`runtime`]) and keeps the patches the build needs.
    /// A `Cargo.lock` that pins upstream's release of a package the runtime can replace is
    /// updated for that package (as `cargo update -p` would), since cargo ignores a patch
    /// whose version differs from the locked one.
    ///
    /// Only packages in the resolved graph are patched, so cargo never warns about an
    /// unused patch, and the lockfile a build leaves is the one the next build starts from
    /// (a patch cargo did not use would be recorded there, then dropped, on every build).
    pub fn resolve(&mut self) -> Result<(), Error> {
        // The generation that meets the crate's own requirements (the first one when none
        // does: its mismatch is then reported).
        let generations = Runtime::available();
        let runtime = runtime::select(&generations, &self.direct_asks()).cloned();
        if let Some(rt) = &runtime {
            self.check_direct_requirements(rt)?;
        }
        let own = self.patched_by_the_project();
        let all = runtime
            .as_ref()
            .map(|rt| runtime::candidate_patches(rt, &own))
            .unwrap_or_default();
        // Start from what the lockfile says is in the graph, else try them all.
        let locked = self.locked_names();
        let mut patches: Vec<Patch> = match &locked {
            Some(names) => all
                .iter()
                .filter(|p| names.contains(&p.name))
                .cloned()
                .collect(),
            None => all.clone(),
        };
        let mut relocked = false;
        for _ in 0..4 {
            let metadata = self.metadata(&patches)?;
            let graph = Graph::new(&metadata);
            let found = graph.analyse(self.name(), runtime.as_ref(), &patches, &own)?;
            if !found.missing.is_empty() {
                // Upstream's came in where ours can stand in: patch it too and resolve again.
                patches.extend(
                    all.iter()
                        .filter(|p| found.missing.contains(&p.name))
                        .cloned(),
                );
                continue;
            }
            if let Some((name, version)) = found.relock.first() {
                if relocked {
                    return Err(Error::Cargo {
                        what: "update".into(),
                        name: self.name().into(),
                        message: format!("Cargo.lock keeps {name} {version} from crates.io; run `cargo update -p {name}`"),
                    });
                }
                self.relock(&found.relock, &patches)?;
                relocked = true;
                continue;
            }
            let names = |ps: &[Patch]| {
                let mut n: Vec<String> = ps.iter().map(|p| p.name.clone()).collect();
                n.sort();
                n
            };
            if names(&found.patches) != names(&patches) {
                // Settle the lockfile without the patches cargo did not use.
                self.metadata(&found.patches)?;
            }
            self.patches = found.patches;
            self.uses_wasm_bindgen = graph.reaches(self.id(), "wasm-bindgen");
            return Ok(());
        }
        Err(Error::Metadata(
            "the dependency graph did not settle with wbg's runtime patched in".into(),
        ))
    }

    /// The package names in the workspace's `Cargo.lock`, when there is one.
    fn locked_names(&self) -> Option<Vec<String>> {
        let lock = manifest::read(&self.workspace_root.join("Cargo.lock")).ok()?;
        let packages = lock.get("package")?.as_array()?;
        Some(
            packages
                .iter()
                .filter_map(|p| Some(p.get("name")?.as_str()?.to_string()))
                .collect(),
        )
    }

    /// What this package asks crates.io for among the runtime's packages.
    fn direct_asks(&self) -> Vec<(String, VersionReq)> {
        self.package["dependencies"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|dep| is_crates_io(&dep["source"]))
            .filter_map(|dep| {
                let name = dep["name"].as_str()?;
                let req = VersionReq::parse(dep["req"].as_str()?).ok()?;
                runtime::is_ours(name).then(|| (name.to_string(), req))
            })
            .collect()
    }

    /// Requirements of this package itself on the runtime's packages, checked before cargo
    /// resolves: a version crates.io lacks (`=0.2.130`) would otherwise fail the
    /// resolution with cargo's message instead of ours.
    fn check_direct_requirements(&self, rt: &Runtime) -> Result<(), Error> {
        for dep in self.package["dependencies"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let name = dep["name"].as_str().unwrap_or_default();
            if !is_crates_io(&dep["source"]) {
                continue;
            }
            let (Some(ours), Some(req)) = (rt.package(name), dep["req"].as_str()) else {
                continue;
            };
            check(name, req, &ours.version, self.name(), true, &self.manifest)?;
        }
        Ok(())
    }

    /// The names the workspace patches in its own `[patch.crates-io]`: left alone.
    fn patched_by_the_project(&self) -> Vec<String> {
        manifest::read(&self.workspace_root.join("Cargo.toml"))
            .ok()
            .and_then(|t| t.get("patch")?.get("crates-io")?.as_table().cloned())
            .map(|t| t.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn metadata(&self, patches: &[Patch]) -> Result<Value, Error> {
        cargo_metadata(&self.manifest, &self.dir, &Patch::args(patches))?.map_err(|message| {
            Error::Cargo {
                what: "metadata".into(),
                name: self.name().into(),
                message,
            }
        })
    }

    fn relock(&self, packages: &[(String, String)], patches: &[Patch]) -> Result<(), Error> {
        let mut cmd = crate::cargo();
        cmd.args(["update", "--quiet", "--manifest-path"])
            .arg(&self.manifest)
            .args(Patch::args(patches));
        for (name, version) in packages {
            cmd.arg("-p").arg(format!("{name}@{version}"));
        }
        let output = cmd
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| Error::CannotRun {
                what: "cargo update".into(),
                source: e,
            })?;
        if output.status.success() {
            Ok(())
        } else {
            Err(Error::Cargo {
                what: "update".into(),
                name: self.name().into(),
                message: first_error(&String::from_utf8_lossy(&output.stderr)),
            })
        }
    }
}

/// The cdylib target's crate name.
fn cdylib_name(package: &Value) -> Option<String> {
    package["targets"].as_array()?.iter().find_map(|t| {
        let kinds = t["crate_types"].as_array()?;
        kinds
            .iter()
            .any(|k| k == "cdylib")
            .then(|| t["name"].as_str().unwrap_or_default().replace('-', "_"))
    })
}

/// Whether a dependency's `source` is crates.io (git index or sparse).
fn is_crates_io(source: &Value) -> bool {
    source.as_str().is_some_and(|s| {
        s == "registry+https://github.com/rust-lang/crates.io-index"
            || s == "sparse+https://index.crates.io/"
    })
}

/// Fails when `req` (what `dependent` asks of `package`) does not accept `provided`.
fn check(
    package: &str,
    req: &str,
    provided: &Version,
    dependent: &str,
    dependent_is_local: bool,
    manifest: &Path,
) -> Result<(), Error> {
    let Ok(parsed) = VersionReq::parse(req) else {
        return Ok(());
    };
    if parsed.matches(provided) {
        return Ok(());
    }
    Err(Error::Incompatible {
        dependent: dependent.to_string(),
        package: package.to_string(),
        requirement: req.to_string(),
        provided: provided.to_string(),
        advice: runtime::advice(package, provided, dependent_is_local, manifest),
    })
}

/// What the resolved graph means for the build.
#[derive(Debug, Default, PartialEq, Eq)]
struct Findings {
    /// The patches whose package is in the graph as ours: what cargo gets.
    patches: Vec<Patch>,
    /// Upstream packages in the graph that the runtime can replace but were not patched.
    missing: Vec<String>,
    /// Upstream releases the lockfile keeps although the runtime meets every requirement.
    relock: Vec<(String, String)>,
}

/// `cargo metadata`'s packages and resolve graph.
struct Graph<'a> {
    packages: Vec<&'a Value>,
    deps: HashMap<&'a str, Vec<&'a str>>,
    names: HashMap<&'a str, &'a str>,
}

impl<'a> Graph<'a> {
    fn new(metadata: &'a Value) -> Graph<'a> {
        let packages: Vec<&Value> = metadata["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .collect();
        let names = packages
            .iter()
            .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
            .collect();
        let deps = metadata["resolve"]["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| {
                let ids = n["dependencies"]
                    .as_array()?
                    .iter()
                    .filter_map(Value::as_str);
                Some((n["id"].as_str()?, ids.collect()))
            })
            .collect();
        Graph {
            packages,
            deps,
            names,
        }
    }

    /// Whether a package named `name` is reachable from `root`.
    fn reaches(&self, root: &str, name: &str) -> bool {
        let mut seen = HashSet::new();
        let mut todo = vec![root];
        while let Some(id) = todo.pop() {
            if !seen.insert(id) {
                continue;
            }
            if self.names.get(id) == Some(&name) {
                return true;
            }
            todo.extend(self.deps.get(id).into_iter().flatten());
        }
        false
    }

    /// Who asks crates.io for `name`, with what requirement.
    fn asks(&self, name: &str) -> Vec<(&'a Value, &'a str)> {
        self.packages
            .iter()
            .flat_map(|p| {
                p["dependencies"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(move |d| d["name"] == name && is_crates_io(&d["source"]))
                    .map(move |d| (*p, d["req"].as_str().unwrap_or("*")))
            })
            .collect()
    }

    /// Sorts the graph's packages of the `wasm-bindgen` family: ours (through `patches`
    /// or a path the project chose), upstream's that need a patch or a relock, and
    /// requirements the runtime cannot meet. `own` are the names the project patches itself.
    fn analyse(
        &self,
        root_name: &str,
        runtime: Option<&Runtime>,
        patches: &[Patch],
        own: &[String],
    ) -> Result<Findings, Error> {
        let mut found = Findings::default();
        for p in &self.packages {
            let name = p["name"].as_str().unwrap_or_default();
            if !runtime::is_ours(name) || own.iter().any(|o| o == name) {
                continue;
            }
            let manifest = Path::new(p["manifest_path"].as_str().unwrap_or_default());
            if runtime.is_some_and(|rt| rt.provides(name, manifest)) {
                // In the graph as ours: a patch for it is used (even when the project also
                // names the same path), so it is kept.
                if let Some(patch) = patches.iter().find(|c| c.name == name) {
                    if !found.patches.contains(patch) {
                        found.patches.push(patch.clone());
                    }
                }
                continue;
            }
            if !is_crates_io(&p["source"]) {
                // A git or path copy the project chose: left alone.
                continue;
            }
            let Some(rt) = runtime else {
                return Err(Error::RuntimeMissing {
                    name: root_name.to_string(),
                    package: name.to_string(),
                    dir: runtime::default_dir(),
                });
            };
            let Some(ours) = rt.package(name) else {
                continue;
            };
            // Requirements of the project's own crates first: those are the ones to edit.
            // Upstream's own family (its `wasm-bindgen` pinning its macro) is left out: it
            // leaves the graph with the relock.
            let mut asked = self.asks(name);
            asked.retain(|(q, _)| {
                !(runtime::is_ours(q["name"].as_str().unwrap_or_default())
                    && is_crates_io(&q["source"]))
            });
            asked.sort_by_key(|(q, _)| !q["source"].is_null());
            for (q, req) in &asked {
                let dependent = format!(
                    "{} {}",
                    q["name"].as_str().unwrap_or_default(),
                    q["version"].as_str().unwrap_or_default()
                );
                let q_manifest = Path::new(q["manifest_path"].as_str().unwrap_or_default());
                check(
                    name,
                    req,
                    &ours.version,
                    &dependent,
                    q["source"].is_null(),
                    q_manifest,
                )?;
            }
            if patches.iter().any(|c| c.name == name) {
                let version = p["version"].as_str().unwrap_or_default().to_string();
                found.relock.push((name.to_string(), version));
            } else {
                found.missing.push(name.to_string());
            }
        }
        Ok(found)
    }
}

/// `cargo metadata --format-version 1` of `manifest` with `extra` arguments, run in `dir`:
/// the JSON, or (inner `Err`) the first error cargo printed, for the caller to name.
fn cargo_metadata(
    manifest: &Path,
    dir: &Path,
    extra: &[String],
) -> Result<Result<Value, String>, Error> {
    let output = crate::cargo()
        .args(["metadata", "--format-version", "1"])
        .args(extra)
        .arg("--manifest-path")
        .arg(manifest)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Error::CannotRun {
            what: "cargo metadata".into(),
            source: e,
        })?;
    if !output.status.success() {
        return Ok(Err(first_error(&String::from_utf8_lossy(&output.stderr))));
    }
    serde_json::from_slice(&output.stdout)
        .map(Ok)
        .map_err(|e| Error::Metadata(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const CRATES_IO: &str = "registry+https://github.com/rust-lang/crates.io-index";

    fn runtime() -> Runtime {
        Runtime::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime")).unwrap()
    }

    fn dep(name: &str, req: &str) -> Value {
        json!({ "name": name, "req": req, "source": CRATES_IO })
    }

    #[test]
    fn patches_only_what_the_graph_asks_crates_io_for() {
        let rt = runtime();
        let ours = rt.package("wasm-bindgen").unwrap();
        let macro_ = rt.package("wasm-bindgen-macro").unwrap();
        let manifest = |p: &runtime::Package| p.dir.join("Cargo.toml").display().to_string();
        let metadata = json!({
            "packages": [
                { "id": "app", "name": "app", "version": "0.1.0", "source": null,
                  "manifest_path": "/w/app/Cargo.toml",
                  "dependencies": [dep("wasm-bindgen", "^0.2")] },
                { "id": "wb", "name": "wasm-bindgen", "version": ours.version.to_string(),
                  "source": null, "manifest_path": manifest(ours),
                  "dependencies": [{ "name": "wasm-bindgen-macro", "req": "^0.2", "source": null }] },
                { "id": "wbm", "name": "wasm-bindgen-macro", "version": macro_.version.to_string(),
                  "source": null, "manifest_path": manifest(macro_), "dependencies": [] },
            ],
            "resolve": { "nodes": [
                { "id": "app", "dependencies": ["wb"] },
                { "id": "wb", "dependencies": ["wbm"] },
                { "id": "wbm", "dependencies": [] },
            ] }
        });
        let candidates = runtime::candidate_patches(&rt, &[]);
        let graph = Graph::new(&metadata);
        let found = graph.analyse("app", Some(&rt), &candidates, &[]).unwrap();
        let names: Vec<&str> = found.patches.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["wasm-bindgen", "wasm-bindgen-macro"],
            "both are in the graph; the others would be unused patches"
        );
        assert!(found.relock.is_empty());
        assert!(graph.reaches("app", "wasm-bindgen"));
        assert!(!graph.reaches("wbm", "wasm-bindgen"));
    }

    #[test]
    fn upstream_left_in_the_graph_is_relocked_or_reported() {
        let rt = runtime();
        let provided = rt.package("wasm-bindgen").unwrap().version.to_string();
        let metadata = |req: &str| {
            json!({
                "packages": [
                    { "id": "app", "name": "app", "version": "0.1.0", "source": null,
                      "manifest_path": "/w/app/Cargo.toml",
                      "dependencies": [dep("js-sys", "^0.3")] },
                    { "id": "js", "name": "js-sys", "version": "0.3.99", "source": CRATES_IO,
                      "manifest_path": "/r/js-sys/Cargo.toml",
                      "dependencies": [dep("wasm-bindgen", req)] },
                    { "id": "up", "name": "wasm-bindgen", "version": "0.2.130", "source": CRATES_IO,
                      "manifest_path": "/r/wasm-bindgen/Cargo.toml", "dependencies": [] },
                ],
                "resolve": { "nodes": [] }
            })
        };
        let candidates = runtime::candidate_patches(&rt, &[]);
        let m = metadata("^0.2");
        let found = Graph::new(&m)
            .analyse("app", Some(&rt), &candidates, &[])
            .unwrap();
        assert_eq!(
            found.relock,
            [("wasm-bindgen".to_string(), "0.2.130".to_string())]
        );
        let found = Graph::new(&m).analyse("app", Some(&rt), &[], &[]).unwrap();
        assert_eq!(found.missing, ["wasm-bindgen"], "not patched yet");

        let m = metadata("=0.2.130");
        let err = Graph::new(&m)
            .analyse("app", Some(&rt), &candidates, &[])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!(
                "`js-sys 0.3.99` asks for wasm-bindgen `=0.2.130`, but wbg provides wasm-bindgen {provided}; pin that crate"
            )),
            "{err}"
        );

        let err = Graph::new(&m).analyse("app", None, &[], &[]).unwrap_err();
        assert!(matches!(err, Error::RuntimeMissing { .. }), "{err}");
        let own = ["wasm-bindgen".to_string()];
        let skipped = runtime::candidate_patches(&rt, &own);
        let found = Graph::new(&m)
            .analyse("app", Some(&rt), &skipped, &own)
            .unwrap();
        assert_eq!(
            found,
            Findings::default(),
            "the project's own patch decides"
        );
    }

    #[test]
    fn a_direct_requirement_names_the_manifest_to_edit() {
        let err = check(
            "wasm-bindgen",
            "=0.2.130",
            &Version::new(0, 2, 100),
            "app",
            true,
            Path::new("/w/app/Cargo.toml"),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "`app` asks for wasm-bindgen `=0.2.130`, but wbg provides wasm-bindgen 0.2.100; \
             require `wasm-bindgen = \"0.2\"` (or `\"=0.2.100\"`) in /w/app/Cargo.toml to build with wbg"
        );
        assert!(check(
            "wasm-bindgen",
            "^0.2",
            &Version::new(0, 2, 100),
            "app",
            true,
            Path::new("/x")
        )
        .is_ok());
    }
}
