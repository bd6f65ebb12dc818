//! `wasm-bindgen-test-runner` under `cargo test --target wasm32-unknown-unknown`, as a user
//! runs it: the fixtures in tests/test-fixtures use only the wasm-bindgen-test API, and the
//! runner is configured through CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER. Every test
//! asserts the report libtest would print (result lines, failure texts, summary) and the
//! exit code, in Node and in headless Chromium.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The `test name ... status` lines, in order.
    fn results(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter(|l| l.starts_with("test ") && l.contains(" ... "))
            .collect()
    }

    /// The `test result:` line without its timing.
    fn summary(&self) -> String {
        let line = self
            .stdout
            .lines()
            .find(|l| l.starts_with("test result:"))
            .unwrap_or_else(|| panic!("no summary line in:\n{}\n{}", self.stdout, self.stderr));
        line.split("; finished in").next().unwrap().to_string()
    }

    fn has(&self, text: &str) -> bool {
        self.stdout.contains(text)
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// `cargo test --target wasm32-unknown-unknown -p <package> <target> -- <args>` in the
/// test fixtures, with the runner from this build.
fn cargo_test(package: &str, target: &[&str], args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // Not `--quiet`: cargo passes it on to the runner, which then prints one character per test.
    cmd.args(["test", "--target", "wasm32-unknown-unknown", "-p", package])
        .args(target)
        .arg("--manifest-path")
        .arg(repo_root().join("tests/test-fixtures/Cargo.toml"))
        .arg("--")
        .args(args)
        .env("CARGO_TARGET_DIR", repo_root().join("target").join("wasm"))
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            env!("CARGO_BIN_EXE_wasm-bindgen-test-runner"),
        )
        .env_remove("RUST_TEST_NOCAPTURE")
        .env_remove("WASM_BINDGEN_TEST_TIMEOUT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("cargo runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The browser tests need Chromium; CI installs it (.ci/run). Missing locally is a failure
/// with instructions, not a skip.
fn require_chromium() {
    let on_path = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).any(|d| {
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .any(|n| d.join(n).is_file())
    });
    let from_env = ["CHROME", "WASM_BINDGEN_TEST_CHROME"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|p| !p.is_empty()));
    assert!(
        on_path || from_env,
        "the browser tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium) \
         or set CHROME to its path"
    );
}

#[test]
fn node_follows_upstreams_conventions_for_js_modules() {
    let run = cargo_test("wbgtest-demo", &["--test", "node_conventions"], &[], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test debug_glue_checks_argument_types ... ok",
            "test gc_is_exposed ... ok",
            "test js_calls_back_into_the_glue ... ok",
        ],
        "{run:?}"
    );
}

#[test]
fn node_reports_every_outcome_like_libtest() {
    let run = cargo_test("wbgtest-demo", &["--lib"], &[], &[]);
    assert_eq!(run.code, Some(101), "{run:?}");
    assert!(run.has("\nrunning 19 tests\n"), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test tests::after_a_panic_the_next_test_runs ... ok",
            "test tests::async_panic_after_await_fails ... FAILED",
            "test tests::async_passes ... ok",
            "test tests::async_result_err_fails ... FAILED",
            "test tests::async_should_panic_passes ... ok",
            "test tests::fails_with_output ... FAILED",
            "test tests::ignored ... ignored",
            "test tests::ignored_with_reason ... ignored, needs a network",
            "test tests::js_exception_fails ... FAILED",
            "test tests::nested::passes ... ok",
            "test tests::passes ... ok",
            "test tests::passes_with_js_values ... ok",
            "test tests::result_err_fails ... FAILED",
            "test tests::result_js_value_err_fails ... FAILED",
            "test tests::result_ok_passes ... ok",
            "test tests::should_panic_passes ... ok",
            "test tests::should_panic_with_expected_passes ... ok",
            "test tests::should_panic_with_wrong_message_fails ... FAILED",
            "test tests::should_panic_without_panic_fails ... FAILED",
        ],
        "{run:?}"
    );
    assert_eq!(
        run.summary(),
        "test result: FAILED. 9 passed; 8 failed; 2 ignored; 0 measured; 0 filtered out",
        "{run:?}"
    );
    for expected in [
        // Captured output, then the Rust panic message and location.
        "---- tests::fails_with_output stdout ----\nconsole_log from a failing test: 42\n\
         console_error from a failing test\nconsole.log from a failing test\n\
         panicked at wbgtest-demo/src/lib.rs:48:9:\n\
         assertion `left == right` failed: arithmetic is broken\n",
        "---- tests::result_err_fails stdout ----\nError: \"the test returned an error\"\n",
        "---- tests::result_js_value_err_fails stdout ----\nError: JsValue(\"a JsValue error\")\n",
        "---- tests::js_exception_fails stdout ----\nJavaScript exception: Error: thrown from JS\n",
        "the wrong words\nnote: panic did not contain expected string\n      \
         panic message: `\"the wrong words\"`,\n expected substring: `\"the right words\"`\n",
        "---- tests::should_panic_without_panic_fails stdout ----\nnote: test did not panic as expected\n",
        // An async test that panics after an await (inside a microtask).
        "---- tests::async_panic_after_await_fails stdout ----\nbefore the async panic\n\
         panicked at wbgtest-demo/src/lib.rs:120:9:\nasync panic after a timer\n",
        "---- tests::async_result_err_fails stdout ----\nError: \"async error\"\n",
        "\nfailures:\n    tests::async_panic_after_await_fails\n    tests::async_result_err_fails\n    \
         tests::fails_with_output\n",
    ] {
        assert!(run.has(expected), "missing {expected:?} in {run:?}");
    }
    // Output of passing tests stays captured.
    assert!(!run.has("not shown: the test passes"), "{run:?}");
    assert!(!run.has("harness.mjs"), "harness frames in stacks: {run:?}");
}

#[test]
fn filters_exact_skip_list_and_ignored() {
    let run = cargo_test(
        "wbgtest-demo",
        &["--lib"],
        &["--exact", "tests::passes"],
        &[],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(run.results(), ["test tests::passes ... ok"]);
    assert_eq!(
        run.summary(),
        "test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 18 filtered out"
    );

    let run = cargo_test(
        "wbgtest-demo",
        &["--lib"],
        &["passes", "--skip", "should_panic"],
        &[],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.summary(),
        "test result: ok. 5 passed; 0 failed; 0 ignored; 0 measured; 14 filtered out",
        "{run:?}"
    );

    let run = cargo_test("wbgtest-demo", &["--lib"], &["--list", "result"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stdout,
        "tests::async_result_err_fails: test\ntests::result_err_fails: test\ntests::result_js_value_err_fails: test\n\
         tests::result_ok_passes: test\n\n4 tests, 0 benchmarks\n"
    );

    // --ignored runs only the ignored ones: one of them panics.
    let run = cargo_test("wbgtest-demo", &["--lib"], &["--ignored"], &[]);
    assert_eq!(run.code, Some(101), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test tests::ignored ... FAILED",
            "test tests::ignored_with_reason ... ok"
        ]
    );
    assert!(run.has("ignored tests do not run"), "{run:?}");

    let run = cargo_test("wbgtest-demo", &["--lib"], &["--include-ignored"], &[]);
    assert_eq!(
        run.summary(),
        "test result: FAILED. 10 passed; 9 failed; 0 ignored; 0 measured; 0 filtered out",
        "{run:?}"
    );
}

#[test]
fn nocapture_and_show_output_print_passing_output() {
    let run = cargo_test(
        "wbgtest-demo",
        &["--lib"],
        &["--nocapture", "passes_with_js_values"],
        &[],
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.has("not shown: the test passes\n"), "{run:?}");
    let run = cargo_test(
        "wbgtest-demo",
        &["--lib"],
        &["--show-output", "passes_with_js_values"],
        &[],
    );
    assert!(
        run.has("\nsuccesses:\n\n---- tests::passes_with_js_values stdout ----\nnot shown: the test passes\n"),
        "{run:?}"
    );
}

#[test]
fn integration_test_binary_passes_with_exit_code_0() {
    let run = cargo_test("wbgtest-demo", &["--test", "integration"], &[], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test integration_also_passes ... ok",
            "test integration_passes ... ok"
        ]
    );
    assert_eq!(
        run.summary(),
        "test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out"
    );
}

#[test]
fn run_in_node_experimental_uses_es_modules() {
    let run = cargo_test("wbgtest-demo", &["--test", "node_esm"], &[], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test async_works_too ... ok",
            "test panics_are_reported ... ok",
            "test snippet_runs_as_an_es_module ... ok",
        ]
    );
}

#[test]
fn a_hanging_test_times_out_and_the_next_one_runs_in_node() {
    let run = cargo_test(
        "wbgtest-demo",
        &["--test", "hang"],
        &[],
        &[("WASM_BINDGEN_TEST_TIMEOUT", "2")],
    );
    assert_eq!(run.code, Some(101), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test hangs_forever ... FAILED",
            "test runs_after_the_hang ... ok"
        ]
    );
    assert!(
        run.has("the test did not finish within 2 s (set WASM_BINDGEN_TEST_TIMEOUT to change the limit)"),
        "{run:?}"
    );
}

#[test]
fn run_in_browser_runs_in_headless_chromium() {
    require_chromium();
    let run = cargo_test("wbgtest-browser", &["--lib"], &[], &[]);
    assert_eq!(run.code, Some(101), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test tests::async_in_the_browser ... ok",
            "test tests::fails_in_the_browser ... FAILED",
            "test tests::has_a_document ... ok",
            "test tests::ignored_in_the_browser ... ignored",
            "test tests::runs_in_chromium ... ok",
            "test tests::should_panic_in_the_browser ... ok",
        ],
        "{run:?}"
    );
    assert_eq!(
        run.summary(),
        "test result: FAILED. 4 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out"
    );
    assert!(
        run.has(
            "---- tests::fails_in_the_browser stdout ----\noutput of a failing browser test\n\
             panicked at wbgtest-browser/src/lib.rs:38:9:\nbrowser panic\n"
        ),
        "{run:?}"
    );
}

#[test]
fn a_hanging_browser_test_times_out_and_chromium_restarts() {
    require_chromium();
    let run = cargo_test(
        "wbgtest-browser",
        &["--test", "hang"],
        &[],
        &[("WASM_BINDGEN_TEST_TIMEOUT", "2")],
    );
    assert_eq!(run.code, Some(101), "{run:?}");
    assert_eq!(
        run.results(),
        [
            "test hangs_forever ... FAILED",
            "test runs_after_the_hang ... ok"
        ]
    );
}

#[test]
fn a_missing_browser_is_one_clear_error() {
    let run = cargo_test(
        "wbgtest-browser",
        &["--lib"],
        &[],
        &[("CHROME", "/nonexistent/chromium")],
    );
    // The runner's "could not run" code, passed on by cargo; nothing else is printed.
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stdout, "", "{run:?}");
    assert!(
        run.stderr
            .contains("error: CHROME is set to /nonexistent/chromium, which does not exist"),
        "{run:?}"
    );
}

#[test]
fn wbg_test_is_the_same_runner() {
    // Build through cargo first so the test binary exists, then call `wbg test` on it.
    let run = cargo_test("wbgtest-demo", &["--test", "integration"], &["--list"], &[]);
    assert_eq!(run.code, Some(0), "{run:?}");
    let deps = repo_root().join("target/wasm/wasm32-unknown-unknown/debug/deps");
    let wasm = std::fs::read_dir(&deps)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("integration-") && name.ends_with(".wasm")
        })
        .max_by_key(|p| p.metadata().unwrap().modified().unwrap())
        .expect("the integration test binary");
    let out = Command::new(env!("CARGO_BIN_EXE_wbg"))
        .arg("test")
        .arg(&wasm)
        .args(["-q", "integration_passes"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("\nrunning 1 test\n.\n"), "{stdout}");
    assert!(
        stdout
            .contains("test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 1 filtered out"),
        "{stdout}"
    );
}

/// The setup the README gives users: the runner in `.cargo/config.toml`, as one path
/// (`wasm-bindgen-test-runner`) or as `["wbg", "test"]`.
#[test]
fn runner_from_cargo_config_toml() {
    let runners = [
        format!("{:?}", env!("CARGO_BIN_EXE_wasm-bindgen-test-runner")),
        format!("[{:?}, \"test\"]", env!("CARGO_BIN_EXE_wbg")),
    ];
    for (i, runner) in runners.iter().enumerate() {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("runner-config-{i}"));
        std::fs::create_dir_all(dir.join(".cargo")).unwrap();
        std::fs::write(
            dir.join(".cargo/config.toml"),
            format!("[target.wasm32-unknown-unknown]\nrunner = {runner}\n"),
        )
        .unwrap();
        // Cargo finds `.cargo/config.toml` from the directory it runs in.
        let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(&dir)
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "wbgtest-demo",
            ])
            .args(["--test", "integration", "--manifest-path"])
            .arg(repo_root().join("tests/test-fixtures/Cargo.toml"))
            .env("CARGO_TARGET_DIR", repo_root().join("target").join("wasm"))
            .env_remove("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{runner}\n{stdout}\n{stderr}");
        assert!(
            stdout.contains(
                "test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out"
            ),
            "{runner}\n{stdout}\n{stderr}"
        );
    }
}
