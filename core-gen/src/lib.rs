//! wbg-core-gen: the single source of truth for `#[wasm_bindgen]` parsing and validation,
//! the descriptor schema, and JS/TS generation. Modules read in data-flow order, each using
//! only those before it:
//! `js_words → syntax → validate → analyze → descriptor → lower → abi → wasm_file → extract → glue → target → rewrite → bindgen`.
//!
//! The proc macro builds only the front (`syntax`, `validate`, `analyze`, the `descriptor`
//! model, `lower`); the `glue` feature adds descriptor decoding, `abi`, `glue` and `target`, the
//! `wasm` feature (default) adds wasmparser and `wasm_file`, `extract`, `rewrite`, `bindgen`. Editor features
//! live in `wbg-ide`.
//!
//! Plain library: values in, values or `Result` out; no printing, no process exit.

pub mod analyze;
pub mod descriptor;
pub mod diagnostic;
pub mod js_words;
pub mod lower;
pub mod syntax;
pub mod validate;

#[cfg(feature = "glue")]
pub mod abi;
#[cfg(feature = "wasm")]
pub mod bindgen;
#[cfg(feature = "wasm")]
pub mod extract;
#[cfg(feature = "glue")]
pub mod glue;
#[cfg(feature = "wasm")]
pub mod rewrite;
#[cfg(feature = "glue")]
pub mod target;
#[cfg(feature = "wasm")]
pub mod wasm_file;

pub use analyze::{analyze_item, analyze_link_to, parse_file};
pub use diagnostic::{Diagnostic, Fix, Severity};
