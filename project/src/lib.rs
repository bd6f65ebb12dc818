//! wbg's project model, the one shared by `wbg` (build, watch, check) and `wbg-lsp`
//! (regenerate on save, hover's crate scan): which crate a file belongs to and which files
//! are its sources, what `cargo metadata` says about it, the wasm32 `cargo build` with wbg's
//! runtime patched in over crates.io's `wasm-bindgen` family, and the output directory
//! (bindgen's files, `package.json` from the crate's metadata, README and licenses, the
//! optional `wasm-opt` pass). Front ends only decide what to show; what gets built and
//! written is decided here, so both write the same package.
//!
//! Entry points: [`Project::locate`] then [`Project::resolve`], [`build::command`] /
//! [`build::run`], [`output::package`]; [`manifest`] for what needs no cargo.

pub mod build;
pub mod error;
pub mod manifest;
pub mod output;
pub mod project;
pub mod runtime;
pub mod target;
pub mod wasm_opt;

pub use error::Error;
pub use project::Project;
pub use target::Target;

/// The only target wbg builds for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// `cargo`, or the one running us (`CARGO` is set under `cargo run` and in tests).
pub(crate) fn cargo() -> std::process::Command {
    std::process::Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}
