//! `link_to!` gives the URL of a file the output ships or sits next to: a crate-local
//! file (`module = "/js/x.js"`), inline JS, or a relative path (`raw_module = "./x.js"`).
//! A package name (`module = "pkg/x.js"`) has no URL the glue can know.

use proc_macro2::Span;

use crate::diagnostic::Diagnostic;
use crate::syntax::link_to::LinkTo;
use crate::syntax::{attrs, Place};

pub fn check(link: &LinkTo, out: &mut Vec<Diagnostic>) {
    // Unlike an attribute's unused option, which is only a warning, an error as in
    // wasm-bindgen: `link_to!` has nothing else to apply it to.
    for option in &link.options {
        if !option.spec.places.contains(&Place::LinkTo) {
            out.push(Diagnostic::error(
                "link-to-option",
                option.name_span,
                format!(
                    "`link_to!` takes only `module`, `raw_module` or `inline_js`, not `{}`; \
                     remove it",
                    option.name
                ),
            ));
        }
    }
    if link.module.is_none() {
        out.push(Diagnostic::error(
            "link-to-no-module",
            Span::call_site(),
            "`link_to!` needs the file to link: `module = \"/js/x.js\"` (a file of the crate), \
             `raw_module = \"./x.js\"` (next to the generated JS) or `inline_js = \"...\"`",
        ));
    }
    for (name, linkable) in [
        ("module", crate_file as fn(&str) -> bool),
        ("raw_module", relative),
    ] {
        let Some(option) = attrs::get(&link.options, name) else {
            continue;
        };
        let Some(spec) = option.value.as_name() else {
            continue;
        };
        if !linkable(spec) {
            let span = match &option.value {
                attrs::OptionValue::Str(_, span) | attrs::OptionValue::Name(_, span) => *span,
                _ => option.span,
            };
            out.push(Diagnostic::error(
                "link-to-module-path",
                span,
                format!(
                    "`link_to!` links files, not module paths: `{spec}` has no URL the glue can \
                     know; write a file of the crate (`module = \"/js/x.js\"`) or a path starting \
                     with `./` (`raw_module = \"./x.js\"`)"
                ),
            ));
        }
    }
}

/// `module = "/js/x.js"`: a file of the crate, shipped under `snippets/`.
fn crate_file(spec: &str) -> bool {
    spec.starts_with('/')
}

/// `raw_module = "./x.js"`: a path the glue's own URL resolves.
fn relative(spec: &str) -> bool {
    spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/')
}

#[cfg(test)]
mod tests {
    use crate::syntax::link_to;

    fn messages(src: &str) -> Vec<String> {
        let (link, mut diags) = link_to::parse(src.parse().unwrap());
        super::check(&link, &mut diags);
        diags
            .iter()
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect()
    }

    #[test]
    fn files_inline_js_and_relative_paths_are_fine() {
        assert!(messages(r#"module = "/js/x.js""#).is_empty());
        assert!(messages(r#"raw_module = "./x.js""#).is_empty());
        assert!(messages(r#"inline_js = "export const x = 1;""#).is_empty());
    }

    #[test]
    fn package_paths_and_missing_modules_are_reported() {
        assert_eq!(
            messages(r#"module = "package/foo.js""#),
            ["link-to-module-path: `link_to!` links files, not module paths: `package/foo.js` has no URL the glue can know; write a file of the crate (`module = \"/js/x.js\"`) or a path starting with `./` (`raw_module = \"./x.js\"`)"]
        );
        assert_eq!(messages(r#"raw_module = "package/foo.js""#).len(), 1);
        assert_eq!(
            messages(""),
            ["link-to-no-module: `link_to!` needs the file to link: `module = \"/js/x.js\"` (a file of the crate), `raw_module = \"./x.js\"` (next to the generated JS) or `inline_js = \"...\"`"]
        );
        assert_eq!(
            messages(r#"inline_js = "x", js_namespace = foo"#),
            ["link-to-option: `link_to!` takes only `module`, `raw_module` or `inline_js`, not `js_namespace`; remove it"]
        );
    }
}
