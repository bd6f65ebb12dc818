//! Which tests run, which are reported as ignored and how many were filtered out, by
//! libtest's rules: filters first (substring, or whole name with `--exact`), then
//! `--skip`, then the `#[ignore]` mode.

use super::args::{IgnoredMode, Options};
use super::section::TestInfo;

/// A selected test: run it, or report it as ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned<'a> {
    pub test: &'a TestInfo,
    pub run: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Plan<'a> {
    /// In name order.
    pub tests: Vec<Planned<'a>>,
    pub filtered_out: usize,
}

pub fn plan<'a>(tests: &'a [TestInfo], options: &Options) -> Plan<'a> {
    let matches = |name: &str, pattern: &String| {
        if options.exact {
            name == pattern
        } else {
            name.contains(pattern.as_str())
        }
    };
    let selected: Vec<Planned<'a>> = tests
        .iter()
        .filter(|t| {
            options.filters.is_empty() || options.filters.iter().any(|f| matches(&t.name, f))
        })
        .filter(|t| !options.skip.iter().any(|s| matches(&t.name, s)))
        .filter(|t| options.ignored != IgnoredMode::Only || t.ignore.is_some())
        .map(|test| Planned {
            test,
            run: test.ignore.is_none() || options.ignored != IgnoredMode::Skip,
        })
        .collect();
    Plan {
        filtered_out: tests.len() - selected.len(),
        tests: selected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(name: &str, ignored: bool) -> TestInfo {
        TestInfo {
            name: name.into(),
            export: format!("__wbgt_{name}"),
            should_panic: None,
            ignore: ignored.then_some(None),
            is_async: false,
        }
    }

    fn names(plan: &Plan<'_>) -> Vec<(String, bool)> {
        plan.tests
            .iter()
            .map(|p| (p.test.name.clone(), p.run))
            .collect()
    }

    fn suite() -> Vec<TestInfo> {
        vec![
            test("a::one", false),
            test("a::one_more", false),
            test("b::two", true),
        ]
    }

    #[test]
    fn default_runs_all_but_ignored() {
        let tests = suite();
        let p = plan(&tests, &Options::default());
        assert_eq!(
            names(&p),
            [
                ("a::one".into(), true),
                ("a::one_more".into(), true),
                ("b::two".into(), false)
            ]
        );
        assert_eq!(p.filtered_out, 0);
    }

    #[test]
    fn substring_exact_and_skip() {
        let tests = suite();
        let mut o = Options {
            filters: vec!["one".into()],
            ..Options::default()
        };
        assert_eq!(plan(&tests, &o).tests.len(), 2);
        o.exact = true;
        assert_eq!(plan(&tests, &o).tests.len(), 0);
        o.filters = vec!["a::one".into()];
        let p = plan(&tests, &o);
        assert_eq!(names(&p), [("a::one".into(), true)]);
        assert_eq!(p.filtered_out, 2);
        let o = Options {
            skip: vec!["more".into()],
            ..Options::default()
        };
        assert_eq!(plan(&tests, &o).filtered_out, 1);
    }

    #[test]
    fn ignored_modes() {
        let tests = suite();
        let only = Options {
            ignored: IgnoredMode::Only,
            ..Options::default()
        };
        let p = plan(&tests, &only);
        assert_eq!(names(&p), [("b::two".into(), true)]);
        assert_eq!(p.filtered_out, 2);
        let include = Options {
            ignored: IgnoredMode::Include,
            ..Options::default()
        };
        assert!(plan(&tests, &include).tests.iter().all(|p| p.run));
    }
}
