//! Source-level types to descriptor types, so hover can render a signature with the same
//! `.d.ts` code bindgen uses, without building anything. Bindgen itself gets its types from
//! the descriptors the runtime encodes; the hover-vs-`.d.ts` test keeps the two in step.

use wbg_core_gen::descriptor::Type;

/// The descriptor type a Rust type crosses the boundary as. A type this mapping does not
/// know is shown as `any` (`Externref`) rather than guessed.
pub fn descriptor_type(ty: &syn::Type) -> Type {
    descriptor_type_in(ty, &|_| None)
}

/// Like `descriptor_type`, with `named` resolving the type names the source around the
/// cursor declares: `Self` and the class of an `impl`, the imported types of an extern
/// block. Hover sees one item, so it cannot know the other names.
pub fn descriptor_type_in(ty: &syn::Type, named: &dyn Fn(&str) -> Option<Type>) -> Type {
    let of = |t: &syn::Type| descriptor_type_in(t, named);
    match ty {
        syn::Type::Reference(r) => {
            let inner = Box::new(of(&r.elem));
            if r.mutability.is_some() {
                Type::RefMut(inner)
            } else {
                Type::Ref(inner)
            }
        }
        syn::Type::Paren(p) => of(&p.elem),
        syn::Type::Group(g) => of(&g.elem),
        syn::Type::Tuple(t) if t.elems.is_empty() => Type::Unit,
        syn::Type::Slice(s) => Type::Slice(Box::new(of(&s.elem))),
        syn::Type::Path(p) if p.qself.is_none() => path_type(&p.path, named),
        _ => Type::Externref,
    }
}

fn path_type(path: &syn::Path, named: &dyn Fn(&str) -> Option<Type>) -> Type {
    let of = |t: &syn::Type| descriptor_type_in(t, named);
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
        "u128" => Type::U128,
        "i128" => Type::I128,
        "bool" => Type::Bool,
        "char" => Type::Char,
        "String" | "str" => Type::String,
        "JsValue" => Type::Externref,
        "Option" => match first_type_arg(&last.arguments) {
            Some(inner) => Type::Option(Box::new(of(inner))),
            None => Type::Externref,
        },
        // As the runtime describes them: a `Result` is its `Ok` type (an `Err` throws).
        "Result" => first_type_arg(&last.arguments).map_or(Type::Externref, of),
        "Vec" => match first_type_arg(&last.arguments) {
            Some(inner) => Type::Vector(Box::new(of(inner))),
            None => Type::Externref,
        },
        "Box" => match first_type_arg(&last.arguments) {
            Some(syn::Type::Slice(s)) => Type::Vector(Box::new(of(&s.elem))),
            _ => Type::Externref,
        },
        _ => named(&name).unwrap_or(Type::Externref),
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
    use wbg_core_gen::glue::ts::type_name;

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
            ("Result<u32, JsValue>", "number"),
            ("Vec<u8>", "Uint8Array"),
            ("Box<[f64]>", "Float64Array"),
            ("&[u8]", "Uint8Array"),
            ("Vec<String>", "string[]"),
            ("u128", "bigint"),
            ("SomethingElse", "any"),
            ("[u8; 4]", "any"),
        ];
        for (rust, expected) in cases {
            assert_eq!(ts(rust), expected, "{rust}");
        }
    }

    #[test]
    fn names_the_item_declares_resolve_and_others_stay_any() {
        let named = |n: &str| (n == "Self").then(|| Type::Named("Counter".into()));
        let ts = |src: &str| type_name(&descriptor_type_in(&syn::parse_str(src).unwrap(), &named));
        assert_eq!(ts("Self"), "Counter");
        assert_eq!(ts("Option<Self>"), "Counter | undefined");
        assert_eq!(ts("Result<Self, JsValue>"), "Counter");
        assert_eq!(ts("Other"), "any");
    }
}
