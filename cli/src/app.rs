//! The `wbg` command line: subcommands, their help (with examples and exit codes) and the
//! dispatch to each command's module.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::bindgen::BindgenArgs;
use crate::build::BuildArgs;
use crate::check::CheckArgs;
use crate::exit::{Exit, Failure, EXIT_CODES_HELP};
use crate::ui::Ui;
use crate::watch::WatchArgs;

const EXAMPLES: &str = "\
Examples:
  wbg build --target web                      build the crate here into ./pkg
  wbg build examples/hello --target nodejs    build another crate
  wbg check --format github                   annotate #[wasm_bindgen] mistakes in CI
  wbg watch --target web                      rebuild on every change
  wbg bindgen target/wasm32-unknown-unknown/release/foo.wasm --out-dir pkg
  wbg test target/wasm32-unknown-unknown/debug/deps/foo-1a2b3c.wasm    run its tests";

#[derive(Parser)]
#[command(
    name = "wbg",
    version = crate::VERSION,
    about = "Rust ↔ JavaScript interop for WebAssembly (wasm-bindgen compatible)",
    after_help = format!("{EXAMPLES}\n\n{EXIT_CODES_HELP}"),
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print only errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print the commands run and the files written.
    #[arg(long, short, global = true)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build a crate into an npm package: cargo for wasm32, JS glue, package.json.
    #[command(after_help = format!("\
Examples:
  wbg build                                   ./ into ./pkg, --target bundler, release
  wbg build examples/hello --target nodejs    CommonJS package in examples/hello/pkg
  wbg build --target web --scope acme         package named @acme/<crate>
  wbg build --dev -- --features console       dev profile; cargo gets --features console

package.json takes name, version, description, license, repository, homepage and
keywords from Cargo.toml; README and LICENSE* files are copied. Release builds go
through wasm-opt when it is on PATH (Debian: apt install binaryen) unless --no-opt.

{EXIT_CODES_HELP}"))]
    Build(BuildArgs),
    /// Check a crate's #[wasm_bindgen] items (src/, [lib] and [[bin]] paths) without compiling.
    #[command(after_help = format!("\
Examples:
  wbg check                          rustc-style report for the crate here
  wbg check path/to/crate --format json    one JSON object per problem
  wbg check --format github          GitHub Actions annotations

The messages are those of the #[wasm_bindgen] macro and the language server.

{EXIT_CODES_HELP}"))]
    Check(CheckArgs),
    /// Rebuild whenever src/ or Cargo.toml changes (takes the options of `build`).
    #[command(after_help = format!("\
Examples:
  wbg watch --target web             rebuild ./pkg on every change
  wbg watch --dev --debounce 500     faster builds, wait 500 ms of quiet first

Each build prints one line (Built or Failed); failed builds keep the watcher running.
Ctrl-C stops it.

{EXIT_CODES_HELP}"))]
    Watch(WatchArgs),
    /// Generate JS glue, TypeScript declarations and the final wasm from a cargo-built `.wasm`.
    #[command(after_help = format!("\
Examples:
  wbg bindgen target/wasm32-unknown-unknown/release/hello.wasm --out-dir pkg --target web
  wasm-bindgen target/wasm32-unknown-unknown/release/hello.wasm --out-dir pkg   (same)

{EXIT_CODES_HELP}"))]
    Bindgen(BindgenArgs),
    /// Run a wasm32 test binary's #[wasm_bindgen_test]s in Node or headless Chromium
    /// (cargo's runner; same as wasm-bindgen-test-runner), or with a crate's PATH (or
    /// none) its `cargo test` for wasm32 with wbg's runtime patched in.
    #[command(after_help = crate::test_runner::args::USAGE)]
    Test(crate::test_runner::TestArgs),
}

/// Runs the parsed command line and prints the failure, if any, as one line.
pub fn run(cli: Cli) -> ExitCode {
    let ui = Ui::new(cli.quiet, cli.verbose);
    let result: Result<Exit, Failure> = match &cli.command {
        Command::Build(args) => crate::build::run(args, &ui).map(|()| Exit::Success),
        Command::Check(args) => crate::check::run(args, &ui),
        Command::Watch(args) => crate::watch::run(args, &ui).map(|()| Exit::Success),
        Command::Bindgen(args) => crate::bindgen::run(args).map(|()| Exit::Success),
        // libtest's exit codes (101 when a test failed), not the table above.
        Command::Test(args) if crate::test_crate::is_crate(&args.args) => {
            return crate::test_crate::run(&args.args, &ui)
        }
        Command::Test(args) => return crate::test_runner::main(&args.args),
    };
    finish(result, &ui)
}

/// The exit code of `result`, after printing its failure.
pub fn finish(result: Result<Exit, Failure>, ui: &Ui) -> ExitCode {
    match result {
        Ok(exit) => exit.into(),
        Err(failure) => {
            ui.error(&failure.message);
            failure.exit.into()
        }
    }
}
