//! One function per feature: convert from the protocol, call core-gen (through
//! `analysis`), convert back. `server.rs` only forwards to these.

pub mod code_action;
pub mod completion;
pub mod diagnostics;
pub mod hover;
