//! Exit codes and the one failure type every subcommand returns: a code plus the one line
//! the user reads. Each kind of failure has its own code so scripts and CI can tell them
//! apart; the table is shown in `--help`, README.md and docs/cli.md.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    /// `check` found errors, or bindgen rejected the wasm (foreign, damaged, mismatched).
    Problems = 1,
    /// Usage, IO or internal error (clap also exits with 2 on bad arguments).
    Usage = 2,
    /// No `Cargo.toml` at the path, or cargo cannot read it.
    NoCrate = 3,
    /// The crate has no `cdylib` library target.
    NotCdylib = 4,
    /// The toolchain lacks the `wasm32-unknown-unknown` standard library.
    NoWasmTarget = 5,
    /// `cargo build` failed (or cargo could not be run).
    CargoFailed = 6,
    /// `wasm-opt` failed.
    WasmOptFailed = 7,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// The exit-code table for `--help`.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success (for `check`: no problems)
  1  problems found: `check` found errors, or bindgen rejected the wasm
  2  usage, IO or internal error
  3  no crate: no Cargo.toml at PATH, or cargo cannot read it
  4  the crate is not a cdylib
  5  the wasm32-unknown-unknown target is not installed
  6  cargo build failed
  7  wasm-opt failed";

/// Why a command stopped: printed as one `error:` line, then the process exits with `exit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
}

impl Failure {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Failure {
            exit,
            message: message.into(),
        }
    }

    pub fn io(message: impl Into<String>) -> Self {
        Failure::new(Exit::Usage, message)
    }
}

impl From<wbg_project::Error> for Failure {
    /// The project model's errors, with the exit code of their kind.
    fn from(e: wbg_project::Error) -> Failure {
        use wbg_project::error::Kind;
        let exit = match e.kind() {
            Kind::NoCrate => Exit::NoCrate,
            Kind::NotCdylib => Exit::NotCdylib,
            Kind::NoWasmTarget => Exit::NoWasmTarget,
            Kind::Cargo => Exit::CargoFailed,
            Kind::Bindgen => Exit::Problems,
            Kind::WasmOpt => Exit::WasmOptFailed,
            Kind::Io => Exit::Usage,
        };
        Failure::new(exit, e.to_string())
    }
}
