//! The entry points that parse and validate: `syntax` first, then every `validate` rule on
//! each item, so the macro, `wbg check` and the editor report the same list in the same order.

use proc_macro2::TokenStream;

use crate::diagnostic::Diagnostic;
use crate::syntax::{self, Item, Program};
use crate::validate;

/// Parses and validates one macro invocation: the entry point the proc macro uses.
pub fn analyze_item(attr: TokenStream, item: TokenStream) -> (Option<Item>, Vec<Diagnostic>) {
    let (parsed, mut diags) = syntax::parse_item(attr, item);
    if let Some(item) = &parsed {
        diags.extend(validate::check(item));
    }
    (parsed, diags)
}

/// Every `#[wasm_bindgen]` item of a source file and every diagnostic, each item's
/// validation findings right after its parse diagnostics (see `syntax::parse_file_with`).
pub fn parse_file(src: &str) -> (Program, Vec<Diagnostic>) {
    syntax::parse_file_with(src, &mut |item, diags| diags.extend(validate::check(item)))
}

/// Parses and validates a `link_to!(...)` invocation: where the linked file comes from.
pub fn analyze_link_to(tokens: TokenStream) -> (Option<syntax::ImportModule>, Vec<Diagnostic>) {
    let (link, mut diags) = syntax::link_to::parse(tokens);
    validate::link_to::check(&link, &mut diags);
    (link.module, diags)
}
