//! `models/headers.rs`: typed response headers. Per operation whose success responses declare
//! headers, a trait with one getter per header, implemented on what its method returns (the
//! pattern of azure_core 1.x clients), and, for a response without a body, the marker type its
//! `Response` carries so that each such operation's getters are its own.

use super::{docs, features, method, tokens};
use crate::ir::{
    Client, Crate, Operation, OperationKind, ResponseHeader, ResponseHeaders, TypeRef,
};
use proc_macro2::TokenStream;
use quote::quote;

/// Whether any operation has typed response headers (the file is left out otherwise).
pub fn any(krate: &Crate) -> bool {
    krate
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .any(|o| o.response_headers.is_some())
}

/// The gate of the module: the features of the clients with typed response headers.
pub fn module_gate(krate: &Crate) -> Option<TokenStream> {
    features::module_gate(
        krate
            .clients
            .values()
            .filter(|c| c.operations.iter().any(|o| o.response_headers.is_some()))
            .map(|c| Some(features::Features::from([c.feature.as_str()]))),
    )
}

/// The module: the shared readers, then each operation's marker, trait and impl behind its
/// client's feature.
pub fn headers(krate: &Crate) -> TokenStream {
    let items = krate.clients.values().flat_map(|client| {
        let gate = features::client_gate(client);
        client.operations.iter().filter_map(move |op| {
            let headers = op.response_headers.as_ref()?;
            Some(operation(client, op, headers, &gate))
        })
    });
    // Each reader is compiled with the clients that use it.
    let gate = |uses: fn(&ResponseHeader) -> bool| {
        let users: Vec<_> = krate
            .clients
            .values()
            .filter(|c| {
                c.operations
                    .iter()
                    .flat_map(|o| o.response_headers.iter().flat_map(|h| &h.headers))
                    .any(uses)
            })
            .map(|c| Some(features::Features::from([c.feature.as_str()])))
            .collect();
        (!users.is_empty()).then(|| features::module_gate(users))
    };
    let header = gate(|h| !h.collection && h.ty != TypeRef::String).map(|gate| {
        quote! {
            /// The value of the header `name`, read from its text by `parse`: `None` when the
            /// header is absent or empty, an error of kind `DataConversion` naming the header
            /// when its text is not a value of its type.
            #gate
            fn header<T>(headers: &Headers, name: &'static str, parse: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
                headers
                    .get_optional_str(&HeaderName::from_static(name))
                    .map(str::trim)
                    .filter(|text| !text.is_empty())
                    .map(|text| parse(text).map_err(|e| Error::with_message(ErrorKind::DataConversion, format!("header `{name}`: {e}"))))
                    .transpose()
            }
        }
    });
    let text = gate(|h| !h.collection && h.ty == TypeRef::String).map(|gate| {
        quote! {
            /// The text of the header `name`, as sent (an empty value is an empty text).
            #gate
            fn text(headers: &Headers, name: &'static str) -> Option<String> {
                headers.get_optional_string(&HeaderName::from_static(name))
            }
        }
    });
    let parsed = gate(|h| !h.collection && h.ty != TypeRef::String && by_from_str(&h.ty)).map(|gate| {
        quote! {
            /// `text` read by the type's `FromStr`.
            #gate
            fn parsed<T: std::str::FromStr>(text: &str) -> Result<T>
            where
                T::Err: std::fmt::Display,
            {
                text.parse().map_err(|e: T::Err| Error::with_message(ErrorKind::DataConversion, e.to_string()))
            }
        }
    });
    let collection = gate(|h| h.collection).map(|gate| {
        quote! {
            /// The headers whose names start with `prefix`, by the rest of their names; `None`
            /// when there is none.
            #gate
            fn collection(headers: &Headers, prefix: &str) -> Option<std::collections::HashMap<String, String>> {
                let found: std::collections::HashMap<String, String> = headers
                    .iter()
                    .filter_map(|(name, value)| {
                        let key = name.as_str().strip_prefix(prefix)?;
                        Some((key.to_string(), value.as_str().to_string()))
                    })
                    .collect();
                (!found.is_empty()).then_some(found)
            }
        }
    });
    let error = gate(|h| !h.collection && h.ty != TypeRef::String)
        .map(|gate| quote!(#gate use azure_core::{error::ErrorKind, Error};));
    quote! {
        use azure_core::{http::headers::{HeaderName, Headers}, Result};
        #error

        #header
        #text
        #parsed
        #collection

        #(#items)*
    }
}

/// Whether a value of `ty` (or an item of it) is read by its type's `FromStr` (no format of
/// its own).
fn by_from_str(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Vec(item) => by_from_str(item),
        other => tokens::format(other).is_none(),
    }
}

/// The marker, trait and impl of one operation.
fn operation(
    client: &Client,
    op: &Operation,
    headers: &ResponseHeaders,
    gate: &TokenStream,
) -> TokenStream {
    let trait_name = tokens::ident(&headers.trait_name);
    let link = format!(
        "[`{0}::{1}()`](crate::clients::{0}::{1})",
        client.name, op.method_name
    );
    let marker = headers.marker.as_ref().map(|marker| {
        let marker = tokens::ident(marker);
        let doc = format!(
            " What {link} answers, which has no body: its response carries this type, and [`{}`] reads its headers.",
            headers.trait_name
        );
        quote! {
            #[doc = #doc]
            #gate
            #[derive(Clone, Copy, Debug, Default)]
            #[non_exhaustive]
            pub struct #marker;
        }
    });
    let target = target(op);
    let what = if matches!(op.kind, OperationKind::Pageable(_)) {
        format!("each page {link} reads (`into_pages()` gives each page's `Response`)")
    } else {
        format!("what {link} answers")
    };
    let doc = format!(
        " The headers of {what}, typed. Each getter gives `Ok(None)` when the header is absent and an error of kind `DataConversion` when its value is not of its type."
    );
    let declarations = headers.headers.iter().map(|h| {
        let getter = tokens::ident(&h.getter);
        let ty = tokens::ty(&h.ty);
        let d = docs::doc(&h.docs);
        quote! {
            #d
            fn #getter(&self) -> Result<Option<#ty>>;
        }
    });
    let definitions = headers.headers.iter().map(|h| {
        let getter = tokens::ident(&h.getter);
        let ty = tokens::ty(&h.ty);
        let wire = &h.wire_name;
        let body = match &h.ty {
            _ if h.collection => quote!(Ok(collection(self.headers(), #wire))),
            TypeRef::String => quote!(Ok(text(self.headers(), #wire))),
            other => {
                let parse = parse(other);
                quote!(header(self.headers(), #wire, #parse))
            }
        };
        quote! {
            fn #getter(&self) -> Result<Option<#ty>> {
                #body
            }
        }
    });
    quote! {
        #marker

        #[doc = #doc]
        #gate
        pub trait #trait_name {
            #(#declarations)*
        }

        #gate
        impl #trait_name for #target {
            #(#definitions)*
        }
    }
}

/// The type the trait is implemented on: the method's `Response<T, F>` (or `AsyncResponse`)
/// with the marker for a response without a body, or its per-status enum.
fn target(op: &Operation) -> TokenStream {
    if let Some(result) = &op.result {
        let name = tokens::ident(&result.name);
        return quote!(crate::models::#name);
    }
    let marker = op
        .response_headers
        .as_ref()
        .and_then(|h| h.marker.as_ref())
        .map(String::as_str)
        .map(tokens::ident);
    match marker {
        Some(marker) if method::streamed(op) => {
            quote!(azure_core::http::AsyncResponse<crate::models::#marker>)
        }
        Some(marker) => {
            quote!(azure_core::http::Response<crate::models::#marker, azure_core::http::NoFormat>)
        }
        None => {
            let (returns, format) = method::response_type(op);
            quote!(azure_core::http::Response<#returns #format>)
        }
    }
}

/// A `FnOnce(&str) -> Result<T>` reading a value of type `ty` from its (trimmed) text: its
/// format's `parse` for dates, durations and bytes, the items of a comma-separated list, else
/// the type's `FromStr`.
fn parse(ty: &TypeRef) -> TokenStream {
    if let TypeRef::Vec(item) = ty {
        let item = parse(item);
        return quote!(|text| text.split(',').map(|item| #item(item.trim())).collect::<Result<Vec<_>>>());
    }
    match tokens::format(ty) {
        Some(format) => quote!(#format::parse),
        None => {
            let ty = tokens::ty(ty);
            quote!(parsed::<#ty>)
        }
    }
}
