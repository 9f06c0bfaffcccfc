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
            options.client_options,
            options.timeout
        ))
    } else {
        quote!(crate::runtime::pipeline(
            options.client_options,
            options.timeout
        ))
    };
    let endpoint_arg = krate.service.endpoint_argument;
    let endpoint_param = endpoint_arg.then(|| quote!(endpoint: &str,));
    let endpoint_param_doc = endpoint_arg.then(|| {
        quote! {
            /// * `endpoint` - The service's URL, e.g. `https://api.example.com`.
        }
    });
    let endpoint_expr = if endpoint_arg {
        quote!(crate::runtime::endpoint(endpoint)?)
    } else {
        quote!(crate::runtime::endpoint(
            options.endpoint.clone(),
            &options.client_options
        )?)
    };
    let versioned = client
        .operations
        .iter()
        .flat_map(|o| &o.params)
        .any(|p| p.source == crate::ir::Source::ApiVersion);
    let endpoint_doc = if krate.service.arm {
        " Overrides the endpoint, which otherwise is Azure Resource Manager of `client_options.cloud` (public Azure by default). Tokens are requested for `{endpoint origin}/.default`."
    } else {
        " Overrides the endpoint, which otherwise is the spec's server."
    };
    let default_version = format!(
        " The `api-version` sent with every request; defaults to `{}`.",
        krate.api_version
    );
    let endpoint_option = (!endpoint_arg).then(|| {
        quote! {
            #[doc = #endpoint_doc]
            pub endpoint: Option<Url>,
        }
    });
    let endpoint_default = (!endpoint_arg).then(|| quote!(endpoint: None,));
    let version_field = versioned.then(|| quote!(pub(crate) api_version: String,));
    let version_option = versioned.then(|| {
        quote! {
            #[doc = #default_version]
            pub api_version: String,
        }
    });
    let version_default =
        versioned.then(|| quote!(api_version: String::from(crate::runtime::DEFAULT_API_VERSION),));
    let version_init = versioned.then(|| quote!(api_version: options.api_version,));
    let new_doc = format!(" Creates a new [`{}`].", client.name);
    let options_doc = format!(" Options used when creating a [`{}`].", client.name);
    let options_struct = quote! {
        #[doc = #options_doc]
        #[derive(Clone, SafeDebug)]
        pub struct #options {
            #version_option
            /// Transport, retries, cloud, telemetry and other `azure_core` settings. With the
            /// default retry policy, GET, HEAD, PUT and DELETE are retried on 408, 429, 500, 502,
            /// 503, 504 and I/O errors; POST and PATCH only on 408, 429 and 503 and when the
            /// connection was never made, never after the request may have been delivered.
            pub client_options: ClientOptions,
            #endpoint_option
            /// How long one call may take, its retries included, before it fails with an `Io`
            /// error whose source is a `std::io::ErrorKind::TimedOut` error: 60 s by default;
            /// `None` waits as long as the retry policy and the transport do. A method's
            /// `timeout` option overrides it for one call.
            pub timeout: Option<Duration>,
        }

        impl Default for #options {
            fn default() -> Self {
                Self {
                    #version_default
                    client_options: ClientOptions::default(),
                    #endpoint_default
                    timeout: Some(crate::runtime::DEFAULT_TIMEOUT),
                }
            }
        }
    };
    let imports = bearer.then(|| {
        quote!(
            use azure_core::credentials::TokenCredential;
            use std::sync::Arc;
        )
    });
    let methods = client.operations.iter().map(|op| method::method(krate, op));
    quote! {
        #imports
        use azure_core::{fmt::SafeDebug, http::{ClientOptions, Pipeline, Url}, time::Duration, tracing, Result};

        #doc
        #[tracing::client]
        pub struct #name {
            pub(crate) endpoint: Url,
            #version_field
            #(#field_docs pub(crate) #field_names: String,)*
            pub(crate) pipeline: Pipeline,
        }

        #options_struct

        impl #name {
            #[doc = #new_doc]
            ///
            /// # Arguments
            ///
            #endpoint_param_doc
            #credential_doc
            #(#arg_docs)*
            /// * `options` - Optional configuration for the client.
            ///
            /// # Errors
            ///
            /// Fails when the endpoint is not an `http(s)` URL or cannot be determined.
            #[tracing::new(#namespace)]
            pub fn new(#endpoint_param #credential_arg #(#field_names: String,)* options: Option<#options>) -> Result<Self> {
                let options = options.unwrap_or_default();
                let endpoint = #endpoint_expr;
                Ok(Self {
                    #version_init
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
