//! wbg-core-gen: the single source of truth for `#[wasm_bindgen]` parsing and validation,
//! the descriptor schema, and JS/TS generation. Modules read in data-flow order:
//! `syntax → validate → descriptor → extract → abi → glue → target → rewrite → bindgen`.
//!
//! Plain library: values in, values or `Result` out; no printing, no process exit.

pub mod diagnostic;
pub mod syntax;
pub mod validate;
pub mod descriptor;
#[cfg(feature = "wasm")]
pub mod extract;
pub mod abi;
pub mod glue;
pub mod target;
#[cfg(feature = "wasm")]
pub mod rewrite;
#[cfg(feature = "wasm")]
pub mod bindgen;

pub use diagnostic::{Diagnostic, Fix};
