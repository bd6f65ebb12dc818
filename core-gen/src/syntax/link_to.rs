//! `wasm_bindgen::link_to!(module = "/js/x.js")`: the URL of a JS file, at run time.
//! The same options as an `extern "C"` block's source (`module`, `raw_module`,
//! `inline_js`), parsed by the option table.

use proc_macro2::{Span, TokenStream};

use super::attrs::{self, AttrOption};
use super::foreign::{module_of, ImportModule};
use crate::diagnostic::Diagnostic;

#[derive(Debug)]
pub struct LinkTo {
    pub options: Vec<AttrOption>,
    /// `None` when no source option is given (reported).
    pub module: Option<ImportModule>,
}

pub fn parse(tokens: TokenStream) -> (LinkTo, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let site = attrs::AttrSite {
        span: Span::call_site(),
        on_function: false,
    };
    let options = attrs::parse_options(tokens, site, &mut diags);
    let module = match module_of(&options) {
        ImportModule::Global => None,
        module => Some(module),
    };
    (LinkTo { options, module }, diags)
}
