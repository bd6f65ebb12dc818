//! Everything that can stop the project model, each variant one line a user can act on.
//! Front ends map them to their own exit codes or messages by [`Error::kind`].

use std::path::PathBuf;

/// What went wrong, grouped as the CLI's exit codes group it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No crate: no manifest, or one cargo cannot read.
    NoCrate,
    /// The crate builds no `cdylib`.
    NotCdylib,
    /// The toolchain has no wasm32 standard library.
    NoWasmTarget,
    /// cargo failed, could not run, or the dependency graph cannot take wbg's runtime.
    Cargo,
    /// bindgen rejected the wasm.
    Bindgen,
    /// `wasm-opt` failed.
    WasmOpt,
    /// Reading or writing files.
    Io,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no Cargo.toml in {0}; run wbg in a crate's directory or pass it as PATH")]
    NoManifest(String),
    #[error("cannot read {path}{line}: {message}")]
    BadManifest {
        path: String,
        /// `:12` when the line is known.
        line: String,
        message: String,
    },
    #[error("cargo cannot read {}: {message}", manifest.display())]
    CargoCannotRead { manifest: PathBuf, message: String },
    #[error("{} is a workspace manifest without a package; pass the directory of the crate to build", .0.display())]
    NotAPackage(PathBuf),
    #[error("crate `{name}` is not a cdylib; add `crate-type = [\"cdylib\", \"rlib\"]` under `[lib]` in {}", manifest.display())]
    NotCdylib { name: String, manifest: PathBuf },
    #[error(
        "the {0} target is not installed for this Rust toolchain; run `rustup target add {0}`",
        crate::WASM_TARGET
    )]
    NoWasmTarget,
    #[error("cannot run `{what}`: {source}; is Rust installed (https://rustup.rs)?")]
    CannotRun {
        what: String,
        source: std::io::Error,
    },
    #[error("cargo {what} failed for `{name}`: {message}")]
    Cargo {
        what: String,
        name: String,
        message: String,
    },
    #[error("cargo build failed for `{0}` (its errors are above)")]
    BuildFailed(String),
    #[error("cargo built no .wasm for `{0}`; is `cdylib` among its crate types?")]
    NoWasm(String),
    #[error("unexpected output from cargo metadata: {0}")]
    Metadata(String),
    /// A requirement on the `wasm-bindgen` family that wbg's runtime does not meet.
    #[error("`{dependent}` asks for {package} `{requirement}`, but wbg provides {package} {provided}; {advice}")]
    Incompatible {
        dependent: String,
        package: String,
        requirement: String,
        provided: String,
        advice: String,
    },
    #[error("`{name}` uses {package} from crates.io, and wbg's runtime is not at {}; set {} to the `runtime/` folder of a wbg checkout", dir.display(), crate::runtime::ENV)]
    RuntimeMissing {
        name: String,
        package: String,
        dir: PathBuf,
    },
    #[error("{}: {source}", input.display())]
    Bindgen {
        input: PathBuf,
        source: wbg_core_gen::bindgen::BindgenError,
    },
    #[error("{0}; rerun with --no-opt to skip it")]
    WasmOpt(String),
    #[error("{0}")]
    Io(String),
}

impl Error {
    pub fn kind(&self) -> Kind {
        match self {
            Error::NoManifest(_)
            | Error::BadManifest { .. }
            | Error::CargoCannotRead { .. }
            | Error::NotAPackage(_) => Kind::NoCrate,
            Error::NotCdylib { .. } => Kind::NotCdylib,
            Error::NoWasmTarget => Kind::NoWasmTarget,
            Error::CannotRun { .. }
            | Error::Cargo { .. }
            | Error::BuildFailed(_)
            | Error::Incompatible { .. }
            | Error::RuntimeMissing { .. } => Kind::Cargo,
            Error::Bindgen { .. } => Kind::Bindgen,
            Error::WasmOpt(_) => Kind::WasmOpt,
            Error::NoWasm(_) | Error::Metadata(_) | Error::Io(_) => Kind::Io,
        }
    }

    /// `cannot <what> <path>: <e>`.
    pub(crate) fn io(what: &str, path: &std::path::Path, e: std::io::Error) -> Error {
        Error::Io(format!("cannot {what} {}: {e}", path.display()))
    }
}

/// cargo's first `error:` line without the prefix, or its last line.
pub(crate) fn first_error(stderr: &str) -> String {
    stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .or_else(|| stderr.lines().rev().find(|l| !l.trim().is_empty()))
        .unwrap_or("unknown error")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_error_line() {
        let stderr =
            "warning: x\nerror: failed to parse manifest at `/a/Cargo.toml`\n\nCaused by:\n  y\n";
        assert_eq!(
            first_error(stderr),
            "failed to parse manifest at `/a/Cargo.toml`"
        );
        assert_eq!(first_error("something odd\n"), "something odd");
    }
}
