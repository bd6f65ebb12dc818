//! `module = "./x.js"` or `"../x.js"`: wasm-bindgen refuses a relative `module` path (it
//! cannot know where the file will be next to the generated JS). `raw_module` takes the
//! specifier as written, and `module = "/x.js"` names a file of the crate.

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::{attrs, AttrOption, OptionValue};

pub(super) fn check(options: &[AttrOption], out: &mut Vec<Diagnostic>) {
    let Some(opt) = attrs::get(options, "module") else {
        return;
    };
    let (OptionValue::Str(spec, span) | OptionValue::Name(spec, span)) = &opt.value else {
        return;
    };
    if !(spec.starts_with("./") || spec.starts_with("../")) {
        return;
    }
    out.push(
        Diagnostic::error(
            "relative-module",
            *span,
            format!(
                "`module` does not take a relative path such as \"{spec}\"; write \
                 `raw_module = \"{spec}\"` to import it as written (resolved next to the \
                 generated JS), or `module = \"/...\"` for a file of this crate, from its root"
            ),
        )
        .with_fix(Fix {
            title: "Use `raw_module`".to_string(),
            edits: vec![(opt.name_span, "raw_module".to_string())],
        }),
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

    #[test]
    fn relative_paths() {
        check_diagnostics(
            r#"
#[wasm_bindgen(module = "./foo.js")]
                      //^^^^^^^^^^ relative-module: `module` does not take a relative path such as "./foo.js"; write `raw_module = "./foo.js"` to import it as written (resolved next to the generated JS), or `module = "/..."` for a file of this crate, from its root
extern "C" { fn a(); }
#[wasm_bindgen(module = "../foo.js")]
                      //^^^^^^^^^^^ relative-module: `module` does not take a relative path such as "../foo.js"; write `raw_module = "../foo.js"` to import it as written (resolved next to the generated JS), or `module = "/..."` for a file of this crate, from its root
extern "C" { fn b(); }
"#,
        );
    }

    #[test]
    fn paths_upstream_accepts() {
        check_diagnostics(
            r#"
#[wasm_bindgen(module = "/js/foo.js")]
extern "C" { fn a(); }
#[wasm_bindgen(module = "some-package")]
extern "C" { fn b(); }
#[wasm_bindgen(raw_module = "./foo.js")]
extern "C" { fn c(); }
"#,
        );
    }

    #[test]
    fn fix_uses_raw_module() {
        check_fix(
            r#"
#[wasm_bindgen(module = "./foo.js")]
extern "C" { fn a(); }
"#,
            r#"
#[wasm_bindgen(raw_module = "./foo.js")]
extern "C" { fn a(); }
"#,
        );
    }
}
