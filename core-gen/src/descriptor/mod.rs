//! The descriptor model: what the generator knows about each item, decoded from the
//! `wbg_descriptors` custom section of a `.wasm` (see `schema` for the byte layout).

mod decode;
pub mod schema;

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

/// An exported free function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// The wasm export that implements it.
    pub export: String,
    pub js_name: String,
    pub docs: Vec<String>,
    pub start: bool,
    pub skip_typescript: bool,
    pub args: Vec<Arg>,
    pub ret: Type,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub name: String,
    pub ty: Type,
}

/// An exported struct, seen from JS as a class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Struct {
    pub js_name: String,
    pub rust_name: String,
    pub docs: Vec<String>,
    /// The wasm export that drops a boxed value.
    pub free_export: String,
    pub inspectable: bool,
    pub skip_typescript: bool,
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
    pub args: Vec<Arg>,
    pub ret: Type,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumValue {
    Number(u32),
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
    pub js_name: String,
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
    /// The prototype's method or accessor is read once when the glue loads, not per call.
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
