//! `wbg`: build, check, watch and bindgen (see `app.rs` for the command line).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = wbg_cli::app::Cli::parse();
    wbg_cli::guard(|| wbg_cli::app::run(cli))
}
