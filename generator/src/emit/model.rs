//! A model struct.

use super::{docs, tokens};
use crate::ir::{Paging, StructDef};
use proc_macro2::TokenStream;
use quote::quote;

/// `pub struct X { pub field: Option<T>, ... }` with serde attributes for the wire names and
/// `Serialize` always and `Deserialize` when it is received (or not sent);
/// `gate` (the features of the clients that reach it) goes on every item.
pub fn model(def: &StructDef, gate: Option<TokenStream>) -> TokenStream {
    let name = tokens::ident(&def.name);
    let doc = docs::doc(&def.docs);
    let mut derives = vec![
        quote!(Clone),
        quote!(Default),
        quote!(::azure_core::fmt::SafeDebug),
    ];
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
        let wire = &f.wire_name;
        // A value with a wire format of its own (dates, bytes...) is written and read by its
        // type in the `formats` module, whatever `Vec`s and maps hold it.
        let with = tokens::format(&f.ty).map(|path| {
            let path = path.to_string().replace(' ', "");
            quote!(with = #path,)
        });
        // A read-only property is never sent; serialized by a user, it is kept when set.
        let skip = if f.read_only {
            quote!(skip_serializing_if = "crate::runtime::skip_read_only")
        } else {
            quote!(skip_serializing_if = "Option::is_none")
        };
        let default = with.is_some().then(|| quote!(default,));
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
    let content = def
        .usage
        .body
        .then(|| request_content(&name, gate.as_ref()));
    quote! {
        #doc
        #gate
        #[derive(#(#derives),*)]
        #non_exhaustive
        pub struct #name {
            #(#fields)*
            #additional
        }
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
