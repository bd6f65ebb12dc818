//! The byte layout of descriptors, defined once in the `wbg-schema` crate (shared with the
//! runtime, which writes it, and the proc macro); re-exported here for `decode` and tests.

pub use wbg_schema::*;
