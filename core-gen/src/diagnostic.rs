//! The one diagnostic type: what the macro turns into `compile_error!` and the language
//! server publishes. Messages are written once, in the rule that finds the problem.

use proc_macro2::Span;

#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Stable identifier, e.g. `unknown-option`.
    pub code: &'static str,
    pub message: String,
    pub span: Span,
    /// The preferred fix, offered first.
    pub fix: Option<Fix>,
    /// Other ways to fix it (e.g. rename the method, or name the property).
    pub alternatives: Vec<Fix>,
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
            alternatives: Vec::new(),
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Every fix, preferred first.
    pub fn fixes(&self) -> impl Iterator<Item = &Fix> {
        self.fix.iter().chain(&self.alternatives)
    }
}
