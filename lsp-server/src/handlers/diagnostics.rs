//! Diagnostics as you type: ~50 ms after the last change, core-gen's `parse_file` runs on
//! the document and its diagnostics — the macro's own messages and spans — are published.

use std::sync::Arc;
use std::time::Duration;

use ropey::Rope;
use tower_lsp_server::ls_types::{Diagnostic, DiagnosticSeverity, NumberOrString, Uri};
use wbg_ide as ide;

use crate::position::{self, Encoding};
use crate::{analysis, state::State};

/// Quiet time after the last change before analysing.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

pub fn is_rust(uri: &Uri) -> bool {
    uri.path().as_str().ends_with(".rs")
}

pub fn to_lsp(rope: &Rope, d: &ide::IdeDiagnostic, enc: Encoding) -> Diagnostic {
    Diagnostic {
        range: position::range_from_ide(rope, d.range, enc),
        severity: Some(if d.is_error {
            DiagnosticSeverity::ERROR
        } else {
            DiagnosticSeverity::WARNING
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("wbg".into()),
        message: d.message.clone(),
        ..Diagnostic::default()
    }
}

/// Analyses the document after `delay` unless a newer edit (`generation`) came first.
pub fn schedule(state: Arc<State>, uri: Uri, generation: u64, delay: Duration) {
    if !is_rust(&uri) {
        return;
    }
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        if !state.is_current(&uri, generation) {
            return;
        }
        let Some(doc) = state.document(&uri) else {
            return;
        };
        let enc = state.encoding();
        let rope = doc.rope.clone();
        let result = analysis::run(move || {
            let text = rope.to_string();
            ide::diagnostics(&text)
                .iter()
                .map(|d| to_lsp(&rope, d, enc))
                .collect::<Vec<_>>()
        })
        .await;
        match result {
            // A newer edit is being analysed; its results replace these.
            Ok(_) if !state.is_current(&uri, generation) => {}
            Ok(diags) => {
                state.set_syntax_diagnostics(&uri, diags);
                publish(&state, &uri, Some(doc.version)).await;
            }
            Err(msg) => {
                let msg = format!("wbg-lsp: analysing {} failed: {msg}", uri.as_str());
                state
                    .client
                    .log_message(tower_lsp_server::ls_types::MessageType::ERROR, msg)
                    .await;
            }
        }
    });
}

/// Publishes everything known about a file (as-you-type and last build).
pub async fn publish(state: &State, uri: &Uri, version: Option<i32>) {
    let diags = state.diagnostics_of(uri);
    state
        .client
        .publish_diagnostics(uri.clone(), diags, version)
        .await;
}
