//! A model struct.

use super::{docs, tokens};
use crate::ir::{Crate, Paging, StructDef, TypeRef, XmlKind, XmlType};
use proc_macro2::TokenStream;
use quote::quote;

/// `pub struct X { pub field: Option<T>, ... }` with serde attributes for the wire names and
/// `Serialize` always and `Deserialize` when it is received (or not sent);
/// `gate` (the features of the clients that reach it) goes on every item.
pub fn model(def: &StructDef, xml: Option<&XmlType>, gate: Option<TokenStream>) -> TokenStream {
    let name = tokens::ident(&def.name);
    let doc = docs::doc(&def.docs);
    let secrets = def.fields.iter().any(|f| f.secret);
    let mut derives = vec![quote!(Clone), quote!(Default)];
    // A model with an `x-ms-secret` property never shows its fields, whatever azure_core's
    // `debug` feature says; others use `SafeDebug`.
    if !secrets {
        derives.push(quote!(::azure_core::fmt::SafeDebug));
    }
    // Every model serializes, so users can log or store what they received; read-only
    // properties stay out of request bodies (see `skip_read_only`), whatever features are on.
    derives.push(quote!(::serde::Serialize));
    if def.usage.output || !def.usage.input {
        derives.push(quote!(::serde::Deserialize));
    }
    let non_exhaustive = (def.usage.output && !def.usage.input).then(|| quote!(#[non_exhaustive]));
    let fields = def.fields.iter().map(|f| {
        let doc = docs::doc(&f.docs);
        let rust = tokens::ident(&f.rust_name);
        let ty = tokens::ty(&f.ty);
        // As XML: the element, attribute (`@name`) or text (`$text`); an array is its items'
        // elements, inside a wrapper element read and written by a helper module.
        let (wire, helper, list) = match xml.and_then(|x| x.fields.get(&f.rust_name)) {
            None => (f.wire_name.clone(), None, false),
            Some(x) => match &x.kind {
                XmlKind::Element => (x.name.clone(), None, false),
                XmlKind::Attribute => (format!("@{}", x.name), None, false),
                XmlKind::Text => ("$text".to_string(), None, false),
                XmlKind::List => (x.name.clone(), None, true),
                XmlKind::Wrapped { helper, .. } => (x.name.clone(), Some(helper.as_str()), true),
            },
        };
        let with = match helper {
            Some(helper) => Some(quote!(with = #helper,)),
            // quick-xml cannot hand `time`'s visitor a plain string: read the text first.
            None if xml.is_some() && f.ty == TypeRef::DateTime => {
                Some(quote!(with = "crate::runtime::xml_date_time",))
            }
            // A value with a wire format of its own (dates, bytes...) is written and read by its
            // type in the `formats` module, whatever `Vec`s and maps hold it.
            None => tokens::format(&f.ty).map(|path| {
                let path = path.to_string().replace(' ', "");
                quote!(with = #path,)
            }),
        };
        // A constant is always written, by the model's writer; a read-only property is never
        // sent, and serialized by a user, it is kept when set.
        let skip = if let Some(c) = &f.constant {
            let path = format!("{}::{}", def.name, c.writer);
            quote!(serialize_with = #path)
        } else if f.read_only {
            quote!(skip_serializing_if = "crate::runtime::skip_read_only")
        } else {
            quote!(skip_serializing_if = "Option::is_none")
        };
        let default = (with.is_some() || list).then(|| quote!(default,));
        // serde reads and writes a field by its name: `rename` only where the wire name differs.
        let rename = (wire != f.rust_name).then(|| quote!(rename = #wire,));
        quote! {
            #doc
            #[serde(#rename #with #default #skip)]
            pub #rust: Option<#ty>,
        }
    });
    // A kind of a discriminated hierarchy writes its discriminator (serde's tag on a struct);
    // reading it, the tag is an undeclared property, kept out of the extra properties.
    let tag = def.tag.as_ref().map(|t| {
        let (property, value) = (&t.property, &t.value);
        quote!(#[serde(tag = #property, rename = #value)])
    });
    let without_tag = def.tag.as_ref().and(def.additional.as_ref()).map(|_| {
        let path = format!("{}::without_tag", def.name);
        quote!(deserialize_with = #path,)
    });
    // As XML, a map alone is the element's children (quick-xml cannot flatten a map into
    // declared fields).
    let transparent = xml.is_some() && def.fields.is_empty() && def.additional.is_some();
    let additional = def.additional.as_ref().map(|t| {
        let ty = tokens::ty(t);
        let field = tokens::ident(&def.additional_field);
        let flatten = (!transparent).then(|| quote!(#[serde(flatten, #without_tag)]));
        quote! {
            /// Properties the schema does not declare, by wire name.
            #flatten
            pub #field: ::std::collections::HashMap<String, #ty>,
        }
    });
    let tag_fn = def
        .tag
        .as_ref()
        .zip(def.additional.as_ref())
        .filter(|_| def.usage.output || !def.usage.input)
        .map(|(t, a)| {
            let ty = tokens::ty(a);
            let property = &t.property;
            quote! {
                #gate
                impl #name {
                    fn without_tag<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<::std::collections::HashMap<String, #ty>, D::Error> {
                        crate::runtime::without_key(deserializer, #property)
                    }
                }
            }
        });
    let writers: Vec<TokenStream> = def
        .fields
        .iter()
        .filter_map(|f| {
            let c = f.constant.as_ref()?;
            let writer = tokens::ident(&c.writer);
            let ty = tokens::ty(&f.ty);
            Some(match &c.value {
                Some(value) => {
                    let literal = literal(value);
                    quote! {
                        fn #writer<S: ::serde::Serializer>(_: &Option<#ty>, serializer: S) -> Result<S::Ok, S::Error> {
                            ::serde::Serialize::serialize(&#literal, serializer)
                        }
                    }
                }
                None => quote! {
                    fn #writer<S: ::serde::Serializer>(value: &Option<#ty>, serializer: S) -> Result<S::Ok, S::Error> {
                        match value {
                            Some(value) => ::serde::Serialize::serialize(value, serializer),
                            None => ::serde::Serialize::serialize(&<#ty>::default(), serializer),
                        }
                    }
                },
            })
        })
        .collect();
    let writers = (!writers.is_empty()).then(|| {
        quote! {
            #gate
            impl #name {
                #(#writers)*
            }
        }
    });
    let debug = secrets.then(|| {
        let shown = def.name.clone();
        quote! {
            #gate
            impl ::std::fmt::Debug for #name {
                /// Shows no field: the model holds secrets.
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.debug_struct(#shown).finish_non_exhaustive()
                }
            }
        }
    });
    let content = def.usage.body.then(|| match xml {
        Some(_) => xml_request_content(&name, gate.as_ref()),
        None => request_content(&name, gate.as_ref()),
    });
    let container = match xml {
        Some(_) if transparent => Some(quote!(#[serde(transparent)])),
        Some(x) => {
            let root = &x.root;
            Some(quote!(#[serde(rename = #root)]))
        }
        None => None,
    };
    quote! {
        #doc
        #gate
        #[derive(#(#derives),*)]
        #tag
        #container
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            #additional
        }
        #tag_fn
        #writers
        #debug
        #content
    }
}

/// `impl Page` for a page model: its items are the `itemName` field (absent: no items).
pub fn page(paging: &Paging, gate: Option<TokenStream>) -> TokenStream {
    let page = tokens::ident(&paging.page_type);
    let field = tokens::ident(&paging.item_field);
    let item = tokens::ty(&paging.item_type);
    quote! {
        #gate
        #[async_trait::async_trait]
        impl azure_core::http::pager::Page for #page {
            type Item = #item;
            type IntoIter = <Vec<#item> as IntoIterator>::IntoIter;
            async fn into_items(self) -> azure_core::Result<Self::IntoIter> {
                Ok(self.#field.unwrap_or_default().into_iter())
            }
        }
    }
}

/// The status monitor every long-running operation's poller yields.
pub fn status_monitor(name: &str, gate: Option<TokenStream>) -> TokenStream {
    let ident = tokens::ident(name);
    let debug_name = name.to_string();
    quote! {
        /// The status of a long-running operation, as its poller yields it: the body of an
        /// `Azure-AsyncOperation` status response, or, when the service answers without one
        /// (`Location` or provisioning-state polling), `{"status": "InProgress"}` while it runs
        /// and `{"status": "Succeeded"}` at the end. The HTTP status and headers of each response
        /// are kept as received. `T` is the type of the operation's final value (`()` when it has
        /// none) and `F` its format: awaiting the poller gives a `Response<T, F>`.
        #gate
        #[derive(::serde::Deserialize)]
        #[non_exhaustive]
        pub struct #ident<T = (), F = azure_core::http::NoFormat> {
            /// `InProgress`, `Succeeded`, `Failed`, `Canceled` or another in-progress state.
            #[serde(default)]
            pub status: Option<azure_core::http::poller::PollerStatus>,
            /// The error, when the operation failed.
            #[serde(default)]
            pub error: Option<::serde_json::Value>,
            #[serde(skip)]
            output: ::std::marker::PhantomData<fn() -> (T, F)>,
        }

        #gate
        impl<T, F> Clone for #ident<T, F> {
            fn clone(&self) -> Self {
                Self { status: self.status.clone(), error: self.error.clone(), output: ::std::marker::PhantomData }
            }
        }

        #gate
        impl<T, F> Default for #ident<T, F> {
            fn default() -> Self {
                Self { status: None, error: None, output: ::std::marker::PhantomData }
            }
        }

        #gate
        impl<T, F> ::std::fmt::Debug for #ident<T, F> {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#debug_name).field("status", &self.status).finish_non_exhaustive()
            }
        }

        #gate
        impl<T, F: azure_core::http::Format + Send> azure_core::http::poller::StatusMonitor for #ident<T, F> {
            type Output = T;
            type Format = F;
            fn status(&self) -> azure_core::http::poller::PollerStatus {
                self.status.clone().unwrap_or_default()
            }
        }

        #gate
        impl<T, F> #ident<T, F> {
            /// Where to resume polling after `response` (its `Azure-AsyncOperation`, else its
            /// `Location`), for the method options' `continuation`; `None` when it names neither.
            pub fn continuation<G>(response: &azure_core::http::Response<Self, G>) -> Option<azure_core::http::poller::PollerContinuation> {
                let parse = |link: &str| azure_core::http::Url::parse(link).map_err(|e| azure_core::Error::new(azure_core::error::ErrorKind::DataConversion, e));
                crate::runtime::poll_links(response.headers(), parse).ok().flatten()
            }
        }
    }
}

/// `TryFrom<T> for RequestContent<T>` for a type that is an operation's request body, so callers
/// write `body.try_into()?`.
pub fn request_content(name: &proc_macro2::Ident, gate: Option<&TokenStream>) -> TokenStream {
    quote! {
        #gate
        impl TryFrom<#name> for azure_core::http::RequestContent<#name> {
            type Error = azure_core::Error;
            fn try_from(value: #name) -> azure_core::Result<Self> {
                Ok(crate::runtime::request_json(&value)?.into())
            }
        }
    }
}

/// A JSON scalar as a Rust literal (`null` as `()`).
fn literal(value: &serde_json::Value) -> TokenStream {
    use proc_macro2::Literal;
    match value {
        serde_json::Value::String(s) => quote!(#s),
        serde_json::Value::Bool(b) => quote!(#b),
        serde_json::Value::Number(n) => {
            let literal = match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Literal::i64_suffixed(i),
                (None, Some(u)) => Literal::u64_suffixed(u),
                _ => Literal::f64_suffixed(n.as_f64().unwrap_or_default()),
            };
            quote!(#literal)
        }
        _ => quote!(()),
    }
}

/// `TryFrom<T> for RequestContent<T, XmlFormat>` for a type that is an XML request body.
fn xml_request_content(name: &proc_macro2::Ident, gate: Option<&TokenStream>) -> TokenStream {
    quote! {
        #gate
        impl TryFrom<#name> for azure_core::http::RequestContent<#name, azure_core::http::XmlFormat> {
            type Error = azure_core::Error;
            fn try_from(value: #name) -> azure_core::Result<Self> {
                Ok(azure_core::xml::to_xml(&value)?.into())
            }
        }
    }
}

/// One module per item element name of the wrapped XML arrays: it reads and writes
/// `Option<Vec<T>>` as one element holding an element per item, compiled with the types that
/// use it.
pub fn xml_helpers(krate: &Crate) -> TokenStream {
    let mut helpers: std::collections::BTreeMap<&str, (&str, super::features::Features)> =
        std::collections::BTreeMap::new();
    for (name, xml) in &krate.xml {
        let Some(def) = krate.types.get(name) else {
            continue;
        };
        for field in xml.fields.values() {
            if let XmlKind::Wrapped { item, helper } = &field.kind {
                let entry = helpers
                    .entry(helper.as_str())
                    .or_insert_with(|| (item.as_str(), super::features::Features::new()));
                entry.1.extend(krate.type_features(def));
            }
        }
    }
    let modules = helpers.iter().map(|(helper, (item, used))| {
        let module = tokens::ident(helper);
        let gate = super::features::gate(krate, used);
        let doc = format!(" Reads and writes an array as one element holding a `<{item}>` element per item.");
        quote! {
            #[doc = #doc]
            #gate
            mod #module {
                use serde::{Deserialize, Deserializer, Serialize, Serializer};

                #[derive(Deserialize)]
                struct Items<T> {
                    #[serde(rename = #item, default = "Vec::new")]
                    items: Vec<T>,
                }

                #[derive(Serialize)]
                struct ItemsRef<'a, T> {
                    #[serde(rename = #item)]
                    items: &'a [T],
                }

                pub(super) fn serialize<S: Serializer, T: Serialize>(value: &Option<Vec<T>>, serializer: S) -> Result<S::Ok, S::Error> {
                    ItemsRef { items: value.as_deref().unwrap_or_default() }.serialize(serializer)
                }

                pub(super) fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<Vec<T>>, D::Error> {
                    Ok(Some(Items::<T>::deserialize(deserializer)?.items))
                }
            }
        }
    });
    quote!(#(#modules)*)
}
