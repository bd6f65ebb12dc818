//! Per-item recovery for `parse_file`: when the whole file does not parse (the normal state
//! of a file being typed), split it into top-level items and parse each one alone, so a
//! syntax error in one item never hides the diagnostics of the others.
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

/// The items that parse, in source order (contents of unparsable inline modules are
/// flattened in); every item that does not parse gives one `syntax` diagnostic.
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
    let stream: TokenStream = chunk.iter().cloned().collect();
    match syn::parse2::<syn::Item>(stream) {
        Ok(item) => out.push(item),
        Err(e) => match module_body(chunk) {
            // A broken inline module: recover inside it too.
            Some(body) => split_and_parse(body, out, diags),
            None => {
                // Typing inside a body must not make the attribute's diagnostics flicker.
                if let Some(args) = wasm_bindgen_args(chunk) {
                    super::attrs::parse_options(args, diags);
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
        },
    }
}

/// The option tokens of a leading `#[wasm_bindgen(...)]` (or `#[path::wasm_bindgen(...)]`).
fn wasm_bindgen_args(chunk: &[TokenTree]) -> Option<TokenStream> {
    let mut i = 0;
    while is_punct(chunk.get(i), '#') {
        let TokenTree::Group(g) = chunk.get(i + 1)? else {
            return None;
        };
        let inner: Vec<TokenTree> = g.stream().into_iter().collect();
        let name_at = inner.iter().rposition(|t| matches!(t, TokenTree::Ident(_)));
        if let Some(n) = name_at {
            if is_ident(inner.get(n), "wasm_bindgen") && n + 2 == inner.len() {
                if let Some(TokenTree::Group(args)) = inner.get(n + 1) {
                    return Some(args.stream());
                }
            }
        }
        i += 2;
    }
    None
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

/// Line-based regions for a file that does not lex: `(index of first line, text)`. A region
/// starts at a line that begins, in column 0, like an item or its attributes/docs.
fn regions(src: &str) -> Vec<(usize, String)> {
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
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        let begins_item = STARTS.iter().any(|s| line.starts_with(s));
        // Attributes and doc comments belong to the item below them.
        let follows_prefix = i > 0 && is_prefix(lines[i - 1]);
        if i > start && begins_item && !follows_prefix {
            out.push((start, lines[start..i].join("\n")));
            start = i;
        }
    }
    out.push((start, lines[start..].join("\n")));
    out
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
    fn broken_inline_modules_are_searched_too() {
        check_diagnostics(
            r#"
//! crate docs
mod inner {
    fn broken() { 1 + }
                    //^ syntax: unexpected end of input, expected an expression
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
