//! The `__wbgtest` custom section: one entry per test and per `wasm_bindgen_test_configure!`,
//! built by const evaluation so the runner learns everything without running the wasm.
//!
//! Layout of an entry (integers little-endian; `str` is a `u32` byte length then UTF-8):
//!
//! ```text
//! u32 length of what follows
//! u8  FORMAT_VERSION
//! u8  kind: KIND_TEST or KIND_CONFIG
//! test:   str export, str module_path, str fn name, u8 flags (flags::*), str expected, str reason
//! config: u8 flags (config::*)
//! ```
//!
//! Entries are byte arrays (alignment 1), so the linker concatenates them without padding.
//! The runner's reader is `cli/src/test_runner/section.rs`; a test there decodes entries
//! built by these functions.

/// Bumped whenever the layout changes; the runner refuses other versions with one message.
pub const FORMAT_VERSION: u8 = 1;
pub const KIND_TEST: u8 = 1;
pub const KIND_CONFIG: u8 = 2;

/// Bits of a test entry's flags byte (the macro writes the same values).
pub mod flags {
    pub const SHOULD_PANIC: u8 = 1;
    pub const HAS_EXPECTED: u8 = 2;
    pub const IGNORE: u8 = 4;
    pub const HAS_REASON: u8 = 8;
    pub const ASYNC: u8 = 16;
}

/// Bits of a configuration entry (`wasm_bindgen_test_configure!`).
pub mod config {
    pub const RUN_IN_BROWSER: u8 = 1;
    pub const RUN_IN_NODE_EXPERIMENTAL: u8 = 2;
}

/// Size of a test entry, for the static's array type.
pub const fn test_entry_len(
    export: &str,
    module_path: &str,
    name: &str,
    expected: &str,
    reason: &str,
) -> usize {
    4 + 2
        + 4 * 5
        + export.len()
        + module_path.len()
        + name.len()
        + 1
        + expected.len()
        + reason.len()
}

/// A test entry; `N` must be `test_entry_len` of the same strings.
pub const fn test_entry<const N: usize>(
    export: &str,
    module_path: &str,
    name: &str,
    flags: u8,
    expected: &str,
    reason: &str,
) -> [u8; N] {
    Writer::<N>::new()
        .u32((N - 4) as u32)
        .u8(FORMAT_VERSION)
        .u8(KIND_TEST)
        .str(export)
        .str(module_path)
        .str(name)
        .u8(flags)
        .str(expected)
        .str(reason)
        .finish()
}

/// Size of a configuration entry.
pub const CONFIG_ENTRY_LEN: usize = 4 + 3;

/// A configuration entry with `flags` (`config::*`).
pub const fn config_entry(flags: u8) -> [u8; CONFIG_ENTRY_LEN] {
    Writer::<CONFIG_ENTRY_LEN>::new()
        .u32((CONFIG_ENTRY_LEN - 4) as u32)
        .u8(FORMAT_VERSION)
        .u8(KIND_CONFIG)
        .u8(flags)
        .finish()
}

struct Writer<const N: usize> {
    buf: [u8; N],
    pos: usize,
}

impl<const N: usize> Writer<N> {
    const fn new() -> Self {
        Writer {
            buf: [0; N],
            pos: 0,
        }
    }

    const fn u8(mut self, b: u8) -> Self {
        self.buf[self.pos] = b;
        self.pos += 1;
        self
    }

    const fn bytes(mut self, bytes: &[u8]) -> Self {
        let mut i = 0;
        while i < bytes.len() {
            self.buf[self.pos] = bytes[i];
            self.pos += 1;
            i += 1;
        }
        self
    }

    const fn u32(self, n: u32) -> Self {
        self.bytes(&n.to_le_bytes())
    }

    const fn str(self, s: &str) -> Self {
        self.u32(s.len() as u32).bytes(s.as_bytes())
    }

    const fn finish(self) -> [u8; N] {
        // A length mismatch is a bug in the macro; failing const evaluation shows it at
        // compile time.
        assert!(self.pos == N, "wasm-bindgen-test: entry length mismatch");
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_entry_layout() {
        const LEN: usize = test_entry_len("e", "m", "n", "x", "");
        let bytes = test_entry::<LEN>("e", "m", "n", flags::SHOULD_PANIC, "x", "");
        assert_eq!(
            bytes.to_vec(),
            [
                &((LEN - 4) as u32).to_le_bytes()[..],
                &[FORMAT_VERSION, KIND_TEST],
                &[1, 0, 0, 0, b'e'],
                &[1, 0, 0, 0, b'm'],
                &[1, 0, 0, 0, b'n'],
                &[flags::SHOULD_PANIC],
                &[1, 0, 0, 0, b'x'],
                &[0, 0, 0, 0],
            ]
            .concat()
        );
    }

    #[test]
    fn config_entry_layout() {
        assert_eq!(
            config_entry(config::RUN_IN_BROWSER),
            [
                3,
                0,
                0,
                0,
                FORMAT_VERSION,
                KIND_CONFIG,
                config::RUN_IN_BROWSER
            ]
        );
    }
}
