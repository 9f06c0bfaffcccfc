//! One client file: the client type, its options, `new`, and its methods.

use super::{docs, method, tokens};
use crate::ir::{Auth, Client, Crate};
use proc_macro2::TokenStream;
use quote::quote;

/// The client struct, `<Client>Options`, the constructor and every method.
pub fn client(krate: &Crate, client: &Client) -> TokenStream {
    let name = tokens::ident(&client.name);
    let options = tokens::ident(&client.options_name);
    let doc = docs::doc(&client.docs);
    let field_names: Vec<_> = client
        .fields
        .iter()
        .map(|f| tokens::ident(&f.rust_name))
        .collect();
    let field_docs = client.fields.iter().map(|f| docs::doc(&f.docs));
    let namespace = &krate.service.namespace;
    let bearer = matches!(krate.service.auth, Auth::BearerToken);
    let credential_arg = bearer.then(|| quote!(credential: Arc<dyn TokenCredential>,));
    let credential_doc = bearer.then(|| {
        quote! {
            /// * `credential` - Any `azure_core` [`TokenCredential`], e.g. from `azure_identity`.
        }
    });
    let arg_docs = client.fields.iter().map(|f| {
        let line = format!(
            " * `{}` - {}",
            f.rust_name,
            f.docs.lines().next().unwrap_or("").trim()
        );
        quote!(#[doc = #line])
    });
    let pipeline = if bearer {
        quote!(crate::runtime::pipeline(
            credential,
            &endpoint,
            options.client_options
        ))
    } else {
        quote!(crate::runtime::pipeline(options.client_options))
    };
    let endpoint_doc = if krate.service.arm {
        " Overrides the endpoint, which otherwise is Azure Resource Manager of `client_options.cloud` (public Azure by default). Tokens are requested for `{endpoint origin}/.default`."
    } else {
        " Overrides the endpoint, which otherwise is the spec's server."
    };
    let default_version = format!(
        " The `api-version` sent with every request; defaults to `{}`.",
        krate.api_version
    );
    let new_doc = format!(" Creates a new [`{}`].", client.name);
    let options_doc = format!(" Options used when creating a [`{}`].", client.name);
    let imports = bearer.then(|| {
        quote!(
            use azure_core::credentials::TokenCredential;
            use std::sync::Arc;
        )
    });
    let methods = client
        .operations
        .iter()
        .map(|op| method::method(krate, client, op));
    quote! {
        #imports
        use azure_core::{fmt::SafeDebug, http::{ClientOptions, Pipeline, Url}, tracing, Result};

        #doc
        #[tracing::client]
        pub struct #name {
            pub(crate) endpoint: Url,
            pub(crate) api_version: String,
            #(#field_docs pub(crate) #field_names: String,)*
            pub(crate) pipeline: Pipeline,
        }

        #[doc = #options_doc]
        #[derive(Clone, SafeDebug)]
        pub struct #options {
            #[doc = #default_version]
            pub api_version: String,
            /// Transport, retries, cloud, telemetry and other `azure_core` settings.
            pub client_options: ClientOptions,
            #[doc = #endpoint_doc]
            pub endpoint: Option<Url>,
        }

        impl Default for #options {
            fn default() -> Self {
                Self {
                    api_version: String::from(crate::runtime::DEFAULT_API_VERSION),
                    client_options: ClientOptions::default(),
                    endpoint: None,
                }
            }
        }

        impl #name {
            #[doc = #new_doc]
            ///
            /// # Arguments
            ///
            #credential_doc
            #(#arg_docs)*
            /// * `options` - Optional configuration for the client.
            ///
            /// # Errors
            ///
            /// Fails when the endpoint is not an `http(s)` URL or cannot be determined.
            #[tracing::new(#namespace)]
            pub fn new(#credential_arg #(#field_names: String,)* options: Option<#options>) -> Result<Self> {
                let options = options.unwrap_or_default();
                let endpoint = crate::runtime::endpoint(options.endpoint.clone(), &options.client_options)?;
                Ok(Self {
                    api_version: options.api_version,
                    #(#field_names,)*
                    pipeline: #pipeline,
                    endpoint,
                })
            }

            /// The endpoint requests are sent to.
            pub fn endpoint(&self) -> &Url {
                &self.endpoint
            }

            #(#methods)*
        }
    }
}
