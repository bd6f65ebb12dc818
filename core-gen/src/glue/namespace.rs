//! `js_namespace` on exports: functions, classes and enums placed under objects of the
//! generated module (`api.add`, `utils.math.divide`, `shapes["3d"].Point3D`), as
//! wasm-bindgen does it. Each item is declared under its qualified name (`api__add`,
//! `crate::descriptor::qualified_name`) without being exported; one export per first name
//! (`export const api = {}`) collects them, and the `.d.ts` types that object with
//! `typeof` the items' own declarations.

use std::collections::BTreeMap;

use super::js::JsExport;
use super::js_text::{member_access, object_key};
use super::GlueError;

/// The namespace objects of one module, by first name.
#[derive(Debug, Default)]
pub struct Namespaces {
    roots: BTreeMap<String, Node>,
}

#[derive(Debug, Default)]
struct Node {
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug)]
enum Entry {
    /// An item; `ts` says whether the `.d.ts` declares it (not `skip_typescript`).
    Item {
        export: JsExport,
        ts: bool,
    },
    Namespace(Node),
}

impl Namespaces {
    /// Places `export` (declared under its qualified name, `export.name`) at
    /// `namespace.name`.
    pub fn add(
        &mut self,
        namespace: &[String],
        name: &str,
        export: JsExport,
        ts: bool,
    ) -> Result<(), GlueError> {
        let path = || format!("{}.{name}", namespace.join("."));
        let Some((root, rest)) = namespace.split_first() else {
            return Err(GlueError::unsupported(
                name,
                "it has an empty `js_namespace`",
            ));
        };
        let mut node = self.roots.entry(root.clone()).or_default();
        for part in rest {
            let entry = node
                .entries
                .entry(part.clone())
                .or_insert_with(|| Entry::Namespace(Node::default()));
            node = match entry {
                Entry::Namespace(inner) => inner,
                Entry::Item { .. } => {
                    return Err(GlueError::unsupported(
                        &path(),
                        format!("`{part}` names both an exported item and a namespace"),
                    ))
                }
            };
        }
        match node.entries.get(name) {
            None => {
                node.entries
                    .insert(name.to_string(), Entry::Item { export, ts });
                Ok(())
            }
            Some(_) => Err(GlueError::unsupported(
                &path(),
                "two exports, or an export and a namespace, have this name in one namespace",
            )),
        }
    }

    pub fn roots(&self) -> impl Iterator<Item = &str> {
        self.roots.keys().map(String::as_str)
    }

    /// One export per first name: `const api = {};`, the items' declarations, then the
    /// assignments that build the object (after the declarations: classes are not hoisted).
    pub fn exports(&self) -> Vec<JsExport> {
        self.roots
            .iter()
            .map(|(root, node)| {
                let mut decls = String::new();
                let mut assignments = String::new();
                node.render(root, &mut decls, &mut assignments);
                JsExport {
                    name: root.clone(),
                    before: String::new(),
                    doc: String::new(),
                    decl: format!("const {root} = {{}};\n{decls}{assignments}"),
                }
            })
            .collect()
    }

    /// `export const api: { add: typeof api__add; ... };` for every first name.
    pub fn ts(&self) -> String {
        self.roots
            .iter()
            .map(|(root, node)| format!("export const {root}: {};\n", node.ts_type("")))
            .collect()
    }
}

impl Node {
    fn render(&self, path: &str, decls: &mut String, assignments: &mut String) {
        for (key, entry) in &self.entries {
            let target = member_access(path, key);
            match entry {
                Entry::Item { export, .. } => {
                    decls.push_str(&format!("{}{}{}", export.before, export.doc, export.decl));
                    assignments.push_str(&format!("{target} = {};\n", export.name));
                }
                Entry::Namespace(inner) => {
                    assignments.push_str(&format!("{target} = {{}};\n"));
                    inner.render(&target, decls, assignments);
                }
            }
        }
    }

    fn ts_type(&self, indent: &str) -> String {
        let inner = format!("{indent}  ");
        let mut out = String::from("{\n");
        for (key, entry) in &self.entries {
            let ty = match entry {
                Entry::Item { export, ts: true } => format!("typeof {}", export.name),
                // Not declared in the `.d.ts`: typed as what it is not known to be.
                Entry::Item { ts: false, .. } => "any".to_string(),
                Entry::Namespace(node) => node.ts_type(&inner),
            };
            out.push_str(&format!("{inner}{}: {ty};\n", object_key(key)));
        }
        out.push_str(&format!("{indent}}}"));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str) -> JsExport {
        JsExport {
            name: name.into(),
            before: String::new(),
            doc: String::new(),
            decl: format!("function {name}() {{}}\n"),
        }
    }

    fn ns(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn nested_namespaces_are_built_after_the_declarations() {
        let mut n = Namespaces::default();
        n.add(
            &ns(&["utils", "math"]),
            "divide",
            item("utils__math__divide"),
            true,
        )
        .unwrap();
        n.add(&ns(&["utils"]), "trim", item("utils__trim"), false)
            .unwrap();
        n.add(&ns(&["shapes", "3d"]), "P", item("shapes__3d__P"), true)
            .unwrap();
        let exports = n.exports();
        assert_eq!(
            exports[1].decl,
            "const utils = {};\nfunction utils__math__divide() {}\nfunction utils__trim() {}\n\
             utils.math = {};\nutils.math.divide = utils__math__divide;\nutils.trim = utils__trim;\n"
        );
        assert_eq!(
            exports[0].decl,
            "const shapes = {};\nfunction shapes__3d__P() {}\nshapes[\"3d\"] = {};\nshapes[\"3d\"].P = shapes__3d__P;\n"
        );
        assert_eq!(
            n.ts(),
            "export const shapes: {\n  \"3d\": {\n    P: typeof shapes__3d__P;\n  };\n};\n\
             export const utils: {\n  math: {\n    divide: typeof utils__math__divide;\n  };\n  trim: any;\n};\n"
        );
    }

    #[test]
    fn a_name_is_either_an_item_or_a_namespace() {
        let mut n = Namespaces::default();
        n.add(&ns(&["api"]), "math", item("api__math"), true)
            .unwrap();
        let err = n
            .add(&ns(&["api", "math"]), "pi", item("api__math__pi"), true)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "`api.math.pi` cannot be exported: `math` names both an exported item and a namespace"
        );
        assert!(n.add(&ns(&["api"]), "math", item("x"), true).is_err());
    }
}
