//! The five module formats, by the names users type (`--target`, the server's `target`
//! setting), mapped to core-gen's generators.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// ES module with an async default `init()` and `initSync()`, for browsers.
    Web,
    /// CommonJS that loads the wasm synchronously, for Node.
    Nodejs,
    /// ES module importing the `.wasm` directly, for bundlers.
    Bundler,
    /// ES module that loads the wasm with top-level await, for Deno.
    Deno,
    /// A classic script defining a global `wasm_bindgen` init function.
    NoModules,
}

impl Target {
    pub const ALL: [Target; 5] = [
        Target::Web,
        Target::Nodejs,
        Target::Bundler,
        Target::Deno,
        Target::NoModules,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Web => "web",
            Target::Nodejs => "nodejs",
            Target::Bundler => "bundler",
            Target::Deno => "deno",
            Target::NoModules => "no-modules",
        }
    }

    /// One line for `--help`.
    pub fn help(self) -> &'static str {
        match self {
            Target::Web => {
                "ES module with an async default `init()` and `initSync()`, for browsers"
            }
            Target::Nodejs => "CommonJS that loads the wasm synchronously, for Node",
            Target::Bundler => "ES module importing the `.wasm` directly, for bundlers",
            Target::Deno => "ES module that loads the wasm with top-level await, for Deno",
            Target::NoModules => "A classic script defining a global `wasm_bindgen` init function",
        }
    }

    /// core-gen's generator for this format.
    pub fn generator(self) -> &'static dyn wbg_core_gen::target::Target {
        wbg_core_gen::target::by_name(self.name()).expect("core-gen has every Target")
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Target {
    type Err = String;

    fn from_str(s: &str) -> Result<Target, String> {
        Target::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
                format!("unknown target `{s}`; expected one of {}", names.join(", "))
            })
    }
}

#[cfg(feature = "clap")]
impl clap::ValueEnum for Target {
    fn value_variants<'a>() -> &'a [Self] {
        &Target::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.help()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_and_core_gen_knows_it() {
        let names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
        assert_eq!(names, wbg_core_gen::target::NAMES);
        for t in Target::ALL {
            assert_eq!(t.name().parse::<Target>(), Ok(t));
            assert_eq!(serde_json::to_value(t).unwrap(), t.name());
            assert_eq!(t.generator().name(), t.name());
        }
        assert!("node".parse::<Target>().unwrap_err().contains("no-modules"));
    }
}
