//! JS shims for imported functions: each is a function the wasm imports, which turns its
//! wasm arguments into JS values, performs the operation (call, `new`, method, property,
//! index, static read, `instanceof`) and hands the result back.

use super::closure::Callers;
use super::helpers::HelperSet;
use super::js_text::{is_plain_ident, property_access as prop, quote};
use crate::abi::{self, ValType};
use crate::descriptor::{ImportFn, ImportModule, ImportOp, ImportType, Module, Reexport, Type};

/// Module imports the shims need, in first-use order, and how the glue names their members.
#[derive(Debug)]
pub struct ModuleImports {
    /// `(specifier, names)`.
    modules: Vec<(String, Vec<String>)>,
    /// ES `import { x as __wbg_m0_x }`, else CommonJS `const __wbg_m0 = require(..)`.
    es_module: bool,
}

impl ModuleImports {
    pub fn new(es_module: bool) -> Self {
        ModuleImports {
            modules: Vec::new(),
            es_module,
        }
    }

    /// The expression naming `name` of module `specifier` in the glue, recording the import.
    fn member(&mut self, specifier: &str, name: &str) -> String {
        let index = self.use_name(specifier, name);
        if self.es_module {
            let position = self.modules[index].1.iter().position(|n| n == name);
            local_name(index, position.unwrap_or(0), name)
        } else {
            format!("__wbg_m{index}{}", prop(name))
        }
    }

    /// The URL of the file `specifier` names, relative to the glue, as a string expression
    /// (`link_to!`): from `import.meta.url`, or `__dirname` for CommonJS.
    fn url(&self, specifier: &str) -> String {
        if self.es_module {
            format!("new URL({}, import.meta.url).href", quote(specifier))
        } else {
            format!(
                "require('url').pathToFileURL(require('path').join(__dirname, {})).href",
                quote(specifier)
            )
        }
    }

    /// The `import`/`require` statements, one per module.
    pub fn statements(&self) -> String {
        let mut out = String::new();
        for (index, (specifier, names)) in self.modules.iter().enumerate() {
            out.push_str(&if self.es_module {
                let list: Vec<String> = names
                    .iter()
                    .enumerate()
                    .map(|(j, n)| {
                        let exported = if is_plain_ident(n) {
                            n.clone()
                        } else {
                            quote(n)
                        };
                        format!("{exported} as {}", local_name(index, j, n))
                    })
                    .collect();
                format!(
                    "import {{ {} }} from {};\n",
                    list.join(", "),
                    quote(specifier)
                )
            } else {
                format!("const __wbg_m{index} = require({});\n", quote(specifier))
            });
        }
        out
    }

    /// The index of `specifier`, recording that `name` is imported from it.
    fn use_name(&mut self, specifier: &str, name: &str) -> usize {
        let index = match self.modules.iter().position(|(s, _)| s == specifier) {
            Some(i) => i,
            None => {
                self.modules.push((specifier.to_string(), Vec::new()));
                self.modules.len() - 1
            }
        };
        let names = &mut self.modules[index].1;
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        index
    }
}

/// The glue's local name for member `name` (at `position`) of ES module `index`. A member
/// whose name is not an identifier (`"kebab-case"`) is imported by its string name (ES2022)
/// under a name made of its position; a plain name cannot start with a digit, so the two
/// kinds never collide.
fn local_name(index: usize, position: usize, name: &str) -> String {
    if is_plain_ident(name) {
        format!("__wbg_m{index}_{name}")
    } else {
        format!("__wbg_m{index}_{position}")
    }
}

/// `final` functions reached through a namespace, read once when the glue loads: one
/// `const` each, shared by every import of the same function.
#[derive(Debug, Default)]
pub struct Captures {
    /// `(const name, expression read)` in first-use order.
    entries: Vec<(String, String)>,
}

impl Captures {
    /// The name of the `const` holding `read`, declaring it on first use.
    fn capture(&mut self, name: String, read: String) -> String {
        if let Some((n, _)) = self.entries.iter().find(|(_, r)| *r == read) {
            return n.clone();
        }
        let mut unique = name.clone();
        let mut k = 2;
        while self.entries.iter().any(|(n, _)| *n == unique) {
            unique = format!("{name}_{k}");
            k += 1;
        }
        self.entries.push((unique.clone(), read));
        unique
    }

    /// The `const` statements, run when the glue module loads.
    pub fn source(&self) -> String {
        self.entries
            .iter()
            .map(|(name, read)| format!("const {name} = captureAtLoad(() => {read});\n"))
            .collect()
    }
}

/// The `const` that holds a `final` function reached through a namespace: `ns_inner_f`.
fn capture_name(namespace: &[String], name: &str) -> String {
    let ident = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '$' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    let parts: Vec<String> = namespace
        .iter()
        .map(|p| ident(p))
        .chain([ident(name)])
        .collect();
    parts.join("_")
}

fn specifier(module: &ImportModule) -> Option<String> {
    match module {
        ImportModule::Global => None,
        ImportModule::Module(s) => Some(s.clone()),
        ImportModule::Snippet(path) => Some(format!("./{path}")),
    }
}

/// The JS expression for `namespace.name` in `module`.
fn path(
    module: &ImportModule,
    namespace: &[String],
    name: &str,
    imports: &mut ModuleImports,
) -> String {
    let (first, rest): (&str, Vec<&str>) = match namespace.split_first() {
        Some((first, rest)) => (
            first,
            rest.iter().map(String::as_str).chain([name]).collect(),
        ),
        None => (name, Vec::new()),
    };
    let mut expr = match specifier(module) {
        Some(spec) => imports.member(&spec, first),
        None => first.to_string(),
    };
    for part in rest {
        expr.push_str(&prop(part));
    }
    expr
}

/// The value a `reexport` exports: its module's member, or the global read through
/// `globalThis` (the export may have the global's own name, `console`).
pub fn reexport_value(r: &Reexport, imports: &mut ModuleImports) -> String {
    match &r.module {
        ImportModule::Global => {
            let mut expr = "globalThis".to_string();
            for part in r.namespace.iter().chain([&r.js_name]) {
                expr.push_str(&prop(part));
            }
            expr
        }
        module => path(module, &r.namespace, &r.js_name, imports),
    }
}

/// The class of a type, honouring vendor prefixes for globals.
fn class_expr(ty: &ImportType, imports: &mut ModuleImports) -> String {
    let main = path(&ty.module, &ty.namespace, &ty.js_class, imports);
    if ty.vendor_prefixes.is_empty()
        || ty.module != ImportModule::Global
        || !ty.namespace.is_empty()
    {
        return main;
    }
    let mut expr = String::from("(");
    for name in std::iter::once(ty.js_class.clone()).chain(
        ty.vendor_prefixes
            .iter()
            .map(|p| format!("{p}{}", ty.js_class)),
    ) {
        expr.push_str(&format!("typeof {name} !== 'undefined' ? {name} : "));
    }
    expr.push_str("undefined)");
    expr
}

/// Renders the shim for one import as `function <wasm_name>(...) { ... }`.
pub fn render(
    imp: &ImportFn,
    module: &Module,
    helpers: &mut HelperSet,
    imports: &mut ModuleImports,
    captures: &mut Captures,
    callers: &mut Callers,
) -> Result<String, String> {
    let mut params = Vec::new();
    let mut values = Vec::new();
    let mut setup = String::new();
    let mut finally = String::new();
    for (i, arg) in imp.args.iter().enumerate() {
        let fail = |w: String| format!("argument `{}`: {w}", arg.name);
        let (p, v) = match &arg.ty {
            // A stack closure: a JS function valid until this import returns.
            Type::Ref(inner) | Type::RefMut(inner) if matches!(**inner, Type::Closure(_)) => {
                let Type::Closure(sig) = &**inner else {
                    unreachable!("matched above")
                };
                helpers.require("closures");
                let lifetime = super::closure::Lifetime::of(sig, true);
                let caller = callers
                    .caller(sig, lifetime, module, helpers)
                    .map_err(fail)?;
                let names = vec![
                    format!("arg{i}_data"),
                    format!("arg{i}_vtable"),
                    format!("arg{i}_invoke"),
                ];
                setup.push_str(&format!(
                    "    const cb{i} = makeClosure({}, {}, {}, 0, {}, {caller}, true);\n",
                    names[0], names[1], names[2], sig.mutable
                ));
                finally.push_str(&format!("        invalidateClosure(cb{i});\n"));
                (names, format!("cb{i}"))
            }
            _ => {
                // One parameter per core value; `lift` makes the JS value from them.
                let count = crate::abi::param(&arg.ty).map_err(|e| fail(e.0))?.len();
                let names: Vec<String> = if count == 1 {
                    vec![format!("arg{i}")]
                } else {
                    (0..count).map(|k| format!("arg{i}_{k}")).collect()
                };
                let value = super::convert::lift(&arg.ty, &names, module, helpers).map_err(fail)?;
                (names, value)
            }
        };
        params.extend(p);
        values.push(v);
    }
    // The class, for operations that need one.
    let class_type: Result<&ImportType, String> = if imp.class_id.is_empty() {
        Err("it has no class to act on".to_string())
    } else {
        module
            .import_types
            .iter()
            .find(|t| t.id == imp.class_id)
            .ok_or_else(|| {
                format!(
                    "its class (`{}`) is not an imported type of this module",
                    imp.class_id
                )
            })
    };
    // `js_class = "A.B"` on the import names the class itself, through the import's own
    // namespace, as in wasm-bindgen (`new Option()` for a `HtmlOptionElement` constructor).
    let class_result = if imp.js_class.is_empty() {
        class_type
            .as_ref()
            .map(|ty| class_expr(ty, imports))
            .map_err(Clone::clone)
    } else {
        let mut parts: Vec<String> = imp.namespace.clone();
        parts.extend(imp.js_class.split('.').map(str::to_string));
        let last = parts.pop().unwrap_or_default();
        Ok(path(&imp.module, &parts, &last, imports))
    };
    let mut names = GlueNames {
        imp,
        class_result: &class_result,
        imports,
        captures,
        helpers,
    };
    let parts = Parts {
        name: &imp.js_name,
        values: &values,
        structural: imp.structural,
        final_: imp.final_,
        variadic: imp.variadic,
        has_class: !(imp.class_id.is_empty() && imp.js_class.is_empty()),
        optional: matches!(imp.ret, Type::Option(_)),
    };
    let expr = match imp.op {
        ImportOp::Link => match specifier(&imp.module) {
            Some(spec) => names.imports.url(&spec),
            None => return Err("`link_to!` needs a module or a snippet".into()),
        },
        op => expr(op, &parts, &mut names)?,
    };
    let ret = match imp.op {
        ImportOp::InstanceOf => Type::Bool,
        ImportOp::IndexingDeleter => imp.ret.clone(),
        _ => imp.ret.clone(),
    };
    let (body, zero) = return_to_wasm(&ret, &expr, module, helpers)?;
    let body = if imp.catch {
        helpers.require("addHeapObject");
        let zero = zero.map(|z| format!(" return {z};")).unwrap_or_default();
        format!(
            "    try {{\n{}    }} catch (e) {{\n        wasm.__wbindgen_exn_store(addHeapObject(e));{zero}\n    }}\n",
            indent(&body)
        )
    } else {
        body
    };
    let body = if finally.is_empty() {
        format!("{setup}{body}")
    } else {
        format!(
            "{setup}    try {{\n{}    }} finally {{\n{finally}    }}\n",
            indent(&body)
        )
    };
    Ok(format!(
        "function {}({}) {{\n{body}}}",
        imp.wasm_name,
        params.join(", ")
    ))
}

fn indent(body: &str) -> String {
    body.lines().map(|l| format!("    {l}\n")).collect()
}

/// Statements that evaluate `expr` and return its value to wasm (extra values through the
/// return area), and the value to return instead when `catch` caught an exception.
fn return_to_wasm(
    ty: &Type,
    expr: &str,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<(String, Option<&'static str>), String> {
    let results = abi::result(ty)
        .map_err(|e| format!("returning {} from JS: {}", super::ts::type_name(ty), e.0))?;
    let zero = results.first().map(|v| match v {
        ValType::I64 => "0n",
        _ => "0",
    });
    if *ty == Type::Unit {
        return Ok((format!("    {expr};\n"), None));
    }
    // `--debug` checks arguments JS passes, not what an import returns (as wasm-bindgen).
    let debug = std::mem::replace(&mut helpers.debug, false);
    let lowered = super::convert::lower(ty, "ret", "ret", module, helpers);
    helpers.debug = debug;
    let lowered =
        lowered.map_err(|w| format!("returning {} from JS: {w}", super::ts::type_name(ty)))?;
    let mut body = format!("    const ret = {expr};\n");
    for s in lowered
        .checks
        .iter()
        .chain(&lowered.setup)
        .chain(&lowered.moves)
    {
        body.push_str(&format!("    {s}\n"));
    }
    for s in super::convert::ret_area_writes(&results, &lowered.values, helpers) {
        body.push_str(&format!("    {s}\n"));
    }
    match lowered.values.first() {
        Some(first) => body.push_str(&format!("    return {first};\n")),
        None => body.push_str("    return;\n"),
    }
    Ok((body, zero))
}

/// The values joined for a call, the last spread (`...rest`) when `variadic`.
fn spread(vals: &[String], variadic: bool) -> String {
    let mut vals = vals.to_vec();
    if variadic {
        if let Some(last) = vals.last_mut() {
            *last = format!("...{last}");
        }
    }
    vals.join(", ")
}

/// What an import's expression is made of, beside the names `Names` resolves.
pub struct Parts<'a> {
    /// The JS name of the function, method or property.
    pub name: &'a str,
    /// The JS values of the arguments, the receiver first for operations on `this`.
    pub values: &'a [String],
    pub structural: bool,
    pub final_: bool,
    /// The last value is spread (`...rest`).
    pub variadic: bool,
    /// Statics are members of the class rather than of the namespace.
    pub has_class: bool,
    /// The result is an `Option`: a static whose global is missing reads as `undefined`.
    pub optional: bool,
}

/// The names an import's expression uses, resolved where it is rendered: the glue imports
/// modules and declares the `const`s of `final` members; hover spells them as written.
pub trait Names {
    /// The class the operation acts on (`Bar`, `ns.Bar`).
    fn class(&mut self) -> Result<String, String>;
    /// `ns.name` for a name reached through the import's module and namespace.
    fn path(&mut self, name: &str) -> String;
    /// Notes that the expression calls the glue helper `name`.
    fn helper(&mut self, _name: &'static str) {}
    /// A `final` function: the glue reads it once at load when it is reached through a
    /// namespace; otherwise (and in hover) it is the path.
    fn final_function(&mut self, name: &str) -> String {
        self.path(name)
    }
    /// An `Option` static: the glue reads a missing global (or namespace step) as
    /// `undefined`; hover spells the path.
    fn optional_static(&mut self, name: &str) -> String {
        self.path(name)
    }
}

/// The JS expression of an import (`new C(...)`, `this.f(...)`, `C_prototype_f.call(this)`,
/// accessors, indexing, statics, `instanceof`), given its values' JS and the names around it.
pub fn expr(op: ImportOp, p: &Parts<'_>, names: &mut dyn Names) -> Result<String, String> {
    let spread = |vals: &[String]| spread(vals, p.variadic);
    let (this, rest) = match p.values.split_first() {
        Some((t, r)) => (t.clone(), r.to_vec()),
        None => (String::new(), Vec::new()),
    };
    let name = p.name;
    let call_with_this = |f: String| {
        let args = std::iter::once(this.clone())
            .chain([spread(&rest)].into_iter().filter(|s| !s.is_empty()));
        format!("{f}.call({})", args.collect::<Vec<_>>().join(", "))
    };
    Ok(match op {
        ImportOp::Function if p.final_ => {
            format!("{}({})", names.final_function(name), spread(p.values))
        }
        ImportOp::Function => format!("{}({})", names.path(name), spread(p.values)),
        ImportOp::Constructor => format!("new {}({})", names.class()?, spread(p.values)),
        ImportOp::StaticMethod => {
            format!("{}{}({})", names.class()?, prop(name), spread(p.values))
        }
        ImportOp::Method if p.structural => format!("{this}{}({})", prop(name), spread(&rest)),
        ImportOp::Method => call_with_this(format!("{}.prototype{}", names.class()?, prop(name))),
        ImportOp::Getter | ImportOp::Setter => accessor(op, p, &this, &rest, names)?,
        ImportOp::StaticGetter => static_path(p, names)?,
        ImportOp::StaticSetter => format!("{} = {}", static_path(p, names)?, p.values.join(", ")),
        ImportOp::IndexingGetter => format!("{this}[{}]", rest.join(", ")),
        ImportOp::IndexingSetter => format!("{this}[{}] = {}", rest[0], rest[1..].join(", ")),
        ImportOp::IndexingDeleter => format!("delete {this}[{}]", rest.join(", ")),
        ImportOp::StaticValue if p.optional => names.optional_static(name),
        ImportOp::StaticValue => names.path(name),
        ImportOp::Link => return Err("a link is a URL, not an operation".into()),
        ImportOp::InstanceOf => {
            let class = names.class()?;
            format!("(() => {{ try {{ return {this} instanceof {class}; }} catch (_) {{ return false; }} }})()")
        }
    })
}

/// A property of `this`: read or written directly when `structural`, else through the
/// accessor of the class's prototype (read once when `final`).
fn accessor(
    op: ImportOp,
    p: &Parts<'_>,
    this: &str,
    rest: &[String],
    names: &mut dyn Names,
) -> Result<String, String> {
    let setter = op == ImportOp::Setter;
    let value = rest.join(", ");
    if p.structural {
        let access = format!("{this}{}", prop(p.name));
        return Ok(if setter {
            format!("{access} = {value}")
        } else {
            access
        });
    }
    names.helper("accessors");
    let helper = if setter {
        "propertySetter"
    } else {
        "propertyGetter"
    };
    let f = format!("{helper}({}.prototype, {})", names.class()?, quote(p.name));
    Ok(if setter {
        format!("{f}.call({this}, {value})")
    } else {
        format!("{f}.call({this})")
    })
}

fn static_path(p: &Parts<'_>, names: &mut dyn Names) -> Result<String, String> {
    if p.has_class {
        Ok(format!("{}{}", names.class()?, prop(p.name)))
    } else {
        Ok(names.path(p.name))
    }
}

/// The glue's names: module imports, `final` captures, helpers.
struct GlueNames<'a> {
    imp: &'a ImportFn,
    class_result: &'a Result<String, String>,
    imports: &'a mut ModuleImports,
    captures: &'a mut Captures,
    helpers: &'a mut HelperSet,
}

impl Names for GlueNames<'_> {
    fn class(&mut self) -> Result<String, String> {
        self.class_result.clone()
    }

    fn path(&mut self, name: &str) -> String {
        path(&self.imp.module, &self.imp.namespace, name, self.imports)
    }

    fn helper(&mut self, name: &'static str) {
        self.helpers.require(name);
    }

    // wasm-bindgen binds a namespaced `final` function at instantiation: a `const` holding
    // it as it is when the glue loads, whatever the namespace holds later.
    fn final_function(&mut self, name: &str) -> String {
        let imp = self.imp;
        if imp.namespace.is_empty() {
            return self.path(name);
        }
        self.helpers.require("captureAtLoad");
        let read = self.path(name);
        self.captures
            .capture(capture_name(&imp.namespace, name), read)
    }

    // `static SELF: Option<Object>` for `self` in Node reads as `undefined` instead of
    // throwing a ReferenceError; the same through a namespace missing at any step
    // (`test.a.X`), and in a module (`m.test?.X`).
    fn optional_static(&mut self, name: &str) -> String {
        let imp = self.imp;
        let (first, rest): (&str, Vec<&str>) = match imp.namespace.split_first() {
            Some((first, rest)) => (
                first.as_str(),
                rest.iter().map(String::as_str).chain([name]).collect(),
            ),
            None => (name, Vec::new()),
        };
        let mut chain = path(&imp.module, &[], first, self.imports);
        for part in rest {
            let p = prop(part);
            chain.push_str(&if p.starts_with('.') {
                format!("?{p}")
            } else {
                format!("?.{p}")
            });
        }
        if imp.module == ImportModule::Global {
            format!("(typeof {first} === 'undefined' ? undefined : {chain})")
        } else {
            chain
        }
    }
}
