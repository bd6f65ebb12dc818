//! TypeScript declarations. Hover text in the language server comes from these same
//! functions, so the editor shows exactly what `foo.d.ts` says.

use super::js::{doc_comment, js_ident, member_name, quote};
use crate::descriptor::{Enum, EnumValue, Function, Method, Module, Receiver, Role, Struct, Type};

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
        Type::Named(name) => name.clone(),
        Type::ExternType(ts) if ts.is_empty() => "any".into(),
        Type::ExternType(ts) => ts.clone(),
        Type::Slice(inner) => match super::convert::typed_array(inner) {
            Some(array) => array.into(),
            None => format!("{}[]", type_name(inner)),
        },
        Type::Promise(inner) => format!("Promise<{}>", type_name(inner)),
        Type::U128 | Type::I128 => "bigint".into(),
        Type::Vector(inner) => match super::convert::typed_array(inner) {
            Some(array) => array.into(),
            None => format!("{}[]", type_name(inner)),
        },
        Type::Clamped(_) => "Uint8ClampedArray".into(),
        Type::Closure(sig) => {
            let args: Vec<String> = sig
                .args
                .iter()
                .enumerate()
                .map(|(i, a)| format!("arg{i}: {}", type_name(a)))
                .collect();
            format!("({}) => {}", args.join(", "), type_name(&sig.ret))
        }
        Type::Option(inner) => format!("{} | undefined", type_name(inner)),
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

fn params(args: &[crate::descriptor::Arg]) -> String {
    args.iter()
        .map(|a| format!("{}: {}", js_ident(&a.name), type_name(&a.ty)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One member line of a class declaration (without indentation or docs).
pub fn method_signature(m: &Method, setter_pair: Option<&Method>) -> String {
    let prefix = if m.receiver == Receiver::None {
        "static "
    } else {
        ""
    };
    let name = member_name(&m.js_name);
    match m.role {
        Role::Constructor => format!("constructor({});", params(&m.args)),
        Role::Getter => {
            let readonly = if setter_pair.is_some() {
                ""
            } else {
                "readonly "
            };
            format!("{prefix}{readonly}{name}: {};", type_name(&m.ret))
        }
        Role::Setter => format!("{prefix}set {name}({});", params(&m.args)),
        Role::Method => format!(
            "{prefix}{name}({}): {};",
            params(&m.args),
            type_name(&m.ret)
        ),
    }
}

/// `export class Foo { ... }` with every member that is not skipped.
pub fn class_declaration(s: &Struct, module: &Module) -> String {
    let methods: Vec<&Method> = module
        .methods_of(&s.js_name)
        .filter(|m| !m.skip_typescript)
        .collect();
    let mut body = Vec::new();
    if !methods.iter().any(|m| m.role == Role::Constructor) {
        body.push("  private constructor();".to_string());
    }
    body.push("  /**\n   * Releases the Rust value now. Calling it again does nothing.\n   */\n  free(): void;".to_string());
    body.push("  [Symbol.dispose](): void;".to_string());
    for m in &methods {
        let pair = |role: Role| {
            methods.iter().copied().find(|o| {
                o.role == role
                    && o.js_name == m.js_name
                    && (o.receiver == Receiver::None) == (m.receiver == Receiver::None)
            })
        };
        let line = match m.role {
            // A property with both accessors is declared once, by its getter.
            Role::Setter if pair(Role::Getter).is_some() => continue,
            Role::Getter => method_signature(m, pair(Role::Setter)),
            _ => method_signature(m, None),
        };
        body.push(format!("{}  {line}", doc_comment(&m.docs, &[], "  ")));
    }
    if s.inspectable {
        body.push("  toJSON(): Object;".to_string());
        body.push("  toString(): string;".to_string());
    }
    format!(
        "{}export class {} {{\n{}\n}}\n",
        doc_comment(&s.docs, &[], ""),
        s.js_name,
        body.join("\n")
    )
}

/// `export enum Color { ... }` or, for string enums, `export type Color = "a" | "b";`.
pub fn enum_declaration(e: &Enum) -> String {
    let doc = doc_comment(&e.docs, &[], "");
    if e.is_string() {
        let values: Vec<String> = e
            .variants
            .iter()
            .filter_map(|v| match &v.value {
                EnumValue::String(s) => Some(quote(s)),
                EnumValue::Number(_) => None,
            })
            .collect();
        return format!("{doc}export type {} = {};\n", e.js_name, values.join(" | "));
    }
    let variants: Vec<String> = e
        .variants
        .iter()
        .map(|v| {
            let value = match &v.value {
                EnumValue::Number(n) => n.to_string(),
                EnumValue::String(s) => quote(s),
            };
            format!("{}  {} = {value},", doc_comment(&v.docs, &[], "  "), v.name)
        })
        .collect();
    format!(
        "{doc}export enum {} {{\n{}\n}}\n",
        e.js_name,
        variants.join("\n")
    )
}
