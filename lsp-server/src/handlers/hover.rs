//! `textDocument/hover`: core-gen's `ide::hover` (the `.d.ts` line, the JS call, the docs).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};
use wbg_core_gen::ide;

use crate::{analysis, position, state::State};

pub async fn hover(state: &State, params: HoverParams) -> Result<Option<Hover>> {
    let at = params.text_document_position_params;
    let Some(doc) = state.document(&at.text_document.uri) else {
        return Ok(None);
    };
    let enc = state.encoding();
    analysis::request(move || {
        let text = doc.rope.to_string();
        let pos = position::to_ide(&doc.rope, at.position, enc);
        ide::hover(&text, pos).map(|h| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: h.markdown,
            }),
            range: Some(position::range_from_ide(&doc.rope, h.range, enc)),
        })
    })
    .await
}
