//! The libtest command line cargo passes after the test binary (`cargo test -- <args>`):
//! filters, `--exact`, `--skip`, `--ignored`, `--include-ignored`, `--list`,
//! `--nocapture`, `--show-output`, `-q`. Options about threads, colour and
//! time reports are accepted and have no effect.

use std::path::PathBuf;

/// Which tests `#[ignore]` affects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IgnoredMode {
    /// Ignored tests are reported as ignored (the default).
    #[default]
    Skip,
    /// `--ignored`: run only the ignored tests.
    Only,
    /// `--include-ignored`: run them with the others.
    Include,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub wasm: PathBuf,
    pub filters: Vec<String>,
    pub skip: Vec<String>,
    pub exact: bool,
    pub list: bool,
    pub nocapture: bool,
    pub show_output: bool,
    pub quiet: bool,
    pub ignored: IgnoredMode,
}

/// Why the arguments were not understood, or a request for help.
#[derive(Debug, PartialEq, Eq)]
pub enum ArgsError {
    Help,
    Usage(String),
}

pub const USAGE: &str = "\
Usage: wasm-bindgen-test-runner <TEST.wasm> [OPTIONS] [FILTERS...]
       wbg test <TEST.wasm> [OPTIONS] [FILTERS...]
       wbg test [CRATE_DIR] [CARGO_TEST_ARGS...]

Runs the #[wasm_bindgen_test] tests of a test binary cargo built for
wasm32-unknown-unknown: in Node, or in headless Chromium when the crate says
wasm_bindgen_test_configure!(run_in_browser). Meant as cargo's runner:
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \\
      cargo test --target wasm32-unknown-unknown

Options (as libtest):
  FILTERS              run tests whose name contains one of these
  --exact              filters must match the whole name
  --skip FILTER        leave out tests whose name contains FILTER
  --ignored            run only #[ignore] tests
  --include-ignored    run #[ignore] tests too
  --list               list the tests instead of running them
  --nocapture          print test output as it happens
  --show-output        also show the output of passing tests
  -q, --quiet          one character per test
  -h, --help           this text

Environment:
  WASM_BINDGEN_TEST_TIMEOUT   seconds a test may run (default 20)
  CHROME, WASM_BINDGEN_TEST_CHROME   Chromium to use (default: chromium on PATH)
  RUST_TEST_NOCAPTURE=1       same as --nocapture

Examples:
  cargo test --target wasm32-unknown-unknown       every test binary, runner set as above
  cargo test --target wasm32-unknown-unknown -- --nocapture    output as it happens
  wbg test target/wasm32-unknown-unknown/debug/deps/foo-1a2b3c.wasm    one binary
  wbg test foo-1a2b3c.wasm tests::parse --exact    only the test named tests::parse
  wbg test foo-1a2b3c.wasm --list                  list the tests, run nothing
  wbg test . -- --nocapture     cargo test for wasm32 with wbg's runtime patched in
                                over crates.io's wasm-bindgen(-test), wbg as runner

Exit codes (libtest's, not wbg's other commands'):
  0    all selected tests passed (or --list)
  101  a test failed
  2    the tests could not be run: bad arguments, unreadable or foreign wasm,
       Node or Chromium missing, the module failed to load";

/// Parses `args` (without the program name). `nocapture_env` is `RUST_TEST_NOCAPTURE`.
pub fn parse(args: &[String], nocapture_env: bool) -> Result<Options, ArgsError> {
    let mut options = Options {
        nocapture: nocapture_env,
        ..Options::default()
    };
    let mut wasm = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, ArgsError> {
            match inline_value.clone().or_else(|| iter.next().cloned()) {
                Some(v) => Ok(v),
                None => Err(ArgsError::Usage(format!("{name} needs a value"))),
            }
        };
        match flag {
            "-h" | "--help" => return Err(ArgsError::Help),
            "--exact" => options.exact = true,
            "--list" => options.list = true,
            "--nocapture" | "--no-capture" => options.nocapture = true,
            "--show-output" => options.show_output = true,
            "-q" | "--quiet" => options.quiet = true,
            "--ignored" => options.ignored = IgnoredMode::Only,
            "--include-ignored" => options.ignored = IgnoredMode::Include,
            "--skip" => options.skip.push(value("--skip")?),
            "--format" => match value("--format")?.as_str() {
                "pretty" => options.quiet = false,
                "terse" => options.quiet = true,
                other => {
                    return Err(ArgsError::Usage(format!(
                        "--format {other} is not supported (pretty or terse)"
                    )))
                }
            },
            // Tests run one after another in one JS engine; colour and timing reports
            // are not produced.
            "--test-threads" | "--color" | "--logfile" => {
                value(flag)?;
            }
            "--report-time" | "--ensure-time" | "--shuffle" | "-Z" => {}
            "--bench" | "--test" => {}
            _ if flag.starts_with('-') && flag.len() > 1 => {
                return Err(ArgsError::Usage(format!("unrecognized option `{arg}`")))
            }
            _ if wasm.is_none() => wasm = Some(PathBuf::from(arg)),
            _ => options.filters.push(arg.clone()),
        }
    }
    options.wasm = wasm.ok_or_else(|| {
        ArgsError::Usage("missing the test .wasm file (cargo passes it first)".into())
    })?;
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Options, ArgsError> {
        let args: Vec<String> = s.split_whitespace().map(String::from).collect();
        parse(&args, false)
    }

    #[test]
    fn wasm_then_filters_and_flags() {
        let o = parse_str("t.wasm foo --exact --skip=bar --skip baz --nocapture bar2").unwrap();
        assert_eq!(o.wasm, PathBuf::from("t.wasm"));
        assert_eq!(o.filters, ["foo", "bar2"]);
        assert_eq!(o.skip, ["bar", "baz"]);
        assert!(o.exact && o.nocapture && !o.list);
    }

    #[test]
    fn ignored_modes_and_quiet() {
        assert_eq!(
            parse_str("t.wasm --ignored").unwrap().ignored,
            IgnoredMode::Only
        );
        assert_eq!(
            parse_str("t.wasm --include-ignored").unwrap().ignored,
            IgnoredMode::Include
        );
        assert!(parse_str("t.wasm --format terse").unwrap().quiet);
        assert!(parse_str("t.wasm --test-threads 4 -q").unwrap().quiet);
    }

    #[test]
    fn errors() {
        assert_eq!(parse_str("--help"), Err(ArgsError::Help));
        assert_eq!(
            parse_str("t.wasm --frobnicate"),
            Err(ArgsError::Usage(
                "unrecognized option `--frobnicate`".into()
            ))
        );
        assert_eq!(
            parse_str("--list"),
            Err(ArgsError::Usage(
                "missing the test .wasm file (cargo passes it first)".into()
            ))
        );
        assert_eq!(
            parse_str("t.wasm --skip"),
            Err(ArgsError::Usage("--skip needs a value".into()))
        );
    }

    #[test]
    fn nocapture_from_the_environment() {
        assert!(parse(&["t.wasm".into()], true).unwrap().nocapture);
    }
}
