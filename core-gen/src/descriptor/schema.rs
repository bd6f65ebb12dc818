//! The byte layout of descriptors. The runtime crate writes it (`wasm_bindgen::describe`)
//! and `decode` reads it; a round-trip test in `tests/` keeps the two in step, and the
//! fingerprint test below forces a deliberate `VERSION` bump when the layout changes.
//!
//! ```text
//! section := entry*
//! entry   := u32 body_len, body
//! body    := u8 VERSION, u8 kind, ...
//!   RUNTIME  : str crate_version
//!   FUNCTION : str export, str js_name, str docs, u8 flags, u8 nargs, (str name, type)*, type ret
//!   STRUCT   : str js_name, str rust_name, str docs, str free_export, u8 flags
//!   METHOD   : str export, str js_name, str docs, u8 receiver, u8 role, u8 flags, type class,
//!              u8 nargs, (str name, type)*, type ret
//!   ENUM     : str js_name, str docs, u8 flags, u32 n, (str name, str docs, value)*
//!              value := u32 (numeric enum) | str (string enum, flag STRING_ENUM)
//! str     := u32 len, utf-8 bytes
//! type    := u8 tag [type | str]    (REF, REF_MUT, OPTION wrap a type; NAMED has a str)
//! ```
//! All integers are little-endian.

pub const VERSION: u8 = 2;
pub const SECTION: &str = "wbg_descriptors";

pub mod kind {
    pub const RUNTIME: u8 = 0;
    pub const FUNCTION: u8 = 1;
    pub const STRUCT: u8 = 2;
    pub const METHOD: u8 = 3;
    pub const ENUM: u8 = 4;
}

pub mod flags {
    /// FUNCTION: run at initialisation.
    pub const START: u8 = 1;
    /// Every kind: leave out of the `.d.ts`.
    pub const SKIP_TYPESCRIPT: u8 = 2;
    /// STRUCT: `toJSON`, `toString` and Node's inspect show the public getters.
    pub const INSPECTABLE: u8 = 1;
    /// ENUM: values are strings.
    pub const STRING_ENUM: u8 = 1;
}

pub mod receiver {
    pub const NONE: u8 = 0;
    pub const REF: u8 = 1;
    pub const REF_MUT: u8 = 2;
    pub const VALUE: u8 = 3;
}

pub mod role {
    pub const METHOD: u8 = 0;
    pub const CONSTRUCTOR: u8 = 1;
    pub const GETTER: u8 = 2;
    pub const SETTER: u8 = 3;
}

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
    pub const REF: u8 = 32;
    pub const REF_MUT: u8 = 33;
    pub const OPTION: u8 = 34;
}

/// Everything that defines the layout, in one string for the fingerprint.
pub const LAYOUT: &str = concat!(
    "v2;section=wbg_descriptors;entry=u32len,u8version,u8kind;str=u32len+utf8;",
    "kind:RUNTIME=0(str),FUNCTION=1(str,str,str,u8flags,u8n,(str,type)*,type),",
    "STRUCT=2(str,str,str,str,u8flags),METHOD=3(str,str,str,u8recv,u8role,u8flags,type,u8n,(str,type)*,type),",
    "ENUM=4(str,str,u8flags,u32n,(str,str,u32|str)*);",
    "flags:START=1,SKIP_TYPESCRIPT=2,INSPECTABLE=1,STRING_ENUM=1;recv:NONE=0,REF=1,REF_MUT=2,VALUE=3;",
    "role:METHOD=0,CONSTRUCTOR=1,GETTER=2,SETTER=3;",
    "tag:UNIT=0,I8=1,U8=2,I16=3,U16=4,I32=5,U32=6,I64=7,U64=8,F32=9,F64=10,BOOL=11,CHAR=12,",
    "STRING=13,EXTERNREF=14,ISIZE=15,USIZE=16,NAMED=17(str),REF=32(type),REF_MUT=33(type),OPTION=34(type)",
);

#[cfg(test)]
mod tests {
    fn fnv1a(s: &str) -> u64 {
        s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
        })
    }

    /// If this fails you changed the layout: bump `VERSION` here and `SCHEMA_VERSION` in
    /// `runtime/src/describe.rs`, update `LAYOUT`, then update the expected value.
    #[test]
    fn layout_fingerprint() {
        assert!(super::LAYOUT.starts_with(&format!("v{};", super::VERSION)));
        assert_eq!(
            fnv1a(super::LAYOUT),
            512443100154808273,
            "layout changed; see the comment on this test"
        );
    }
}
