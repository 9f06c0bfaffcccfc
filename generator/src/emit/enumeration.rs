//! A string enumeration: fixed (only the spec's values) or extensible (`modelAsString`, with
//! `UnknownValue(String)` that keeps values this version does not know).

use super::{docs, tokens};
use crate::ir::EnumDef;
use proc_macro2::TokenStream;
use quote::quote;

/// The enum, `as_str`, `Display` and the serde impls its usage needs; `gate` (the features of
/// the clients that reach it) goes on every item.
pub fn enumeration(def: &EnumDef, gate: Option<TokenStream>) -> TokenStream {
    let name = tokens::ident(&def.name);
    let doc = docs::doc(&def.docs);
    let variants: Vec<_> = def
        .variants
        .iter()
        .map(|v| tokens::ident(&v.rust_name))
        .collect();
    let wires: Vec<&String> = def.variants.iter().map(|v| &v.wire).collect();
    let variant_docs = def.variants.iter().map(|v| docs::doc(&v.docs));
    let unknown_arm = def
        .extensible
        .then(|| quote!(Self::UnknownValue(value) => value.as_str(),));
    let as_str = quote! {
        #gate
        impl #name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    #unknown_arm
                }
            }
        }
        #gate
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    let content = def
        .usage
        .body
        .then(|| super::model::request_content(&name, gate.as_ref()));
    if def.extensible {
        let serde = extensible_serde(def, gate.as_ref());
        quote! {
            #doc
            #gate
            #[derive(Clone, Debug, Eq, PartialEq)]
            pub enum #name {
                #(#variant_docs #variants,)*
                /// A value this version of the client does not know, kept as sent.
                UnknownValue(String),
            }
            #as_str
            #gate
            impl From<String> for #name {
                fn from(value: String) -> Self {
                    match value.as_str() {
                        #(#wires => Self::#variants,)*
                        _ => Self::UnknownValue(value),
                    }
                }
            }
            #gate
            impl From<&str> for #name {
                fn from(value: &str) -> Self {
                    Self::from(value.to_string())
                }
            }
            #serde
            #content
        }
    } else {
        let mut derives = vec![
            quote!(Clone),
            quote!(Copy),
            quote!(Debug),
            quote!(Eq),
            quote!(PartialEq),
        ];
        if def.usage.input {
            derives.push(quote!(::serde::Serialize));
        }
        if def.usage.output {
            derives.push(quote!(::serde::Deserialize));
        }
        let round_trip = (def.usage.output && !def.usage.input)
            .then(|| quote!(#[cfg_attr(feature = "round_trip", derive(::serde::Serialize))]));
        let renames = wires.iter().map(|w| quote!(#[serde(rename = #w)]));
        let renames: Vec<_> = if def.usage.input || def.usage.output {
            renames.collect()
        } else {
            Vec::new()
        };
        let variant_docs = def.variants.iter().map(|v| docs::doc(&v.docs));
        let variants_with_attrs = variants.iter().enumerate().map(|(i, v)| {
            let rename = renames.get(i);
            quote!(#rename #v)
        });
        quote! {
            #doc
            #gate
            #[derive(#(#derives),*)]
            #round_trip
            pub enum #name {
                #(#variant_docs #variants_with_attrs,)*
            }
            #as_str
            #content
        }
    }
}

fn extensible_serde(def: &EnumDef, gate: Option<&TokenStream>) -> TokenStream {
    let name = tokens::ident(&def.name);
    // Response-only enums serialize only with the `round_trip` feature.
    let cfg = (!def.usage.input).then(|| quote!(#[cfg(feature = "round_trip")]));
    let ser = (def.usage.input || def.usage.output).then(|| {
        quote! {
            #gate
            #cfg
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
        }
    });
    let de = def.usage.output.then(|| {
        quote! {
            #gate
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    Ok(Self::from(<String as ::serde::Deserialize>::deserialize(deserializer)?))
                }
            }
        }
    });
    quote!(#ser #de)
}
