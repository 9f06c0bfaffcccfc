//! The service client: one per crate with two or more operation groups. `new` builds the
//! pipeline once (one token cache); each `…_client()` getter hands out a group's client that
//! shares it, behind that group's feature.

use super::constructor::{self, Constructor};
use super::{docs, features, tokens};
use crate::ir::{Crate, ServiceClient};
use proc_macro2::TokenStream;
use quote::quote;

/// `src/clients/{module}.rs` for the service client.
pub fn service_client(krate: &Crate, service: &ServiceClient) -> TokenStream {
    let name = tokens::ident(&service.name);
    let doc = docs::doc(&service.docs);
    // The groups that send the crate's default api-version share this client's `api_version`;
    // a group whose files declare another version keeps its own.
    let versioned_features: features::Features =
        features::of_helper(krate, crate::ir::Helper::DefaultApiVersion).unwrap_or_default();
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
    let default_version = if krate
        .clients
        .values()
        .all(|c| c.api_version == krate.api_version)
    {
        format!(
            "The `api-version` sent with every request; defaults to {}.",
            docs::code(&krate.api_version)
        )
    } else {
        format!(
            "The `api-version` sent by the groups whose operations declare {} (its default); the other groups send their own.",
            docs::code(&krate.api_version)
        )
    };
    let default_version = docs::doc_line(&default_version);
    // The literal, not `runtime::DEFAULT_API_VERSION`: that constant is compiled only with the
    // features of the groups that send it, and this client is always compiled.
    let default = &krate.api_version;
    let parts = Constructor {
        client: &service.name,
        options: &service.options_name,
        credential_doc: " * `credential` - Any `azure_core` [`TokenCredential`], e.g. from `azure_identity`;\n   asked for a token once for all the groups' clients (and again when it expires).",
        field_names: &field_names,
        arg_docs: service
            .fields
            .iter()
            .map(|f| constructor::arg_doc(&f.rust_name, &f.docs))
            .collect(),
        version_option: versioned.then(|| {
            quote! {
                #default_version
                pub api_version: String,
            }
        }),
        version_default: versioned.then(|| quote!(api_version: String::from(#default),)),
        version_init: versioned.then(|| quote!(api_version: options.api_version,)),
    };
    let options_struct = constructor::options_struct(krate, &parts);
    let constructor = constructor::constructor(krate, &parts);
    let getters = service.getters.iter().filter_map(|g| {
        let client = krate.clients.get(&g.client)?;
        let method = tokens::ident(&g.method);
        let ty = tokens::ident(&client.name);
        let gate = features::client_gate(client);
        let version = client.sends_api_version().then(|| {
            if client.api_version == krate.api_version {
                quote!(api_version: self.api_version.clone(),)
            } else {
                let own = &client.api_version;
                quote!(api_version: String::from(#own),)
            }
        });
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
    let imports = constructor::imports(krate);
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

        #options_struct

        impl #name {
            #constructor

            #(#getters)*
        }
    }
}
