//! Validation rules over the syntax model, one file per rule. Each rule's message is
//! written only in its file, so the compiler and the editor cannot disagree.

mod accessor_signature;
mod async_export;
mod catch_needs_result;
mod constructor_return;
mod enum_shape;
mod final_or_structural;
mod generic_export;
mod generic_struct;
mod impl_shape;
mod import_js_class;
mod import_shape;
mod method_receiver;
mod option_place;
mod setter_prefix;
mod start_signature;

use crate::diagnostic::Diagnostic;
use crate::syntax::{Item, Place};

/// Every rule's findings for one item.
pub fn check(item: &Item) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match item {
        Item::Function(f) => {
            option_place::check(Place::ExportFn, &f.options, &mut out);
            generic_export::check(f, &mut out);
            async_export::check(&f.sig, false, &mut out);
            start_signature::check(f, &mut out);
        }
        Item::Struct(s) => {
            option_place::check(Place::Struct, &s.options, &mut out);
            for field in &s.fields {
                option_place::check(Place::Field, &field.options, &mut out);
            }
            generic_struct::check("struct", &s.generics, &mut out);
        }
        Item::Impl(i) => {
            option_place::check(Place::Impl, &i.options, &mut out);
            impl_shape::check(i, &mut out);
            for m in &i.methods {
                option_place::check(Place::Method, &m.options, &mut out);
                async_export::check(&m.sig, true, &mut out);
                method_receiver::check(m, &mut out);
                constructor_return::check(i, m, &mut out);
                setter_prefix::check(m, &mut out);
                accessor_signature::check(m, &mut out);
            }
        }
        Item::Enum(e) => {
            option_place::check(Place::Enum, &e.options, &mut out);
            generic_struct::check("enum", &e.generics, &mut out);
            enum_shape::check(e, &mut out);
        }
        Item::ForeignMod(block) => {
            use crate::syntax::ForeignItem;
            option_place::check(Place::ForeignBlock, &block.options, &mut out);
            final_or_structural::check(&block.options, &mut out);
            for item in &block.items {
                match item {
                    ForeignItem::Fn(f) => {
                        option_place::check(Place::ForeignFn, &f.options, &mut out);
                        final_or_structural::check(&f.options, &mut out);
                        catch_needs_result::check(f, &mut out);
                        import_shape::check(f, &mut out);
                        import_js_class::check(f, block, &mut out);
                        if let crate::syntax::ImportOp::Setter {
                            name_known: false, ..
                        } = f.op
                        {
                            setter_prefix::report(&f.rust_name, &f.options, &mut out);
                        }
                    }
                    ForeignItem::Type(t) => {
                        option_place::check(Place::ForeignType, &t.options, &mut out)
                    }
                    ForeignItem::Static(s) => {
                        option_place::check(Place::ForeignStatic, &s.options, &mut out)
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    //! `check_diagnostics(src)`: `src` carries the expected diagnostics as
    //! `//^^^ code: message` lines under the offending span.

    pub fn check_diagnostics(annotated: &str) {
        let marker =
            |l: &str| l.trim_start().starts_with("//^") || l.trim_start().starts_with("// ^");
        let src: String = annotated
            .lines()
            .filter(|l| !marker(l))
            .map(|l| format!("{l}\n"))
            .collect();
        let (_, diags) = crate::parse_file(&src);
        let mut notes: Vec<(usize, usize, String)> = diags
            .iter()
            .map(|d| {
                let (start, end) = (d.span.start(), d.span.end());
                let width = if end.line == start.line {
                    (end.column - start.column).max(1)
                } else {
                    1
                };
                let line = format!(
                    "{}//{} {}: {}",
                    " ".repeat(start.column.saturating_sub(2)),
                    "^".repeat(width),
                    d.code,
                    d.message
                );
                (start.line, start.column, line)
            })
            .collect();
        notes.sort_by_key(|(l, c, _)| (*l, *c));
        let mut out = String::new();
        for (i, l) in src.lines().enumerate() {
            out.push_str(l);
            out.push('\n');
            for (_, _, n) in notes.iter().filter(|(line, _, _)| *line == i + 1) {
                out.push_str(n);
                out.push('\n');
            }
        }
        let expected: String = annotated.lines().map(|l| format!("{l}\n")).collect();
        assert_eq!(out.trim_end(), expected.trim_end(), "\n--- got ---\n{out}");
    }
}
