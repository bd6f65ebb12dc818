//! The one lowering of the syntax model into descriptor records: which accessors a struct
//! field gets, what a method's receiver and role are, what an import's operation and flags
//! are. The macro writes these records into its descriptor entries; hover renders them.

use crate::descriptor::schema::{flags, op, receiver, role};
use crate::descriptor::{self, EnumValue, ImportOp, Receiver, Role, Type};
use crate::syntax;

/// A member of an exported class as its METHOD entry describes it, generic over the type
/// representation (`syn::Type` in the macro, resolved `descriptor::Type` in hover).
#[derive(Debug, Clone)]
pub struct Member<T> {
    pub export: Export,
    pub js_name: String,
    pub docs: Vec<String>,
    pub receiver: Receiver,
    pub role: Role,
    pub skip_typescript: bool,
    /// Its export opens a borrow-log frame, unwound by the glue when a JS exception comes
    /// out of it (every `&self` / `&mut self` method). A field's getter copies the field
    /// out and its setter swaps the new value in, each under the borrow flag's check but
    /// holding no borrow while anything can throw, so they open none (schema flag
    /// `NO_FRAME`); a `getter_with_clone` getter holds a shared borrow while `clone` runs
    /// and does.
    pub opens_frame: bool,
    pub skip_jsdoc: bool,
    pub args: Vec<Param<T>>,
    /// `None`: returns nothing.
    pub ret: Option<T>,
    pub ret_doc: syntax::ReturnDoc,
}

/// A parameter of an export as its entry lists it: the JS name and what the `.d.ts` and
/// doc comments say beside the type.
#[derive(Debug, Clone)]
pub struct Param<T> {
    pub name: String,
    pub ty: T,
    /// `unchecked_param_type`.
    pub ts_type: Option<String>,
    /// `param_description`.
    pub description: Option<String>,
}

impl<T> Param<T> {
    fn plain(name: String, ty: T) -> Param<T> {
        Param {
            name,
            ty,
            ts_type: None,
            description: None,
        }
    }
}

impl Param<Type> {
    pub fn into_arg(self) -> descriptor::Arg {
        descriptor::Arg {
            name: self.name,
            ty: self.ty,
            ts_type: self.ts_type,
            description: self.description,
        }
    }
}

/// An export's parameters, their types lowered by `ty`.
pub fn params<T>(args: &[syntax::Arg], ty: impl Fn(&syn::Type) -> T) -> Vec<Param<T>> {
    args.iter()
        .map(|a| Param {
            name: a.name.clone(),
            ty: ty(&a.ty),
            ts_type: a.ts_type.clone(),
            description: a.description.clone(),
        })
        .collect()
}

/// What a member's wasm export is the shim of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Export {
    /// The getter of a public field.
    Getter(String),
    /// The setter of a public field.
    Setter(String),
    /// An `impl` method, by its Rust name.
    Method(String),
}

impl Export {
    /// The prefix of the export symbol and the Rust name it is made from.
    pub fn symbol_parts(&self) -> (&'static str, &str) {
        match self {
            Export::Getter(f) => ("__wbg_get_", f),
            Export::Setter(f) => ("__wbg_set_", f),
            Export::Method(m) => ("__wbg_", m),
        }
    }

    /// A name identifying the member among its class's (not the wasm symbol).
    pub fn key(&self) -> String {
        match self {
            Export::Getter(f) => format!("get {f}"),
            Export::Setter(f) => format!("set {f}"),
            Export::Method(m) => format!("fn {m}"),
        }
    }
}

/// The getter and (unless `readonly`) setter of a public field whose type is `ty`.
pub fn field<T: Clone>(f: &syntax::Field, ty: T) -> Vec<Member<T>> {
    let rust_name = f.rust_name.to_string();
    let accessor = |export, receiver, role, opens_frame, args, ret| Member {
        export,
        js_name: f.js_name.clone(),
        docs: f.docs.clone(),
        receiver,
        role,
        skip_typescript: f.skip_typescript,
        opens_frame,
        skip_jsdoc: f.skip_jsdoc,
        args,
        ret,
        ret_doc: syntax::ReturnDoc::default(),
    };
    let mut out = vec![accessor(
        Export::Getter(rust_name.clone()),
        Receiver::Ref,
        Role::Getter,
        f.getter_with_clone,
        Vec::new(),
        Some(ty.clone()),
    )];
    if !f.readonly {
        out.push(accessor(
            Export::Setter(rust_name),
            Receiver::RefMut,
            Role::Setter,
            false,
            vec![Param::plain("value".to_string(), ty)],
            None,
        ));
    }
    out
}

/// An `impl` method, its types lowered by `ty`.
pub fn method<T>(m: &syntax::Method, ty: impl Fn(&syn::Type) -> T) -> Member<T> {
    let receiver = match m.receiver {
        syntax::Receiver::None => Receiver::None,
        syntax::Receiver::Ref => Receiver::Ref,
        syntax::Receiver::RefMut => Receiver::RefMut,
        syntax::Receiver::Value => Receiver::Value,
    };
    Member {
        export: Export::Method(m.rust_name.to_string()),
        js_name: m.js_name.clone(),
        docs: m.docs.clone(),
        receiver,
        role: match m.kind {
            syntax::MethodKind::Regular => Role::Method,
            syntax::MethodKind::Constructor => Role::Constructor,
            syntax::MethodKind::Getter { .. } => Role::Getter,
            syntax::MethodKind::Setter { .. } => Role::Setter,
        },
        skip_typescript: m.skip_typescript,
        opens_frame: matches!(receiver, Receiver::Ref | Receiver::RefMut),
        skip_jsdoc: m.skip_jsdoc,
        args: params(&m.args, &ty),
        ret: m.ret.as_ref().map(ty),
        ret_doc: m.ret_doc.clone(),
    }
}

impl Member<Type> {
    /// The METHOD record bindgen decodes from this member's entry.
    pub fn into_method(self, class: &str) -> descriptor::Method {
        descriptor::Method {
            class: class.to_string(),
            export: self.export.key(),
            js_name: self.js_name,
            docs: self.docs,
            receiver: self.receiver,
            role: self.role,
            skip_typescript: self.skip_typescript,
            opens_frame: self.opens_frame,
            skip_jsdoc: self.skip_jsdoc,
            args: self.args.into_iter().map(Param::into_arg).collect(),
            ret: self.ret.unwrap_or(Type::Unit),
            ret_ts_type: self.ret_doc.ts_type,
            ret_description: self.ret_doc.description,
        }
    }
}

/// The flags byte of a member's METHOD entry.
pub fn member_flags<T>(m: &Member<T>) -> u8 {
    let borrows = matches!(m.receiver, Receiver::Ref | Receiver::RefMut);
    bits(&[
        (m.skip_typescript, flags::SKIP_TYPESCRIPT),
        (m.skip_jsdoc, flags::SKIP_JSDOC),
        (borrows && !m.opens_frame, flags::NO_FRAME),
    ])
}

/// The flags byte of an exported function's FUNCTION entry.
pub fn function_flags(f: &syntax::Function) -> u8 {
    bits(&[
        (f.start, flags::START),
        (f.skip_typescript, flags::SKIP_TYPESCRIPT),
        (f.skip_jsdoc, flags::SKIP_JSDOC),
    ])
}

/// The wasm export behind a function: its qualified name (`api__add`), so functions of
/// one name in different namespaces stay apart. `start` uses a fixed name, so two of them
/// are a link error rather than a silent choice.
pub fn function_export(f: &syntax::Function) -> String {
    if f.start {
        "__wbindgen_start".to_string()
    } else {
        descriptor::qualified_name(&f.namespace, &f.js_name)
    }
}

/// The FUNCTION record bindgen decodes from a function's entry; `ty` resolves each source
/// type as the macro's descriptor would describe it.
pub fn function(f: &syntax::Function, ty: &dyn Fn(&syn::Type) -> Type) -> descriptor::Function {
    let ret = f.ret.as_ref().map_or(Type::Unit, ty);
    descriptor::Function {
        export: function_export(f),
        js_name: descriptor::qualified_name(&f.namespace, &f.js_name),
        namespace: f.namespace.clone(),
        docs: f.docs.clone(),
        start: f.start,
        skip_typescript: f.skip_typescript,
        skip_jsdoc: f.skip_jsdoc,
        args: params(&f.args, ty)
            .into_iter()
            .map(Param::into_arg)
            .collect(),
        // The macro describes an `async fn` as returning a promise of its output.
        ret: if f.sig.asyncness.is_some() {
            Type::Promise(Box::new(ret))
        } else {
            ret
        },
        ret_ts_type: f.ret_doc.ts_type.clone(),
        ret_description: f.ret_doc.description.clone(),
    }
}

/// The strings FUNCTION and METHOD entries carry after their flags: the return value's
/// `unchecked_return_type` and `return_description` ("" when absent).
pub fn return_doc_strings(doc: &syntax::ReturnDoc) -> [&str; 2] {
    [
        doc.ts_type.as_deref().unwrap_or(""),
        doc.description.as_deref().unwrap_or(""),
    ]
}

/// The strings each parameter of a FUNCTION or METHOD entry carries before its type: its
/// JS name, `unchecked_param_type` and `param_description` ("" when absent).
pub fn param_strings<T>(p: &Param<T>) -> [&str; 3] {
    [
        &p.name,
        p.ts_type.as_deref().unwrap_or(""),
        p.description.as_deref().unwrap_or(""),
    ]
}

/// The numbers Rust converts an enum's variants to and from: the discriminants of a
/// numeric enum (`u32`, or `i32` in a signed one), the variant indices of a string enum.
pub fn enum_rust_values(e: &syntax::Enum) -> Vec<i64> {
    if e.is_string() {
        (0..e.variants.len() as i64).collect()
    } else {
        e.numeric_values()
    }
}

/// The flags byte of an ENUM entry.
pub fn enum_flags(e: &syntax::Enum) -> u8 {
    bits(&[
        (e.is_string(), flags::STRING_ENUM),
        (e.is_signed(), flags::SIGNED_ENUM),
        (e.skip_typescript, flags::SKIP_TYPESCRIPT),
    ])
}

/// The ENUM record bindgen decodes from an enum's entry.
pub fn enumeration(e: &syntax::Enum) -> descriptor::Enum {
    descriptor::Enum {
        js_name: descriptor::qualified_name(&e.namespace, &e.js_name),
        namespace: e.namespace.clone(),
        docs: e.docs.clone(),
        variants: e
            .variants
            .iter()
            .zip(enum_rust_values(e))
            .map(|(v, n)| descriptor::Variant {
                name: v.name.to_string(),
                docs: v.docs.clone(),
                value: match &v.value {
                    syntax::VariantValue::String(s) => EnumValue::String(s.clone()),
                    _ => EnumValue::Number(n),
                },
            })
            .collect(),
        skip_typescript: e.skip_typescript,
    }
}

fn bits(set: &[(bool, u8)]) -> u8 {
    set.iter()
        .filter(|(on, _)| *on)
        .fold(0, |acc, (_, bit)| acc | bit)
}

/// The schema byte of a receiver.
pub fn receiver_code(r: Receiver) -> u8 {
    match r {
        Receiver::None => receiver::NONE,
        Receiver::Ref => receiver::REF,
        Receiver::RefMut => receiver::REF_MUT,
        Receiver::Value => receiver::VALUE,
    }
}

/// The schema byte of a role.
pub fn role_code(r: Role) -> u8 {
    match r {
        Role::Method => role::METHOD,
        Role::Constructor => role::CONSTRUCTOR,
        Role::Getter => role::GETTER,
        Role::Setter => role::SETTER,
    }
}

/// What an imported function does in JS.
pub fn import_op(o: &syntax::ImportOp) -> ImportOp {
    use syntax::ImportOp as S;
    match o {
        S::Function => ImportOp::Function,
        S::Constructor => ImportOp::Constructor,
        S::Method => ImportOp::Method,
        S::StaticMethod => ImportOp::StaticMethod,
        S::Getter { is_static: false } => ImportOp::Getter,
        S::Getter { is_static: true } => ImportOp::StaticGetter,
        S::Setter {
            is_static: false, ..
        } => ImportOp::Setter,
        S::Setter {
            is_static: true, ..
        } => ImportOp::StaticSetter,
        S::IndexingGetter => ImportOp::IndexingGetter,
        S::IndexingSetter => ImportOp::IndexingSetter,
        S::IndexingDeleter => ImportOp::IndexingDeleter,
    }
}

/// The schema byte of an import operation.
pub fn op_code(o: ImportOp) -> u8 {
    match o {
        ImportOp::Function => op::FUNCTION,
        ImportOp::Constructor => op::CONSTRUCTOR,
        ImportOp::Method => op::METHOD,
        ImportOp::StaticMethod => op::STATIC_METHOD,
        ImportOp::Getter => op::GETTER,
        ImportOp::Setter => op::SETTER,
        ImportOp::StaticGetter => op::STATIC_GETTER,
        ImportOp::StaticSetter => op::STATIC_SETTER,
        ImportOp::IndexingGetter => op::INDEXING_GETTER,
        ImportOp::IndexingSetter => op::INDEXING_SETTER,
        ImportOp::IndexingDeleter => op::INDEXING_DELETER,
        ImportOp::StaticValue => op::STATIC_VALUE,
        ImportOp::InstanceOf => op::INSTANCE_OF,
        ImportOp::Link => op::LINK,
    }
}

/// The flags byte of an imported function's entry.
pub fn import_flags(f: &syntax::ImportFn) -> u8 {
    bits(&[
        (f.catch, flags::CATCH),
        (f.structural, flags::STRUCTURAL),
        (f.variadic, flags::VARIADIC),
        (f.final_, flags::FINAL),
    ])
}

/// Whether the import's first Rust argument is the JS receiver; without a class (a mistake
/// already reported) there is no `this` to take.
pub fn takes_this(f: &syntax::ImportFn) -> bool {
    f.op.takes_this() && f.class.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{ForeignItem, Item};

    fn items(src: &str) -> Vec<Item> {
        crate::parse_file(src).0.items
    }

    #[test]
    fn fields_get_a_getter_and_a_setter_unless_readonly() {
        let src =
            "#[wasm_bindgen]\npub struct P { pub x: u32, #[wasm_bindgen(readonly)] pub id: u32 }";
        let Some(Item::Struct(s)) = items(src).into_iter().next() else {
            panic!("a struct")
        };
        let x = field(&s.fields[0], ());
        assert_eq!(x.len(), 2);
        assert_eq!((x[0].role, x[0].receiver), (Role::Getter, Receiver::Ref));
        assert_eq!((x[1].role, x[1].receiver), (Role::Setter, Receiver::RefMut));
        assert_eq!(x[1].export.symbol_parts(), ("__wbg_set_", "x"));
        assert_eq!(x[1].args.len(), 1);
        assert!(x[1].ret.is_none());
        let id = field(&s.fields[1], ());
        assert_eq!(id.len(), 1);
        assert_eq!(id[0].export.key(), "get id");
    }

    #[test]
    fn methods_keep_their_receiver_and_role() {
        let src = "#[wasm_bindgen]\nimpl P {\n#[wasm_bindgen(constructor)]\npub fn new() -> P { P }\npub fn take(self) {}\n}";
        let Some(Item::Impl(i)) = items(src).into_iter().next() else {
            panic!("an impl")
        };
        let ctor = method(&i.methods[0], |_| ());
        assert_eq!(
            (ctor.role, ctor.receiver),
            (Role::Constructor, Receiver::None)
        );
        let take = method(&i.methods[1], |_| ());
        assert_eq!((take.role, take.receiver), (Role::Method, Receiver::Value));
        assert_eq!(role_code(take.role), role::METHOD);
        assert_eq!(receiver_code(take.receiver), receiver::VALUE);
    }

    #[test]
    fn imports_get_their_op_and_flags() {
        let src = "#[wasm_bindgen]\nextern \"C\" {\ntype Bar;\n#[wasm_bindgen(method, final, getter)]\nfn width(this: &Bar) -> u32;\n#[wasm_bindgen(catch, variadic)]\nfn f(a: &[u32]) -> Result<(), JsValue>;\n}";
        let Some(Item::ForeignMod(b)) = items(src).into_iter().next() else {
            panic!("an extern block")
        };
        let fns: Vec<_> = b
            .items
            .iter()
            .filter_map(|i| match i {
                ForeignItem::Fn(f) => Some(f),
                _ => None,
            })
            .collect();
        assert_eq!(import_op(&fns[0].op), ImportOp::Getter);
        assert_eq!(op_code(import_op(&fns[0].op)), op::GETTER);
        assert_eq!(import_flags(fns[0]), flags::FINAL);
        assert!(takes_this(fns[0]));
        // Structural unless `final`, as in wasm-bindgen.
        let expected = flags::CATCH | flags::STRUCTURAL | flags::VARIADIC;
        assert_eq!(import_flags(fns[1]), expected);
        assert!(!takes_this(fns[1]));
    }
}
