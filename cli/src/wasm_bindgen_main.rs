//! `wasm-bindgen foo.wasm --out-dir pkg --target web`: upstream's invocation, same work
//! as `wbg bindgen`.

use std::process::ExitCode;

use clap::Parser;
use wbg_cli::BindgenArgs;

#[derive(Parser)]
#[command(name = "wasm-bindgen", version = wbg_cli::VERSION, about = "Generate JS glue for a cargo-built .wasm (wbg)")]
#[command(
    after_help = "Exit codes: 0 success, 1 problems in the input, 2 usage, IO or internal error."
)]
struct Cli {
    #[command(flatten)]
    args: BindgenArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    wbg_cli::guard(|| wbg_cli::run_bindgen(&cli.args))
}
