//! `package.json` for the output directory.

use crate::target::Target;

/// Fields that come from the crate (`wbg build`) rather than the wasm.
#[derive(Debug, Clone, Default)]
pub struct PackageInfo {
    pub name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    pub license: Option<String>,
}

pub fn render(
    target: &dyn Target,
    out_name: &str,
    info: &PackageInfo,
    files: &[String],
    typescript: bool,
) -> String {
    let mut fields: Vec<(String, String)> = Vec::new();
    let s = |v: &str| quote(v);
    fields.push(("name".into(), s(info.name.as_deref().unwrap_or(out_name))));
    fields.push((
        "version".into(),
        s(info.version.as_deref().unwrap_or("0.0.0")),
    ));
    if let Some(d) = &info.description {
        fields.push(("description".into(), s(d)));
    }
    if let Some(l) = &info.license {
        fields.push(("license".into(), s(l)));
    }
    if target.is_es_module() {
        fields.push(("type".into(), s("module")));
    }
    let list: Vec<String> = files.iter().map(|f| s(f)).collect();
    fields.push(("files".into(), format!("[{}]", list.join(", "))));
    fields.push(("main".into(), s(&format!("{out_name}.js"))));
    if typescript {
        fields.push(("types".into(), s(&format!("{out_name}.d.ts"))));
    }
    if let Some(effects) = target.side_effects(out_name) {
        let list: Vec<String> = effects.iter().map(|f| s(f)).collect();
        fields.push(("sideEffects".into(), format!("[{}]", list.join(", "))));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {}: {}", quote(k), v))
        .collect();
    format!("{{\n{}\n}}\n", body.join(",\n"))
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
