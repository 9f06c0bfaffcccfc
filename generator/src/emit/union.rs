//! A discriminated hierarchy's union: one variant per kind, chosen by the discriminator.

use super::{docs, tokens};
use crate::ir::UnionDef;
use proc_macro2::TokenStream;
use quote::quote;

/// `pub enum XUnion { Kind(Box<Kind>), ..., Unknown(Map) }`, `From` each kind, `Serialize`
/// (each kind writes its own discriminator) and, when it is received, a `Deserialize` that
/// reads the discriminator and decodes the kind it names (the base without one), keeping any
/// other kind's object whole; `gate` (the features of the clients that reach it) goes on every item.
pub fn union(def: &UnionDef, gate: Option<TokenStream>) -> TokenStream {
    let name = tokens::ident(&def.name);
    let doc = docs::doc(&def.docs);
    let unknown = tokens::ident(&def.unknown);
    let tag = &def.tag;
    let variants: Vec<_> = def
        .variants
        .iter()
        .map(|v| tokens::ident(&v.rust_name))
        .collect();
    let models: Vec<_> = def
        .variants
        .iter()
        .map(|v| tokens::ident(&v.model))
        .collect();
    let values: Vec<&String> = def.variants.iter().map(|v| &v.value).collect();
    let variant_docs = def.variants.iter().map(|v| {
        docs::doc(&format!(
            "A `{}` (`{tag}` is `{}`).",
            v.model,
            v.value.replace('`', "'")
        ))
    });
    let unknown_doc = docs::doc("A kind this version does not know: the JSON object as received.");
    // A value without a discriminator is of the declared (base) type.
    let base = variants.first().map(|v| quote!(None => Self::#v(Box::new(::serde_json::from_value(::serde_json::Value::Object(object)).map_err(<D::Error as ::serde::de::Error>::custom)?)),));
    let from = variants.iter().zip(&models).map(|(v, m)| {
        quote! {
            #gate
            impl From<#m> for #name {
                fn from(value: #m) -> Self {
                    Self::#v(Box::new(value))
                }
            }
        }
    });
    let de = (def.usage.output || !def.usage.input).then(|| {
        quote! {
            #gate
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let object = <::serde_json::Map<String, ::serde_json::Value> as ::serde::Deserialize>::deserialize(deserializer)?;
                    let kind = object.get(#tag).and_then(::serde_json::Value::as_str).map(str::to_owned);
                    Ok(match kind.as_deref() {
                        #(Some(#values) => Self::#variants(Box::new(
                            ::serde_json::from_value(::serde_json::Value::Object(object))
                                .map_err(<D::Error as ::serde::de::Error>::custom)?,
                        )),)*
                        #base
                        Some(_) => Self::#unknown(object),
                    })
                }
            }
        }
    });
    let content = def
        .usage
        .body
        .then(|| super::model::request_content(&name, gate.as_ref()));
    quote! {
        #doc
        #gate
        #[derive(Clone, ::azure_core::fmt::SafeDebug)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_docs #variants(Box<#models>),)*
            #unknown_doc
            #unknown(::serde_json::Map<String, ::serde_json::Value>),
        }
        #(#from)*
        #gate
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(Self::#variants(value) => value.serialize(serializer),)*
                    Self::#unknown(object) => object.serialize(serializer),
                }
            }
        }
        #de
        #content
    }
}
