//! Support code for the end-to-end suites lives in `tests/*.rs`; this library is empty.
