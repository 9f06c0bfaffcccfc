//! `models/responses.rs`: the per-status enums of operations whose answers differ in type from
//! one status to another, the successes (returned by the method) and the errors (decoded from
//! an `HttpResponse` error).

use super::{docs, features, tokens};
use crate::ir::{Crate, StatusEnum, StatusVariant};
use proc_macro2::TokenStream;
use quote::quote;

/// Whether any operation has a per-status enum (the file is left out otherwise).
pub fn any(krate: &Crate) -> bool {
    krate
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .any(|o| o.result.is_some() || o.errors.is_some())
}

/// Every per-status enum, each compiled with its client.
pub fn responses(krate: &Crate) -> TokenStream {
    let items = krate.clients.values().flat_map(|c| {
        let gate = features::client_gate(c);
        c.operations.iter().flat_map(move |o| {
            let result = o.result.as_ref().map(|e| result_enum(e, &gate));
            let errors = o.errors.as_ref().map(|e| error_enum(e, &gate));
            result.into_iter().chain(errors)
        })
    });
    quote!(#(#items)*)
}

/// The variants in the order their statuses are matched: single statuses first, then ranges,
/// then `default`.
pub fn match_order(e: &StatusEnum) -> Vec<&StatusVariant> {
    let mut ordered: Vec<&StatusVariant> = e.variants.iter().collect();
    ordered.sort_by_key(|v| match v.codes.len() {
        0 => 2,
        1 => 0,
        _ => 1,
    });
    ordered
}

/// The match pattern of a variant's statuses: `200`, `404 | 410` or `400..=499`.
pub fn pattern(v: &StatusVariant) -> TokenStream {
    let mut runs: Vec<(u16, u16)> = Vec::new();
    for &c in &v.codes {
        match runs.last_mut() {
            Some((_, end)) if c == *end + 1 => *end = c,
            _ => runs.push((c, c)),
        }
    }
    let parts = runs.iter().map(|(a, b)| {
        let a = proc_macro2::Literal::u16_unsuffixed(*a);
        if a.to_string() == b.to_string() {
            quote!(#a)
        } else {
            let b = proc_macro2::Literal::u16_unsuffixed(*b);
            quote!(#a..=#b)
        }
    });
    quote!(#(#parts)|*)
}

fn response_type(v: &StatusVariant) -> TokenStream {
    match &v.ty {
        Some(t) => {
            let t = tokens::ty(t);
            quote!(azure_core::http::Response<#t>)
        }
        None => quote!(azure_core::http::Response<(), azure_core::http::NoFormat>),
    }
}

fn result_enum(e: &StatusEnum, gate: &TokenStream) -> TokenStream {
    let name = tokens::ident(&e.name);
    // Generated text with an intra-doc link, not spec prose: not escaped.
    let doc = format!(" {}", e.docs);
    let doc = quote!(#[doc = #doc]);
    let variants = e.variants.iter().map(|v| {
        let n = tokens::ident(&v.rust_name);
        let d = docs::doc(&v.docs);
        let t = response_type(v);
        quote!(#d #n(#t),)
    });
    let statuses = e.variants.iter().map(|v| {
        let n = tokens::ident(&v.rust_name);
        quote!(Self::#n(response) => response.status(),)
    });
    let headers = e.variants.iter().map(|v| {
        let n = tokens::ident(&v.rust_name);
        quote!(Self::#n(response) => response.headers(),)
    });
    quote! {
        #doc
        #gate
        #[derive(Debug)]
        pub enum #name {
            #(#variants)*
        }

        #gate
        impl #name {
            /// The HTTP status the service answered with.
            pub fn status(&self) -> azure_core::http::StatusCode {
                match self {
                    #(#statuses)*
                }
            }

            /// The headers of the response.
            pub fn headers(&self) -> &azure_core::http::headers::Headers {
                match self {
                    #(#headers)*
                }
            }
        }
    }
}

fn error_enum(e: &StatusEnum, gate: &TokenStream) -> TokenStream {
    let name = tokens::ident(&e.name);
    // Generated text with an intra-doc link, not spec prose: not escaped.
    let doc = format!(" {}", e.docs);
    let doc = quote!(#[doc = #doc]);
    let variants = e.variants.iter().map(|v| {
        let n = tokens::ident(&v.rust_name);
        let d = docs::doc(&v.docs);
        let t = v.ty.as_ref().map(tokens::ty).unwrap_or_else(|| quote!(()));
        quote!(#d #n(#t),)
    });
    let mut has_default = false;
    let arms: Vec<TokenStream> = match_order(e)
        .into_iter()
        .map(|v| {
            let n = tokens::ident(&v.rust_name);
            if v.codes.is_empty() {
                has_default = true;
                quote!(_ => serde_json::from_slice(body).map(Self::#n),)
            } else {
                let p = pattern(v);
                quote!(#p => serde_json::from_slice(body).map(Self::#n),)
            }
        })
        .collect();
    let fallback = (!has_default).then(|| quote!(_ => return Err(error),));
    quote! {
        #doc
        #gate
        #[derive(Clone, Debug)]
        pub enum #name {
            #(#variants)*
        }

        #gate
        impl TryFrom<azure_core::Error> for #name {
            type Error = azure_core::Error;
            /// Decodes the body of an `HttpResponse` error as the model its status declares;
            /// any other error, or a body that is not that model, is given back unchanged
            /// (`ServiceError` still reads its status and raw body).
            fn try_from(error: azure_core::Error) -> Result<Self, azure_core::Error> {
                let azure_core::error::ErrorKind::HttpResponse { status, raw_response: Some(raw), .. } = error.kind() else {
                    return Err(error);
                };
                let body = raw.body().as_ref();
                let decoded = match u16::from(*status) {
                    #(#arms)*
                    #fallback
                };
                decoded.map_err(|_| error)
            }
        }
    }
}
