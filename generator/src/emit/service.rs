//! The service client: one per crate with two or more operation groups. `new` builds the
//! pipeline once (one token cache); each `…_client()` getter hands out a group's client that
//! shares it, behind that group's feature.

use super::{docs, features, tokens};
use crate::ir::{Auth, Crate, ServiceClient, Source};
use proc_macro2::TokenStream;
use quote::quote;

/// `src/clients/{module}.rs` for the service client.
pub fn service_client(krate: &Crate, service: &ServiceClient) -> TokenStream {
    let name = tokens::ident(&service.name);
    let options = tokens::ident(&service.options_name);
    let doc = docs::doc(&service.docs);
    let namespace = &krate.service.namespace;
    let bearer = matches!(krate.service.auth, Auth::BearerToken);
    let endpoint_arg = krate.service.endpoint_argument;
    let versioned_features: features::Features = features::of_clients(krate, |c| {
        c.operations
            .iter()
            .flat_map(|o| &o.params)
            .any(|p| p.source == Source::ApiVersion)
    });
    let versioned = !versioned_features.is_empty();
    // With no group's feature on, only `endpoint` is read; a field only some groups read is
    // also unread when none of their features is on.
    let all = features::all(krate);
    let all_predicate = features::predicate(&all);
    let unread_unless = |features: &features::Features| {
        (features != &all).then(|| {
            let predicate = features::predicate(features);
            quote!(#[cfg_attr(not(#predicate), allow(dead_code))])
        })
    };
    let version_field = versioned.then(|| {
        let allow = unread_unless(&versioned_features);
        quote!(#allow pub(crate) api_version: String,)
    });
    let field_names: Vec<_> = service
        .fields
        .iter()
        .map(|f| tokens::ident(&f.rust_name))
        .collect();
    let fields = service.fields.iter().map(|f| {
        let ident = tokens::ident(&f.rust_name);
        let doc = docs::doc(&f.docs);
        let allow = unread_unless(&f.features.iter().map(String::as_str).collect());
        quote!(#doc #allow pub(crate) #ident: String,)
    });
    let arg_docs = service.fields.iter().map(|f| {
        let line = format!(
            " * `{}` - {}",
            f.rust_name,
            f.docs.lines().next().unwrap_or("").trim()
        );
        quote!(#[doc = #line])
    });
    let credential_arg = bearer.then(|| quote!(credential: Arc<dyn TokenCredential>,));
    let credential_doc = bearer.then(|| {
        quote! {
            /// * `credential` - Any `azure_core` [`TokenCredential`], e.g. from `azure_identity`;
            ///   asked for a token once for all the groups' clients (and again when it expires).
        }
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
    let endpoint_doc = if krate.service.arm {
        " Overrides the endpoint, which otherwise is Azure Resource Manager of `client_options.cloud` (public Azure by default). Tokens are requested for `{endpoint origin}/.default`."
    } else {
        " Overrides the endpoint, which otherwise is the spec's server."
    };
    let endpoint_option = (!endpoint_arg).then(|| {
        quote! {
            #[doc = #endpoint_doc]
            pub endpoint: Option<Url>,
        }
    });
    let endpoint_default = (!endpoint_arg).then(|| quote!(endpoint: None,));
    let default_version = format!(
        " The `api-version` sent with every request; defaults to `{}`.",
        krate.api_version
    );
    let version_option = versioned.then(|| {
        quote! {
            #[doc = #default_version]
            pub api_version: String,
        }
    });
    let version_default =
        versioned.then(|| quote!(api_version: String::from(crate::runtime::DEFAULT_API_VERSION),));
    let version_init = versioned.then(|| quote!(api_version: options.api_version,));
    let default_impl = quote! {
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
    let new_doc = format!(" Creates a new [`{}`].", service.name);
    let options_doc = format!(" Options used when creating a [`{}`].", service.name);
    let getters = service.getters.iter().filter_map(|g| {
        let client = krate.clients.get(&g.client)?;
        let method = tokens::ident(&g.method);
        let ty = tokens::ident(&client.name);
        let gate = features::client_gate(client);
        let group_versioned = client
            .operations
            .iter()
            .flat_map(|o| &o.params)
            .any(|p| p.source == Source::ApiVersion);
        let version = group_versioned.then(|| quote!(api_version: self.api_version.clone(),));
        let group_fields = client.fields.iter().map(|f| {
            let ident = tokens::ident(&f.rust_name);
            quote!(#ident: self.#ident.clone(),)
        });
        let doc = format!(
            " The [`{0}`](crate::clients::{0}), sharing this client's pipeline, token cache and settings.",
            client.name
        );
        Some(quote! {
            #[doc = #doc]
            #gate
            #[tracing::subclient]
            pub fn #method(&self) -> crate::clients::#ty {
                crate::clients::#ty {
                    endpoint: self.endpoint.clone(),
                    #version
                    #(#group_fields)*
                    pipeline: self.pipeline.clone(),
                }
            }
        })
    });
    let imports = bearer.then(|| {
        quote!(
            use azure_core::credentials::TokenCredential;
            use std::sync::Arc;
        )
    });
    quote! {
        #imports
        use azure_core::{fmt::SafeDebug, http::{ClientOptions, Pipeline, Url}, time::Duration, tracing, Result};

        #doc
        #[tracing::client]
        #[cfg_attr(not(#all_predicate), allow(dead_code))]
        pub struct #name {
            pub(crate) endpoint: Url,
            #version_field
            #(#fields)*
            pub(crate) pipeline: Pipeline,
        }

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

        #default_impl

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

            #(#getters)*
        }
    }
}
