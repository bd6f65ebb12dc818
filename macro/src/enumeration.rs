//! Exported enums: conversions by discriminant (numeric enums) or variant index (string
//! enums), and the ENUM entry with every variant's JS value.

use proc_macro2::TokenStream;
use quote::quote;
use wbg_core_gen::lower;
use wbg_core_gen::syntax::{Enum, VariantValue};

use crate::shim::{self, str_part, Part};

pub fn expand(e: &Enum, cleaned: TokenStream) -> TokenStream {
    let name = &e.rust_name;
    // The enum's identity in descriptors and its binding in the glue.
    let js_name = &wbg_core_gen::descriptor::qualified_name(&e.namespace, &e.js_name);
    let rt = quote!(::wasm_bindgen::__rt);
    let string = e.is_string();
    let numbers = lower::enum_rust_values(e);
    // Both travel as `u32`: a signed enum's `i32` values as their bits (wasm's `i32` either
    // way).
    let values: Vec<u32> = numbers.iter().map(|&n| n as u32).collect();
    let variants: Vec<_> = e.variants.iter().map(|v| &v.name).collect();
    // `None` of an `Option<Enum>`; the glue computes the same value.
    let hole = if string {
        values.len() as u32
    } else {
        wbg_core_gen::descriptor::enum_hole(numbers.iter().copied()) as u32
    };

    let mut body = Vec::new();
    str_part(&mut body, js_name);
    shim::strs_part(&mut body, &e.namespace);
    str_part(&mut body, &e.docs.join("\n"));
    body.push(lower::enum_flags(e));
    body.extend_from_slice(&(e.variants.len() as u32).to_le_bytes());
    for (v, n) in e.variants.iter().zip(&values) {
        str_part(&mut body, &v.name.to_string());
        str_part(&mut body, &v.docs.join("\n"));
        match &v.value {
            VariantValue::String(s) => str_part(&mut body, s),
            _ => body.extend_from_slice(&n.to_le_bytes()),
        }
    }
    let entry = shim::entry("ENUM", vec![Part::Lit(body)]);

    quote! {
        #cleaned

        impl #rt::WasmDescribe for #name {
            const DESC: #rt::Desc = #rt::Desc::named(#js_name);
        }

        impl #rt::IntoWasmAbi for #name {
            type Abi = u32;
            #[inline]
            fn into_abi(self) -> u32 {
                match self {
                    #(#name::#variants => #values,)*
                }
            }
        }

        impl #rt::FromWasmAbi for #name {
            type Abi = u32;
            #[inline]
            unsafe fn from_abi(js: u32) -> Self {
                match js {
                    #(#values => #name::#variants,)*
                    other => #rt::invalid_enum_value(#js_name, other),
                }
            }
        }

                impl #rt::OptionIntoWasmAbi for #name {
            #[inline]
            fn none() -> u32 {
                #hole
            }
        }

        impl #rt::OptionFromWasmAbi for #name {
            #[inline]
            fn is_none(abi: &u32) -> bool {
                *abi == #hole
            }
        }

        impl #rt::VectorElement for #name {
            fn vec_into_abi(v: #rt::Box<[Self]>) -> #rt::WasmSlice {
                #rt::vec_of_u32_into_abi(v)
            }
            unsafe fn vec_from_abi(js: #rt::WasmSlice) -> #rt::Box<[Self]> {
                unsafe { #rt::vec_of_u32_from_abi(js) }
            }
        }

        #[doc(hidden)]
        const _: () = {
            #entry
        };
    }
}
