//! `wbg bindgen` / `wasm-bindgen`: file IO around `wbg_core_gen::bindgen::generate`.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use wbg_core_gen::bindgen::{self, Options};
use wbg_core_gen::glue::package_json::PackageInfo;
use wbg_core_gen::target::{self, Target};

use crate::exit::{Exit, Failure};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TargetArg {
    /// ES module with an async default `init()` and `initSync()`, for browsers.
    Web,
    /// CommonJS that loads the wasm synchronously, for Node.
    Nodejs,
    /// ES module importing the `.wasm` directly, for bundlers.
    Bundler,
    /// ES module that loads the wasm with top-level await, for Deno.
    Deno,
    /// A classic script defining a global `wasm_bindgen` init function.
    NoModules,
}

impl TargetArg {
    pub fn name(self) -> &'static str {
        match self {
            TargetArg::Web => "web",
            TargetArg::Nodejs => "nodejs",
            TargetArg::Bundler => "bundler",
            TargetArg::Deno => "deno",
            TargetArg::NoModules => "no-modules",
        }
    }

    pub fn target(self) -> &'static dyn Target {
        target::by_name(self.name()).expect("every TargetArg has a target")
    }
}

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
    let input = request.input;
    let bytes = std::fs::read(input)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", input.display())))?;
    let mut options = Options::new(request.target.target(), request.out_name.clone());
    options.typescript = request.typescript;
    options.debug = request.debug;
    options.keep_debug = request.keep_debug;
    options.weak_refs = request.weak_refs;
    options.package = request.package.clone();
    let output = bindgen::generate(&bytes, &options)
        .map_err(|e| Failure::new(Exit::Problems, format!("{}: {e}", input.display())))?;
    let dir = request.out_dir;
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::io(format!("cannot create {}: {e}", dir.display())))?;
    let write = |path: &str, contents: &[u8]| {
        let p = dir.join(path);
        // Snippets go to subdirectories (`snippets/...`).
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure::io(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&p, contents)
            .map_err(|e| Failure::io(format!("cannot write {}: {e}", p.display())))
    };
    let mut files = Vec::new();
    for f in &output.files {
        write(&f.path, f.contents.as_bytes())?;
        files.push(f.path.clone());
    }
    write(&output.wasm_path, &output.wasm)?;
    files.push(output.wasm_path.clone());
    Ok(Written {
        files,
        wasm: dir.join(&output.wasm_path),
    })
}

fn default_out_name(input: &Path) -> String {
    input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into())
}
