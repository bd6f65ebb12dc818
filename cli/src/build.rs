//! `wbg build`: cargo for wasm32, bindgen, `package.json` from Cargo.toml, README and
//! license copied, then `wasm-opt` when it is available: a crate in, an npm package out.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use crate::bindgen::{self, Request, TargetArg};
use crate::cargo::{self, BuildRequest, Crate, WASM_TARGET};
use crate::exit::Failure;
use crate::package;
use crate::ui::Ui;
use crate::wasm_opt;

#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// The crate's directory (or its Cargo.toml).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The kind of JS module to generate.
    #[arg(long, value_enum, default_value = "bundler")]
    pub target: TargetArg,
    /// Build with cargo's release profile (the default).
    #[arg(long, conflicts_with = "dev")]
    pub release: bool,
    /// Build with cargo's dev profile: faster builds, bigger and slower wasm, no wasm-opt.
    #[arg(long)]
    pub dev: bool,
    /// Output directory, relative to the crate's directory unless absolute.
    #[arg(long, value_name = "DIR", default_value = "pkg")]
    pub out_dir: PathBuf,
    /// Base name of the output files (default: the library's crate name).
    #[arg(long, value_name = "NAME")]
    pub out_name: Option<String>,
    /// npm scope: the package is named `@SCOPE/<crate name>`.
    #[arg(long, value_name = "SCOPE")]
    pub scope: Option<String>,
    /// Do not write a `.d.ts` file.
    #[arg(long)]
    pub no_typescript: bool,
    /// Skip the `wasm-opt` pass even when `wasm-opt` is on PATH.
    #[arg(long)]
    pub no_opt: bool,
    /// Arguments after `--` go to `cargo build` (e.g. `-- --features x`).
    #[arg(last = true, value_name = "CARGO_ARGS")]
    pub cargo_args: Vec<String>,
}

/// What a successful build produced.
#[derive(Debug)]
pub struct Built {
    pub out_dir: PathBuf,
    pub files: Vec<String>,
    pub wasm_bytes: u64,
    pub optimised: bool,
}

impl BuildArgs {
    fn release(&self) -> bool {
        !self.dev
    }

    pub fn out_dir(&self, krate: &Crate) -> PathBuf {
        krate.dir.join(&self.out_dir)
    }
}

/// `wbg build`: builds and prints one closing line.
pub fn run(args: &BuildArgs, ui: &Ui) -> Result<(), Failure> {
    let started = Instant::now();
    let krate = cargo::locate(&args.path)?;
    let built = build(args, &krate, ui)?;
    ui.status(
        "Packaged",
        &format!(
            "{} in {:.2}s",
            summary(&built, args.target),
            started.elapsed().as_secs_f64()
        ),
    );
    Ok(())
}

/// `pkg/ (nodejs): a.js, a.d.ts, a_bg.wasm 14.2 KiB, package.json`
pub fn summary(built: &Built, target: TargetArg) -> String {
    let files: Vec<String> = built
        .files
        .iter()
        .map(|f| {
            if f.ends_with(".wasm") {
                format!("{f} {:.1} KiB", built.wasm_bytes as f64 / 1024.0)
            } else {
                f.clone()
            }
        })
        .collect();
    format!(
        "{} ({}{}): {}",
        shown(&built.out_dir),
        target.name(),
        if built.optimised { ", wasm-opt" } else { "" },
        files.join(", ")
    )
}

/// Builds `krate` (already located) as `args` say.
pub fn build(args: &BuildArgs, krate: &Crate, ui: &Ui) -> Result<Built, Failure> {
    cargo::check_wasm_target(&krate.dir)?;
    let profile = if args.release() { "release" } else { "dev" };
    ui.status(
        "Building",
        &format!(
            "{} v{} for {WASM_TARGET} ({profile})",
            krate.name(),
            krate.field("version").unwrap_or("?")
        ),
    );
    let wasm = cargo::build(
        &BuildRequest {
            krate,
            release: args.release(),
            cargo_args: &args.cargo_args,
        },
        ui,
    )?;
    let docs = package::docs_to_copy(krate);
    let doc_names = docs
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let out_dir = args.out_dir(krate);
    let request = Request {
        input: &wasm,
        out_dir: &out_dir,
        target: args.target,
        out_name: args
            .out_name
            .clone()
            .unwrap_or_else(|| krate.lib_name.clone()),
        typescript: !args.no_typescript,
        debug: false,
        keep_debug: false,
        weak_refs: true,
        package: package::info(krate, args.scope.as_deref(), doc_names),
    };
    let written = ui.step(
        "Generating",
        &format!("JS glue for --target {}", args.target.name()),
        || bindgen::generate_files(&request),
    )?;
    let mut files = written.files;
    files.extend(package::copy_docs(&docs, &out_dir)?);
    let optimised = optimise(args, &written.wasm, ui)?;
    let wasm_bytes = std::fs::metadata(&written.wasm)
        .map(|m| m.len())
        .unwrap_or(0);
    for f in &files {
        ui.detail("Wrote", &shown(&out_dir.join(f)));
    }
    Ok(Built {
        out_dir,
        files,
        wasm_bytes,
        optimised,
    })
}

/// Runs wasm-opt on release builds when it is on PATH and not turned off: a `--dev` build
/// is for debugging, and optimising it would only slow the edit-build loop.
fn optimise(args: &BuildArgs, wasm: &Path, ui: &Ui) -> Result<bool, Failure> {
    if args.no_opt || !args.release() {
        let why = if args.no_opt {
            "--no-opt"
        } else {
            "--dev build"
        };
        ui.detail("Skipping", &format!("wasm-opt ({why})"));
        return Ok(false);
    }
    let Some(wasm_opt) = wasm_opt::find() else {
        ui.detail("Skipping", "wasm-opt (not on PATH; binaryen provides it)");
        return Ok(false);
    };
    ui.step(
        "Optimising",
        &format!("{} with wasm-opt", shown(wasm)),
        || wasm_opt::run(&wasm_opt, wasm, ui),
    )?;
    Ok(true)
}

/// `path` relative to the current directory when it is below it, as users typed it.
pub fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    match cwd.as_deref().and_then(|cwd| path.strip_prefix(cwd).ok()) {
        Some(rel) if rel.as_os_str().is_empty() => ".".to_string(),
        Some(rel) => rel.display().to_string(),
        None => path.display().to_string(),
    }
}
