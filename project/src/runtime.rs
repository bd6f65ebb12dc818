//! wbg's runtime as a stand-in for crates.io's `wasm-bindgen` family, so a project written
//! for upstream builds with wbg unchanged: where the runtime's sources are, the versions its
//! packages carry, and the `--config 'patch.crates-io.<name>.path="…"'` arguments cargo
//! gets (nothing is written into the user's files).
//!
//! Location: `$WBG_RUNTIME_DIR` when set (several folders, `PATH`-style, are several
//! generations), else the `runtime/` folder of the checkout this binary was built from
//! (known at compile time). The other packages sit where the wbg
//! repository keeps them, relative to that folder ([`PACKAGES`]). Versions are read from
//! their manifests when needed, not compiled in, so a colleague's version bump needs no
//! change here.
//!
//! One runtime is one *generation*; [`select`] picks, among those available, the first
//! whose versions meet what the crate's manifest asks for (`Project::resolve` does this
//! before resolving). wbg ships one generation today; a later one can ship several (one
//! per upstream release line, say) by listing more folders, without changing callers.

use std::path::{Path, PathBuf};

use semver::{Version, VersionReq};

/// The environment variable that overrides the runtime's location.
pub const ENV: &str = "WBG_RUNTIME_DIR";

/// The packages wbg provides, with their folders relative to the runtime folder.
pub const PACKAGES: [(&str, &str); 5] = [
    ("wasm-bindgen", "."),
    ("wasm-bindgen-macro", "../macro"),
    ("wasm-bindgen-futures", "futures"),
    ("wasm-bindgen-test", "test"),
    ("wasm-bindgen-test-macro", "test-macro"),
];

/// Whether wbg provides a package of this name.
pub fn is_ours(name: &str) -> bool {
    PACKAGES.iter().any(|(n, _)| *n == name)
}

/// One package of a runtime generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    pub name: &'static str,
    pub version: Version,
    /// The package's directory, canonical.
    pub dir: PathBuf,
}

/// One runtime generation: the packages found in its folder.
#[derive(Debug, Clone)]
pub struct Runtime {
    pub dir: PathBuf,
    pub packages: Vec<Package>,
}

/// The runtime folders: `$WBG_RUNTIME_DIR` (one folder, or several separated as in
/// `PATH`, one per generation, preferred first) when set, else the `runtime/` folder of
/// the checkout wbg was built from.
pub fn dirs() -> Vec<PathBuf> {
    match std::env::var_os(ENV) {
        Some(dirs) if !dirs.is_empty() => std::env::split_paths(&dirs).collect(),
        _ => vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime")],
    }
}

/// Where the runtime is looked for, as error messages name it.
pub fn default_dir() -> PathBuf {
    dirs().into_iter().next().unwrap_or_default()
}

impl Runtime {
    /// The preferred runtime generation, if any is installed.
    pub fn locate() -> Option<Runtime> {
        Runtime::available().into_iter().next()
    }

    /// Every runtime generation found in [`dirs`], in order.
    pub fn available() -> Vec<Runtime> {
        dirs().iter().filter_map(|d| Runtime::load(d)).collect()
    }

    /// The packages under `dir` (see [`PACKAGES`]); `None` without a `wasm-bindgen` there.
    pub fn load(dir: &Path) -> Option<Runtime> {
        let dir = dir.canonicalize().ok()?;
        let packages: Vec<Package> = PACKAGES
            .iter()
            .filter_map(|(name, rel)| {
                let pkg_dir = dir.join(rel).canonicalize().ok()?;
                let version = package_version(&pkg_dir, name)?;
                Some(Package {
                    name,
                    version,
                    dir: pkg_dir,
                })
            })
            .collect();
        packages
            .iter()
            .any(|p| p.name == "wasm-bindgen")
            .then_some(Runtime { dir, packages })
    }

    pub fn package(&self, name: &str) -> Option<&Package> {
        self.packages.iter().find(|p| p.name == name)
    }

    /// Whether the manifest at `manifest` is this runtime's package `name`.
    pub fn provides(&self, name: &str, manifest: &Path) -> bool {
        let dir = manifest.parent().and_then(|d| d.canonicalize().ok());
        self.package(name)
            .is_some_and(|p| dir.as_deref() == Some(p.dir.as_path()))
    }

    /// Whether this generation meets every requirement in `asks` (package name, requirement).
    pub fn satisfies(&self, asks: &[(String, VersionReq)]) -> bool {
        asks.iter()
            .all(|(name, req)| self.package(name).is_some_and(|p| req.matches(&p.version)))
    }
}

/// The first generation that meets `asks`, else the first one (whose mismatch the caller
/// reports).
pub fn select<'a>(
    generations: &'a [Runtime],
    asks: &[(String, VersionReq)],
) -> Option<&'a Runtime> {
    generations
        .iter()
        .find(|r| r.satisfies(asks))
        .or_else(|| generations.first())
}

/// The version in `dir/Cargo.toml` for package `name`, following `version.workspace = true`
/// up to the workspace that defines it.
fn package_version(dir: &Path, name: &str) -> Option<Version> {
    let manifest: toml::Table = std::fs::read_to_string(dir.join("Cargo.toml"))
        .ok()?
        .parse()
        .ok()?;
    let package = manifest.get("package")?;
    if package.get("name")?.as_str()? != name {
        return None;
    }
    let version = match package.get("version")? {
        toml::Value::String(v) => v.clone(),
        inherited if inherited.get("workspace")?.as_bool()? => {
            dir.ancestors().skip(1).find_map(|d| {
                let root: toml::Table = std::fs::read_to_string(d.join("Cargo.toml"))
                    .ok()?
                    .parse()
                    .ok()?;
                Some(
                    root.get("workspace")?
                        .get("package")?
                        .get("version")?
                        .as_str()?
                        .to_string(),
                )
            })?
        }
        _ => return None,
    };
    Version::parse(&version).ok()
}

/// One `[patch.crates-io]` entry, passed to cargo as `--config`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patch {
    pub name: String,
    pub path: PathBuf,
}

impl Patch {
    /// `patch.crates-io.<name>.path="<path>"`, the path quoted as a TOML string.
    pub fn config_value(&self) -> String {
        let path = toml::Value::String(self.path.to_string_lossy().into_owned());
        format!("patch.crates-io.{}.path={path}", self.name)
    }

    /// `--config <value>` for cargo.
    pub fn args(patches: &[Patch]) -> Vec<String> {
        patches
            .iter()
            .flat_map(|p| ["--config".to_string(), p.config_value()])
            .collect()
    }
}

/// The patches that make every package of `runtime` stand in for crates.io's, except the
/// names in `skip` (those the project patches itself).
pub fn candidate_patches(runtime: &Runtime, skip: &[String]) -> Vec<Patch> {
    runtime
        .packages
        .iter()
        .filter(|p| !skip.iter().any(|s| s == p.name))
        .map(|p| Patch {
            name: p.name.to_string(),
            path: p.dir.clone(),
        })
        .collect()
}

/// The one-line advice for a requirement wbg's runtime does not meet.
pub fn advice(
    package: &str,
    provided: &Version,
    dependent_is_local: bool,
    manifest: &Path,
) -> String {
    if dependent_is_local {
        format!(
            "require `{package} = \"{}.{}\"` (or `\"={provided}\"`) in {} to build with wbg",
            provided.major,
            provided.minor,
            manifest.display()
        )
    } else {
        format!("pin that crate to a release that accepts {package} {provided} (`cargo update -p <crate> --precise <version>`)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_checkout_is_a_runtime_with_every_package() {
        let runtime = Runtime::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime"))
            .expect("the repository's runtime");
        let names: Vec<&str> = runtime.packages.iter().map(|p| p.name).collect();
        assert_eq!(names, PACKAGES.map(|(n, _)| n));
        let wb = runtime.package("wasm-bindgen").unwrap();
        assert_eq!(wb.version.major, 0);
        assert_eq!(wb.version.minor, 2);
        assert!(runtime.provides("wasm-bindgen", &wb.dir.join("Cargo.toml")));
        assert!(!runtime.provides("wasm-bindgen-macro", &wb.dir.join("Cargo.toml")));
        assert!(Runtime::load(Path::new("/nonexistent")).is_none());
    }

    #[test]
    fn patches_are_config_values_with_quoted_paths() {
        let p = |path: &str| Patch {
            name: "wasm-bindgen".into(),
            path: PathBuf::from(path),
        };
        assert_eq!(
            p("/w/runtime").config_value(),
            r#"patch.crates-io.wasm-bindgen.path="/w/runtime""#
        );
        // Whatever quoting TOML needs, cargo reads back the same path.
        let odd = p(r#"/w/a "b" \c/runtime"#).config_value();
        let table: toml::Table = odd.parse().unwrap();
        assert_eq!(
            table["patch"]["crates-io"]["wasm-bindgen"]["path"].as_str(),
            Some(r#"/w/a "b" \c/runtime"#)
        );
        assert_eq!(Patch::args(&[p("/r")])[0], "--config");
    }

    #[test]
    fn a_generation_is_chosen_by_the_requirements() {
        let gen = |v: &str| Runtime {
            dir: PathBuf::from(v),
            packages: vec![Package {
                name: "wasm-bindgen",
                version: Version::parse(v).unwrap(),
                dir: PathBuf::from(v),
            }],
        };
        let gens = [gen("0.2.100"), gen("0.2.130")];
        let asks = |r: &str| vec![("wasm-bindgen".to_string(), VersionReq::parse(r).unwrap())];
        assert_eq!(
            select(&gens, &asks("0.2")).unwrap().dir,
            Path::new("0.2.100")
        );
        assert_eq!(
            select(&gens, &asks("=0.2.130")).unwrap().dir,
            Path::new("0.2.130")
        );
        assert_eq!(
            select(&gens, &asks("=0.3.0")).unwrap().dir,
            Path::new("0.2.100")
        );
    }
}
