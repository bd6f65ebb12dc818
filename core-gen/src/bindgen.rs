//! The whole generator: `.wasm` bytes in, output files out.

use crate::extract::{self, ExtractError};
use crate::glue::package_json::{self, PackageInfo};
use crate::glue::{self, GlueError, GlueOptions};
use crate::rewrite;
use crate::target::{File, Target};

pub struct Options<'a> {
    pub target: &'a dyn Target,
    /// Base name of the output files (`{out_name}.js`, `{out_name}_bg.wasm`, ...).
    pub out_name: String,
    pub typescript: bool,
    pub debug: bool,
    pub keep_debug: bool,
    /// Free forgotten class instances with a `FinalizationRegistry` (default on).
    pub weak_refs: bool,
    pub package: PackageInfo,
}

impl<'a> Options<'a> {
    pub fn new(target: &'a dyn Target, out_name: impl Into<String>) -> Self {
        Options {
            target,
            out_name: out_name.into(),
            typescript: true,
            debug: false,
            keep_debug: false,
            weak_refs: true,
            package: PackageInfo::default(),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BindgenError {
    #[error("{0}")]
    Extract(#[from] ExtractError),
    #[error("{0}")]
    Glue(#[from] GlueError),
    #[error(
        "--target {target} cannot load JS modules, but the crate imports `{specifier}`; \
         use --target web, bundler, nodejs or deno"
    )]
    ModuleImport {
        target: &'static str,
        specifier: String,
    },
}

#[derive(Debug)]
pub struct Output {
    /// Text files: JS, `.d.ts`, `package.json`.
    pub files: Vec<File>,
    /// `{out_name}_bg.wasm`.
    pub wasm_path: String,
    pub wasm: Vec<u8>,
}

pub fn generate(wasm: &[u8], options: &Options<'_>) -> Result<Output, BindgenError> {
    let module = extract::parse(wasm)?;
    let extracted = extract::extract(&module)?;
    if !options.target.loads_js_modules() {
        if let Some(specifier) = first_js_module(&extracted.descriptors) {
            return Err(BindgenError::ModuleImport {
                target: options.target.name(),
                specifier,
            });
        }
    }
    let glue = glue::build(
        &extracted.descriptors,
        &extracted.intrinsic_imports,
        &GlueOptions {
            debug: options.debug,
            weak_refs: options.weak_refs,
            es_module: options.target.is_es_module(),
        },
    )?;
    let out = &options.out_name;
    let target = options.target;
    let mut files = target.js_files(&glue, out);
    if options.typescript {
        let contents = format!(
            "/* tslint:disable */\n/* eslint-disable */\n{}",
            target.declarations(&glue.ts)
        );
        files.push(File {
            path: format!("{out}.d.ts"),
            contents,
        });
    }
    for snippet in &glue.snippets {
        files.push(File {
            path: snippet.path.clone(),
            contents: snippet.contents.clone(),
        });
    }
    let wasm_path = format!("{out}_bg.wasm");
    let mut listed: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    listed.push(wasm_path.clone());
    listed.sort();
    let format = target.module_format(out);
    let package = package_json::render(&format, out, &options.package, &listed, options.typescript);
    files.push(File {
        path: "package.json".into(),
        contents: package,
    });
    let wasm = rewrite::finish(&module, &target.import_module(out), options.keep_debug);
    Ok(Output {
        files,
        wasm_path,
        wasm,
    })
}

/// The first JS module (`module = ...`, `inline_js` snippet) the crate imports from.
fn first_js_module(module: &crate::descriptor::Module) -> Option<String> {
    use crate::descriptor::ImportModule;
    let from_imports = module.imports.iter().map(|i| &i.module);
    let from_types = module.import_types.iter().map(|t| &t.module);
    let from_reexports = module.reexports.iter().map(|r| &r.module);
    from_imports
        .chain(from_types)
        .chain(from_reexports)
        .find_map(|m| match m {
            ImportModule::Global => None,
            ImportModule::Module(s) | ImportModule::Snippet(s) => Some(s.clone()),
        })
        .or_else(|| module.snippets.first().map(|s| s.path.clone()))
}
