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
//! str     := u32 len, utf-8 bytes
//! type    := u8 tag [type]          (REF and REF_MUT wrap one type)
//! ```
//! All integers are little-endian.

pub const VERSION: u8 = 1;
pub const SECTION: &str = "wbg_descriptors";

pub mod kind {
    pub const RUNTIME: u8 = 0;
    pub const FUNCTION: u8 = 1;
}

pub mod flags {
    pub const START: u8 = 1;
    pub const SKIP_TYPESCRIPT: u8 = 2;
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
    pub const REF: u8 = 32;
    pub const REF_MUT: u8 = 33;
}

/// Everything that defines the layout, in one string for the fingerprint.
pub const LAYOUT: &str = concat!(
    "v1;section=wbg_descriptors;entry=u32len,u8version,u8kind;str=u32len+utf8;",
    "kind:RUNTIME=0(str),FUNCTION=1(str,str,str,u8flags,u8n,(str,type)*,type);",
    "flags:START=1,SKIP_TYPESCRIPT=2;",
    "tag:UNIT=0,I8=1,U8=2,I16=3,U16=4,I32=5,U32=6,I64=7,U64=8,F32=9,F64=10,BOOL=11,CHAR=12,",
    "STRING=13,EXTERNREF=14,ISIZE=15,USIZE=16,REF=32(type),REF_MUT=33(type)",
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
            7376018764338584026,
            "layout changed; see the comment on this test"
        );
    }
}
