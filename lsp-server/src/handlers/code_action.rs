//! `textDocument/codeAction`: every fix that core-gen's diagnostics carry, as quick fixes.
//! Nothing here knows a particular rule; new rules with fixes show up by themselves.

use std::collections::HashMap;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    TextEdit, WorkspaceEdit,
};
use wbg_ide as ide;

use super::diagnostics::to_lsp;
use crate::{analysis, position, state::State};

pub async fn code_action(
    state: &State,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri;
    let Some(doc) = state.document(&uri) else {
        return Ok(None);
    };
    let enc = state.encoding();
    let wanted = params.range;
    analysis::request(move || {
        let text = doc.rope.to_string();
        let mut actions = Vec::new();
        for d in ide::diagnostics(&text) {
            let lsp = to_lsp(&doc.rope, &d, enc);
            // Ranges touch (inclusive): a cursor at either end of the span still counts.
            if lsp.range.end < wanted.start || wanted.end < lsp.range.start {
                continue;
            }
            for (i, fix) in d.fixes.iter().enumerate() {
                let edits = fix
                    .edits
                    .iter()
                    .map(|(range, new_text)| TextEdit {
                        range: position::range_from_ide(&doc.rope, *range, enc),
                        new_text: new_text.clone(),
                    })
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(i == 0),
                    ..CodeAction::default()
                }));
            }
        }
        (!actions.is_empty()).then_some(actions)
    })
    .await
}
