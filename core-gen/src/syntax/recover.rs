//! How `parse_file` reads a file: split it into top-level items and parse only the
//! `#[wasm_bindgen]` ones (and look inside inline modules), each on its own. A syntax error
//! in one item never hides the diagnostics of the others — the normal state of a file being
//! typed — and plain Rust, which the macro never sees and rustc checks anyway, costs only
//! lexing: a 10 000-line file re-validates in a few milliseconds instead of a full parse.
//!
//! Splitting works on token trees when the file lexes (an item ends after a top-level `;` or
//! `{ ... }`, or where a new `#[...]`/`pub` begins), and on lines when it does not
//! (unbalanced delimiters or an unterminated literal confine the lexer error to one region).

use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::diagnostic::Diagnostic;

/// Message for a region the lexer rejects; rustc's own wording differs per case, and the
/// region is all we can point at.
const UNBALANCED: &str = "unbalanced delimiters or an unterminated literal or comment in this item";

/// The `#[wasm_bindgen]` items that parse, in source order (items of inline modules are
/// flattened in); every such item that does not parse gives one `syntax` diagnostic, and so
/// does every region the lexer rejects.
pub(super) fn items(src: &str, diags: &mut Vec<Diagnostic>) -> Vec<syn::Item> {
    let mut out = Vec::new();
    match TokenStream::from_str(src) {
        Ok(tokens) => split_and_parse(tokens, &mut out, diags),
        Err(_) => {
            for (first_line, text) in regions(src) {
                // Leading newlines keep line numbers right without copying the whole file.
                let padded = format!("{}{text}", "\n".repeat(first_line));
                match TokenStream::from_str(&padded) {
                    Ok(tokens) => split_and_parse(tokens, &mut out, diags),
                    Err(e) => diags.push(Diagnostic::error("syntax", e.span(), UNBALANCED)),
                }
            }
        }
    }
    out
}

fn is_punct(t: Option<&TokenTree>, c: char) -> bool {
    matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c)
}

fn is_group(t: Option<&TokenTree>, d: Delimiter) -> bool {
    matches!(t, Some(TokenTree::Group(g)) if g.delimiter() == d)
}

fn is_ident(t: Option<&TokenTree>, name: &str) -> bool {
    matches!(t, Some(TokenTree::Ident(i)) if i == name)
}

/// Splits a token stream into item-sized chunks and parses each.
fn split_and_parse(tokens: TokenStream, out: &mut Vec<syn::Item>, diags: &mut Vec<Diagnostic>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut start = 0;
    let mut i = 0;
    // Whether the current chunk has anything besides outer attributes yet.
    let mut past_attrs = false;
    while i < tokens.len() {
        let t = tokens.get(i);
        let attr_here = is_punct(t, '#') && is_group(tokens.get(i + 1), Delimiter::Bracket);
        let inner_attr = is_punct(t, '#')
            && is_punct(tokens.get(i + 1), '!')
            && is_group(tokens.get(i + 2), Delimiter::Bracket);
        if inner_attr && i == start {
            // `#![...]` / `//!` at the top of a file or module: not part of any item.
            i += 3;
            start = i;
            continue;
        }
        if past_attrs && (attr_here || is_ident(t, "pub")) {
            // A new item starts before the previous one was finished (e.g. `pub fn gre`).
            parse_chunk(&tokens[start..i], out, diags);
            start = i;
            past_attrs = false;
            continue;
        }
        if attr_here {
            i += 2;
            continue;
        }
        past_attrs = true;
        let end = if is_punct(t, ';') {
            Some(i + 1)
        } else if is_group(t, Delimiter::Brace) {
            // `const X: S = S { .. };` and `use a::{b};` end after the `;`.
            Some(if is_punct(tokens.get(i + 1), ';') {
                i + 2
            } else {
                i + 1
            })
        } else {
            None
        };
        match end {
            Some(end) => {
                parse_chunk(&tokens[start..end], out, diags);
                start = end;
                i = end;
                past_attrs = false;
            }
            None => i += 1,
        }
    }
    if start < tokens.len() {
        parse_chunk(&tokens[start..], out, diags);
    }
}

fn parse_chunk(chunk: &[TokenTree], out: &mut Vec<syn::Item>, diags: &mut Vec<Diagnostic>) {
    if let Some(body) = module_body(chunk) {
        return split_and_parse(body, out, diags);
    }
    if !has_wasm_bindgen_attr(chunk) && !plain_impl_with_marked_methods(chunk) {
        return;
    }
    let stream: TokenStream = chunk.iter().cloned().collect();
    match syn::parse2::<syn::Item>(stream) {
        Ok(item) => out.push(item),
        Err(e) => {
            // Typing inside a body must not make the attribute's diagnostics flicker.
            if let Some(args) = wasm_bindgen_args(chunk) {
                // The item is unknown; options are checked as on a function.
                let site = super::AttrSite {
                    span: chunk[0].span(),
                    on_function: true,
                };
                super::attrs::parse_options(args, site, diags);
            }
            // syn reports the end of the chunk at the call site, which has no location.
            // (Detected as a position before the chunk.)
            let at = |s: proc_macro2::Span| (s.start().line, s.start().column);
            let span = match (chunk.first(), chunk.last()) {
                (Some(first), Some(last)) if at(e.span()) < at(first.span()) => last.span(),
                _ => e.span(),
            };
            diags.push(Diagnostic::error("syntax", span, e.to_string()));
        }
    }
}

/// The outer attributes at the start of a chunk: `(index of '#', bracket group)` pairs.
fn outer_attrs(chunk: &[TokenTree]) -> impl Iterator<Item = &proc_macro2::Group> {
    chunk.chunks(2).map_while(|pair| match pair {
        [p, TokenTree::Group(g)]
            if is_punct(Some(p), '#') && g.delimiter() == Delimiter::Bracket =>
        {
            Some(g)
        }
        _ => None,
    })
}

/// The last identifier of an attribute's path (`wasm_bindgen` in `#[a::wasm_bindgen(..)]`).
fn attr_name(attr: &proc_macro2::Group) -> Option<proc_macro2::Ident> {
    attr.stream()
        .into_iter()
        .take_while(|t| {
            !matches!(t, TokenTree::Group(_) | TokenTree::Punct(_)) || is_punct(Some(t), ':')
        })
        .filter_map(|t| match t {
            TokenTree::Ident(i) => Some(i),
            _ => None,
        })
        .last()
}

fn has_wasm_bindgen_attr(chunk: &[TokenTree]) -> bool {
    outer_attrs(chunk).any(|g| attr_name(g).is_some_and(|i| i == "wasm_bindgen"))
}

/// `impl T { #[wasm_bindgen] fn f(&self) {} }`: the macro runs on each marked method (a
/// forgotten `#[wasm_bindgen]` on the block), so the block is parsed for them.
fn plain_impl_with_marked_methods(chunk: &[TokenTree]) -> bool {
    let is_impl = chunk
        .iter()
        .skip_while(|t| !matches!(t, TokenTree::Ident(_)))
        .find(|t| !is_ident(Some(t), "unsafe") && !is_ident(Some(t), "default"))
        .is_some_and(|t| is_ident(Some(t), "impl"));
    let body = match chunk.last() {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => g.stream(),
        _ => return false,
    };
    let body: Vec<TokenTree> = body.into_iter().collect();
    is_impl
        && body.windows(2).any(|w| {
            is_punct(Some(&w[0]), '#')
                && matches!(&w[1], TokenTree::Group(g)
                    if g.delimiter() == Delimiter::Bracket
                        && attr_name(g).is_some_and(|i| i == "wasm_bindgen"))
        })
}

/// The option tokens of a leading `#[wasm_bindgen(...)]` (or `#[path::wasm_bindgen(...)]`).
fn wasm_bindgen_args(chunk: &[TokenTree]) -> Option<TokenStream> {
    let attr = outer_attrs(chunk).find(|g| attr_name(g).is_some_and(|i| i == "wasm_bindgen"))?;
    match attr.stream().into_iter().last()? {
        TokenTree::Group(args) if args.delimiter() == Delimiter::Parenthesis => Some(args.stream()),
        _ => None,
    }
}

/// The contents of `... mod name { contents }`.
fn module_body(chunk: &[TokenTree]) -> Option<TokenStream> {
    let n = chunk.len();
    if n < 3 || !is_ident(chunk.get(n - 3), "mod") {
        return None;
    }
    match &chunk[n - 1] {
        TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => Some(g.stream()),
        _ => None,
    }
}

/// Line-based regions for a file that does not lex: `(index of first line, text)`.
fn regions(src: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut start = 0;
    for i in 1..lines.len() {
        if starts_region(&lines, i) {
            out.push((start, lines[start..i].join("\n")));
            start = i;
        }
    }
    out.push((start, lines[start..].join("\n")));
    out
}

/// Whether line `i` starts a new top-level item, judged by its text alone: it begins, in
/// column 0, like an item or its attributes/docs, and does not follow an attribute or doc
/// line (those belong to the item below them). Also used by hover to parse only the item
/// around the cursor.
pub fn starts_region(lines: &[&str], i: usize) -> bool {
    const STARTS: &[&str] = &[
        "#[",
        "///",
        "pub",
        "fn ",
        "struct ",
        "enum ",
        "impl",
        "mod ",
        "use ",
        "extern ",
        "const ",
        "static ",
        "type ",
        "trait ",
        "unsafe ",
        "async ",
        "macro_rules!",
    ];
    let is_prefix = |l: &str| l.starts_with("#[") || l.starts_with("///");
    let begins_item = STARTS.iter().any(|s| lines[i].starts_with(s));
    begins_item && (i == 0 || !is_prefix(lines[i - 1]))
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn a_broken_body_does_not_hide_the_next_item() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn broken() { let x = ; }
                        //^ syntax: expected an expression
#[wasm_bindgen(js_nme = "x")]
             //^^^^^^ unknown-option: unknown `#[wasm_bindgen]` option `js_nme`; did you mean `js_name`?
pub fn fine() {}
"#,
        );
    }

    #[test]
    fn an_unfinished_item_does_not_swallow_the_next() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn gre
     //^^^ syntax: unexpected end of input, expected parentheses
#[wasm_bindgen(strutural)]
             //^^^^^^^^^ unknown-option: unknown `#[wasm_bindgen]` option `strutural`; did you mean `structural`?
pub fn other() {}
"#,
        );
    }

    #[test]
    fn unbalanced_braces_stay_in_their_region() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
pub fn open() {
            //^ syntax: unbalanced delimiters or an unterminated literal or comment in this item

#[wasm_bindgen(js_nme = "x")]
             //^^^^^^ unknown-option: unknown `#[wasm_bindgen]` option `js_nme`; did you mean `js_name`?
pub fn fine() {}
"#,
        );
    }

    #[test]
    fn inline_modules_are_searched_and_plain_rust_is_left_to_rustc() {
        check_diagnostics(
            r#"
//! crate docs
mod inner {
    fn plain_and_broken() { 1 + }
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn broken() -> { }
                     //^ syntax: expected one of: `for`, parentheses, `fn`, `unsafe`, `extern`, identifier, `::`, `<`, `dyn`, square brackets, `*`, `&`, `!`, `impl`, `_`, lifetime
    #[wasm_bindgen(strutural)]
                 //^^^^^^^^^ unknown-option: unknown `#[wasm_bindgen]` option `strutural`; did you mean `structural`?
    pub fn other() {}
}
use a::{b, c};
const X: S = S { a: 1 };
"#,
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        check_diagnostics(
            r#"
/// héllo wörld
#[wasm_bindgen(strutural)] fn é() { let x = ; }
             //^^^^^^^^^ unknown-option: unknown `#[wasm_bindgen]` option `strutural`; did you mean `structural`?
                                          //^ syntax: expected an expression
"#,
        );
    }
}
