//! `slice_to_array` hands JS a new `Array` holding the slice's elements, so what JS writes
//! into it never reaches a `&mut [T]`: a silent loss of data, refused as wasm-bindgen does.
//! Without the option a `&mut [T]` is a view of wasm memory, where writes do land.

use syn::spanned::Spanned;

use crate::diagnostic::Diagnostic;
use crate::syntax::{slice_arg, ImportFn};

pub(super) fn check(f: &ImportFn, out: &mut Vec<Diagnostic>) {
    if !f.slice_to_array {
        return;
    }
    for arg in &f.args {
        if slice_arg(&arg.ty).is_some_and(|s| s.mutable) {
            out.push(Diagnostic::error(
                "slice-to-array-mut",
                arg.ty.span(),
                "`slice_to_array` cannot be applied to a `&mut` slice: JS receives a new `Array`, \
                 so its writes would never reach the slice; take `&[T]` if JS only reads it, or \
                 remove `slice_to_array` (from the function or its `extern \"C\"` block) to keep \
                 the writable typed-array view",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::test_support::check_diagnostics;

    #[test]
    fn mutable_slices_on_a_function_or_a_block() {
        check_diagnostics(
            r#"
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(slice_to_array)]
    fn mixed(readable: &[u8], writable: &mut [u8], maybe: Option<&mut [f64]>);
                                      //^^^^^^^^^ slice-to-array-mut: `slice_to_array` cannot be applied to a `&mut` slice: JS receives a new `Array`, so its writes would never reach the slice; take `&[T]` if JS only reads it, or remove `slice_to_array` (from the function or its `extern "C"` block) to keep the writable typed-array view
                                                        //^^^^^^^^^^^^^^^^^^ slice-to-array-mut: `slice_to_array` cannot be applied to a `&mut` slice: JS receives a new `Array`, so its writes would never reach the slice; take `&[T]` if JS only reads it, or remove `slice_to_array` (from the function or its `extern "C"` block) to keep the writable typed-array view
    fn without_the_option(writable: &mut [u8]);
}
#[wasm_bindgen(slice_to_array)]
extern "C" {
    fn per_block(xs: &mut [i32], ys: Option<&[u16]>);
                   //^^^^^^^^^^ slice-to-array-mut: `slice_to_array` cannot be applied to a `&mut` slice: JS receives a new `Array`, so its writes would never reach the slice; take `&[T]` if JS only reads it, or remove `slice_to_array` (from the function or its `extern "C"` block) to keep the writable typed-array view
}
"#,
        );
    }
}
