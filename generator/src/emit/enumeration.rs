//! A string enumeration: fixed (only the spec's values) or extensible (`modelAsString`, with
//! `UnknownValue(String)` that keeps values this version does not know).

use super::{docs, tokens};
use crate::ir::EnumDef;
use proc_macro2::TokenStream;
use quote::quote;

/// The enum, `as_str`, `AsRef<str>`, `Display`, `FromStr`, `Serialize` and, when it is
/// received, `Deserialize`; `gate` (the features of
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
        impl AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
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
        let serde = if def.number {
            number_serde(def, gate.as_ref())
        } else {
            extensible_serde(def, gate.as_ref())
        };
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
            #gate
            impl ::std::str::FromStr for #name {
                type Err = ::std::convert::Infallible;
                /// Never fails: a value this version does not know becomes `UnknownValue`.
                fn from_str(value: &str) -> Result<Self, Self::Err> {
                    Ok(Self::from(value))
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
        if !def.number {
            derives.push(quote!(::serde::Serialize));
            if def.usage.output {
                derives.push(quote!(::serde::Deserialize));
            }
        }
        let number_serde = def.number.then(|| number_serde(def, gate.as_ref()));
        // serde writes a variant as its name: `rename` only where the wire value differs.
        let renames: Vec<_> = def
            .variants
            .iter()
            .map(|v| {
                let wire = &v.wire;
                (v.wire != v.rust_name).then(|| quote!(#[serde(rename = #wire)]))
            })
            .collect();
        let message = format!("`{{value}}` is not a value of `{}`", def.name);
        let variant_docs = def.variants.iter().map(|v| docs::doc(&v.docs));
        let variants_with_attrs = variants.iter().enumerate().map(|(i, v)| {
            let rename = (!def.number).then(|| renames.get(i));
            quote!(#rename #v)
        });
        quote! {
            #doc
            #gate
            #[derive(#(#derives),*)]
            pub enum #name {
                #(#variant_docs #variants_with_attrs,)*
            }
            #as_str
            #gate
            impl ::std::str::FromStr for #name {
                type Err = azure_core::Error;
                /// Fails with an error of kind `DataConversion` for a value the spec does not list.
                fn from_str(value: &str) -> Result<Self, Self::Err> {
                    match value {
                        #(#wires => Ok(Self::#variants),)*
                        _ => Err(azure_core::Error::with_message(
                            azure_core::error::ErrorKind::DataConversion,
                            format!(#message),
                        )),
                    }
                }
            }
            #number_serde
            #content
        }
    }
}

/// Serialization of an enumeration of numbers: the value as a JSON number, read back from one
/// (an extensible enumeration keeps a number it does not list as its decimal text).
fn number_serde(def: &EnumDef, gate: Option<&TokenStream>) -> TokenStream {
    let name = tokens::ident(&def.name);
    let ser = quote! {
        #gate
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self.as_str().parse::<::serde_json::Number>() {
                    Ok(number) => number.serialize(serializer),
                    Err(_) => serializer.serialize_str(self.as_str()),
                }
            }
        }
    };
    // Values are matched by what they are, not by how they are written (`3.4e+20` on the wire
    // is the spec's `3.4E20`).
    let arms = def.variants.iter().filter_map(|v| {
        let value = proc_macro2::Literal::f64_unsuffixed(v.wire.parse::<f64>().ok()?);
        let variant = tokens::ident(&v.rust_name);
        Some(quote!(Some(#value) => Some(Self::#variant),))
    });
    let known = quote! {
        let known = match number.as_f64() {
            #(#arms)*
            _ => None,
        };
    };
    let read = if def.extensible {
        quote! {
            #known
            Ok(known.unwrap_or_else(|| Self::from(number.to_string())))
        }
    } else {
        let unknown = format!("`{{number}}` is not a value of `{}`", def.name);
        quote! {
            #known
            known.ok_or_else(|| <D::Error as ::serde::de::Error>::custom(format!(#unknown)))
        }
    };
    let de = def.usage.output.then(|| {
        quote! {
            #gate
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let number = <::serde_json::Number as ::serde::Deserialize>::deserialize(deserializer)?;
                    #read
                }
            }
        }
    });
    quote!(#ser #de)
}

fn extensible_serde(def: &EnumDef, gate: Option<&TokenStream>) -> TokenStream {
    let name = tokens::ident(&def.name);
    let ser = quote! {
        #gate
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
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
