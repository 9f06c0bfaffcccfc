//! One client file: the client type, its options, `new`, and its methods.

use super::constructor::{self, Constructor};
use super::{docs, method, tokens};
use crate::ir::{Client, Crate};
use proc_macro2::TokenStream;
use quote::quote;

/// The client struct, `<Client>Options`, the constructor and every method.
pub fn client(krate: &Crate, client: &Client) -> TokenStream {
    let name = tokens::ident(&client.name);
    let doc = docs::doc(&client.docs);
    let field_names: Vec<_> = client
        .fields
        .iter()
        .map(|f| tokens::ident(&f.rust_name))
        .collect();
    let field_docs = client.fields.iter().map(|f| docs::doc(&f.docs));
    let versioned = client.sends_api_version();
    let default_version = docs::doc_line(&format!(
        "The `api-version` sent with every request; defaults to {}.",
        docs::code(&client.api_version)
    ));
    let version_field = versioned.then(|| quote!(pub(crate) api_version: String,));
    let parts = Constructor {
        client: &client.name,
        options: &client.options_name,
        credential_doc:
            " * `credential` - Any `azure_core` [`TokenCredential`], e.g. from `azure_identity`.",
        field_names: &field_names,
        arg_docs: client
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
        version_default: versioned.then(|| {
            if client.api_version == krate.api_version {
                quote!(api_version: String::from(crate::runtime::DEFAULT_API_VERSION),)
            } else {
                let version = &client.api_version;
                quote!(api_version: String::from(#version),)
            }
        }),
        version_init: versioned.then(|| quote!(api_version: options.api_version,)),
    };
    let options_struct = constructor::options_struct(krate, &parts);
    let constructor = constructor::constructor(krate, &parts);
    let imports = constructor::imports(krate);
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
            #constructor

            #(#methods)*
        }
    }
}
