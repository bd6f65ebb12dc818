//! Source-level types to descriptor types, so hover can render a signature with the same
//! `.d.ts` code bindgen uses, without building anything. Bindgen itself gets its types from
//! the descriptors the runtime encodes; the hover-vs-`.d.ts` test keeps the two in step.

use crate::descriptor::Type;

/// The descriptor type a Rust type crosses the boundary as. A type this mapping does not
/// know is shown as `any` (`Externref`) rather than guessed.
pub fn descriptor_type(ty: &syn::Type) -> Type {
    match ty {
        syn::Type::Reference(r) => {
            let inner = Box::new(descriptor_type(&r.elem));
            if r.mutability.is_some() {
                Type::RefMut(inner)
            } else {
                Type::Ref(inner)
            }
        }
        syn::Type::Paren(p) => descriptor_type(&p.elem),
        syn::Type::Group(g) => descriptor_type(&g.elem),
        syn::Type::Tuple(t) if t.elems.is_empty() => Type::Unit,
        syn::Type::Path(p) if p.qself.is_none() => path_type(&p.path),
        _ => Type::Externref,
    }
}

fn path_type(path: &syn::Path) -> Type {
    let Some(last) = path.segments.last() else {
        return Type::Externref;
    };
    let name = last.ident.to_string();
    match name.as_str() {
        "i8" => Type::I8,
        "u8" => Type::U8,
        "i16" => Type::I16,
        "u16" => Type::U16,
        "i32" => Type::I32,
        "u32" => Type::U32,
        "i64" => Type::I64,
        "u64" => Type::U64,
        "isize" => Type::Isize,
        "usize" => Type::Usize,
        "f32" => Type::F32,
        "f64" => Type::F64,
        "bool" => Type::Bool,
        "char" => Type::Char,
        "String" | "str" => Type::String,
        "JsValue" => Type::Externref,
        "Option" => match first_type_arg(&last.arguments) {
            Some(inner) => Type::Option(Box::new(descriptor_type(inner))),
            None => Type::Externref,
        },
        _ => Type::Externref,
    }
}

fn first_type_arg(args: &syn::PathArguments) -> Option<&syn::Type> {
    match args {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|arg| match arg {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glue::ts::type_name;

    fn ts(src: &str) -> String {
        type_name(&descriptor_type(&syn::parse_str(src).unwrap()))
    }

    #[test]
    fn foundation_types_render_as_in_the_d_ts() {
        let cases = [
            ("u8", "number"),
            ("f64", "number"),
            ("usize", "number"),
            ("i64", "bigint"),
            ("u64", "bigint"),
            ("bool", "boolean"),
            ("char", "string"),
            ("String", "string"),
            ("&str", "string"),
            ("&'static str", "string"),
            ("std::string::String", "string"),
            ("JsValue", "any"),
            ("&JsValue", "any"),
            ("wasm_bindgen::JsValue", "any"),
            ("()", "void"),
            ("Option<u32>", "number | undefined"),
            ("SomethingElse", "any"),
            ("[u8; 4]", "any"),
        ];
        for (rust, expected) in cases {
            assert_eq!(ts(rust), expected, "{rust}");
        }
    }
}
