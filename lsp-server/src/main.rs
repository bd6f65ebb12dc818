//! `wbg-lsp`: the language server. For now it only reports its version; hover,
//! diagnostics and regeneration arrive with the language-server issue, all through
//! `wbg-core-gen`.

fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("wbg-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    eprintln!(
        "wbg-lsp {}: the language server is not implemented yet",
        env!("CARGO_PKG_VERSION")
    );
    std::process::exit(2);
}
