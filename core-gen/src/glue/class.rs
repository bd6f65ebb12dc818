//! JS classes for exported structs. An instance holds `__wbg_ptr`, the address of the
//! Rust value's `WasmRefCell`; 0 means moved into Rust or freed. Objects made by Rust
//! come through `__wrap`, which skips the JS constructor.

use super::helpers::HelperSet;
use super::js::{jsdoc_tags, render_call, Call, JsExport, This};
use super::js_text::{doc_comment, member_access, member_name, property_access, quote};
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
    let fail =
        |m: &Method, what: String| GlueError::unsupported(&format!("{name}.{}", m.js_name), what);
    let [wrap, movable] = optional_members(name, &free);
    let mut members = vec![
        wrap.text,
        format!(
            "    __destroy_into_raw() {{\n        const ptr = this.__wbg_ptr;\n        this.__wbg_ptr = 0;\n        {name}Finalization.unregister(this);\n        return ptr;\n    }}\n"
        ),
        // Methods called on another object (`{name}.prototype.get.call({{}})`) would hand
        // Rust a pointer that is not a `{name}`.
        format!(
            "    static __assert_this(obj, member) {{\n        if (!(obj instanceof {name})) {{\n            const got = obj === null ? 'null' : typeof obj !== 'object' ? typeof obj : `an object of class ${{(obj.constructor && obj.constructor.name) || 'Object'}}`;\n            throw new TypeError(`{name}.${{member}} was called on ${{got}}, which is not a {name}`);\n        }}\n        if (obj.__wbg_ptr === 0) throw freedError('{name}');\n    }}\n"
        ),
        movable.text,
        // `free()`: Rust refuses while a method is running; only then is the object emptied.
        format!(
            "    /**\n     * Releases the Rust value now. Calling it again does nothing.\n     */\n    free() {{\n        const ptr = this.__wbg_ptr;\n        if (ptr === 0) return;\n        {free}(ptr);\n        this.__destroy_into_raw();\n    }}\n"
        ),
        "    [Symbol.dispose]() {\n        this.free();\n    }\n".to_string(),
    ];
    let methods: Vec<&Method> = module.methods_of(name).collect();
    match methods.iter().find(|m| m.role == Role::Constructor) {
        Some(ctor) => {
            let call = Call { export: &ctor.export, args: &ctor.args, ret: &ctor.ret, this: This::Construct(name) , callee: None };
            let (params, body) = render_call(&call, module, helpers, "        ").map_err(|w| fail(ctor, w))?;
            let doc = doc_comment(&ctor.docs, &jsdoc_tags(&ctor.args, None), "    ");
            members.push(format!("{doc}    constructor({}) {{\n{body}    }}\n", params.join(", ")));
        }
        None => members.push(format!(
            "    constructor() {{\n        throw new Error({});\n    }}\n",
            quote(&format!(
                "`{name}` cannot be constructed from JavaScript: add #[wasm_bindgen(constructor)] to a function in its impl block"
            ))
        )),
    }
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
            Role::Getter => ("get ", jsdoc_tags(&[], Some(&m.ret))),
            Role::Setter => ("set ", jsdoc_tags(&m.args, None)),
            _ => ("", jsdoc_tags(&m.args, Some(&m.ret))),
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
    Some(format!(
        "function {name}(idx) {{ const obj = getObject(idx); \
         if (!(obj instanceof {0}) || obj.__wbg_ptr === 0) return 0; \
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
