//! What the service client and every operation-group client share: the options struct with
//! its defaults, and `new`, which picks the endpoint and builds the pipeline.

use super::tokens;
use crate::ir::{Auth, Crate, PathPart};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// What differs between the clients whose constructors this module prints.
pub struct Constructor<'a> {
    /// The client's type name, for the docs.
    pub client: &'a str,
    /// The options type's name.
    pub options: &'a str,
    /// The doc line of the `credential` argument (bearer-token crates only).
    pub credential_doc: &'a str,
    /// The client's own required arguments (e.g. `subscription_id`), in order.
    pub field_names: &'a [Ident],
    /// One `# Arguments` doc line for each of them.
    pub arg_docs: Vec<TokenStream>,
    /// The `api_version` option with its doc, when the client sends one.
    pub version_option: Option<TokenStream>,
    /// Its default, in the `Default` impl.
    pub version_default: Option<TokenStream>,
    /// Its move from the options into the client, in `new`.
    pub version_init: Option<TokenStream>,
}

/// `use` items the constructor needs beyond azure_core's `http` and `time` ones.
pub fn imports(krate: &Crate) -> Option<TokenStream> {
    if let Some(schemes) = super::auth::imports(krate) {
        return Some(schemes);
    }
    bearer(krate).then(|| {
        quote!(
            use azure_core::credentials::TokenCredential;
            use std::sync::Arc;
        )
    })
}

/// `<Client>Options` and its `Default` impl.
pub fn options_struct(krate: &Crate, parts: &Constructor<'_>) -> TokenStream {
    let options = tokens::ident(parts.options);
    let options_doc = format!(" Options used when creating a [`{}`].", parts.client);
    let endpoint_arg = krate.service.endpoint_argument;
    let endpoint_doc = if krate.service.arm {
        " Overrides the endpoint, which otherwise is Azure Resource Manager of `client_options.cloud` (public Azure by default). Tokens are requested for `{endpoint origin}/.default`."
    } else {
        " Overrides the endpoint, which otherwise is the spec's server."
    };
    let endpoint_doc = match &krate.service.host {
        Some(host) => format!(" Overrides the endpoint, which otherwise is made from the host template `{}` and its values.", host.template),
        None => endpoint_doc.to_string(),
    };
    let endpoint_option = (!endpoint_arg).then(|| {
        quote! {
            #[doc = #endpoint_doc]
            pub endpoint: Option<Url>,
        }
    });
    let endpoint_default = (!endpoint_arg).then(|| quote!(endpoint: None,));
    let variable_fields = krate.service.variables.iter().map(|v| {
        let name = tokens::ident(&v.rust_name);
        let mut doc = format!(" The server URL's `{{{}}}`", v.wire_name);
        if !v.docs.trim().is_empty() {
            doc.push_str(&format!(": {}", v.docs.trim().trim_end_matches('.')));
        }
        doc.push_str(&format!(" (default `{}`", v.default));
        if !v.values.is_empty() {
            let values: Vec<String> = v.values.iter().map(|x| format!("`{x}`")).collect();
            doc.push_str(&format!("; one of {}", values.join(", ")));
        }
        doc.push_str(").");
        let doc = doc.replace('\n', " ");
        quote! {
            #[doc = #doc]
            pub #name: String,
        }
    });
    let variable_defaults = krate.service.variables.iter().map(|v| {
        let name = tokens::ident(&v.rust_name);
        let default = &v.default;
        quote!(#name: String::from(#default),)
    });
    let version_option = &parts.version_option;
    let version_default = &parts.version_default;
    let defaulted: Vec<_> = krate
        .service
        .host
        .iter()
        .flat_map(|h| h.options())
        .collect();
    let host_options = defaulted.iter().map(|(p, default)| {
        let n = tokens::ident(&p.rust_name);
        let doc = super::docs::doc_line(&format!(
            "{} The `{}` part of the host; defaults to `{default}`.",
            p.docs.lines().next().unwrap_or("").trim(),
            p.wire_name
        ));
        quote!(#doc pub #n: String,)
    });
    let host_defaults = defaulted.iter().map(|(p, default)| {
        let n = tokens::ident(&p.rust_name);
        quote!(#n: String::from(#default),)
    });
    quote! {
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
            #(#variable_fields)*
            #(#host_options)*
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
                    #(#variable_defaults)*
                    #(#host_defaults)*
                    timeout: Some(crate::runtime::DEFAULT_TIMEOUT),
                }
            }
        }
    }
}

/// `new` (endpoint, pipeline, the client's own arguments) and the `endpoint` accessor.
pub fn constructor(krate: &Crate, parts: &Constructor<'_>) -> TokenStream {
    let options = tokens::ident(parts.options);
    let namespace = &krate.service.namespace;
    let new_doc = format!(" Creates a new [`{}`].", parts.client);
    let bearer = bearer(krate);
    let credential_arg = bearer.then(|| quote!(credential: Arc<dyn TokenCredential>,));
    let credential_doc = bearer.then(|| {
        let lines = parts
            .credential_doc
            .lines()
            .map(|line| quote!(#[doc = #line]));
        quote!(#(#lines)*)
    });
    let schemes = super::auth::new_parts(krate);
    let (credential_arg, credential_doc) = match &schemes {
        Some((params, docs, _)) => (Some(params.clone()), Some(docs.clone())),
        None => (credential_arg, credential_doc),
    };
    let pipeline = if let Some((_, _, policy)) = &schemes {
        quote!(crate::runtime::pipeline(
            #policy,
            options.client_options,
            options.timeout
        ))
    } else if bearer {
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
        let doc = match &krate.service.relative_base {
            Some(base) => {
                let path = base.strip_prefix('.').unwrap_or(base);
                let sep = if path.starts_with('/') { "" } else { "/" };
                format!(" * `endpoint` - The URL the spec's relative server URL `{base}` is resolved against, as a URL resolver would: `https://api.example.com` gives `https://api.example.com{sep}{path}`.")
            }
            None => " * `endpoint` - The service's URL, e.g. `https://api.example.com`.".to_string(),
        };
        quote!(#[doc = #doc])
    });
    let variables = (!krate.service.variables.is_empty()).then(|| {
        let items = krate.service.variables.iter().map(|v| {
            let wire = &v.wire_name;
            let name = tokens::ident(&v.rust_name);
            let values = &v.values;
            quote!((#wire, options.#name.as_str(), &[#(#values),*]))
        });
        quote!(&[#(#items),*],)
    });
    let required: Vec<_> = krate.service.host_arguments().collect();
    let host_args: Vec<_> = required
        .iter()
        .map(|p| tokens::ident(&p.rust_name))
        .collect();
    let host_arg_docs = required.iter().map(|p| arg_doc(&p.rust_name, &p.docs));
    let endpoint_expr = if let Some(host) = &krate.service.host {
        let pushes = host.parts.iter().map(|part| match part {
            PathPart::Literal(text) => match text.chars().collect::<Vec<_>>().as_slice() {
                [one] => quote!(url.push(#one);),
                _ => quote!(url.push_str(#text);),
            },
            PathPart::Param(wire) => {
                let Some(p) = host.params.iter().find(|p| &p.wire_name == wire) else {
                    return quote!();
                };
                let n = tokens::ident(&p.rust_name);
                let value = if p.default.is_some() {
                    quote!(&options.#n)
                } else {
                    quote!(#n)
                };
                if p.skip_url_encoding {
                    quote!(url.push_str(#value);)
                } else {
                    quote!(crate::runtime::push_encoded(&mut url, #value);)
                }
            }
        });
        quote!(match options.endpoint.clone() {
            Some(endpoint) => crate::runtime::endpoint(Some(endpoint), &options.client_options)?,
            None => {
                let mut url = String::new();
                #(#pushes)*
                crate::runtime::endpoint(Some(Url::parse(&url)?), &options.client_options)?
            }
        })
    } else if endpoint_arg {
        quote!(crate::runtime::endpoint(endpoint, #variables)?)
    } else {
        quote!(crate::runtime::endpoint(
            options.endpoint.clone(),
            #variables
            &options.client_options
        )?)
    };
    let field_names = parts.field_names;
    let arg_docs = &parts.arg_docs;
    let version_init = &parts.version_init;
    quote! {
        #[doc = #new_doc]
        ///
        /// # Arguments
        ///
        #endpoint_param_doc
        #credential_doc
        #(#host_arg_docs)*
        #(#arg_docs)*
        /// * `options` - Optional configuration for the client.
        ///
        /// # Errors
        ///
        /// Fails when the endpoint is not an `http(s)` URL or cannot be determined.
        #[tracing::new(#namespace)]
        pub fn new(#endpoint_param #credential_arg #(#host_args: &str,)* #(#field_names: String,)* options: Option<#options>) -> Result<Self> {
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
    }
}

/// The `# Arguments` doc line of one of the client's own arguments: its name and the first
/// line of its docs.
pub fn arg_doc(rust_name: &str, docs: &str) -> TokenStream {
    super::docs::doc_line(&format!(
        "* `{rust_name}` - {}",
        docs.lines().next().unwrap_or("").trim()
    ))
}

/// Whether clients take a `TokenCredential`.
fn bearer(krate: &Crate) -> bool {
    matches!(krate.service.auth, Auth::BearerToken)
}
