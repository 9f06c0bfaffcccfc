//! `src/runtime.rs` of the generated crate: what every method shares, compiled once (endpoint
//! choice, the pipeline, URL building with one-segment path encoding, sending).

use crate::ir::{Auth, Crate};
use proc_macro2::TokenStream;
use quote::quote;

/// The runtime module for `krate`.
pub fn runtime(krate: &Crate) -> TokenStream {
    let api_version = &krate.api_version;
    let versioned = krate
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .flat_map(|o| &o.params)
        .any(|p| p.source == crate::ir::Source::ApiVersion);
    let version_const = versioned.then(|| {
        quote! {
            /// The `api-version` clients send unless told otherwise.
            pub(crate) const DEFAULT_API_VERSION: &str = #api_version;
        }
    });
    let endpoint = endpoint_fn(krate);
    let path_args = krate
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .flat_map(|o| &o.path)
        .any(|p| matches!(p, crate::ir::PathPart::Param(_)));
    // No operation has a path parameter; the variant stays so `url` keeps one shape.
    let allow_unused_arg = (!path_args).then(|| quote!(#[allow(dead_code)]));
    let pipeline = pipeline_fn(krate);
    quote! {
        //! Shared helpers for the client methods.

        use azure_core::{
            error::{CheckSuccessOptions, ErrorKind},
            http::{ClientOptions, Context, Pipeline, PipelineSendOptions, RawResponse, Request, Url},
            Error, Result,
        };

        #version_const

        #endpoint
        #pipeline

        /// A piece of a request path.
        pub(crate) enum Part<'a> {
            /// Literal text from the path template.
            Lit(&'static str),
            /// A parameter (name, value): sent as exactly one percent-encoded segment.
            #allow_unused_arg
            Arg(&'static str, &'a str),
        }

        /// Builds the request URL: the endpoint's path, then `path`, then the query pairs
        /// whose values are set.
        pub(crate) fn url(endpoint: &Url, path: &[Part<'_>], query: &[(&str, Option<&str>)]) -> Result<Url> {
            let mut full = String::from(endpoint.path().trim_end_matches('/'));
            for part in path {
                match part {
                    Part::Lit(text) => full.push_str(text),
                    Part::Arg(name, value) => push_segment(&mut full, name, value)?,
                }
            }
            let mut url = endpoint.clone();
            url.set_path(&full);
            url.set_query(None);
            if query.iter().any(|(_, value)| value.is_some()) {
                let mut pairs = url.query_pairs_mut();
                for (name, value) in query {
                    if let Some(value) = value {
                        pairs.append_pair(name, value);
                    }
                }
            }
            Ok(url)
        }

        /// Percent-encodes `value` as one path segment: every byte but ASCII letters, digits
        /// and `-._~` is escaped, so no value can add a segment or reach the query. Empty, `.`
        /// and `..` are refused: the first changes which resource the URL names, and URL
        /// parsers collapse the others even when percent-encoded.
        fn push_segment(out: &mut String, name: &str, value: &str) -> Result<()> {
            if value.is_empty() {
                return Err(Error::with_message(ErrorKind::Other, format!("parameter `{name}` cannot be empty")));
            }
            if value == "." || value == ".." {
                return Err(Error::with_message(ErrorKind::Other, format!("parameter `{name}` cannot be `{value}`: it would change the path instead of naming a resource")));
            }
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            for byte in value.bytes() {
                if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                    out.push(char::from(byte));
                } else {
                    out.push('%');
                    out.push(char::from(HEX[usize::from(byte >> 4)]));
                    out.push(char::from(HEX[usize::from(byte & 0xF)]));
                }
            }
            Ok(())
        }

        /// Sends `request`; any status outside `success_codes` is an `HttpResponse` error.
        pub(crate) async fn send(pipeline: &Pipeline, ctx: &Context<'_>, request: &mut Request, success_codes: &'static [u16]) -> Result<RawResponse> {
            pipeline
                .send(ctx, request, Some(PipelineSendOptions {
                    check_success: CheckSuccessOptions { success_codes },
                    ..Default::default()
                }))
                .await
        }
    }
}

fn endpoint_fn(krate: &Crate) -> TokenStream {
    let default = &krate.service.default_endpoint;
    if krate.service.arm {
        quote! {
            /// The endpoint: the explicit one, else Azure Resource Manager of the configured cloud.
            pub(crate) fn endpoint(explicit: Option<Url>, options: &ClientOptions) -> Result<Url> {
                use azure_core::cloud::CloudConfiguration;
                let url = match explicit {
                    Some(url) => url,
                    None => {
                        let arm = match options.cloud.as_deref() {
                            None | Some(CloudConfiguration::AzurePublic) => #default,
                            Some(CloudConfiguration::AzureGovernment) => "https://management.usgovcloudapi.net",
                            Some(CloudConfiguration::AzureChina) => "https://management.chinacloudapi.cn",
                            Some(_) => {
                                return Err(Error::with_message(ErrorKind::Other, "a custom cloud has no known Resource Manager endpoint: set the client options' `endpoint`"));
                            }
                        };
                        Url::parse(arm)?
                    }
                };
                check_scheme(url)
            }
        }
    } else if krate.service.endpoint_argument {
        quote! {
            /// The endpoint the caller gave to `new`.
            pub(crate) fn endpoint(endpoint: &str) -> Result<Url> {
                check_scheme(Url::parse(endpoint)?)
            }
        }
    } else {
        quote! {
            /// The endpoint: the explicit one, else the spec's server.
            pub(crate) fn endpoint(explicit: Option<Url>, _options: &ClientOptions) -> Result<Url> {
                let url = match explicit {
                    Some(url) => url,
                    None => Url::parse(#default)?,
                };
                check_scheme(url)
            }
        }
    }
    .into_iter()
    .chain(quote! {
        fn check_scheme(url: Url) -> Result<Url> {
            if url.scheme() != "https" && url.scheme() != "http" {
                return Err(Error::with_message(ErrorKind::Other, format!("endpoint `{url}` must use https (or http)")));
            }
            Ok(url)
        }
    })
    .collect()
}

fn pipeline_fn(krate: &Crate) -> TokenStream {
    match krate.service.auth {
        Auth::BearerToken => quote! {
            /// The request pipeline: azure_core's standard policies (telemetry `User-Agent`,
            /// `x-ms-client-request-id`, retry, logging) plus bearer tokens from `credential`
            /// for scope `{endpoint origin}/.default`.
            pub(crate) fn pipeline(credential: std::sync::Arc<dyn azure_core::credentials::TokenCredential>, endpoint: &Url, options: ClientOptions) -> Pipeline {
                use azure_core::http::policies::{auth::BearerTokenAuthorizationPolicy, Policy};
                let scope = format!("{}/.default", endpoint.origin().ascii_serialization());
                let auth: std::sync::Arc<dyn Policy> = std::sync::Arc::new(BearerTokenAuthorizationPolicy::new(credential, vec![scope]));
                Pipeline::new(option_env!("CARGO_PKG_NAME"), option_env!("CARGO_PKG_VERSION"), options, Vec::new(), vec![auth], None)
            }
        },
        Auth::None => quote! {
            /// The request pipeline: azure_core's standard policies, no authorization.
            pub(crate) fn pipeline(options: ClientOptions) -> Pipeline {
                Pipeline::new(option_env!("CARGO_PKG_NAME"), option_env!("CARGO_PKG_VERSION"), options, Vec::new(), Vec::new(), None)
            }
        },
    }
}
