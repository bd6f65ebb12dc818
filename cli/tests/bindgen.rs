//! `wbg bindgen` and `wasm-bindgen` on synthetic modules: the happy path runs in Node,
//! and every kind of bad input gives exit code 1 and exactly one line on stderr. The
//! `--debug` and `--keep-debug` flags are tried on a fixture crate built in debug.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use walrus::ir::BinaryOp;
use walrus::{FunctionBuilder, Module, RawCustomSection, ValType};

const VERSION: u8 = wbg_core_gen::descriptor::schema::VERSION;

fn s(v: &str) -> Vec<u8> {
    let mut out = (v.len() as u32).to_le_bytes().to_vec();
    out.extend_from_slice(v.as_bytes());
    out
}

fn entry(body: Vec<u8>) -> Vec<u8> {
    let mut out = (body.len() as u32).to_le_bytes().to_vec();
    out.extend(body);
    out
}

/// FUNCTION entry for `add(a: T, b: T) -> T` with the given type tag.
fn add_descriptor(version: u8, tag: u8) -> Vec<u8> {
    let mut b = vec![version, 1];
    b.extend(s("add"));
    b.extend(s("add"));
    b.push(0); // no namespace
    b.extend(s("Adds two numbers."));
    b.push(0); // flags
    b.extend(s("")); // unchecked_return_type
    b.extend(s("")); // return_description
    b.push(2);
    for name in ["a", "b"] {
        b.extend(s(name));
        b.extend(s("")); // unchecked_param_type
        b.extend(s("")); // param_description
        b.push(tag);
    }
    b.push(tag);
    entry(b)
}

const U32: u8 = 6;
const U64: u8 = 8;

/// A module exporting `memory` and `add(i32, i32) -> i32`, with `custom` sections.
fn module(customs: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut m = Module::default();
    let mem = m.memories.add_local(false, false, 1, None, None);
    m.exports.add("memory", mem);
    let mut f = FunctionBuilder::new(&mut m.types, &[ValType::I32, ValType::I32], &[ValType::I32]);
    let a = m.locals.add(ValType::I32);
    let b = m.locals.add(ValType::I32);
    f.func_body()
        .local_get(a)
        .local_get(b)
        .binop(BinaryOp::I32Add);
    let id = f.finish(vec![a, b], &mut m.funcs);
    m.exports.add("add", id);
    for (name, data) in customs {
        m.customs.add(RawCustomSection {
            name: name.to_string(),
            data: data.clone(),
        });
    }
    m.emit_wasm()
}

fn good_module() -> Vec<u8> {
    module(&[("wbg_descriptors", add_descriptor(VERSION, U32))])
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-bindgen")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(bin: &str, args: &[&str]) -> Output {
    let exe = match bin {
        "wbg" => env!("CARGO_BIN_EXE_wbg"),
        _ => env!("CARGO_BIN_EXE_wasm-bindgen"),
    };
    Command::new(exe).args(args).output().unwrap()
}

/// `wbg bindgen INPUT --target nodejs FLAGS` into `dir/pkg<flags>`, which must succeed.
fn bindgen_nodejs_with(dir: &Path, input: &Path, flags: &[&str]) -> PathBuf {
    let pkg = dir.join(format!("pkg{}", flags.join("")));
    let mut args = vec![
        "bindgen",
        input.to_str().unwrap(),
        "--out-dir",
        pkg.to_str().unwrap(),
        "--target",
        "nodejs",
    ];
    args.extend(flags);
    let out = run("wbg", &args);
    assert!(
        out.status.success(),
        "{flags:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pkg
}

/// Runs `wbg bindgen` on `bytes` and expects exit 1 with one `error:` line containing `needle`.
fn expect_input_error(name: &str, bytes: &[u8], needle: &str) {
    let dir = scratch(name);
    let input = dir.join(format!("{name}.wasm"));
    std::fs::write(&input, bytes).unwrap();
    let out = run(
        "wbg",
        &[
            "bindgen",
            input.to_str().unwrap(),
            "--out-dir",
            dir.join("pkg").to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "{name}: expected one line, got:\n{stderr}"
    );
    assert!(stderr.starts_with("error: "), "{name}: {stderr}");
    assert!(
        stderr.contains(needle),
        "{name}: expected {needle:?} in {stderr}"
    );
    assert!(
        !dir.join("pkg").exists(),
        "{name}: nothing is written on failure"
    );
}

#[test]
fn nodejs_output_runs_in_node() {
    let dir = scratch("nodejs");
    let input = dir.join("synth.wasm");
    std::fs::write(&input, good_module()).unwrap();
    let pkg = dir.join("pkg");
    let out = run(
        "wbg",
        &[
            "bindgen",
            input.to_str().unwrap(),
            "--out-dir",
            pkg.to_str().unwrap(),
            "--target",
            "nodejs",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for f in ["synth.js", "synth.d.ts", "synth_bg.wasm", "package.json"] {
        assert!(pkg.join(f).exists(), "{f} written");
    }
    let node = Command::new("node")
        .arg("-e")
        .arg("const m = require(process.argv[1]); console.log(m.add(40, 2), m.add(4294967295, 1));")
        .arg(pkg.join("synth.js"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&node.stdout),
        "42 0\n",
        "{}",
        String::from_utf8_lossy(&node.stderr)
    );
    let dts = std::fs::read_to_string(pkg.join("synth.d.ts")).unwrap();
    assert!(
        dts.contains(
            "/**\n * Adds two numbers.\n */\nexport function add(a: number, b: number): number;"
        ),
        "{dts}"
    );
    let wasm = std::fs::read(pkg.join("synth_bg.wasm")).unwrap();
    let processed = Module::from_buffer(&wasm).unwrap();
    assert!(
        processed
            .customs
            .iter()
            .all(|(_, c)| c.name() != "wbg_descriptors"),
        "descriptor section removed"
    );
}

#[test]
fn upstream_invocation_and_options() {
    let dir = scratch("upstream-invocation");
    let input = dir.join("synth.wasm");
    std::fs::write(&input, good_module()).unwrap();
    let pkg = dir.join("pkg");
    let out = run(
        "wasm-bindgen",
        &[
            input.to_str().unwrap(),
            "--out-dir",
            pkg.to_str().unwrap(),
            "--target",
            "web",
            "--out-name",
            "renamed",
            "--no-typescript",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let js = std::fs::read_to_string(pkg.join("renamed.js")).unwrap();
    assert!(js.contains("export function add(a, b)"));
    assert!(js.contains("new URL('renamed_bg.wasm', import.meta.url)"));
    assert!(pkg.join("renamed_bg.wasm").exists());
    assert!(!pkg.join("renamed.d.ts").exists(), "--no-typescript");
    let pkg_json = std::fs::read_to_string(pkg.join("package.json")).unwrap();
    assert!(pkg_json.contains("\"type\": \"module\""), "{pkg_json}");
}

#[test]
fn version_says_wbg() {
    for bin in ["wbg", "wasm-bindgen"] {
        let out = run(bin, &["--version"]);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("(wbg)"),
            "{bin}"
        );
    }
}

#[test]
fn not_wasm() {
    expect_input_error(
        "text",
        b"hello, this is not wasm",
        "not a WebAssembly module",
    );
}

#[test]
fn truncated() {
    let good = good_module();
    expect_input_error(
        "truncated",
        &good[..good.len() / 2],
        "damaged WebAssembly module",
    );
}

#[test]
fn plain_module_without_descriptors() {
    expect_input_error(
        "plain",
        &module(&[]),
        "no #[wasm_bindgen] descriptors found",
    );
}

#[test]
fn built_with_upstream() {
    expect_input_error(
        "upstream",
        &module(&[("__wasm_bindgen_unstable", vec![1, 2, 3])]),
        "upstream `wasm-bindgen` crate",
    );
}

#[test]
fn descriptor_version_mismatch() {
    // A version other than ours, as a runtime of another wbg release writes it.
    let other = VERSION + 1;
    let mut runtime = vec![other, 0];
    runtime.extend(s("0.2.999"));
    let mut section = entry(runtime);
    section.extend(add_descriptor(other, U32));
    expect_input_error(
        "version",
        &module(&[("wbg_descriptors", section)]),
        &format!("schema v{other} (wasm-bindgen crate 0.2.999)"),
    );
}

#[test]
fn damaged_descriptor() {
    let mut section = add_descriptor(VERSION, U32);
    section.truncate(section.len() - 3);
    expect_input_error(
        "damaged-descriptor",
        &module(&[("wbg_descriptors", section)]),
        "damaged wbg descriptor section",
    );
}

#[test]
fn signature_disagrees_with_descriptor() {
    expect_input_error(
        "signature",
        &module(&[("wbg_descriptors", add_descriptor(VERSION, U64))]),
        "wasm function `add` has signature (i32, i32) -> (i32) but its descriptor implies (i64, i64) -> (i64)",
    );
}

#[test]
fn already_processed() {
    let dir = scratch("processed-src");
    let input = dir.join("synth.wasm");
    std::fs::write(&input, good_module()).unwrap();
    let out = run(
        "wbg",
        &[
            "bindgen",
            input.to_str().unwrap(),
            "--out-dir",
            dir.join("pkg").to_str().unwrap(),
            "--target",
            "web",
        ],
    );
    assert!(out.status.success());
    // A module with runtime imports renamed to `wbg` but no descriptors left.
    let mut m = Module::from_buffer(&good_module()).unwrap();
    let ty = m.types.add(&[ValType::I32], &[]);
    m.add_import_func("wbg", "__wbindgen_object_drop_ref", ty);
    m.customs.remove_raw("wbg_descriptors");
    expect_input_error("processed", &m.emit_wasm(), "already processed by wbg");
}

#[test]
fn missing_file_is_an_io_error() {
    let out = run(
        "wbg",
        &[
            "bindgen",
            "/nonexistent/x.wasm",
            "--out-dir",
            "/tmp/wbg-never",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot read /nonexistent/x.wasm"),
        "{stderr}"
    );
}

#[test]
fn usage_error() {
    let out = run("wbg", &["bindgen", "x.wasm"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out-dir"));
}

/// Cut and corrupted modules never panic the generator.
#[test]
fn damaged_modules_never_panic() {
    let good = good_module();
    let target = wbg_core_gen_target();
    for cut in 0..good.len() {
        let opts = wbg_core_gen::bindgen::Options::new(target, "x");
        let _ = wbg_core_gen::bindgen::generate(&good[..cut], &opts);
    }
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..2000 {
        let mut bytes = good.clone();
        for _ in 0..3 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed as usize) % bytes.len();
            bytes[i] ^= (seed >> 32) as u8 | 1;
        }
        let opts = wbg_core_gen::bindgen::Options::new(target, "x");
        let _ = wbg_core_gen::bindgen::generate(&bytes, &opts);
    }
}

/// A data segment at 0xFFFF_F000 holding the closure-record magic: the closure scan must
/// not lay out 4 GiB of memory to look at it. `wbg bindgen` runs with its address space
/// capped at 1 GiB and gives a clean result (success or one error line), not a crash
/// (before the sparse memory image, it aborted: "memory allocation of 4294963232 bytes").
#[cfg(unix)]
#[test]
fn closure_magic_at_a_huge_offset() {
    let mut m = Module::from_buffer(&good_module()).unwrap();
    // Memory is scanned for closure records only when the module creates closures.
    let ty = m.types.add(&[ValType::I32; 3], &[ValType::I32]);
    m.add_import_func(
        wbg_core_gen::extract::PLACEHOLDER_MODULE,
        "__wbg_closure_new",
        ty,
    );
    let memory = m.memories.iter().next().unwrap().id();
    let mut record = wbg_core_gen::descriptor::schema::CLOSURE_MAGIC.to_vec();
    record.extend(0xFFFF_F010u32.to_le_bytes()); // descriptor pointer, into this segment
    record.extend(4u32.to_le_bytes());
    record.extend([0, 0, 0, 0, 1, 0, 0, 0]); // invoke, destroy
    record.extend(wbg_core_gen::descriptor::schema::CLOSURE_MAGIC); // a cut-off one
    m.data.add(
        walrus::DataKind::Active {
            memory,
            offset: walrus::ConstExpr::Value(walrus::ir::Value::I32(0xFFFF_F000u32 as i32)),
        },
        record,
    );
    let dir = scratch("huge-offset");
    let input = dir.join("far.wasm");
    std::fs::write(&input, m.emit_wasm()).unwrap();
    // Out of process: a regression must not take 4 GiB from the test runner.
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" bindgen \"$1\" --out-dir \"$2\"")
        .arg(env!("CARGO_BIN_EXE_wbg"))
        .arg(&input)
        .arg(dir.join("pkg"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => assert_eq!(stderr, "", "success is silent"),
        Some(1) => assert!(
            stderr.starts_with("error: ") && stderr.lines().count() == 1,
            "{stderr}"
        ),
        code => panic!("exit {code:?} (killed, or an internal error):\n{stderr}"),
    }
}

/// The fixture crate `good` built with cargo's dev profile, whose wasm has DWARF sections.
fn debug_fixture_wasm() -> PathBuf {
    let out = support::run(
        support::wbg()
            .args(["build", "--dev", "--target", "nodejs", "--out-dir"])
            .arg(scratch("debug-fixture").join("pkg"))
            .arg(support::fixture("good")),
    );
    support::ok(&out);
    support::repo_root().join("target/wasm/wasm32-unknown-unknown/debug/cli_good.wasm")
}

/// The names of a wasm module's custom sections, in order.
fn custom_sections(wasm: &[u8]) -> Vec<String> {
    fn leb(bytes: &[u8], at: &mut usize) -> usize {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let b = bytes[*at];
            *at += 1;
            value |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return value;
            }
            shift += 7;
        }
    }
    let mut names = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at);
        let end = at + size;
        if id == 0 {
            let len = leb(wasm, &mut at);
            names.push(String::from_utf8_lossy(&wasm[at..at + len]).into_owned());
        }
        at = end;
    }
    names
}

/// `--keep-debug` keeps the DWARF `.debug_*` sections (and only it does); `--debug` adds
/// `__wbg_heap_stats()` to the JS (and only it does).
#[test]
fn debug_and_keep_debug_flags() {
    let input = debug_fixture_wasm();
    let dwarf = |wasm: &[u8]| -> Vec<String> {
        let mut names: Vec<String> = custom_sections(wasm)
            .into_iter()
            .filter(|n| n.starts_with(".debug_"))
            .collect();
        // Rewritten by the generator, perhaps in another order.
        names.sort();
        names
    };
    let in_input = dwarf(&std::fs::read(&input).unwrap());
    assert!(
        in_input.contains(&".debug_info".to_string()),
        "{in_input:?}"
    );
    let dir = scratch("debug-flags");
    for (flags, keeps_dwarf, heap_stats) in [
        (&[][..], false, false),
        (&["--keep-debug"][..], true, false),
        (&["--debug"][..], false, true),
        (&["--debug", "--keep-debug"][..], true, true),
    ] {
        let pkg = bindgen_nodejs_with(&dir, &input, flags);
        let kept = dwarf(&std::fs::read(pkg.join("cli_good_bg.wasm")).unwrap());
        if keeps_dwarf {
            assert_eq!(kept, in_input, "{flags:?}");
        } else {
            assert_eq!(kept, Vec::<String>::new(), "{flags:?}");
        }
        let node = Command::new("node")
            .arg("-e")
            .arg(
                "const m = require(process.argv[1]); \
                 const s = m.__wbg_heap_stats; \
                 console.log(m.greet('dwarf'), typeof s, s ? Object.keys(s()).join(',') : '-');",
            )
            .arg(pkg.join("cli_good.js"))
            .output()
            .unwrap();
        let want = if heap_stats {
            "Hello, dwarf! function capacity,live,stack\n"
        } else {
            "Hello, dwarf! undefined -\n"
        };
        assert_eq!(
            String::from_utf8_lossy(&node.stdout),
            want,
            "{flags:?}: {}",
            String::from_utf8_lossy(&node.stderr)
        );
    }
}

fn wbg_core_gen_target() -> &'static dyn wbg_core_gen::target::Target {
    wbg_core_gen::target::by_name("web").unwrap()
}

/// A module with one class `Thing` (STRUCT entry plus its free export).
fn class_module() -> Vec<u8> {
    let mut m = Module::from_buffer(&module(&[])).unwrap();
    let ty = m.types.add(&[ValType::I32], &[]);
    let mut f = FunctionBuilder::new(&mut m.types, &[ValType::I32], &[]);
    let ptr = m.locals.add(ValType::I32);
    f.func_body();
    let _ = ty;
    let free = f.finish(vec![ptr], &mut m.funcs);
    m.exports.add("__wbg_thing_free", free);
    let mut body = vec![VERSION, 2];
    body.extend(s("Thing"));
    body.push(0); // no namespace
    body.extend(s("Thing"));
    body.extend(s(""));
    body.extend(s("__wbg_thing_free"));
    body.push(0);
    // No parent: UNIT, then empty upcast and release export names.
    body.push(wbg_core_gen::descriptor::schema::tag::UNIT);
    body.extend(s(""));
    body.extend(s(""));
    m.customs.add(RawCustomSection {
        name: "wbg_descriptors".into(),
        data: entry(body),
    });
    m.emit_wasm()
}

#[test]
fn weak_refs_can_be_turned_off() {
    let dir = scratch("weak-refs");
    let input = dir.join("thing.wasm");
    std::fs::write(&input, class_module()).unwrap();
    for (flags, registry) in [
        (&[][..], true),
        (&["--weak-refs"][..], true),
        (&["--no-weak-refs"][..], false),
        (&["--no-weak-refs", "--weak-refs"][..], true),
    ] {
        let pkg = bindgen_nodejs_with(&dir, &input, flags);
        let js = std::fs::read_to_string(pkg.join("thing.js")).unwrap();
        assert!(js.contains("class Thing"), "{js}");
        assert_eq!(
            js.contains("new FinalizationRegistry"),
            registry,
            "{flags:?}"
        );
    }
}
