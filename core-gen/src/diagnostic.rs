//! The one diagnostic type: what the macro turns into `compile_error!` and the language
//! server publishes. Messages are written once, in the rule that finds the problem.

use proc_macro2::Span;

#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Stable identifier, e.g. `unknown-option`.
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    pub fix: Option<Fix>,
}

/// A suggested edit: replace the text at each span.
#[derive(Debug, Clone)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<(Span, String)>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span,
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
