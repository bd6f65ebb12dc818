//! TypeScript declarations. Hover text in the language server comes from these same
//! functions, so the editor shows exactly what `foo.d.ts` says.

use super::js_text::{doc_comment, js_ident, member_name, quote, typed_array};
use crate::descriptor::int32;
use crate::descriptor::{
    Arg, Enum, EnumValue, Function, Method, Module, Receiver, Role, Struct, Type,
};

/// How a declaration starts: `export`, or `declare` for an item under a `js_namespace`,
/// which the module does not export by its own name (its namespace object holds it).
fn keyword(namespace: &[String]) -> &'static str {
    if namespace.is_empty() {
        "export"
    } else {
        "declare"
    }
}

/// The TypeScript spelling of a type.
pub fn type_name(ty: &Type) -> String {
    match ty {
        Type::Unit => "void".into(),
        int32!() => "number".into(),
        Type::F32 | Type::F64 => "number".into(),
        Type::I64 | Type::U64 => "bigint".into(),
        Type::Bool => "boolean".into(),
        Type::Char | Type::String => "string".into(),
        Type::Externref => "any".into(),
        Type::Named(name) => name.clone(),
        Type::ExternType(ts) if ts.is_empty() => "any".into(),
        Type::ExternType(ts) => ts.clone(),
        Type::Slice(inner) => match typed_array(inner) {
            Some(array) => array.into(),
            None => format!("{}[]", type_name(inner)),
        },
        Type::Promise(inner) => format!("Promise<{}>", type_name(inner)),
        Type::U128 | Type::I128 => "bigint".into(),
        Type::Vector(inner) => match typed_array(inner) {
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

/// How an argument is declared. The glue takes `null` as well as `undefined` for `None`
/// (`isLikeNone`), so an `Option` argument says `T | null | undefined`, and a trailing run
/// of them may be left out (`x?: T | null`), as wasm-bindgen declares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamDecl {
    pub name: String,
    pub ty: String,
    /// May be omitted by the caller (`name?: ty`).
    pub optional: bool,
}

/// The declarations of `args`, in order.
pub fn param_decls(args: &[Arg]) -> Vec<ParamDecl> {
    // Arguments from this index on are all `Option`s.
    let trailing = args
        .iter()
        .rposition(|a| !matches!(a.ty, Type::Option(_)))
        .map_or(0, |i| i + 1);
    args.iter()
        .enumerate()
        .map(|(i, a)| {
            let name = js_ident(&a.name);
            let decl = match &a.ty {
                Type::Option(inner) if i >= trailing => ParamDecl {
                    name,
                    ty: format!("{} | null", type_name(inner)),
                    optional: true,
                },
                Type::Option(inner) => ParamDecl {
                    name,
                    ty: format!("{} | null | undefined", type_name(inner)),
                    optional: false,
                },
                ty => ParamDecl {
                    name,
                    ty: type_name(ty),
                    optional: false,
                },
            };
            // `unchecked_param_type` is written as given; optionality stays the type's.
            match &a.ts_type {
                Some(ts) => ParamDecl {
                    ty: ts.clone(),
                    ..decl
                },
                None => decl,
            }
        })
        .collect()
}

/// The TypeScript return type: `unchecked_return_type` when given (inside `Promise<…>` for
/// an `async` export), else the derived one.
pub fn return_type(ret: &Type, ts_type: Option<&str>) -> String {
    match (ts_type, ret) {
        (Some(ts), Type::Promise(_)) => format!("Promise<{ts}>"),
        (Some(ts), _) => ts.to_string(),
        (None, ret) => type_name(ret),
    }
}

/// The `.d.ts` doc comment's tags: a `@param` for each described parameter and
/// `@returns` when the return value is described.
pub fn doc_tags(args: &[Arg], ret_description: Option<&str>) -> Vec<String> {
    args.iter()
        .filter_map(|a| {
            a.description
                .as_ref()
                .map(|d| format!("@param {} - {d}", js_ident(&a.name)))
        })
        .chain(ret_description.map(|d| format!("@returns {d}")))
        .collect()
}

fn params(args: &[Arg]) -> String {
    param_decls(args)
        .iter()
        .map(|p| {
            let mark = if p.optional { "?" } else { "" };
            format!("{}{mark}: {}", p.name, p.ty)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A setter's parameter cannot be optional in TypeScript: `None` is written out.
fn setter_params(args: &[Arg]) -> String {
    args.iter()
        .map(|a| {
            let ty = match &a.ty {
                Type::Option(inner) => format!("{} | null | undefined", type_name(inner)),
                ty => type_name(ty),
            };
            format!("{}: {ty}", js_ident(&a.name))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `export function greet(name: string): string;`
pub fn function_signature(f: &Function) -> String {
    format!(
        "{} function {}({}): {};",
        keyword(&f.namespace),
        f.js_name,
        params(&f.args),
        return_type(&f.ret, f.ret_ts_type.as_deref())
    )
}

/// `--debug`: the object-table counts the glue exports (the `heapStats` helper returns
/// exactly these fields).
pub const HEAP_STATS_DECLARATION: &str = "/**
 * Object-table counts, for leak checks (`--debug` builds only): `capacity` slots for owned
 * values, `live` owned values held now, `stack` borrowed values on the borrow stack.
 */
export function __wbg_heap_stats(): { capacity: number; live: number; stack: number };
";

/// The declaration with its doc comment, as written to the `.d.ts`.
pub fn function_declaration(f: &Function) -> String {
    format!(
        "{}{}\n",
        doc_comment(
            &f.docs,
            &doc_tags(&f.args, f.ret_description.as_deref()),
            ""
        ),
        function_signature(f)
    )
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
            format!(
                "{prefix}{readonly}{name}: {};",
                return_type(&m.ret, m.ret_ts_type.as_deref())
            )
        }
        Role::Setter => format!("{prefix}set {name}({});", setter_params(&m.args)),
        Role::Method => format!(
            "{prefix}{name}({}): {};",
            params(&m.args),
            return_type(&m.ret, m.ret_ts_type.as_deref())
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
        let tags = doc_tags(&m.args, m.ret_description.as_deref());
        body.push(format!("{}  {line}", doc_comment(&m.docs, &tags, "  ")));
    }
    if s.inspectable {
        body.push("  toJSON(): Object;".to_string());
        body.push("  toString(): string;".to_string());
    }
    // A parent left out of the `.d.ts` cannot be named there; the JS still extends it.
    let extends = match module.ancestors(s).ok().and_then(|a| a.first().copied()) {
        Some(parent) if !parent.skip_typescript => format!(" extends {}", parent.js_name),
        _ => String::new(),
    };
    format!(
        "{}{} class {}{extends} {{\n{}\n}}\n",
        doc_comment(&s.docs, &[], ""),
        keyword(&s.namespace),
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
        return format!(
            "{doc}{} type {} = {};\n",
            keyword(&e.namespace),
            e.js_name,
            values.join(" | ")
        );
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
        "{doc}{} enum {} {{\n{}\n}}\n",
        keyword(&e.namespace),
        e.js_name,
        variants.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(args: &[(&str, Type)], ret: Type) -> String {
        function_signature(&Function {
            export: "f".into(),
            js_name: "f".into(),
            namespace: vec![],
            docs: vec![],
            start: false,
            skip_typescript: false,
            skip_jsdoc: false,
            ret_ts_type: None,
            ret_description: None,
            args: args
                .iter()
                .map(|(n, ty)| Arg::new(*n, ty.clone()))
                .collect(),
            ret,
        })
    }

    fn opt(ty: Type) -> Type {
        Type::Option(Box::new(ty))
    }

    #[test]
    fn option_arguments_take_null_and_trailing_ones_may_be_left_out() {
        assert_eq!(
            f(&[("a", opt(Type::U32)), ("b", Type::String), ("c", opt(Type::String)), ("d", opt(Type::F64))], opt(Type::U32)),
            "export function f(a: number | null | undefined, b: string, c?: string | null, d?: number | null): number | undefined;"
        );
        assert_eq!(
            f(&[("x", opt(Type::Bool))], Type::Unit),
            "export function f(x?: boolean | null): void;"
        );
    }
}
