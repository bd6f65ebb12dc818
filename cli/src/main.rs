//! `wbg`: bindgen now; build, check and watch come with the CLI issue.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use wbg_cli::BindgenArgs;

#[derive(Parser)]
#[command(name = "wbg", version = wbg_cli::VERSION, about = "Rust ↔ JavaScript interop for WebAssembly (wasm-bindgen compatible)")]
#[command(
    after_help = "Exit codes: 0 success, 1 problems in the input, 2 usage, IO or internal error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate JS glue, TypeScript declarations and the final wasm from a cargo-built `.wasm`.
    #[command(
        after_help = "Example:\n  wbg bindgen target/wasm32-unknown-unknown/release/hello.wasm --out-dir pkg --target web"
    )]
    Bindgen(BindgenArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    wbg_cli::guard(|| match &cli.command {
        Command::Bindgen(args) => wbg_cli::run_bindgen(args),
    })
}
