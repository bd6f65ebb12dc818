//! The one diagnostic type: what the macro turns into `compile_error!` and the language
//! server publishes. Messages are written once, in the rule that finds the problem.

use proc_macro2::Span;

/// How bad it is: an error is what wasm-bindgen's macro or rustc refuses (the build
/// fails); a warning is what wasm-bindgen accepts but lints (it ignores the option), so the
/// build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Stable identifier, e.g. `unknown-option`.
    pub code: &'static str,
    pub severity: Severity,
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
            severity: Severity::Error,
            message: message.into(),
            span,
            fix: None,
            alternatives: Vec::new(),
        }
    }

    /// Something wasm-bindgen accepts but warns about: reported, and the build goes on.
    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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
