//! JS classes for exported structs. An instance holds `__wbg_ptr`, the address of the
//! Rust value's `WasmRefCell`; 0 means moved into Rust or freed. Objects made by Rust
//! come through `__wrap`, which skips the JS constructor.

use super::helpers::HelperSet;
use super::js::{jsdoc_tags, render_call, Call, JsExport, Returns, This};
use super::js_text::{class_ptr, doc_comment, member_access, member_name, property_access, quote};
use super::GlueError;
use crate::descriptor::{Method, Module, Receiver, Role, Struct};

pub fn render_class(
    s: &Struct,
    module: &Module,
    helpers: &mut HelperSet,
    weak_refs: bool,
) -> Result<JsExport, GlueError> {
    helpers.require("classes");
    helpers.require("memory");
    let name = &s.js_name;
    // `wasm.__wbg_foo_free`
    let free = member_access("wasm", &s.free_export);
    if module.in_class_chain(name) {
        return render_chained_class(s, module, helpers, weak_refs);
    }
    let [wrap, movable] = optional_members(name, &free);
    let mut members = vec![
        wrap.text,
        format!(
            "    __destroy_into_raw() {{\n        const ptr = this.__wbg_ptr;\n        this.__wbg_ptr = 0;\n        {name}Finalization.unregister(this);\n        return ptr;\n    }}\n"
        ),
        assert_this_member(name),
        movable.text,
        // `free()`: Rust refuses while a method is running; only then is the object emptied.
        format!(
            "    /**\n     * Releases the Rust value now. Calling it again does nothing.\n     */\n    free() {{\n        const ptr = this.__wbg_ptr;\n        if (ptr === 0) return;\n        {free}(ptr);\n        this.__destroy_into_raw();\n    }}\n"
        ),
        "    [Symbol.dispose]() {\n        this.free();\n    }\n".to_string(),
    ];
    members.push(constructor(s, module, helpers, "")?);
    members.extend(methods_and_inspect(s, module, helpers)?);
    let registry = if weak_refs {
        format!(
            "const {name}Finalization = (typeof FinalizationRegistry === 'undefined')\n    ? {{ register: () => {{}}, unregister: () => {{}} }}\n    : new FinalizationRegistry((ptr) => {free}(ptr >>> 0));\n"
        )
    } else {
        format!("const {name}Finalization = {{ register: () => {{}}, unregister: () => {{}} }};\n")
    };
    Ok(JsExport {
        name: name.clone(),
        before: registry,
        doc: doc_comment(&s.docs, &[], ""),
        decl: format!("class {name} {{\n{}}}\n", members.join("\n")),
    })
}

/// Methods called on another object (`Foo.prototype.get.call({})`) would hand Rust a
/// pointer that is not a `Foo`; this builds the error the inline check throws.
fn assert_this_member(name: &str) -> String {
    format!(
        "    static __assert_this(obj, member) {{\n        if (!(obj instanceof {name})) {{\n            const got = obj === null ? 'null' : typeof obj !== 'object' ? typeof obj : `an object of class ${{(obj.constructor && obj.constructor.name) || 'Object'}}`;\n            throw new TypeError(`{name}.${{member}} was called on ${{got}}, which is not a {name}`);\n        }}\n        if (obj.__wbg_ptr === 0) throw freedError('{name}');\n    }}\n"
    )
}

/// `constructor(...)`; `prologue` comes first (`super(...)` and the skip for a chain).
fn constructor(
    s: &Struct,
    module: &Module,
    helpers: &mut HelperSet,
    prologue: &str,
) -> Result<String, GlueError> {
    let name = &s.js_name;
    let methods: Vec<&Method> = module.methods_of(name).collect();
    Ok(match methods.iter().find(|m| m.role == Role::Constructor) {
        Some(ctor) => {
            let call = Call { export: &ctor.export, args: &ctor.args, ret: &ctor.ret, this: This::Construct(name) , callee: None };
            let (params, body) = render_call(&call, module, helpers, "        ").map_err(|w| GlueError::unsupported(&format!("{name}.{}", ctor.js_name), w))?;
            let doc = doc_comment(&ctor.docs, &jsdoc_tags(ctor.skip_jsdoc, &ctor.args, None), "    ");
            format!("{doc}    constructor({}) {{\n{prologue}{body}    }}\n", params.join(", "))
        }
        None => format!(
            "    constructor() {{\n{prologue}        throw new Error({});\n    }}\n",
            quote(&format!(
                "`{name}` cannot be constructed from JavaScript: add #[wasm_bindgen(constructor)] to a function in its impl block"
            ))
        ),
    })
}

/// Every member but the constructor and the pointer plumbing: methods, accessors, and the
/// `inspectable` members.
fn methods_and_inspect(
    s: &Struct,
    module: &Module,
    helpers: &mut HelperSet,
) -> Result<Vec<String>, GlueError> {
    let name = &s.js_name;
    let fail =
        |m: &Method, what: String| GlueError::unsupported(&format!("{name}.{}", m.js_name), what);
    let methods: Vec<&Method> = module.methods_of(name).collect();
    let mut members = Vec::new();
    for m in methods.iter().filter(|m| m.role != Role::Constructor) {
        let this = match m.receiver {
            Receiver::None => This::None,
            Receiver::Ref | Receiver::RefMut => This::Borrow {
                class: name,
                member: &m.js_name,
                frame: m.opens_frame,
            },
            Receiver::Value => This::Consume {
                class: name,
                member: &m.js_name,
            },
        };
        let call = Call {
            export: &m.export,
            args: &m.args,
            ret: &m.ret,
            this,
            callee: None,
        };
        let (params, body) =
            render_call(&call, module, helpers, "        ").map_err(|w| fail(m, w))?;
        let prefix = if m.receiver == Receiver::None {
            "static "
        } else {
            ""
        };
        let member = member_name(&m.js_name);
        let (keyword, tags) = match m.role {
            Role::Getter => (
                "get ",
                jsdoc_tags(m.skip_jsdoc, &[], Some(Returns::of_method(m))),
            ),
            Role::Setter => ("set ", jsdoc_tags(m.skip_jsdoc, &m.args, None)),
            _ => (
                "",
                jsdoc_tags(m.skip_jsdoc, &m.args, Some(Returns::of_method(m))),
            ),
        };
        let doc = doc_comment(&m.docs, &tags, "    ");
        members.push(format!(
            "{doc}    {prefix}{keyword}{member}({}) {{\n{body}    }}\n",
            params.join(", ")
        ));
    }
    if s.inspectable {
        let fields: Vec<String> = methods
            .iter()
            .filter(|m| m.role == Role::Getter && m.receiver != Receiver::None)
            .map(|m| format!("{}: this{}", quote(&m.js_name), property_access(&m.js_name)))
            .collect();
        members.push(format!(
            "    toJSON() {{\n        return {{ {} }};\n    }}\n",
            fields.join(", ")
        ));
        members.push("    toString() {\n        return JSON.stringify(this);\n    }\n".to_string());
        members.push(
            format!("    [Symbol.for('nodejs.util.inspect.custom')]() {{\n        return Object.assign(new (class {name} {{}})(), this.toJSON());\n    }}\n"),
        );
    }
    Ok(members)
}

/// One ancestor pointer of a chained class's objects: the field, and the exports of the
/// class just below it (the one that declared `extends`) that make and drop it.
struct AncestorPtr {
    field: String,
    /// The field of the class below, which `upcast` takes.
    from: String,
    upcast: String,
    release: String,
}

/// A class of an `extends` chain (`class Dog extends Animal`). Its objects hold
/// `__wbg_ptr` (the value they own, moved or freed through them), `__wbg_ptr_<Class>` for
/// their own class (the same pointer), and one `__wbg_ptr_<Ancestor>` per ancestor: a
/// strong reference to the `Parent<T>` cell below, which the ancestor's methods use.
/// Calls that would take an ancestor's value by its own box (`free`, `self` methods, by-value
/// arguments) refuse objects of a Rust subclass.
fn render_chained_class(
    s: &Struct,
    module: &Module,
    helpers: &mut HelperSet,
    weak_refs: bool,
) -> Result<JsExport, GlueError> {
    helpers.require("classes");
    helpers.require("memory");
    helpers.require("inheritance");
    let name = &s.js_name;
    let free = member_access("wasm", &s.free_export);
    let own = class_ptr("this", name, true);
    let ancestors = module
        .ancestors(s)
        .map_err(|what| GlueError::unsupported(name, what))?;
    let mut pointers = Vec::new();
    let mut below = s;
    for ancestor in &ancestors {
        let link = below.parent.as_ref().expect("an ancestor has a child link");
        pointers.push(AncestorPtr {
            field: format!("__wbg_ptr_{}", ancestor.js_name),
            from: format!("__wbg_ptr_{}", below.js_name),
            upcast: member_access("wasm", &link.upcast_export),
            release: member_access("wasm", &link.release_export),
        });
        below = ancestor;
    }
    let mut attach = vec![
        "obj.__wbg_ptr = ptr >>> 0;".to_string(),
        format!("{} = obj.__wbg_ptr;", class_ptr("obj", name, true)),
    ];
    let mut destroy = vec![
        "const ptr = this.__wbg_ptr;".to_string(),
        "this.__wbg_ptr = 0;".to_string(),
        format!("{own} = 0;"),
    ];
    let mut movable = vec![format!(
        "if (getDataView().getUint32(this.__wbg_ptr, true) !== 0) {free}(this.__wbg_ptr);"
    )];
    let mut finalize = vec![format!("{free}(ptrs[0] >>> 0);")];
    for (i, p) in pointers.iter().enumerate() {
        attach.push(format!(
            "obj.{} = {}(obj.{}) >>> 0;",
            p.field, p.upcast, p.from
        ));
        destroy.push(format!("{}(this.{});", p.release, p.field));
        destroy.push(format!("this.{} = 0;", p.field));
        // The release refuses (throws) while a call borrows the ancestor's value.
        movable.push(format!(
            "if (getDataView().getUint32(this.{0}, true) !== 0) {1}(this.{0});",
            p.field, p.release
        ));
        finalize.push(format!("{}(ptrs[{}] >>> 0);", p.release, i + 1));
    }
    let token = if pointers.is_empty() {
        "obj.__wbg_ptr".to_string()
    } else {
        let fields: Vec<String> = std::iter::once("obj.__wbg_ptr".to_string())
            .chain(pointers.iter().map(|p| format!("obj.{}", p.field)))
            .collect();
        format!("[{}]", fields.join(", "))
    };
    attach.push(format!("{name}Finalization.register(obj, {token}, obj);"));
    destroy.push(format!("{name}Finalization.unregister(this);"));
    destroy.push("return ptr;".to_string());
    let block = |lines: &[String]| -> String {
        lines
            .iter()
            .map(|l| format!("        {l}\n"))
            .collect::<String>()
    };
    let free_guard = if pointers.is_empty() {
        String::new()
    } else {
        "        this.__assert_movable();\n".to_string()
    };
    let mut members = vec![
        format!(
            "    static __wrap(ptr) {{\n        const obj = Object.create({name}.prototype);\n        {name}.__attach(obj, ptr);\n        return obj;\n    }}\n"
        ),
        format!("    static __attach(obj, ptr) {{\n{}    }}\n", block(&attach)),
        format!("    __destroy_into_raw() {{\n{}    }}\n", block(&destroy)),
        assert_this_member(name),
        format!("    __assert_movable() {{\n{}    }}\n", block(&movable)),
        format!(
            "    /**\n     * Releases the Rust value now. Calling it again does nothing.\n     */\n    free() {{\n        const ptr = this.__wbg_ptr;\n        if (ptr === 0) return;\n        assertOwnClassCall(this, {own}, {});\n{free_guard}        {free}(ptr);\n        this.__destroy_into_raw();\n    }}\n",
            quote(&format!("{name}.free"))
        ),
        "    [Symbol.dispose]() {\n        this.free();\n    }\n".to_string(),
    ];
    let prologue = match &ancestors.first() {
        Some(_) => {
            "        super(wbgSuperSkip);\n        if (arguments[0] === wbgSuperSkip) return;\n"
        }
        None => "        if (arguments[0] === wbgSuperSkip) return;\n",
    };
    members.push(constructor(s, module, helpers, prologue)?);
    members.extend(methods_and_inspect(s, module, helpers)?);
    let finalizer = if pointers.is_empty() {
        format!("(ptr) => {free}(ptr >>> 0)")
    } else {
        format!("(ptrs) => {{ {} }}", finalize.join(" "))
    };
    let registry = if weak_refs {
        format!(
            "const {name}Finalization = (typeof FinalizationRegistry === 'undefined')\n    ? {{ register: () => {{}}, unregister: () => {{}} }}\n    : new FinalizationRegistry({finalizer});\n"
        )
    } else {
        format!("const {name}Finalization = {{ register: () => {{}}, unregister: () => {{}} }};\n")
    };
    let extends = match ancestors.first() {
        Some(parent) => format!(" extends {}", parent.js_name),
        None => String::new(),
    };
    Ok(JsExport {
        name: name.clone(),
        before: registry,
        doc: doc_comment(&s.docs, &[], ""),
        decl: format!("class {name}{extends} {{\n{}}}\n", members.join("\n")),
    })
}

/// A class member the output may not use: dropped by [`drop_unused_members`] unless
/// `needle` occurs outside it.
pub struct OptionalMember {
    needle: String,
    text: String,
}

/// `__wrap` (objects Rust returns) and `__assert_movable` (objects moved into Rust).
fn optional_members(name: &str, free: &str) -> [OptionalMember; 2] {
    [
        OptionalMember {
            needle: format!("{name}.__wrap("),
            text: format!(
                "    static __wrap(ptr) {{\n        const obj = Object.create({name}.prototype);\n        obj.__wbg_ptr = ptr >>> 0;\n        {name}Finalization.register(obj, obj.__wbg_ptr, obj);\n        return obj;\n    }}\n"
            ),
        },
        // Rust refuses to take a value that a running method still borrows (the borrow
        // flag, the first word of its `WasmRefCell`, is not 0). Ask before emptying the
        // object: `free` then throws Rust's refusal and frees nothing, so the object stays
        // as it was, usable and registered for finalization.
        OptionalMember {
            needle: ".__assert_movable()".to_string(),
            text: format!(
                "    __assert_movable() {{\n        if (getDataView().getUint32(this.__wbg_ptr, true) !== 0) {free}(this.__wbg_ptr);\n    }}\n"
            ),
        },
    ]
}

/// Removes from each class in `exports` the optional members nothing in the output calls
/// (`others`: the output's text besides the exports).
pub fn drop_unused_members(exports: &mut [JsExport], structs: &[Struct], others: &str) {
    for s in structs {
        let free = member_access("wasm", &s.free_export);
        for member in optional_members(&s.js_name, &free) {
            let used = others.contains(&member.needle)
                || exports.iter().any(|e| e.decl.contains(&member.needle));
            if used {
                continue;
            }
            if let Some(e) = exports.iter_mut().find(|e| e.name == s.js_name) {
                // Members are joined by a blank line.
                e.decl = e.decl.replacen(&format!("{}\n", member.text), "", 1);
            }
        }
    }
}

/// The JS for a class's unwrap import (`crate::descriptor::class_unwrap_import`): the
/// pointer of a live instance, whose JS object is emptied as when it moves into Rust; 0 for
/// any other value (which stays as it was). `None` when `name` is no such import.
pub fn unwrap_intrinsic(name: &str, module: &Module, helpers: &mut HelperSet) -> Option<String> {
    let class = name.strip_prefix(crate::descriptor::CLASS_UNWRAP_IMPORT_PREFIX)?;
    let s = module.structs.iter().find(|s| s.js_name == class)?;
    helpers.require("heap");
    // In a chain, only an object owning a value of this class gives it up (not a subclass
    // object); its ancestors' values must not be in use either.
    let (refuse, check) = if module.in_class_chain(class) {
        (
            format!(" || obj.__wbg_ptr !== {}", class_ptr("obj", class, true)),
            " obj.__assert_movable();",
        )
    } else {
        (String::new(), "")
    };
    Some(format!(
        "function {name}(idx) {{ const obj = getObject(idx); \
         if (!(obj instanceof {0}) || obj.__wbg_ptr === 0{refuse}) return 0;{check} \
         return obj.__destroy_into_raw(); }}",
        s.js_name
    ))
}

/// The JS for a class's wrap import (`crate::descriptor::class_wrap_import`): an object
/// Rust turned into a `JsValue` enters the object table as a real instance, registered
/// for finalization like any object Rust returns. `None` when `name` is no such import.
pub fn wrap_intrinsic(name: &str, module: &Module, helpers: &mut HelperSet) -> Option<String> {
    let class = name.strip_prefix(crate::descriptor::CLASS_WRAP_IMPORT_PREFIX)?;
    let s = module.structs.iter().find(|s| s.js_name == class)?;
    helpers.require("addHeapObject");
    Some(format!(
        "function {name}(ptr) {{ return addHeapObject({}.__wrap(ptr)); }}",
        s.js_name
    ))
}
