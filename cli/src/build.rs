//! `wbg build`: cargo for wasm32 (with wbg's runtime patched in), bindgen, `package.json`
//! from Cargo.toml, README and license copied, then `wasm-opt` when it is available: a
//! crate in, an npm package out. What is built and written is the project model's
//! (`wbg_project`); this module only shows the steps.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use wbg_project::build::{Diagnostics, Profile};
use wbg_project::output::PackageOptions;
use wbg_project::wasm_opt::{self, Decision};
use wbg_project::{Project, WASM_TARGET};

use crate::bindgen::TargetArg;
use crate::exit::Failure;
use crate::ui::Ui;

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
    fn profile(&self) -> Profile {
        if self.dev {
            Profile::Dev
        } else {
            Profile::Release
        }
    }

    /// What the project model writes, and where.
    pub fn package_options(&self) -> PackageOptions {
        PackageOptions {
            target: self.target,
            out_dir: self.out_dir.clone(),
            out_name: self.out_name.clone(),
            scope: self.scope.clone(),
            typescript: !self.no_typescript,
        }
    }
}

/// `wbg build`: builds and prints one closing line.
pub fn run(args: &BuildArgs, ui: &Ui) -> Result<(), Failure> {
    let started = Instant::now();
    let mut project = Project::locate(&args.path)?;
    let built = build(args, &mut project, ui)?;
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

/// Builds `project` (already located) as `args` say.
pub fn build(args: &BuildArgs, project: &mut Project, ui: &Ui) -> Result<Built, Failure> {
    project.cdylib()?;
    wbg_project::build::check_wasm_target(&project.dir)?;
    let profile = args.profile();
    ui.status(
        "Building",
        &format!(
            "{} v{} for {WASM_TARGET} ({})",
            project.name(),
            project.field("version").unwrap_or("?"),
            profile.name()
        ),
    );
    project.resolve()?;
    for patch in &project.patches {
        ui.detail(
            "Patching",
            &format!("{} with wbg's {}", patch.name, shown(&patch.path)),
        );
    }
    let options = wbg_project::build::Options {
        profile: profile.clone(),
        cargo_args: &args.cargo_args,
        diagnostics: Diagnostics::Rendered,
        quiet: ui.quiet(),
        color: ui.color(),
    };
    ui.detail(
        "Running",
        &format!("{:?}", wbg_project::build::command(project, &options)),
    );
    let wasm = wbg_project::build::run(project, &options)?;
    let written = ui.step(
        "Generating",
        &format!("JS glue for --target {}", args.target.name()),
        || wbg_project::output::package(project, &wasm, &args.package_options()),
    )?;
    let optimised = optimise(wasm_opt::decide(&profile, args.no_opt), &written.wasm, ui)?;
    let wasm_bytes = std::fs::metadata(&written.wasm)
        .map(|m| m.len())
        .unwrap_or(0);
    let files = written.names();
    for f in &files {
        ui.detail("Wrote", &shown(&written.out_dir.join(f)));
    }
    Ok(Built {
        out_dir: written.out_dir,
        files,
        wasm_bytes,
        optimised,
    })
}

/// Runs wasm-opt when the project model's rule says so (release builds, on PATH, not
/// turned off), showing the step.
fn optimise(decision: Decision, wasm: &Path, ui: &Ui) -> Result<bool, Failure> {
    let wasm_opt = match decision {
        Decision::Skip(why) => {
            ui.detail("Skipping", &format!("wasm-opt ({why})"));
            return Ok(false);
        }
        Decision::Run(tool) => tool,
    };
    ui.detail(
        "Running",
        &format!("{:?}", wasm_opt::command(&wasm_opt, wasm)),
    );
    ui.step(
        "Optimising",
        &format!("{} with wasm-opt", shown(wasm)),
        || wasm_opt::run(&wasm_opt, wasm).map_err(Failure::from),
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
