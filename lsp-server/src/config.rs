//! Settings, one typed struct: read from `initializationOptions` and
//! `workspace/didChangeConfiguration`, either as the object itself or under a `wbg` key
//! (how VS Code sends a settings section).

use serde::{Deserialize, Serialize};

use wbg_project::build::Profile;
/// The module format: the project model's five targets, by the names `--target` takes.
pub use wbg_project::Target;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Unknown keys are ignored: VS Code sends its client-only settings (`server.path`,
// `trace.server`) in the same section.
#[serde(rename_all = "camelCase", default)]
pub struct Config {
    /// Build the crate and regenerate its glue when a `.rs` file is saved.
    pub regenerate_on_save: bool,
    /// Where the glue goes, relative to the crate's directory; must stay in the workspace.
    pub out_dir: String,
    /// The module format of the glue.
    pub target: Target,
    /// Cargo profile: `dev` (the default), `release` or a custom profile name.
    pub profile: String,
    /// Extra arguments for `cargo build`, e.g. `["--features", "x"]`.
    pub cargo_args: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            regenerate_on_save: true,
            out_dir: "pkg".into(),
            target: Target::Web,
            profile: "dev".into(),
            cargo_args: Vec::new(),
        }
    }
}

impl Config {
    /// Settings from a client's JSON; `null` means the defaults.
    pub fn from_json(value: Option<serde_json::Value>) -> Result<Config, String> {
        let value = match value {
            None | Some(serde_json::Value::Null) => return Ok(Config::default()),
            Some(serde_json::Value::Object(mut map)) if map.contains_key("wbg") => {
                map.remove("wbg").unwrap_or_default()
            }
            Some(v) => v,
        };
        serde_json::from_value(value).map_err(|e| format!("invalid wbg settings: {e}"))
    }

    /// The cargo profile.
    pub fn profile(&self) -> Profile {
        Profile::named(&self.profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_and_camel_case_fields() {
        assert_eq!(Config::from_json(None).unwrap(), Config::default());
        let c = Config::from_json(Some(json!({
            "regenerateOnSave": false, "outDir": "web/pkg", "target": "nodejs",
            "profile": "release", "cargoArgs": ["--features", "x"]
        })))
        .unwrap();
        assert!(!c.regenerate_on_save);
        assert_eq!((c.out_dir.as_str(), c.target), ("web/pkg", Target::Nodejs));
        assert_eq!(c.profile(), Profile::Release);
        assert_eq!(c.cargo_args, ["--features", "x"]);
    }

    #[test]
    fn a_wbg_section_and_partial_settings() {
        let c = Config::from_json(Some(json!({ "wbg": { "outDir": "out" } }))).unwrap();
        assert_eq!(c.out_dir, "out");
        assert_eq!(c.target, Target::Web);
        assert_eq!(
            Config {
                profile: "bench".into(),
                ..c
            }
            .profile(),
            Profile::Custom("bench".into())
        );
    }

    #[test]
    fn mistakes_are_reported() {
        let err = Config::from_json(Some(json!({ "target": "node" }))).unwrap_err();
        assert!(err.contains("unknown variant `node`"), "{err}");
        assert!(err.contains("no-modules"), "{err}");
        let c = Config::from_json(Some(json!({ "target": "no-modules" }))).unwrap();
        assert_eq!(c.target, Target::NoModules);
        let err = Config::from_json(Some(json!({ "cargoArgs": "--release" }))).unwrap_err();
        assert!(err.contains("expected a sequence"), "{err}");
        let client_only =
            json!({ "wbg": { "server": { "path": "x" }, "trace": { "server": "off" } } });
        assert_eq!(
            Config::from_json(Some(client_only)).unwrap(),
            Config::default()
        );
    }

    /// The VS Code extension contributes one `wbg.<key>` setting per field, with the same
    /// default; `target` offers exactly the server's (the project model's five) targets.
    #[test]
    fn config_matches_the_extension() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../vscode-extension/package.json"
        );
        let package: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let contributed = &package["contributes"]["configuration"]["properties"];
        let defaults = serde_json::to_value(Config::default()).unwrap();
        for (key, default) in defaults.as_object().unwrap() {
            let setting = &contributed[format!("wbg.{key}")];
            assert_eq!(&setting["default"], default, "wbg.{key} in {path}");
        }
        let targets = Target::ALL.map(Target::name);
        assert_eq!(contributed["wbg.target"]["enum"], json!(targets));
    }
}
