//! `wbg bindgen` / `wasm-bindgen`: a bare `.wasm` in, the output directory written by the
//! project model's writer (`wbg_project::output::generate`, the one `wbg build` uses).

use std::path::{Path, PathBuf};

use clap::Args;
use wbg_core_gen::bindgen::Options;
use wbg_core_gen::glue::package_json::PackageInfo;

use crate::exit::Failure;

/// The `--target` values: the project model's five targets (clap lists them with their
/// help through the `clap` feature of wbg-project).
pub type TargetArg = wbg_project::Target;

/// Arguments shared by `wbg bindgen` and the `wasm-bindgen` binary.
#[derive(Debug, Args)]
pub struct BindgenArgs {
    /// The `.wasm` file cargo built (target/wasm32-unknown-unknown/<profile>/<crate>.wasm).
    pub input: PathBuf,
    /// Directory to write the JS, `.d.ts`, `package.json` and `_bg.wasm` into.
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// The kind of JS module to generate.
    #[arg(long, value_enum, default_value = "bundler")]
    pub target: TargetArg,
    /// Base name of the output files (default: the input file's name).
    #[arg(long, value_name = "NAME")]
    pub out_name: Option<String>,
    /// Do not write a `.d.ts` file.
    #[arg(long)]
    pub no_typescript: bool,
    /// Add debugging aids to the glue (e.g. `__wbg_heap_stats()`).
    #[arg(long)]
    pub debug: bool,
    /// Keep DWARF debug sections in the output wasm.
    #[arg(long)]
    pub keep_debug: bool,
    /// Free class instances that JS forgot through a `FinalizationRegistry` (the default).
    #[arg(long, overrides_with = "no_weak_refs")]
    pub weak_refs: bool,
    /// Do not use a `FinalizationRegistry`: instances are freed only by `free()`.
    #[arg(long, overrides_with = "weak_refs")]
    pub no_weak_refs: bool,
}

/// What `wbg build` and `wbg bindgen` both ask of the generator.
pub struct Request<'a> {
    pub input: &'a Path,
    pub out_dir: &'a Path,
    pub target: TargetArg,
    pub out_name: String,
    pub typescript: bool,
    pub debug: bool,
    pub keep_debug: bool,
    pub weak_refs: bool,
    pub package: PackageInfo,
}

/// The files written, relative to the output directory; the wasm last.
pub struct Written {
    pub files: Vec<String>,
    pub wasm: PathBuf,
}

pub fn run(args: &BindgenArgs) -> Result<(), Failure> {
    let out_name = match &args.out_name {
        Some(n) => n.clone(),
        None => default_out_name(&args.input),
    };
    generate_files(&Request {
        input: &args.input,
        out_dir: &args.out_dir,
        target: args.target,
        out_name,
        typescript: !args.no_typescript,
        debug: args.debug,
        keep_debug: args.keep_debug,
        weak_refs: !args.no_weak_refs,
        package: PackageInfo::default(),
    })
    .map(|_| ())
}

/// Runs the generator on `request.input` and writes its output; nothing is written when
/// the input is rejected.
pub fn generate_files(request: &Request<'_>) -> Result<Written, Failure> {
    let mut options = Options::new(request.target.generator(), request.out_name.clone());
    options.typescript = request.typescript;
    options.debug = request.debug;
    options.keep_debug = request.keep_debug;
    options.weak_refs = request.weak_refs;
    options.package = request.package.clone();
    let written = wbg_project::output::generate(request.input, request.out_dir, &options)?;
    Ok(Written {
        files: written.names(),
        wasm: written.wasm,
    })
}

fn default_out_name(input: &Path) -> String {
    input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into())
}
