//! The descriptor model: what the generator knows about each item, decoded from the
//! `wbg_descriptors` custom section of a `.wasm` (see `schema` for the byte layout).

// Only the generator reads descriptors; the proc macro (no `glue` feature) only writes them.
#[cfg(feature = "glue")]
mod decode;
pub mod schema;

#[cfg(feature = "glue")]
pub use decode::{decode_section, decode_type, DecodeError};

/// The runtime import a class's `From<Class> for JsValue` calls, named after the class's JS
/// name: the glue implements it as `addHeapObject(Class.__wrap(ptr))`. The `__wbindgen_`
/// prefix keeps it apart from user imports (`__wbg_…`).
pub fn class_wrap_import(js_class: &str) -> String {
    format!("{CLASS_WRAP_IMPORT_PREFIX}{js_class}")
}

/// See [`class_wrap_import`].
pub const CLASS_WRAP_IMPORT_PREFIX: &str = "__wbindgen_class_wrap_";

/// The runtime import a class's `TryFromJsValue` calls: the glue moves the value out of an
/// instance of the class and returns its pointer, or returns 0 for anything else.
pub fn class_unwrap_import(js_class: &str) -> String {
    format!("{CLASS_UNWRAP_IMPORT_PREFIX}{js_class}")
}

/// See [`class_unwrap_import`].
pub const CLASS_UNWRAP_IMPORT_PREFIX: &str = "__wbindgen_class_unwrap_";

/// The discriminant Rust reserves for `None` of a numeric enum: one past the largest value,
/// or the smallest unused non-negative value when that would overflow the enum's type
/// (`i32` once a value is negative, else `u32`). The macro and the glue both call this.
pub fn enum_hole(values: impl Iterator<Item = i64>) -> i64 {
    let mut values: Vec<i64> = values.collect();
    values.sort_unstable();
    let top = if values.first().is_some_and(|&v| v < 0) {
        i64::from(i32::MAX)
    } else {
        i64::from(u32::MAX)
    };
    match values.last() {
        None => 0,
        Some(&max) if max < top => max + 1,
        Some(_) => (0..)
            .find(|n| values.binary_search(n).is_err())
            .expect("fewer than 2^32 variants"),
    }
}

/// The name an export is known by inside the module (its glue binding, the class and enum
/// identity in `Type::Named`, its `.d.ts` declaration): the JS name, prefixed by its
/// `js_namespace` path joined with `__` (`models__Point`), as in wasm-bindgen, so two
/// classes of one name in different namespaces stay apart. Without a namespace, the JS
/// name itself.
pub fn qualified_name(namespace: &[String], js_name: &str) -> String {
    let mut out = String::new();
    for part in namespace {
        out.push_str(part);
        out.push_str("__");
    }
    out.push_str(js_name);
    out
}

/// The name under the namespace object: `qualified_name`'s inverse.
pub fn leaf_name<'a>(namespace: &[String], qualified: &'a str) -> &'a str {
    let prefix_len: usize = namespace.iter().map(|p| p.len() + 2).sum();
    qualified.get(prefix_len..).unwrap_or(qualified)
}

/// A type as it crosses the boundary.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    Unit,
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    Isize,
    Usize,
    F32,
    F64,
    Bool,
    Char,
    /// `String` or `str` (behind `Ref`).
    String,
    /// `JsValue`.
    Externref,
    /// An exported class or enum, by JS name (resolved against `Module`).
    Named(String),
    /// An imported JS type, travelling like `JsValue`; its TS name ("" for `any`).
    ExternType(String),
    /// `[T]`, behind a reference.
    Slice(Box<Type>),
    /// `dyn Fn(..) -> R` / `dyn FnMut(..) -> R` (behind `&`/`&mut` for stack closures).
    Closure(Box<ClosureSig>),
    /// A JS promise resolving to `T` (what an `async fn` export returns).
    Promise(Box<Type>),
    U128,
    I128,
    /// `Vec<T>` / `Box<[T]>`: a typed array for numbers, else a JS array.
    Vector(Box<Type>),
    /// `Clamped<..>` of `u8` data: a `Uint8ClampedArray`.
    Clamped(Box<Type>),
    Ref(Box<Type>),
    RefMut(Box<Type>),
    Option(Box<Type>),
}

/// The pattern of the integers that travel as one wasm `i32` and are a JS `number`: `i8`
/// to `u32`, `isize` and `usize` (`Type::I8 | … | Type::Usize`). A pattern, not a predicate,
/// so matches over `Type` stay exhaustive.
#[cfg(feature = "glue")]
macro_rules! int32 {
    () => {
        $crate::descriptor::Type::I8
            | $crate::descriptor::Type::U8
            | $crate::descriptor::Type::I16
            | $crate::descriptor::Type::U16
            | $crate::descriptor::Type::I32
            | $crate::descriptor::Type::U32
            | $crate::descriptor::Type::Isize
            | $crate::descriptor::Type::Usize
    };
}
#[cfg(feature = "glue")]
pub(crate) use int32;

/// The Rust spelling of a type, for error messages.
impl std::fmt::Display for Type {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Type::Unit => f.write_str("()"),
            Type::I8 => f.write_str("i8"),
            Type::U8 => f.write_str("u8"),
            Type::I16 => f.write_str("i16"),
            Type::U16 => f.write_str("u16"),
            Type::I32 => f.write_str("i32"),
            Type::U32 => f.write_str("u32"),
            Type::I64 => f.write_str("i64"),
            Type::U64 => f.write_str("u64"),
            Type::Isize => f.write_str("isize"),
            Type::Usize => f.write_str("usize"),
            Type::F32 => f.write_str("f32"),
            Type::F64 => f.write_str("f64"),
            Type::U128 => f.write_str("u128"),
            Type::I128 => f.write_str("i128"),
            Type::Bool => f.write_str("bool"),
            Type::Char => f.write_str("char"),
            Type::String => f.write_str("String"),
            Type::Externref => f.write_str("JsValue"),
            Type::Named(name) => f.write_str(name),
            Type::ExternType(ts) if ts.is_empty() => f.write_str("an imported JS type"),
            Type::ExternType(ts) => write!(f, "an imported JS type ({ts})"),
            Type::Slice(inner) => write!(f, "[{inner}]"),
            Type::Closure(sig) => {
                let args: Vec<String> = sig.args.iter().map(Type::to_string).collect();
                let which = if sig.mutable { "FnMut" } else { "Fn" };
                write!(f, "dyn {which}({})", args.join(", "))?;
                match &sig.ret {
                    Type::Unit => Ok(()),
                    ret => write!(f, " -> {ret}"),
                }
            }
            Type::Promise(inner) => write!(f, "Promise<{inner}>"),
            Type::Vector(inner) => write!(f, "Vec<{inner}>"),
            Type::Clamped(inner) => write!(f, "Clamped<{inner}>"),
            Type::Ref(inner) if **inner == Type::String => f.write_str("&str"),
            Type::Ref(inner) => write!(f, "&{inner}"),
            Type::RefMut(inner) => write!(f, "&mut {inner}"),
            Type::Option(inner) => write!(f, "Option<{inner}>"),
        }
    }
}

/// An exported free function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// The wasm export that implements it.
    pub export: String,
    /// `qualified_name` of the JS name: what the glue binds it to.
    pub js_name: String,
    /// `js_namespace`: the objects it is exported under (empty: a top-level export).
    pub namespace: Vec<String>,
    pub docs: Vec<String>,
    pub start: bool,
    pub skip_typescript: bool,
    /// No `@param`/`@returns` tags in the JS doc comment (`skip_jsdoc`).
    pub skip_jsdoc: bool,
    pub args: Vec<Arg>,
    pub ret: Type,
    /// `unchecked_return_type`: written instead of the derived TypeScript type.
    pub ret_ts_type: Option<String>,
    /// `return_description`.
    pub ret_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub name: String,
    pub ty: Type,
    /// `unchecked_param_type` of an export's parameter.
    pub ts_type: Option<String>,
    /// `param_description` of an export's parameter.
    pub description: Option<String>,
}

impl Arg {
    /// An argument with nothing but its name and type (imports, closures).
    pub fn new(name: impl Into<String>, ty: Type) -> Arg {
        Arg {
            name: name.into(),
            ty,
            ts_type: None,
            description: None,
        }
    }
}

/// An exported struct, seen from JS as a class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Struct {
    /// `qualified_name` of the class name: its identity in `Type::Named` and its binding.
    pub js_name: String,
    /// `js_namespace`: the objects the class is exported under (empty: top level).
    pub namespace: Vec<String>,
    pub rust_name: String,
    pub docs: Vec<String>,
    /// The wasm export that drops a boxed value.
    pub free_export: String,
    pub inspectable: bool,
    pub skip_typescript: bool,
    /// `#[wasm_bindgen(extends = Parent)]`: the parent class and its wasm exports.
    pub parent: Option<ParentLink>,
}

/// How a child class reaches its parent: each JS instance holds one pointer per class of
/// its chain, the ancestors' ones being `Rc`s of the `Parent<T>` cells Rust keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParentLink {
    /// The parent as its descriptor gives it: `Named(js_name)` for an exported struct.
    pub class: Type,
    /// Child pointer -> a new strong reference to the parent's cell.
    pub upcast_export: String,
    /// Drops one strong reference to the parent's cell (refusing while it is borrowed).
    pub release_export: String,
}

/// How a method receives the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receiver {
    /// Static: no object.
    None,
    Ref,
    RefMut,
    /// `self`: the JS object is emptied by the call.
    Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Method,
    Constructor,
    /// `js_name` is the property name.
    Getter,
    Setter,
}

/// A method, constructor, property accessor or field accessor of an exported class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Method {
    /// JS name of the class.
    pub class: String,
    pub export: String,
    pub js_name: String,
    pub docs: Vec<String>,
    pub receiver: Receiver,
    pub role: Role,
    pub skip_typescript: bool,
    /// The export opens a borrow-log frame that the glue unwinds when a JS exception comes
    /// out of it: every `&self` / `&mut self` member except a plain field accessor, which
    /// holds no borrow while anything can throw (`lower::Member::opens_frame`).
    pub opens_frame: bool,
    pub skip_jsdoc: bool,
    pub args: Vec<Arg>,
    pub ret: Type,
    /// `unchecked_return_type`: written instead of the derived TypeScript type.
    pub ret_ts_type: Option<String>,
    /// `return_description`.
    pub ret_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumValue {
    /// A `u32`, or an `i32` in a signed enum.
    Number(i64),
    String(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub name: String,
    pub docs: Vec<String>,
    pub value: EnumValue,
}

/// A C-style enum (numbers) or a string enum. Rust sees the variant index for string
/// enums and the discriminant for numeric ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enum {
    /// `qualified_name` of the enum's name: its identity in `Type::Named` and its binding.
    pub js_name: String,
    /// `js_namespace`: the objects the enum is exported under (empty: top level).
    pub namespace: Vec<String>,
    pub docs: Vec<String>,
    pub variants: Vec<Variant>,
    pub skip_typescript: bool,
}

impl Enum {
    pub fn is_string(&self) -> bool {
        self.variants
            .iter()
            .any(|v| matches!(v.value, EnumValue::String(_)))
    }

    /// Values are `i32` (one is negative): wasm's `i32` reaches JS as is.
    pub fn is_signed(&self) -> bool {
        self.variants
            .iter()
            .any(|v| matches!(v.value, EnumValue::Number(n) if n < 0))
    }
}

/// The signature of a Rust closure JS can call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClosureSig {
    /// `FnMut`: must not be re-entered.
    pub mutable: bool,
    pub args: Vec<Type>,
    pub ret: Type,
}

/// A heap closure type found in the data segment (`Closure<dyn FnMut(..)>` in any code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosureRecord {
    /// Address of the record: what `__wbg_closure_new` receives.
    pub address: u32,
    pub sig: ClosureSig,
    /// Function-table indices.
    pub invoke: u32,
    pub destroy: u32,
}

/// Where an import's JS comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportModule {
    Global,
    /// A specifier used as written (`./greet.js`, an npm package, `raw_module`).
    Module(String),
    /// A file under `snippets/`, relative to the output directory.
    Snippet(String),
}

/// What an imported function does in JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOp {
    Function,
    Constructor,
    Method,
    StaticMethod,
    Getter,
    Setter,
    StaticGetter,
    StaticSetter,
    IndexingGetter,
    IndexingSetter,
    IndexingDeleter,
    /// Reads a static (`static FOO: Bar;`).
    StaticValue,
    /// `value instanceof Class`.
    InstanceOf,
    /// `link_to!`: the URL of the import's module, as a string.
    Link,
}

/// An imported function (or static, or `instanceof` check) as the wasm imports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFn {
    /// Name of the wasm import (in the runtime's placeholder module).
    pub wasm_name: String,
    pub op: ImportOp,
    pub catch: bool,
    pub structural: bool,
    pub variadic: bool,
    /// Methods and accessors are the class prototype's (read at each call, whatever the
    /// object has of its own); a function through a namespace is the one there at load.
    pub final_: bool,
    pub module: ImportModule,
    pub namespace: Vec<String>,
    /// Function, property or class name.
    pub js_name: String,
    /// `ImportType::id` of the class for constructors, methods and statics ("" if none).
    pub class_id: String,
    /// `js_class = "A.B"` written on the import: the JS class it acts on, instead of the
    /// class of `class_id`'s type (e.g. `new Option()` for `HtmlOptionElement`); "" if none.
    pub js_class: String,
    pub args: Vec<Arg>,
    pub ret: Type,
}

/// An imported JS class (`type Bar;`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportType {
    pub id: String,
    pub js_class: String,
    pub module: ImportModule,
    pub namespace: Vec<String>,
    pub vendor_prefixes: Vec<String>,
}

/// An imported item the generated module exports as it is (`reexport`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reexport {
    /// The name JS users import it by.
    pub export_name: String,
    pub module: ImportModule,
    pub namespace: Vec<String>,
    /// The function, class or value's name in its module or namespace.
    pub js_name: String,
}

/// A JS file to write under the output directory (`inline_js`, crate-local modules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub path: String,
    pub contents: String,
}

/// Everything the section describes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Module {
    /// Version of the `wasm-bindgen` runtime crate the module was built with.
    pub runtime_version: Option<String>,
    pub functions: Vec<Function>,
    pub structs: Vec<Struct>,
    pub methods: Vec<Method>,
    pub enums: Vec<Enum>,
    pub imports: Vec<ImportFn>,
    pub import_types: Vec<ImportType>,
    pub snippets: Vec<Snippet>,
    pub reexports: Vec<Reexport>,
    /// `typescript_custom_section` texts, for the `.d.ts`.
    pub ts_sections: Vec<String>,
    /// Heap closure types, from the memory image rather than the section.
    pub closures: Vec<ClosureRecord>,
}

/// What a `Type::Named` refers to.
#[derive(Debug, Clone, Copy)]
pub enum NamedKind<'a> {
    Struct(&'a Struct),
    Enum(&'a Enum),
}

impl Module {
    pub fn lookup(&self, name: &str) -> Option<NamedKind<'_>> {
        if let Some(s) = self.structs.iter().find(|s| s.js_name == name) {
            return Some(NamedKind::Struct(s));
        }
        self.enums
            .iter()
            .find(|e| e.js_name == name)
            .map(NamedKind::Enum)
    }

    /// The classes `s` extends, nearest first. `Err` (a sentence) when a parent is not an
    /// exported struct of this module or the chain loops.
    pub fn ancestors<'a>(&'a self, s: &'a Struct) -> Result<Vec<&'a Struct>, String> {
        let mut chain: Vec<&Struct> = Vec::new();
        let mut child = s;
        while let Some(link) = &child.parent {
            let parent = match &link.class {
                Type::Named(name) => self.structs.iter().find(|p| &p.js_name == name),
                _ => None,
            };
            let Some(parent) = parent else {
                let what = match &link.class {
                    Type::Named(name) => format!("`{name}`"),
                    other => other.to_string(),
                };
                return Err(format!(
                    "`{}` extends {what}, which is not an exported struct of this crate",
                    child.js_name
                ));
            };
            if parent.js_name == s.js_name || chain.iter().any(|c| c.js_name == parent.js_name) {
                return Err(format!(
                    "`{}` is its own ancestor (the `extends` chain loops)",
                    s.js_name
                ));
            }
            chain.push(parent);
            child = parent;
        }
        Ok(chain)
    }

    /// Whether the class takes part in inheritance (extends a class or is extended): its
    /// JS objects then hold one pointer per class of their chain, and its own methods read
    /// their class's pointer.
    pub fn in_class_chain(&self, class: &str) -> bool {
        self.structs.iter().any(|s| {
            (s.parent.is_some() && s.js_name == class)
                || matches!(&s.parent, Some(ParentLink { class: Type::Named(p), .. }) if p == class)
        })
    }

    /// Methods of one class in reading order: constructor, static then instance
    /// properties, static then instance methods, each alphabetical.
    pub fn methods_of<'a>(&'a self, class: &'a str) -> impl Iterator<Item = &'a Method> + 'a {
        let mut methods: Vec<&Method> = self.methods.iter().filter(|m| m.class == class).collect();
        methods.sort_by_key(|m| {
            let group = match m.role {
                Role::Constructor => 0,
                Role::Getter | Role::Setter => 1,
                Role::Method => 3,
            } + u8::from(m.receiver != Receiver::None && m.role != Role::Constructor);
            (
                group,
                m.js_name.clone(),
                m.role == Role::Setter,
                m.export.clone(),
            )
        });
        methods.into_iter()
    }
}
