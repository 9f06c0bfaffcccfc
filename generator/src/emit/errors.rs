//! `models/errors.rs`: the service error view and the conversion into each error model.

use super::{features, tokens};
use crate::ir::{Crate, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// `ServiceError<E>` and `TryFrom<azure_core::Error>` for every error model, each compiled
/// with the clients whose operations answer with it.
pub fn errors(krate: &Crate) -> TokenStream {
    let mut models: BTreeMap<&String, features::Features> = BTreeMap::new();
    for c in krate.clients.values() {
        for o in &c.operations {
            if let Some(TypeRef::Named(n)) = &o.error_type {
                models.entry(n).or_default().insert(c.feature.as_str());
            }
        }
    }
    let users: features::Features = models.values().flatten().copied().collect();
    let decode_gate = features::gate(krate, &users);
    let conversions = models.iter().map(|(name, used)| {
        let name = tokens::ident(name);
        let gate = features::gate(krate, used);
        quote! {
            #gate
            impl TryFrom<azure_core::Error> for crate::models::#name {
                type Error = azure_core::Error;
                /// Decodes the error body of an `HttpResponse` error; any other error, or a body
                /// that is not this model, is given back unchanged.
                fn try_from(error: azure_core::Error) -> Result<Self, azure_core::Error> {
                    match decode_body(&error) {
                        Some(model) => Ok(model),
                        None => Err(error),
                    }
                }
            }
        }
    });
    let decode = (!models.is_empty()).then(|| {
        quote! {
            #decode_gate
            fn decode_body<E: serde::de::DeserializeOwned>(error: &azure_core::Error) -> Option<E> {
                match error.kind() {
                    ErrorKind::HttpResponse { raw_response: Some(raw), .. } => serde_json::from_slice(raw.body().as_ref()).ok(),
                    _ => None,
                }
            }
        }
    });
    quote! {
        use azure_core::{error::ErrorKind, http::StatusCode, Bytes};

        /// What the service said when it answered with a status the operation does not expect.
        ///
        /// Made from an [`azure_core::Error`] of kind [`ErrorKind::HttpResponse`] with
        /// `ServiceError::<ErrorModel>::try_from(error)`.
        ///
        /// `Debug` shows the raw body's length only (it may hold secrets), and the decoded
        /// model as its own `Debug` does.
        #[derive(Clone)]
        #[non_exhaustive]
        pub struct ServiceError<E> {
            /// The HTTP status.
            pub status: StatusCode,
            /// The error code from the `x-ms-error-code` header or the body, if any.
            pub error_code: Option<String>,
            /// The `x-ms-request-id` header, to quote when asking Azure support.
            pub request_id: Option<String>,
            /// The response body as received.
            pub raw_body: Bytes,
            /// The body decoded as the error model, when it is one.
            pub error: Option<E>,
        }

        impl<E: std::fmt::Debug> std::fmt::Debug for ServiceError<E> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct("ServiceError")
                    .field("status", &self.status)
                    .field("error_code", &self.error_code)
                    .field("request_id", &self.request_id)
                    .field("raw_body", &format_args!("<{} bytes>", self.raw_body.len()))
                    .field("error", &self.error)
                    .finish()
            }
        }

        impl<E: serde::de::DeserializeOwned> TryFrom<azure_core::Error> for ServiceError<E> {
            type Error = azure_core::Error;
            /// Reads an `HttpResponse` error; any other kind of error is given back unchanged.
            fn try_from(error: azure_core::Error) -> Result<Self, azure_core::Error> {
                let ErrorKind::HttpResponse { status, error_code, raw_response } = error.kind() else {
                    return Err(error);
                };
                let (raw_body, request_id) = match raw_response {
                    Some(raw) => (
                        Bytes::copy_from_slice(raw.body().as_ref()),
                        raw.headers().get_optional_string(&azure_core::http::headers::HeaderName::from_static("x-ms-request-id")),
                    ),
                    None => (Bytes::new(), None),
                };
                Ok(ServiceError {
                    status: *status,
                    error_code: error_code.clone(),
                    request_id,
                    error: serde_json::from_slice(&raw_body).ok(),
                    raw_body,
                })
            }
        }

        #decode

        #(#conversions)*
    }
}
