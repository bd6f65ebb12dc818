//! `wasm-bindgen-test-runner` / `wbg test`: cargo's runner for wasm32 test binaries. Reads
//! the tests from the `__wbgtest` section, generates the glue (nodejs, or web for ES
//! modules and the browser), writes the harness beside it, runs it in Node or headless
//! Chromium and reports like libtest. Exit codes: 0 passed, 101 a test failed, 2 the
//! tests could not be run. Design notes: docs/testing.md.

pub mod args;
mod browser;
mod node;
pub mod plan;
pub mod report;
pub mod section;
mod server;
pub mod session;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use args::{ArgsError, Options};
use report::Report;
use section::{Environment, TestInfo};
use session::{Limits, Step};

use crate::bindgen::{self, Request, TargetArg};

/// libtest's exit code when a test failed.
pub const EXIT_TEST_FAILED: u8 = 101;
const EXIT_CANNOT_RUN: u8 = 2;

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
const STARTUP_LIMIT: Duration = Duration::from_secs(60);
const HARNESS: &str = include_str!("harness.mjs");

/// `wbg test`'s arguments: the test binary, then libtest's options.
#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// The test .wasm cargo built, then libtest options (filters, --nocapture, --list, ...).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "TEST.wasm [OPTIONS]"
    )]
    pub args: Vec<String>,
}

/// The whole run for the given arguments (without the program name).
pub fn main(args: &[String]) -> ExitCode {
    let nocapture_env = std::env::var_os("RUST_TEST_NOCAPTURE").is_some_and(|v| v != "0");
    match args::parse(args, nocapture_env) {
        Err(ArgsError::Help) => {
            println!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Err(ArgsError::Usage(message)) => {
            eprintln!("error: {message}\n\n{}", args::USAGE);
            ExitCode::from(EXIT_CANNOT_RUN)
        }
        Ok(options) => match run(&options) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(EXIT_TEST_FAILED),
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(EXIT_CANNOT_RUN)
            }
        },
    }
}

/// Runs (or lists) the selected tests; `Ok(false)` when one failed.
fn run(options: &Options) -> Result<bool, String> {
    let wasm = &options.wasm;
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let suite = section::read_suite(&bytes).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let plan = plan::plan(&suite.tests, options);
    if options.list {
        print_list(&plan);
        return Ok(true);
    }
    // Chromium is looked for before anything is printed, so a missing browser is the
    // only message.
    let chromium = match suite.environment {
        Environment::Browser if plan.tests.iter().any(|p| p.run) => Some(browser::find_chromium()?),
        _ => None,
    };
    let started = Instant::now();
    let mut report = Report::new(options.quiet, options.show_output);
    report.running(plan.tests.len());
    print(&report.take_output());

    let to_run: Vec<(usize, &TestInfo)> = plan
        .tests
        .iter()
        .enumerate()
        .filter(|(_, p)| p.run)
        .map(|(position, p)| (position, p.test))
        .collect();
    // Ignored tests are reported in name order among the others.
    let mut reported = 0;
    let mut report_ignored_before = |report: &mut Report, position: usize| {
        for planned in &plan.tests[reported..position] {
            report.ignored(planned.test);
        }
        reported = reported.max(position + 1);
    };
    if !to_run.is_empty() {
        let work = WorkDir::new(wasm)?;
        let tests: Vec<&TestInfo> = to_run.iter().map(|(_, t)| *t).collect();
        let engine = Engine {
            environment: suite.environment,
            chromium: chromium.clone(),
        };
        run_tests(
            &work.0,
            wasm,
            &engine,
            &tests,
            options,
            &mut |step| match step {
                Step::Output(line) => println!("{line}"),
                Step::Finished {
                    index,
                    outcome,
                    output,
                } => {
                    let (position, test) = to_run[index];
                    report_ignored_before(&mut report, position);
                    report.finished(test, report::judge(test, &outcome), output);
                    print(&report.take_output());
                }
            },
        )?;
    }
    report_ignored_before(&mut report, plan.tests.len());
    let passed = !report.failed();
    print(&report.finish(plan.filtered_out, started.elapsed()));
    Ok(passed)
}

fn print_list(plan: &plan::Plan<'_>) {
    let mut out = String::new();
    for p in &plan.tests {
        out.push_str(&format!("{}: test\n", p.test.name));
    }
    let n = plan.tests.len();
    out.push_str(&format!(
        "\n{n} test{}, 0 benchmarks\n",
        if n == 1 { "" } else { "s" }
    ));
    print(&out);
}

/// Writes to stdout now (cargo shows progress as it comes); a closed pipe is not an error.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// A scratch directory for the generated files, removed when the run ends.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new(wasm: &Path) -> Result<WorkDir, String> {
        let stem = wasm.file_stem().map(|s| s.to_string_lossy().into_owned());
        let dir = std::env::temp_dir().join(format!(
            "wbg-test-{}-{}",
            stem.unwrap_or_default(),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(WorkDir(dir))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Where the tests run: the environment, and the Chromium for the browser.
struct Engine {
    environment: Environment,
    chromium: Option<PathBuf>,
}

/// Generates the glue and the harness in `dir` and runs `tests` in the engine.
fn run_tests(
    dir: &Path,
    wasm: &Path,
    engine: &Engine,
    tests: &[&TestInfo],
    options: &Options,
    on_step: &mut dyn FnMut(Step),
) -> Result<(), String> {
    let (target, format) = match engine.environment {
        Environment::Node => (TargetArg::Nodejs, "cjs"),
        Environment::NodeEsm | Environment::Browser => (TargetArg::Web, "esm"),
    };
    // In Node the glue is `wasm-bindgen-test.js`, as upstream names it: a test's JS module
    // reaches the exports with `require('wasm-bindgen-test.js')` (through NODE_PATH).
    let out_name = match engine.environment {
        Environment::Node => "wasm-bindgen-test",
        Environment::NodeEsm | Environment::Browser => "wbgtest",
    }
    .to_string();
    bindgen::generate_files(&Request {
        input: wasm,
        out_dir: dir,
        target,
        out_name: out_name.clone(),
        typescript: false,
        // As upstream's runner: the glue checks argument types (`--debug`) unless
        // WASM_BINDGEN_NO_DEBUG is set.
        debug: std::env::var_os("WASM_BINDGEN_NO_DEBUG").is_none(),
        keep_debug: false,
        weak_refs: true,
        package: Default::default(),
    })
    .map_err(|f| f.message)?;
    let config = serde_json::json!({
        "module": format!("{out_name}.js"),
        "wasm": format!("{out_name}_bg.wasm"),
        "format": format,
        "tests": tests.iter().map(|t| serde_json::json!({ "export": t.export, "name": t.name })).collect::<Vec<_>>(),
    });
    let write = |name: &str, contents: &str| {
        std::fs::write(dir.join(name), contents)
            .map_err(|e| format!("cannot write {}: {e}", dir.join(name).display()))
    };
    write("config.json", &config.to_string())?;
    write("harness.mjs", HARNESS)?;
    let limits = Limits {
        test: test_timeout()?,
        startup: STARTUP_LIMIT,
    };
    let (tx, rx) = channel();
    let mut engine: Box<dyn session::Engine> = match engine.chromium.clone() {
        Some(exe) => {
            write("index.html", browser::INDEX_HTML)?;
            let addr = server::start(dir.to_path_buf(), tx)
                .map_err(|e| format!("cannot start the local HTTP server: {e}"))?;
            Box::new(browser::Chromium::new(
                exe,
                format!("http://{addr}/"),
                dir.to_path_buf(),
            ))
        }
        None => Box::new(node::Node::new(dir.join("harness.mjs"), tx)),
    };
    session::run(
        engine.as_mut(),
        &rx,
        tests.len(),
        limits,
        options.nocapture,
        on_step,
    )
}

/// `WASM_BINDGEN_TEST_TIMEOUT` (seconds), or 20 s.
fn test_timeout() -> Result<Duration, String> {
    match std::env::var("WASM_BINDGEN_TEST_TIMEOUT") {
        Ok(s) if !s.trim().is_empty() => s
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|&n| n > 0)
            .map(Duration::from_secs)
            .ok_or_else(|| {
                format!("WASM_BINDGEN_TEST_TIMEOUT must be a number of seconds, not `{s}`")
            }),
        _ => Ok(DEFAULT_TIMEOUT),
    }
}
