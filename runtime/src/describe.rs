//! Type descriptors: const-evaluated byte strings that tell the generator what crosses the
//! boundary. The layout is `wbg-schema`'s; the decoder lives in `wbg-core-gen`
//! (`descriptor::decode`).

/// The layout's version, section name, entry kinds and type tags (`wbg-schema`, shared with
/// the macro and the generator). The macro's expansions name them through this module.
pub use wbg_schema::{kind, tag, SECTION, VERSION as SCHEMA_VERSION};

/// Capacity of one type descriptor. Overflow is a compile error naming the type.
pub const DESC_CAPACITY: usize = 1024;

/// A type descriptor under construction in const context.
#[derive(Clone, Copy)]
pub struct Desc {
    buf: [u8; DESC_CAPACITY],
    len: usize,
}

impl Desc {
    pub const fn new() -> Self {
        Desc {
            buf: [0; DESC_CAPACITY],
            len: 0,
        }
    }

    pub const fn tag(t: u8) -> Self {
        Self::new().byte(t)
    }

    /// `t` followed by the descriptor of the wrapped type.
    pub const fn wrap(t: u8, inner: &Desc) -> Self {
        Self::new().byte(t).desc(inner)
    }

    /// An exported class or enum, by its JS name.
    pub const fn named(name: &str) -> Self {
        Self::tag(tag::NAMED).str(name)
    }

    /// An imported JS type; `ts_type` is what the `.d.ts` calls it ("" for `any`).
    pub const fn extern_type(ts_type: &str) -> Self {
        Self::tag(tag::EXTERN_TYPE).str(ts_type)
    }

    /// `u32` length then the bytes.
    pub const fn str(self, s: &str) -> Self {
        let bytes = s.as_bytes();
        let len = (bytes.len() as u32).to_le_bytes();
        let mut d = self.byte(len[0]).byte(len[1]).byte(len[2]).byte(len[3]);
        let mut i = 0;
        while i < bytes.len() {
            d = d.byte(bytes[i]);
            i += 1;
        }
        d
    }

    pub const fn byte(mut self, b: u8) -> Self {
        assert!(
            self.len < DESC_CAPACITY,
            "descriptor longer than Desc capacity"
        );
        self.buf[self.len] = b;
        self.len += 1;
        self
    }

    pub const fn desc(mut self, other: &Desc) -> Self {
        let mut i = 0;
        while i < other.len {
            self = self.byte(other.buf[i]);
            i += 1;
        }
        self
    }

    pub const fn len(&self) -> usize {
        self.len
    }

    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub const fn as_slice(&self) -> &[u8] {
        self.buf.split_at(self.len).0
    }
}

impl Default for Desc {
    fn default() -> Self {
        Self::new()
    }
}

/// Writes one section entry of a length the macro computed: literal parts interleaved with
/// type descriptors. `finish` fails const evaluation if the length was wrong.
pub struct EntryWriter<const N: usize> {
    buf: [u8; N],
    pos: usize,
}

impl<const N: usize> EntryWriter<N> {
    pub const fn new() -> Self {
        EntryWriter {
            buf: [0; N],
            pos: 0,
        }
    }

    pub const fn bytes(mut self, bytes: &[u8]) -> Self {
        let mut i = 0;
        while i < bytes.len() {
            self.buf[self.pos] = bytes[i];
            self.pos += 1;
            i += 1;
        }
        self
    }

    pub const fn desc(self, d: &Desc) -> Self {
        self.bytes(d.as_slice())
    }

    /// `u32` length then the bytes.
    pub const fn str(self, s: &str) -> Self {
        self.bytes(&(s.len() as u32).to_le_bytes())
            .bytes(s.as_bytes())
    }

    pub const fn finish(self) -> [u8; N] {
        assert!(self.pos == N, "wbg entry length mismatch (macro bug)");
        self.buf
    }
}

impl<const N: usize> Default for EntryWriter<N> {
    fn default() -> Self {
        Self::new()
    }
}

/// Implemented by every type that can appear in an exported or imported signature.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no wasm-bindgen type descriptor",
    label = "this type cannot cross the Rust/JavaScript boundary",
    note = "types that cross: numbers, u128/i128, bool, char, String, &str, JsValue, exported structs and enums, imported JS types, `Option`, `Vec`/`Box<[T]>`, number slices, `Clamped`, `Result` (returned), raw pointers, and closures with at most 8 arguments (or one `&A` of a type JavaScript can lend)"
)]
pub trait WasmDescribe {
    const DESC: Desc;
}

macro_rules! simple {
    ($($t:ty => $tag:ident,)*) => {$(
        impl WasmDescribe for $t {
            const DESC: Desc = Desc::tag(tag::$tag);
        }
    )*};
}

simple! {
    () => UNIT,
    i8 => I8,
    u8 => U8,
    i16 => I16,
    u16 => U16,
    i32 => I32,
    u32 => U32,
    i64 => I64,
    u64 => U64,
    isize => ISIZE,
    usize => USIZE,
    f32 => F32,
    f64 => F64,
    bool => BOOL,
    char => CHAR,
    str => STRING,
    String => STRING,
    crate::JsValue => EXTERNREF,
    crate::JsError => EXTERNREF,
}

impl<T: WasmDescribe + ?Sized> WasmDescribe for &T {
    const DESC: Desc = Desc::wrap(tag::REF, &T::DESC);
}

impl<T: WasmDescribe> WasmDescribe for [T] {
    const DESC: Desc = Desc::wrap(tag::SLICE, &T::DESC);
}

impl<T: WasmDescribe> WasmDescribe for Option<T> {
    const DESC: Desc = Desc::wrap(tag::OPTION, &T::DESC);
}

impl<T: WasmDescribe + ?Sized> WasmDescribe for &mut T {
    const DESC: Desc = Desc::wrap(tag::REF_MUT, &T::DESC);
}

/// The runtime's own entry: lets the generator name the crate version in mismatch errors.
#[cfg(target_arch = "wasm32")]
const _: () = {
    const VERSION: &str = env!("CARGO_PKG_VERSION");
    const LEN: usize = 4 + 2 + 4 + VERSION.len();
    #[unsafe(link_section = "wbg_descriptors")]
    #[used]
    static RUNTIME_ENTRY: [u8; LEN] = EntryWriter::<LEN>::new()
        .bytes(&((LEN - 4) as u32).to_le_bytes())
        .bytes(&[SCHEMA_VERSION, kind::RUNTIME])
        .bytes(&(VERSION.len() as u32).to_le_bytes())
        .bytes(VERSION.as_bytes())
        .finish();
};
