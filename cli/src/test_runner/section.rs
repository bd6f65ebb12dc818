//! Reads the `__wbgtest` custom section of a test binary: the tests `#[wasm_bindgen_test]`
//! listed and the `wasm_bindgen_test_configure!` settings. The layout is defined in
//! `runtime/test/src/entry.rs`; the tests below decode entries built by that code.

/// Bumped with the layout in `runtime/test/src/entry.rs`.
const FORMAT_VERSION: u8 = 1;
const KIND_TEST: u8 = 1;
const KIND_CONFIG: u8 = 2;

const SHOULD_PANIC: u8 = 1;
const HAS_EXPECTED: u8 = 2;
const IGNORE: u8 = 4;
const HAS_REASON: u8 = 8;
const ASYNC: u8 = 16;

const RUN_IN_BROWSER: u8 = 1;
const RUN_IN_NODE_EXPERIMENTAL: u8 = 2;

pub const SECTION: &str = "__wbgtest";

/// One `#[wasm_bindgen_test]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestInfo {
    /// libtest's name: the module path without the crate, then the function.
    pub name: String,
    /// The wasm export that runs it.
    pub export: String,
    /// `Some(expected substring)` for `#[should_panic]`; `Some(None)` without `expected`.
    pub should_panic: Option<Option<String>>,
    /// `Some(reason)` for `#[ignore]`.
    pub ignore: Option<Option<String>>,
    pub is_async: bool,
}

/// Where the tests run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Environment {
    /// Node with the CommonJS glue (`--target nodejs`), the default.
    #[default]
    Node,
    /// Node with the ES module glue (`run_in_node_experimental`).
    NodeEsm,
    /// Headless Chromium (`run_in_browser`).
    Browser,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suite {
    pub tests: Vec<TestInfo>,
    pub environment: Environment,
}

/// Why the section could not be read: one message for the user.
#[derive(Debug, PartialEq, Eq)]
pub struct SectionError(pub String);

impl std::error::Error for SectionError {}

impl std::fmt::Display for SectionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The suite described by `wasm`'s `__wbgtest` sections (empty when there are none).
pub fn read_suite(wasm: &[u8]) -> Result<Suite, SectionError> {
    let mut suite = Suite::default();
    for payload in custom_sections(wasm, SECTION)? {
        decode_entries(payload, &mut suite)?;
    }
    suite.tests.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(suite)
}

/// The payloads of every custom section called `name`.
fn custom_sections<'a>(wasm: &'a [u8], name: &str) -> Result<Vec<&'a [u8]>, SectionError> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err(SectionError("not a WebAssembly module".into()));
    }
    let damaged = || SectionError("the WebAssembly module is damaged".into());
    let mut out = Vec::new();
    let mut pos = 8;
    while pos < wasm.len() {
        let id = wasm[pos];
        pos += 1;
        let size = leb128(wasm, &mut pos).ok_or_else(damaged)? as usize;
        let end = pos
            .checked_add(size)
            .filter(|&e| e <= wasm.len())
            .ok_or_else(damaged)?;
        if id == 0 {
            let mut p = pos;
            let len = leb128(wasm, &mut p).ok_or_else(damaged)? as usize;
            let name_end = p
                .checked_add(len)
                .filter(|&e| e <= end)
                .ok_or_else(damaged)?;
            if &wasm[p..name_end] == name.as_bytes() {
                out.push(&wasm[name_end..end]);
            }
        }
        pos = end;
    }
    Ok(out)
}

fn leb128(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut result = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        result |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(result);
        }
    }
    None
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], SectionError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| SectionError("the __wbgtest section is damaged".into()))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, SectionError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, SectionError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn str(&mut self) -> Result<String, SectionError> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec())
            .map_err(|_| SectionError("the __wbgtest section is damaged".into()))
    }
}

fn decode_entries(payload: &[u8], suite: &mut Suite) -> Result<(), SectionError> {
    let mut r = Reader {
        bytes: payload,
        pos: 0,
    };
    while r.pos < payload.len() {
        let len = r.u32()? as usize;
        let mut e = Reader {
            bytes: r.take(len)?,
            pos: 0,
        };
        let version = e.u8()?;
        if version != FORMAT_VERSION {
            return Err(SectionError(format!(
                "the tests were built with a wasm-bindgen-test whose format ({version}) this \
                 runner ({FORMAT_VERSION}) does not read; use the runner from the same wbg \
                 version as the wasm-bindgen-test dependency"
            )));
        }
        match e.u8()? {
            KIND_TEST => suite.tests.push(decode_test(&mut e)?),
            KIND_CONFIG => {
                let flags = e.u8()?;
                if flags & RUN_IN_BROWSER != 0 {
                    suite.environment = Environment::Browser;
                } else if flags & RUN_IN_NODE_EXPERIMENTAL != 0
                    && suite.environment == Environment::Node
                {
                    suite.environment = Environment::NodeEsm;
                }
            }
            // Newer kinds within the same format version are skipped.
            _ => {}
        }
    }
    Ok(())
}

fn decode_test(e: &mut Reader<'_>) -> Result<TestInfo, SectionError> {
    let export = e.str()?;
    let module_path = e.str()?;
    let fn_name = e.str()?;
    let flags = e.u8()?;
    let expected = e.str()?;
    let reason = e.str()?;
    // libtest names tests by their path inside the crate.
    let name = match module_path.split_once("::") {
        Some((_, inner)) => format!("{inner}::{fn_name}"),
        None => fn_name,
    };
    let optional = |present: bool, s: String| present.then_some(s);
    Ok(TestInfo {
        name,
        export,
        should_panic: (flags & SHOULD_PANIC != 0)
            .then(|| optional(flags & HAS_EXPECTED != 0, expected)),
        ignore: (flags & IGNORE != 0).then(|| optional(flags & HAS_REASON != 0, reason)),
        is_async: flags & ASYNC != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::__rt::{config, config_entry, flags, test_entry, test_entry_len};

    /// A module with only a custom section holding `payload`.
    fn module_with(payload: &[u8]) -> Vec<u8> {
        let mut body = vec![SECTION.len() as u8];
        body.extend_from_slice(SECTION.as_bytes());
        body.extend_from_slice(payload);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.push(0);
        wasm.push(body.len() as u8);
        wasm.extend(body);
        wasm
    }

    #[test]
    fn decodes_entries_built_by_the_runtime() {
        const A: usize = test_entry_len("__wbgt_a_1", "demo::tests", "a", "boom", "");
        const B: usize = test_entry_len("__wbgt_b_2", "integration", "b", "", "slow");
        let mut payload = test_entry::<A>(
            "__wbgt_a_1",
            "demo::tests",
            "a",
            flags::SHOULD_PANIC | flags::HAS_EXPECTED | flags::ASYNC,
            "boom",
            "",
        )
        .to_vec();
        payload.extend(test_entry::<B>(
            "__wbgt_b_2",
            "integration",
            "b",
            flags::IGNORE | flags::HAS_REASON,
            "",
            "slow",
        ));
        payload.extend(config_entry(config::RUN_IN_BROWSER));
        let suite = read_suite(&module_with(&payload)).unwrap();
        assert_eq!(suite.environment, Environment::Browser);
        assert_eq!(
            suite.tests,
            [
                TestInfo {
                    name: "b".into(),
                    export: "__wbgt_b_2".into(),
                    should_panic: None,
                    ignore: Some(Some("slow".into())),
                    is_async: false,
                },
                TestInfo {
                    name: "tests::a".into(),
                    export: "__wbgt_a_1".into(),
                    should_panic: Some(Some("boom".into())),
                    ignore: None,
                    is_async: true,
                },
            ]
        );
    }

    #[test]
    fn node_esm_configuration() {
        let suite = read_suite(&module_with(&config_entry(
            config::RUN_IN_NODE_EXPERIMENTAL,
        )))
        .unwrap();
        assert_eq!(suite.environment, Environment::NodeEsm);
    }

    #[test]
    fn no_section_is_an_empty_suite() {
        assert_eq!(read_suite(b"\0asm\x01\0\0\0").unwrap(), Suite::default());
    }

    #[test]
    fn foreign_version_and_damage_are_errors() {
        let mut entry = config_entry(config::RUN_IN_BROWSER);
        entry[4] = 99;
        let err = read_suite(&module_with(&entry)).unwrap_err();
        assert!(err.0.contains("format (99)"), "{err}");
        let err = read_suite(&module_with(&[9, 0, 0, 0, 1])).unwrap_err();
        assert_eq!(err.0, "the __wbgtest section is damaged");
        assert_eq!(
            read_suite(b"hello world").unwrap_err().0,
            "not a WebAssembly module"
        );
    }
}
