//! wbg-core-gen: the single source of truth for `#[wasm_bindgen]` parsing and validation,
//! the descriptor schema, and JS/TS generation. Modules read in data-flow order:
//! `syntax → validate → descriptor → extract → abi → glue → target → rewrite → bindgen`.
//!
//! Plain library: values in, values or `Result` out; no printing, no process exit.

pub mod abi;
pub mod analyze;
#[cfg(feature = "wasm")]
pub mod bindgen;
pub mod descriptor;
pub mod diagnostic;
#[cfg(feature = "wasm")]
pub mod extract;
pub mod glue;
pub mod ide;
#[cfg(feature = "wasm")]
pub mod rewrite;
pub mod syntax;
pub mod target;
pub mod validate;

pub use analyze::{analyze_item, parse_file};
pub use diagnostic::{Diagnostic, Fix};
