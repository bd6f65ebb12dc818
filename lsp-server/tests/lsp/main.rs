//! The real `wbg-lsp` binary driven over stdio, one file per feature.

mod code_actions;
mod completion;
mod diagnostics;
mod hover;
mod lifecycle;
mod regen;
mod support;
