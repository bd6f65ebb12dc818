//! `package.json` for the output directory: the one place it is rendered, for `wbg bindgen`
//! (fields from the wasm alone) and `wbg build` (plus the crate's Cargo.toml metadata).

// A JS string literal as `js_text` writes it is a JSON one.
use super::js_text::quote;

/// Fields that come from the crate (`wbg build`) rather than the wasm.
#[derive(Debug, Clone, Default)]
pub struct PackageInfo {
    /// The npm name, scope included (`@scope/name`); defaults to the output name.
    pub name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    /// An SPDX expression, or `SEE LICENSE IN <file>`.
    pub license: Option<String>,
    /// A git URL.
    pub repository: Option<String>,
    pub homepage: Option<String>,
    pub keywords: Vec<String>,
    /// Files copied beside the generated ones (README, LICENSE), listed in `files`.
    pub extra_files: Vec<String>,
}

/// What the target decides about the package (`target::Target` fills it in).
#[derive(Debug, Clone, Default)]
pub struct ModuleFormat {
    /// ES module (`"type": "module"`), else CommonJS or a script.
    pub es_module: bool,
    /// Files with side effects, for bundlers; `None` leaves the field out.
    pub side_effects: Option<Vec<String>>,
}

/// A JSON value, enough for `package.json`; rendered with two-space indentation as npm does.
enum Json {
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

fn s(v: &str) -> Json {
    Json::Str(v.to_string())
}

fn object(fields: Vec<(&str, Json)>) -> Json {
    Json::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

pub fn render(
    format: &ModuleFormat,
    out_name: &str,
    info: &PackageInfo,
    files: &[String],
    typescript: bool,
) -> String {
    let main = format!("{out_name}.js");
    let types = format!("{out_name}.d.ts");
    let wasm = format!("{out_name}_bg.wasm");
    let mut fields: Vec<(&str, Json)> = vec![
        ("name", s(info.name.as_deref().unwrap_or(out_name))),
        ("version", s(info.version.as_deref().unwrap_or("0.0.0"))),
    ];
    let optional = [
        ("description", &info.description),
        ("license", &info.license),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            fields.push((key, s(v)));
        }
    }
    if let Some(url) = &info.repository {
        fields.push((
            "repository",
            object(vec![("type", s("git")), ("url", s(url))]),
        ));
    }
    if let Some(h) = &info.homepage {
        fields.push(("homepage", s(h)));
    }
    if !info.keywords.is_empty() {
        fields.push((
            "keywords",
            Json::Array(info.keywords.iter().map(|k| s(k)).collect()),
        ));
    }
    if format.es_module {
        fields.push(("type", s("module")));
    }
    let mut listed: Vec<&String> = files.iter().chain(&info.extra_files).collect();
    listed.sort();
    listed.dedup();
    fields.push((
        "files",
        Json::Array(listed.into_iter().map(|f| s(f)).collect()),
    ));
    fields.push(("main", s(&main)));
    if format.es_module {
        // Bundlers that predate `exports` look for the ES entry here.
        fields.push(("module", s(&main)));
    }
    if typescript {
        fields.push(("types", s(&types)));
    }
    let mut entry = Vec::new();
    if typescript {
        // TypeScript wants `types` first among the conditions.
        entry.push(("types", s(&format!("./{types}"))));
    }
    entry.push(("default", s(&format!("./{main}"))));
    fields.push((
        "exports",
        object(vec![
            (".", object(entry)),
            // Apps that load the wasm themselves (`--target web`) reach it through here.
            (&format!("./{wasm}"), s(&format!("./{wasm}"))),
            ("./package.json", s("./package.json")),
        ]),
    ));
    if let Some(effects) = &format.side_effects {
        fields.push((
            "sideEffects",
            Json::Array(effects.iter().map(|f| s(f)).collect()),
        ));
    }
    let mut out = String::new();
    write(&object(fields), 0, &mut out);
    out.push('\n');
    out
}

fn write(value: &Json, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent + 1);
    match value {
        Json::Str(v) => out.push_str(&quote(v)),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad);
                write(item, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(indent));
            out.push(']');
        }
        Json::Object(fields) => {
            out.push_str("{\n");
            for (i, (key, item)) in fields.iter().enumerate() {
                out.push_str(&pad);
                out.push_str(&quote(key));
                out.push_str(": ");
                write(item, indent + 1, out);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(indent));
            out.push('}');
        }
    }
}
