//! `textDocument/completion`: option names inside `#[wasm_bindgen(...)]`, with their docs.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, TextEdit,
};
use wbg_ide as ide;

use crate::{analysis, position, state::State};

pub async fn completion(
    state: &State,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let at = params.text_document_position;
    let Some(doc) = state.document(&at.text_document.uri) else {
        return Ok(None);
    };
    let enc = state.encoding();
    analysis::request(move || {
        let text = doc.rope.to_string();
        let pos = position::to_ide(&doc.rope, at.position, enc);
        let items: Vec<CompletionItem> = ide::complete(&text, pos)
            .into_iter()
            .map(|c| CompletionItem {
                label: c.label.to_string(),
                kind: Some(CompletionItemKind::PROPERTY),
                detail: Some(c.detail),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: c.doc.to_string(),
                })),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range: position::range_from_ide(&doc.rope, c.replace, enc),
                    new_text: c.insert,
                })),
                ..CompletionItem::default()
            })
            .collect();
        (!items.is_empty()).then_some(CompletionResponse::Array(items))
    })
    .await
}
