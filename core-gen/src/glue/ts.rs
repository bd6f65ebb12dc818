//! TypeScript declarations. Hover text in the language server comes from these same
//! functions, so the editor shows exactly what `foo.d.ts` says.

use super::js::{doc_comment, js_ident};
use crate::descriptor::{Function, Type};

/// The TypeScript spelling of a type.
pub fn type_name(ty: &Type) -> String {
    match ty {
        Type::Unit => "void".into(),
        Type::I8
        | Type::U8
        | Type::I16
        | Type::U16
        | Type::I32
        | Type::U32
        | Type::Isize
        | Type::Usize => "number".into(),
        Type::F32 | Type::F64 => "number".into(),
        Type::I64 | Type::U64 => "bigint".into(),
        Type::Bool => "boolean".into(),
        Type::Char | Type::String => "string".into(),
        Type::Externref => "any".into(),
        Type::Ref(inner) | Type::RefMut(inner) => type_name(inner),
    }
}

/// `export function greet(name: string): string;`
pub fn function_signature(f: &Function) -> String {
    let args: Vec<String> = f
        .args
        .iter()
        .map(|a| format!("{}: {}", js_ident(&a.name), type_name(&a.ty)))
        .collect();
    format!(
        "export function {}({}): {};",
        f.js_name,
        args.join(", "),
        type_name(&f.ret)
    )
}

/// The declaration with its doc comment, as written to the `.d.ts`.
pub fn function_declaration(f: &Function) -> String {
    format!(
        "{}{}\n",
        doc_comment(&f.docs, &[], ""),
        function_signature(f)
    )
}
