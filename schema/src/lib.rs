//! The byte layout of wbg's descriptors, written once: the runtime writes it
//! (`wasm_bindgen::describe`), the proc macro writes entry heads with it, and
//! `wbg-core-gen`'s `descriptor::decode` reads it. The fingerprint test below forces a
//! deliberate `VERSION` bump when the layout changes.
//!
//! ```text
//! section := entry*
//! entry   := u32 body_len, body
//! body    := u8 VERSION, u8 kind, ...
//!   RUNTIME  : str crate_version
//!   FUNCTION : str export, str js_name, u8 n, str* namespace, str docs, u8 flags, ret_doc,
//!              u8 nargs, param*, type ret
//!   STRUCT   : str js_name, u8 n, str* namespace, str rust_name, str docs, str free_export,
//!              u8 flags, type parent, str upcast_export, str release_export
//!              (parent UNIT and "" "" unless `extends`)
//!   METHOD   : str export, str js_name, str docs, u8 receiver, u8 role, u8 flags, ret_doc,
//!              type class, u8 nargs, param*, type ret
//!              ret_doc := str unchecked_return_type, str return_description ("" = none)
//!              param   := str js_name, str unchecked_param_type, str param_description, type
//!   ENUM     : str js_name, u8 n, str* namespace, str docs, u8 flags, u32 n, (str name, str docs, value)*
//!              value := u32 (numeric enum; the bits of an i32 with flag SIGNED_ENUM)
//!                     | str (string enum, flag STRING_ENUM)
//!   IMPORT_FN  : str wasm_name, u8 op, u8 flags, module, u8 n, str* namespace, str js_name,
//!                str class_id, str js_class, u8 nargs, (str name, type)*, type ret
//!   IMPORT_TYPE: str id, str js_class, module, u8 n, str* namespace, u8 n, str* vendor_prefixes
//!   SNIPPET    : str path, str contents
//!   TS_SECTION : str text   (`typescript_custom_section`, appended to the `.d.ts`)
//!   REEXPORT   : str export_name, module, u8 n, str* namespace, str js_name
//!   module     := u8 kind (GLOBAL, MODULE, SNIPPET), str specifier
//! CLOSURE : u8 mutable, u8 nargs, type*, type ret   (an argument JS lends for the call,
//!           `dyn Fn(&A) -> R`, is REF(type A), as for an export's `&A` argument)
//! Heap closure records (found by scanning memory, not in the section), 24 bytes:
//!   "wbg:clo1", u32 desc_ptr, u32 desc_len, u32 invoke (table index), u32 destroy (table index)
//! str     := u32 len, utf-8 bytes
//! type    := u8 tag [type | str]    (REF, REF_MUT, OPTION, SLICE wrap a type; NAMED and
//!                                     EXTERN_TYPE have a str)
//! ```
//! FUNCTION, STRUCT and ENUM: `js_name` is the name qualified by the namespace
//! (`models__Point`, the class's identity in NAMED types); `namespace` is the `js_namespace`
//! path the export is placed under (n = 0: a top-level export).
//! All integers are little-endian.

#![no_std]

/// Every entry starts with it; the generator refuses other versions.
pub const VERSION: u8 = 14;

/// Every entry comes with an exported empty function named with this prefix: exporting it
/// makes the linker load the object file that holds the entry even when nothing else of
/// that file is used (a dependency's import inlined into the caller's code). Bindgen removes
/// these exports.
pub const KEEP_PREFIX: &str = "__wbgd_";

/// Marks a heap closure record in the data segment (see the layout above).
pub const CLOSURE_MAGIC: &[u8; 8] = b"wbg:clo1";
/// The custom section holding the entries (also written literally in `#[link_section]`s).
pub const SECTION: &str = "wbg_descriptors";

/// Entry kinds (second byte of every entry).
pub mod kind {
    pub const RUNTIME: u8 = 0;
    pub const FUNCTION: u8 = 1;
    pub const STRUCT: u8 = 2;
    pub const METHOD: u8 = 3;
    pub const ENUM: u8 = 4;
    pub const IMPORT_FN: u8 = 5;
    pub const IMPORT_TYPE: u8 = 6;
    pub const SNIPPET: u8 = 7;
    pub const TS_SECTION: u8 = 8;
    /// An imported item (`reexport`) the generated module exports as it is.
    pub const REEXPORT: u8 = 9;
}

/// Where an import comes from (`module` above).
pub mod module {
    pub const GLOBAL: u8 = 0;
    pub const MODULE: u8 = 1;
    pub const SNIPPET: u8 = 2;
}

/// What an IMPORT_FN does in JS.
pub mod op {
    pub const FUNCTION: u8 = 0;
    pub const CONSTRUCTOR: u8 = 1;
    pub const METHOD: u8 = 2;
    pub const STATIC_METHOD: u8 = 3;
    pub const GETTER: u8 = 4;
    pub const SETTER: u8 = 5;
    pub const STATIC_GETTER: u8 = 6;
    pub const STATIC_SETTER: u8 = 7;
    pub const INDEXING_GETTER: u8 = 8;
    pub const INDEXING_SETTER: u8 = 9;
    pub const INDEXING_DELETER: u8 = 10;
    pub const STATIC_VALUE: u8 = 11;
    pub const INSTANCE_OF: u8 = 12;
    /// `link_to!`: returns the URL of the import's module (a snippet or a relative path).
    pub const LINK: u8 = 13;
}

/// Flag bits; their meaning depends on the entry kind.
pub mod flags {
    /// FUNCTION: run at initialisation.
    pub const START: u8 = 1;
    /// Every kind: leave out of the `.d.ts`.
    pub const SKIP_TYPESCRIPT: u8 = 2;
    /// FUNCTION, METHOD: no `@param`/`@returns` tags in the JS doc comment.
    pub const SKIP_JSDOC: u8 = 4;
    /// STRUCT: `toJSON`, `toString` and Node's inspect show the public getters.
    pub const INSPECTABLE: u8 = 1;
    /// ENUM: values are strings.
    pub const STRING_ENUM: u8 = 1;
    /// ENUM: numeric values are `i32` (a variant is negative), written as their bits.
    pub const SIGNED_ENUM: u8 = 4;
    /// IMPORT_FN: a JS exception becomes `Err`.
    pub const CATCH: u8 = 1;
    /// IMPORT_FN: access members on the object itself, not through the class prototype.
    pub const STRUCTURAL: u8 = 2;
    /// IMPORT_FN: spread the last argument.
    pub const VARIADIC: u8 = 4;
    /// IMPORT_FN: read the prototype's method or accessor once, when the glue loads.
    pub const FINAL: u8 = 8;
    /// METHOD with a `&self` / `&mut self` receiver: the export opens no borrow-log frame
    /// (a field accessor, which holds no borrow while anything can throw), so the glue has
    /// nothing to unwind.
    pub const NO_FRAME: u8 = 8;
}

/// METHOD: how the method takes `self`.
pub mod receiver {
    pub const NONE: u8 = 0;
    pub const REF: u8 = 1;
    pub const REF_MUT: u8 = 2;
    pub const VALUE: u8 = 3;
}

/// METHOD: what the method is in JS.
pub mod role {
    pub const METHOD: u8 = 0;
    pub const CONSTRUCTOR: u8 = 1;
    pub const GETTER: u8 = 2;
    pub const SETTER: u8 = 3;
}

/// Type tags.
pub mod tag {
    pub const UNIT: u8 = 0;
    pub const I8: u8 = 1;
    pub const U8: u8 = 2;
    pub const I16: u8 = 3;
    pub const U16: u8 = 4;
    pub const I32: u8 = 5;
    pub const U32: u8 = 6;
    pub const I64: u8 = 7;
    pub const U64: u8 = 8;
    pub const F32: u8 = 9;
    pub const F64: u8 = 10;
    pub const BOOL: u8 = 11;
    pub const CHAR: u8 = 12;
    pub const STRING: u8 = 13;
    pub const EXTERNREF: u8 = 14;
    pub const ISIZE: u8 = 15;
    pub const USIZE: u8 = 16;
    pub const NAMED: u8 = 17;
    pub const EXTERN_TYPE: u8 = 18;
    pub const CLOSURE: u8 = 19;
    pub const U128: u8 = 20;
    pub const I128: u8 = 21;
    pub const REF: u8 = 32;
    pub const REF_MUT: u8 = 33;
    pub const OPTION: u8 = 34;
    pub const SLICE: u8 = 35;
    pub const PROMISE: u8 = 36;
    pub const VECTOR: u8 = 37;
    pub const CLAMPED: u8 = 38;
}

/// Everything that defines the layout, in one string for the fingerprint.
pub const LAYOUT: &str = concat!(
    "v14;section=wbg_descriptors;entry=u32len,u8version,u8kind;str=u32len+utf8;",
    "kind:RUNTIME=0(str),FUNCTION=1(str,str,u8n,str*,str,u8flags,str,str,u8n,(str,str,str,type)*,type),",
    "STRUCT=2(str,u8n,str*,str,str,str,u8flags,type,str,str),METHOD=3(str,str,str,u8recv,u8role,u8flags,str,str,type,u8n,(str,str,str,type)*,type),",
    "ENUM=4(str,u8n,str*,str,u8flags,u32n,(str,str,u32|str)*),",
    "IMPORT_FN=5(str,u8op,u8flags,module,u8n,str*,str,str,str,u8n,(str,type)*,type),",
    "IMPORT_TYPE=6(str,str,module,u8n,str*,u8n,str*),SNIPPET=7(str,str),TS_SECTION=8(str),REEXPORT=9(str,module,u8n,str*,str);module=u8kind,str;",
    "modulekind:GLOBAL=0,MODULE=1,SNIPPET=2;",
    "op:FUNCTION=0,CONSTRUCTOR=1,METHOD=2,STATIC_METHOD=3,GETTER=4,SETTER=5,STATIC_GETTER=6,STATIC_SETTER=7,",
    "INDEXING_GETTER=8,INDEXING_SETTER=9,INDEXING_DELETER=10,STATIC_VALUE=11,INSTANCE_OF=12,LINK=13;",
    "flags:START=1,SKIP_TYPESCRIPT=2,SKIP_JSDOC=4,INSPECTABLE=1,STRING_ENUM=1,SIGNED_ENUM=4,CATCH=1,STRUCTURAL=2,VARIADIC=4,FINAL=8,NO_FRAME=8;",
    "recv:NONE=0,REF=1,REF_MUT=2,VALUE=3;role:METHOD=0,CONSTRUCTOR=1,GETTER=2,SETTER=3;",
    "tag:UNIT=0,I8=1,U8=2,I16=3,U16=4,I32=5,U32=6,I64=7,U64=8,F32=9,F64=10,BOOL=11,CHAR=12,",
    "STRING=13,EXTERNREF=14,ISIZE=15,USIZE=16,NAMED=17(str),EXTERN_TYPE=18(str),",
    "CLOSURE=19(u8mut,u8n,type*,type),U128=20,I128=21,REF=32(type),",
    "REF_MUT=33(type),OPTION=34(type),SLICE=35(type),PROMISE=36(type),VECTOR=37(type),CLAMPED=38(type);",
    "record:wbg:clo1,u32desc,u32len,u32invoke,u32destroy",
);

#[cfg(test)]
mod tests {
    extern crate std;
    use std::format;

    fn fnv1a(s: &str) -> u64 {
        s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
        })
    }

    /// If this fails you changed the layout: bump `VERSION`, update `LAYOUT`, then update
    /// the expected value.
    #[test]
    fn layout_fingerprint() {
        assert!(super::LAYOUT.starts_with(&format!("v{};", super::VERSION)));
        assert_eq!(
            fnv1a(super::LAYOUT),
            14518824602676604597,
            "layout changed; see the comment on this test"
        );
    }
}
