//! A model struct.

use super::{docs, tokens};
use crate::ir::{StructDef, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// `pub struct X { pub field: Option<T>, ... }` with serde attributes for the wire names and
/// only the serde derives its usage needs (sent: `Serialize`, received: `Deserialize`).
pub fn model(def: &StructDef) -> TokenStream {
    let name = tokens::ident(&def.name);
    let doc = docs::doc(&def.docs);
    let mut derives = vec![
        quote!(Clone),
        quote!(Default),
        quote!(::azure_core::fmt::SafeDebug),
    ];
    if def.usage.input {
        derives.push(quote!(::serde::Serialize));
    }
    if def.usage.output || !def.usage.input {
        derives.push(quote!(::serde::Deserialize));
    }
    let non_exhaustive = (def.usage.output && !def.usage.input).then(|| quote!(#[non_exhaustive]));
    let fields = def.fields.iter().map(|f| {
        let doc = docs::doc(&f.docs);
        let rust = tokens::ident(&f.rust_name);
        let ty = tokens::ty(&f.ty);
        let wire = &f.wire_name;
        let with = (f.ty == TypeRef::DateTime)
            .then(|| quote!(with = "::azure_core::time::rfc3339::option",));
        let skip = if f.read_only && def.usage.input {
            quote!(skip_serializing)
        } else {
            quote!(skip_serializing_if = "Option::is_none")
        };
        let default = (f.ty == TypeRef::DateTime).then(|| quote!(default,));
        quote! {
            #doc
            #[serde(rename = #wire, #with #default #skip)]
            pub #rust: Option<#ty>,
        }
    });
    let additional = def.additional.as_ref().map(|t| {
        let ty = tokens::ty(t);
        quote! {
            /// Properties the schema does not declare, by wire name.
            #[serde(flatten)]
            pub additional_properties: ::std::collections::HashMap<String, #ty>,
        }
    });
    let content = def.usage.body.then(|| {
        quote! {
            impl TryFrom<#name> for azure_core::http::RequestContent<#name> {
                type Error = azure_core::Error;
                fn try_from(value: #name) -> azure_core::Result<Self> {
                    Ok(azure_core::json::to_json(&value)?.into())
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(#(#derives),*)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            #additional
        }
        #content
    }
}
