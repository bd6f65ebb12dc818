//! Validation rules over the syntax model, one file per rule. Each rule's message is
//! written only in its file, so the compiler and the editor cannot disagree.

mod accessor_signature;
mod async_export;
mod catch_needs_result;
mod constructor_return;
mod doc_options;
mod enum_shape;
mod enum_values;
mod export_fn_shape;
mod export_return_ref;
mod final_or_structural;
mod generic_export;
mod generic_struct;
mod impl_items;
mod impl_shape;
mod import_block_shape;
mod import_js_class;
mod import_params;
mod import_return;
mod import_shape;
mod js_keyword_name;
pub(crate) use js_keyword_name::reserved as is_js_reserved;
mod main_fn;
mod method_receiver;
mod not_supported_yet;
mod option_place;
mod relative_module;
mod setter_prefix;
mod start_signature;
mod struct_extends;

use crate::diagnostic::Diagnostic;
use crate::syntax::{Item, Place};

/// Every rule's findings for one item.
pub fn check(item: &Item) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match item {
        Item::Function(f) => {
            option_place::check(Place::ExportFn, &f.options, &mut out);
            doc_options::check(&f.options, &f.args, f.ret.is_some(), &mut out);
            js_keyword_name::check_export_namespace(&f.options, &mut out);
            generic_export::check(f, &mut out);
            async_export::check(&f.sig, false, &mut out);
            start_signature::check(f, &mut out);
            main_fn::check(f, &mut out);
            export_fn_shape::check_free(f, &mut out);
            export_return_ref::check(f.ret.as_ref(), &mut out);
        }
        Item::Struct(s) => {
            option_place::check(Place::Struct, &s.options, &mut out);
            js_keyword_name::check_export_namespace(&s.options, &mut out);
            for field in &s.fields {
                option_place::check(Place::Field, &field.options, &mut out);
            }
            generic_struct::check("struct", &s.generics, &mut out);
            struct_extends::check(s, &mut out);
            js_keyword_name::check_export("struct", &s.rust_name, &s.js_name, &mut out);
        }
        Item::Impl(i) => {
            option_place::check(Place::Impl, &i.options, &mut out);
            js_keyword_name::check_export_namespace(&i.options, &mut out);
            impl_shape::check(i, &mut out);
            impl_items::check(i, &mut out);
            for m in &i.methods {
                option_place::check(Place::Method, &m.options, &mut out);
                doc_options::check(&m.options, &m.args, m.ret.is_some(), &mut out);
                async_export::check(&m.sig, true, &mut out);
                method_receiver::check(m, &mut out);
                constructor_return::check(i, m, &mut out);
                setter_prefix::check(m, &mut out);
                accessor_signature::check(m, &mut out);
                // wasm-bindgen skips methods that are not `pub`.
                if matches!(m.vis, syn::Visibility::Public(_)) {
                    export_fn_shape::check_const(&m.sig, &mut out);
                    export_return_ref::check(m.ret.as_ref(), &mut out);
                }
            }
        }
        Item::Enum(e) => {
            option_place::check(Place::Enum, &e.options, &mut out);
            generic_struct::check("enum", &e.generics, &mut out);
            enum_shape::check(e, &mut out);
            enum_values::check(e, &mut out);
            js_keyword_name::check_export("enum", &e.rust_name, &e.js_name, &mut out);
            js_keyword_name::check_export_namespace(&e.options, &mut out);
        }
        Item::TsSection(section) => {
            option_place::check(Place::Const, &section.options, &mut out);
        }
        Item::ForeignMod(block) => {
            use crate::syntax::ForeignItem;
            option_place::check(Place::ForeignBlock, &block.options, &mut out);
            final_or_structural::check(&block.options, &mut out);
            relative_module::check(&block.options, &mut out);
            import_block_shape::check_block(block, &mut out);
            js_keyword_name::check_block(block, &mut out);
            for item in &block.items {
                match item {
                    ForeignItem::Fn(f) => {
                        option_place::check(Place::ForeignFn, &f.options, &mut out);
                        final_or_structural::check(&f.options, &mut out);
                        catch_needs_result::check(f, &mut out);
                        import_shape::check(f, &mut out);
                        import_js_class::check(f, &mut out);
                        not_supported_yet::check_fn(f, &mut out);
                        import_return::check(f, &mut out);
                        import_params::check(f, &mut out);
                        if let crate::syntax::ImportOp::Setter {
                            name_known: false, ..
                        } = f.op
                        {
                            setter_prefix::report(&f.rust_name, &f.options, &mut out);
                        }
                    }
                    ForeignItem::Type(t) => {
                        option_place::check(Place::ForeignType, &t.options, &mut out);
                        not_supported_yet::check_type(t, &mut out);
                    }
                    ForeignItem::Static(s) => {
                        option_place::check(Place::ForeignStatic, &s.options, &mut out);
                        import_block_shape::check_static(s, &mut out);
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
    //! `//^^^ code: message` lines under the offending span (`code (warning): message` for
    //! a warning).

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
                let severity = if d.is_error() { "" } else { " (warning)" };
                let line = format!(
                    "{}//{} {}{severity}: {}",
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

    /// Applies the preferred fix of the one diagnostic with a fix in `before` and compares
    /// the result with `after`.
    pub fn check_fix(before: &str, after: &str) {
        let (_, diags) = crate::parse_file(before);
        let fixes: Vec<_> = diags.iter().filter_map(|d| d.fix.as_ref()).collect();
        assert_eq!(fixes.len(), 1, "one fix expected: {diags:#?}");
        let offset = |lc: proc_macro2::LineColumn| {
            let line_start: usize = before
                .split_inclusive('\n')
                .take(lc.line - 1)
                .map(str::len)
                .sum();
            let line = &before[line_start..];
            line_start
                + line
                    .chars()
                    .take(lc.column)
                    .map(char::len_utf8)
                    .sum::<usize>()
        };
        let mut edits: Vec<(usize, usize, &str)> = fixes[0]
            .edits
            .iter()
            .map(|(span, text)| (offset(span.start()), offset(span.end()), text.as_str()))
            .collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        let mut out = before.to_string();
        for (start, end, text) in edits {
            out.replace_range(start..end, text);
        }
        assert_eq!(out.trim(), after.trim());
    }
}
