//! `wbg-lsp`, the language server: hover with the generated TypeScript, diagnostics as you
//! type, quick fixes, option completion and regenerate on save — all computed by
//! `wbg-core-gen`; this crate only speaks the protocol (tower-lsp-server over stdio).
//!
//! Code map: `server` (protocol surface) → `handlers` (one per feature) and `regen`
//! (build + bindgen on save); `state`, `document` and `position` hold and convert text;
//! `analysis` runs core-gen off the async loop inside `catch_unwind`.

pub mod analysis;
pub mod config;
pub mod crate_types;
pub mod document;
pub mod handlers;
pub mod position;
pub mod regen;
pub mod server;
pub mod state;

use tower_lsp_server::{LspService, Server};

/// Serves one client over stdin/stdout until the `exit` notification (or the end of
/// input). Returns the process exit code the spec asks for: 0 if `shutdown` came first.
pub async fn serve_stdio() -> i32 {
    let (service, socket) = LspService::build(server::Backend::new)
        .custom_method("wbg/regenerate", server::Backend::regenerate)
        .custom_method("wbg/generatedFiles", server::Backend::generated_files)
        .finish();
    let (stdin, stdout) = (tokio::io::stdin(), tokio::io::stdout());
    let state = service.inner().state();
    Server::new(stdin, stdout, socket).serve(service).await;
    if state.shut_down.load(std::sync::atomic::Ordering::Relaxed) {
        0
    } else {
        1
    }
}
