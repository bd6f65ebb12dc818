//! `wbg-lsp`: the language server binary. Speaks LSP over stdin/stdout (`--stdio`, which
//! editors such as vscode-languageclient pass, is accepted and is the default).

const HELP: &str =
    "wbg-lsp: language server for #[wasm_bindgen] code (hover, diagnostics, regenerate on save)

usage: wbg-lsp [--stdio]      serve LSP over stdin/stdout
       wbg-lsp --version

Settings come from the client (initializationOptions, workspace/didChangeConfiguration);
see docs/lsp.md.";

fn main() {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        None | Some("--stdio") => {}
        Some("--version" | "-V") => return println!("wbg-lsp {}", env!("CARGO_PKG_VERSION")),
        Some("--help" | "-h") => return println!("{HELP}"),
        Some(other) => {
            eprintln!("error: unknown argument `{other}`\n\n{HELP}");
            std::process::exit(2);
        }
    }
    let runtime = tokio::runtime::Runtime::new().expect("the tokio runtime starts");
    let code = runtime.block_on(wbg_lsp::serve_stdio());
    // Exit at once: dropping the runtime would wait for the thread blocked reading stdin,
    // which a client may keep open after `exit`.
    std::process::exit(code);
}
