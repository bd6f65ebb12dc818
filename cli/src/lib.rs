//! The command-line front end: argument parsing and file IO around `wbg-core-gen`.
//!
//! Exit codes: 0 success; 1 the input has problems (a foreign, damaged or incompatible
//! `.wasm`); 2 usage, IO or internal errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use wbg_core_gen::bindgen::{self, Options};
use wbg_core_gen::target;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TargetArg {
    /// ES module with an async default `init()` and `initSync()`, for browsers.
    Web,
    /// CommonJS that loads the wasm synchronously, for Node.
    Nodejs,
    /// ES module importing the `.wasm` directly, for bundlers.
    Bundler,
}

impl TargetArg {
    fn name(self) -> &'static str {
        match self {
            TargetArg::Web => "web",
            TargetArg::Nodejs => "nodejs",
            TargetArg::Bundler => "bundler",
        }
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

/// `--version` text: says "wbg" so scripts can tell it from upstream's `wasm-bindgen`.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (wbg)");

/// Runs `body`, turning a panic (a bug) into one `error:` line and exit code 2 instead of
/// a backtrace. Panics caught deeper down (e.g. by the wasm parser guard) stay silent.
pub fn guard(body: impl FnOnce() -> ExitCode) -> ExitCode {
    use std::cell::RefCell;
    thread_local! { static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) }; }
    std::panic::set_hook(Box::new(|info| {
        let msg = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "unknown panic".into()),
        };
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(code) => code,
        Err(_) => {
            let msg = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_default();
            eprintln!("error: internal error in wbg (please report it): {msg}");
            ExitCode::from(2)
        }
    }
}

/// Runs bindgen and prints one line on failure.
pub fn run_bindgen(args: &BindgenArgs) -> ExitCode {
    match bindgen_files(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(msg)) => {
            eprintln!("error: {}: {msg}", args.input.display());
            ExitCode::from(1)
        }
        Err(Failure::Io(msg)) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

enum Failure {
    Input(String),
    Io(String),
}

fn bindgen_files(args: &BindgenArgs) -> Result<(), Failure> {
    let bytes = std::fs::read(&args.input)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", args.input.display())))?;
    let out_name = match &args.out_name {
        Some(n) => n.clone(),
        None => default_out_name(&args.input),
    };
    let target = target::by_name(args.target.name()).expect("every TargetArg has a target");
    let mut options = Options::new(target, out_name);
    options.typescript = !args.no_typescript;
    options.debug = args.debug;
    options.keep_debug = args.keep_debug;
    options.weak_refs = !args.no_weak_refs;
    let output = bindgen::generate(&bytes, &options).map_err(|e| Failure::Input(e.to_string()))?;
    let dir = &args.out_dir;
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Io(format!("cannot create {}: {e}", dir.display())))?;
    let write = |path: &str, contents: &[u8]| {
        let p = dir.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Failure::Io(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&p, contents)
            .map_err(|e| Failure::Io(format!("cannot write {}: {e}", p.display())))
    };
    for f in &output.files {
        write(&f.path, f.contents.as_bytes())?;
    }
    write(&output.wasm_path, &output.wasm)
}

fn default_out_name(input: &Path) -> String {
    input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into())
}
