//! An imported block is `extern "C"` (or plain `extern`), and its statics are read-only:
//! wasm-bindgen refuses other ABIs and `static mut`.

use crate::diagnostic::{Diagnostic, Fix};
use crate::syntax::{ForeignBlock, ImportStatic};

pub(super) fn check_block(block: &ForeignBlock, out: &mut Vec<Diagnostic>) {
    if let Some((abi, span)) = &block.other_abi {
        out.push(
            Diagnostic::error(
                "import-abi",
                *span,
                format!(
                    "imports are declared in an `extern \"C\"` block; the \"{abi}\" ABI is not \
                     used for JavaScript"
                ),
            )
            .with_fix(Fix {
                title: "Use `extern \"C\"`".to_string(),
                edits: vec![(*span, "\"C\"".to_string())],
            }),
        );
    }
}

pub(super) fn check_static(s: &ImportStatic, out: &mut Vec<Diagnostic>) {
    if let Some(span) = s.mutability {
        out.push(
            Diagnostic::error(
                "import-static-mut",
                span,
                format!(
                    "an imported static cannot be `mut`: Rust only reads `{}` from JavaScript",
                    s.rust_name
                ),
            )
            .with_fix(Fix {
                title: "Remove `mut`".to_string(),
                edits: vec![(span, String::new())],
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::{check_diagnostics, check_fix};

    #[test]
    fn fixes() {
        check_fix(
            "#[wasm_bindgen]\nextern \"system\" {\n    fn now() -> f64;\n}\n",
            "#[wasm_bindgen]\nextern \"C\" {\n    fn now() -> f64;\n}\n",
        );
    }

    #[test]
    fn abi_and_mutable_static() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "system" {
     //^^^^^^^^ import-abi: imports are declared in an `extern "C"` block; the "system" ABI is not used for JavaScript
    static mut COUNT: u32;
         //^^^ import-static-mut: an imported static cannot be `mut`: Rust only reads `COUNT` from JavaScript
}
#[wasm_bindgen]
extern {
    #[wasm_bindgen(thread_local_v2)]
    static LIMIT: u32;
}
"#,
        );
    }
}
