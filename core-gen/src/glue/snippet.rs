//! `--target nodejs` loads everything with `require`, which cannot load ES modules on the
//! Node versions we support; snippets (`inline_js`, crate-local files) are turned into
//! CommonJS here. The scanner understands strings, template literals, comments and regex
//! literals well enough to find top-level `export`s; anything it cannot convert (an
//! `import` statement, a destructuring export) is an error naming the construct.

/// Converts `src` (an ES module) to CommonJS.
pub fn esm_to_cjs(src: &str) -> Result<String, String> {
    let tokens = scan(src)?;
    let mut out = String::new();
    let mut exported: Vec<(String, String)> = Vec::new();
    let mut last = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.depth == 0
            && t.text == "import"
            && starts_statement(&tokens, i)
            && !is_dynamic_import(&tokens, i)
        {
            return Err("it uses an `import` statement, which `require` cannot load; inline what it imports".into());
        }
        if !(t.depth == 0 && t.text == "export" && starts_statement(&tokens, i)) {
            i += 1;
            continue;
        }
        out.push_str(&src[last..t.start]);
        let next = tokens.get(i + 1).ok_or("`export` at the end of the file")?;
        match next.text.as_str() {
            "function" | "class" | "async" => {
                let mut j = i + 1;
                while j < tokens.len()
                    && matches!(
                        tokens[j].text.as_str(),
                        "async" | "function" | "class" | "*"
                    )
                {
                    j += 1;
                }
                let name = tokens
                    .get(j)
                    .filter(|n| is_ident(&n.text))
                    .ok_or("an exported function or class needs a name")?;
                exported.push((name.text.clone(), name.text.clone()));
                last = next.start;
                i += 1;
            }
            "const" | "let" | "var" => {
                let name = tokens.get(i + 2).filter(|n| is_ident(&n.text)).ok_or(
                    "only `export const name = ...` is supported, not destructuring; export the names separately",
                )?;
                exported.push((name.text.clone(), name.text.clone()));
                last = next.start;
                i += 1;
            }
            "default" => {
                out.push_str("module.exports.default = ");
                last = tokens.get(i + 2).map_or(src.len(), |t| t.start);
                i += 2;
            }
            "{" => {
                let mut j = i + 2;
                while j < tokens.len() && tokens[j].text != "}" {
                    let local = &tokens[j].text;
                    if local == "," {
                        j += 1;
                        continue;
                    }
                    let mut public = local.clone();
                    if tokens.get(j + 1).is_some_and(|t| t.text == "as") {
                        public = tokens
                            .get(j + 2)
                            .ok_or("unfinished `export { a as b }`")?
                            .text
                            .clone();
                        j += 2;
                    }
                    exported.push((public, local.clone()));
                    j += 1;
                }
                if tokens.get(j + 1).is_some_and(|t| t.text == "from") {
                    return Err("it re-exports from another module (`export ... from`), which `require` cannot load".into());
                }
                let end = if tokens.get(j + 1).is_some_and(|t| t.text == ";") {
                    j + 1
                } else {
                    j
                };
                last = tokens[end].end;
                i = end + 1;
            }
            "*" => return Err(
                "it re-exports from another module (`export * from`), which `require` cannot load"
                    .into(),
            ),
            other => return Err(format!("unsupported `export {other}`")),
        }
    }
    if last == 0 {
        // Nothing to convert: the file stays byte for byte (a `link_to!` target is read
        // as it was written).
        return Ok(src.to_string());
    }
    out.push_str(&src[last..]);
    out.push('\n');
    for (public, local) in exported {
        out.push_str(&format!(
            "module.exports[{}] = {local};\n",
            super::js_text::quote(&public)
        ));
    }
    Ok(out)
}

fn is_ident(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

fn starts_statement(tokens: &[Token], i: usize) -> bool {
    i == 0
        || matches!(tokens[i - 1].text.as_str(), ";" | "}" | "{")
        || tokens[i - 1].line < tokens[i].line
}

fn is_dynamic_import(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i + 1)
        .is_some_and(|t| t.text == "(" || t.text == ".")
}

#[derive(Debug)]
struct Token {
    text: String,
    start: usize,
    end: usize,
    depth: u32,
    line: usize,
}

/// Words and punctuation outside strings, comments and regex literals, with bracket depth.
fn scan(src: &str) -> Result<Vec<Token>, String> {
    let bytes = src.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut depth: u32 = 0;
    let mut line = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = src[i + 2..].find("*/").ok_or("unterminated comment")?;
                line += src[i..i + 2 + end].matches('\n').count();
                i += end + 4;
            }
            b'\'' | b'"' | b'`' => {
                let start = i;
                i = skip_string(bytes, i)?;
                line += src[start..i].matches('\n').count();
                tokens.push(Token {
                    text: "\"\"".into(),
                    start,
                    end: i,
                    depth,
                    line,
                });
            }
            b'/' if regex_allowed(tokens.last()) => {
                let start = i;
                i += 1;
                let mut in_class = false;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'[' => in_class = true,
                        b']' => in_class = false,
                        b'/' if !in_class => break,
                        b'\n' => return Err("unterminated regular expression".into()),
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                tokens.push(Token {
                    text: "/re/".into(),
                    start,
                    end: i,
                    depth,
                    line,
                });
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80 => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || bytes[i] == b'_'
                        || bytes[i] == b'$'
                        || bytes[i] >= 0x80)
                {
                    i += 1;
                }
                tokens.push(Token {
                    text: src[start..i].to_string(),
                    start,
                    end: i,
                    depth,
                    line,
                });
            }
            _ => {
                let ch = src[i..].chars().next().expect("in bounds");
                let len = ch.len_utf8();
                if matches!(c, b'}' | b')' | b']') {
                    depth = depth.saturating_sub(1);
                }
                tokens.push(Token {
                    text: ch.to_string(),
                    start: i,
                    end: i + len,
                    depth,
                    line,
                });
                if matches!(c, b'{' | b'(' | b'[') {
                    depth += 1;
                }
                i += len;
            }
        }
    }
    Ok(tokens)
}

/// A `/` starts a regex after an operator or keyword, and divides after a value.
fn regex_allowed(prev: Option<&Token>) -> bool {
    let Some(t) = prev else { return true };
    let s = t.text.as_str();
    let ends_value =
        matches!(s, ")" | "]" | "}" | "\"\"" | "/re/") || s.chars().all(|c| c.is_ascii_digit());
    if ends_value {
        return false;
    }
    if is_ident(s) {
        return matches!(
            s,
            "return"
                | "typeof"
                | "case"
                | "do"
                | "else"
                | "in"
                | "of"
                | "new"
                | "delete"
                | "void"
                | "throw"
                | "yield"
                | "await"
        );
    }
    true
}

fn skip_string(bytes: &[u8], start: usize) -> Result<usize, String> {
    let quote = bytes[start];
    let mut i = start + 1;
    let mut template_depth = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'$' if quote == b'`' && bytes.get(i + 1) == Some(&b'{') => {
                template_depth += 1;
                i += 2;
            }
            b'}' if quote == b'`' && template_depth > 0 => {
                template_depth -= 1;
                i += 1;
            }
            b'\'' | b'"' | b'`' if template_depth > 0 => i = skip_string(bytes, i)?,
            c if c == quote && template_depth == 0 => return Ok(i + 1),
            b'\n' if quote != b'`' => return Err("unterminated string".into()),
            _ => i += 1,
        }
    }
    Err("unterminated string".into())
}

#[cfg(test)]
mod tests {
    use super::esm_to_cjs;

    #[test]
    fn converts_exports() {
        let src = "const re = /export [a-z]+/g; // export not this\nexport function add(a, b) { return `${a}export${b}`; }\nexport class Box { get v() { return 1 / 2; } }\nexport const k = 'export';\nfunction inner() {}\nexport { inner as renamed, k as again };\nexport default 42;\n";
        let out = esm_to_cjs(src).unwrap();
        assert!(
            out.contains("function add(a, b) { return `${a}export${b}`; }"),
            "{out}"
        );
        assert!(out.contains("class Box"), "{out}");
        assert!(out.contains("const k = 'export';"), "{out}");
        assert!(out.contains("module.exports.default = 42;"), "{out}");
        assert!(out.contains("const re = /export [a-z]+/g;"), "{out}");
        for line in [
            "module.exports[\"add\"] = add;",
            "module.exports[\"Box\"] = Box;",
            "module.exports[\"k\"] = k;",
            "module.exports[\"renamed\"] = inner;",
            "module.exports[\"again\"] = k;",
        ] {
            assert!(out.contains(line), "{line} in {out}");
        }
        assert!(!out.contains("export {"), "{out}");
    }

    #[test]
    fn refuses_what_it_cannot_convert() {
        assert!(
            esm_to_cjs("import { x } from './y.js';\nexport function f() {}")
                .unwrap_err()
                .contains("`import` statement")
        );
        assert!(esm_to_cjs("export * from './y.js';")
            .unwrap_err()
            .contains("re-exports"));
        assert!(esm_to_cjs("export const { a, b } = o;")
            .unwrap_err()
            .contains("destructuring"));
        assert!(esm_to_cjs("const s = 'unterminated;")
            .unwrap_err()
            .contains("unterminated string"));
    }
}
