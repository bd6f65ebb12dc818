//! The protocol surface: `impl LanguageServer` forwards each message to `handlers`,
//! `regen` or `state`; nothing here decides what the user sees.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::config::Config;
use crate::document::{apply_changes, Document};
use crate::handlers::{self, diagnostics};
use crate::position::Encoding;
use crate::regen;
use crate::state::State;

pub struct Backend {
    state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            state: Arc::new(State::new(client)),
        }
    }

    pub fn state(&self) -> Arc<State> {
        self.state.clone()
    }

    /// `wbg/regenerate` (custom request).
    pub async fn regenerate(&self, params: regen::CrateOfFile) -> Result<regen::CrateGlue> {
        regen::regenerate_now(self.state.clone(), params.text_document.uri)
            .await
            .map_err(invalid_params)
    }

    /// `wbg/generatedFiles` (custom request).
    pub async fn generated_files(&self, params: regen::CrateOfFile) -> Result<regen::CrateGlue> {
        regen::generated_files(&self.state, &params.text_document.uri).map_err(invalid_params)
    }

    async fn set_config(&self, value: Option<serde_json::Value>) {
        match Config::from_json(value) {
            Ok(config) => self.state.set_config(config),
            Err(msg) => {
                self.state
                    .client
                    .show_message(MessageType::WARNING, format!("wbg: {msg}"))
                    .await
            }
        }
    }
}

fn invalid_params(message: String) -> tower_lsp_server::jsonrpc::Error {
    tower_lsp_server::jsonrpc::Error::invalid_params(message)
}

fn folder_paths(folders: &[WorkspaceFolder]) -> Vec<std::path::PathBuf> {
    folders
        .iter()
        .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
        .collect()
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let caps = &params.capabilities;
        let offered = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let enc = Encoding::negotiate(offered);
        self.state.set_encoding(enc);
        let progress = caps.window.as_ref().and_then(|w| w.work_done_progress);
        self.state
            .supports_progress
            .store(progress == Some(true), Ordering::Relaxed);
        #[allow(deprecated)] // rootUri: older clients send only this.
        let roots = match (&params.workspace_folders, &params.root_uri) {
            (Some(folders), _) => folder_paths(folders),
            (None, Some(root)) => root
                .to_file_path()
                .map(|p| vec![p.into_owned()])
                .unwrap_or_default(),
            (None, None) => Vec::new(),
        };
        self.state.set_roots(roots);
        self.set_config(params.initialization_options).await;
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "wbg-lsp".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(enc.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["(".into(), ",".into()]),
                    ..CompletionOptions::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
            // The pre-3.17 clangd extension; `position_encoding` above is the standard.
            offset_encoding: None,
        })
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shut_down.store(true, Ordering::Relaxed);
        let running =
            std::mem::take(&mut *self.state.regen.lock().unwrap_or_else(|e| e.into_inner()));
        running.values().for_each(|task| task.abort());
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let generation = self
            .state
            .update_document(&doc.uri, |_| Some(Document::new(doc.version, &doc.text)));
        diagnostics::schedule(self.state.clone(), doc.uri, generation, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let enc = self.state.encoding();
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let generation = self.state.update_document(&uri, |doc| {
            let doc = doc?;
            apply_changes(&mut doc.rope, &params.content_changes, enc);
            doc.version = version;
            None
        });
        diagnostics::schedule(self.state.clone(), uri, generation, diagnostics::DEBOUNCE);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.state.crate_types.invalidate(&params.text_document.uri);
        regen::on_save(self.state.clone(), params.text_document.uri).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state.close_document(&uri);
        diagnostics::publish(&self.state, &uri, None).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.set_config(Some(params.settings)).await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let removed = folder_paths(&params.event.removed);
        let mut roots: Vec<_> = self
            .state
            .roots()
            .into_iter()
            .filter(|r| !removed.contains(r))
            .collect();
        roots.extend(folder_paths(&params.event.added));
        self.state.set_roots(roots);
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        handlers::hover::hover(self.state.clone(), params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        handlers::completion::completion(&self.state, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        handlers::code_action::code_action(&self.state, params).await
    }
}
