//! `textDocument/hover`: wbg-ide's `hover` (the `.d.ts` line, the JS call, the docs),
//! given the types the other files of the document's crate declare (cached per crate).

use std::sync::Arc;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};
use wbg_ide as ide;

use crate::{analysis, crate_types, position, state::State};

pub async fn hover(state: Arc<State>, params: HoverParams) -> Result<Option<Hover>> {
    let at = params.text_document_position_params;
    let Some(doc) = state.document(&at.text_document.uri) else {
        return Ok(None);
    };
    let enc = state.encoding();
    analysis::request(move || {
        let text = doc.rope.to_string();
        let pos = position::to_ide(&doc.rope, at.position, enc);
        let krate = crate_types::of_document(&state, &at.text_document.uri);
        ide::hover_with(&text, pos, &krate).map(|h| Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: h.markdown,
            }),
            range: Some(position::range_from_ide(&doc.rope, h.range, enc)),
        })
    })
    .await
}
