//! Emit stage: the IR -> token streams (Rust files) and text (Cargo.toml, README), one small
//! function per construct. Nothing here decides a name or reads the spec.

mod client;
mod docs;
mod enumeration;
mod errors;
mod example;
mod manifest;
mod method;
mod model;
mod runtime;
mod tokens;

use crate::ir::{Crate, OperationKind, Paging, TypeDef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// The contents of one output file, before formatting.
pub enum Contents {
    /// Rust source, formatted by the write stage.
    Rust(TokenStream),
    /// Any other text, written as is.
    Text(String),
}

/// One output file, by path relative to the crate root.
pub struct OutputFile {
    /// Relative path with `/` separators, e.g. `src/models/mod.rs`.
    pub path: String,
    /// What goes in it.
    pub contents: Contents,
}

fn rust(path: impl Into<String>, tokens: TokenStream) -> OutputFile {
    OutputFile {
        path: path.into(),
        contents: Contents::Rust(tokens),
    }
}

/// Every file of the crate, in a fixed order.
pub fn emit(krate: &Crate) -> Vec<OutputFile> {
    let mut files = vec![
        OutputFile {
            path: "Cargo.toml".into(),
            contents: Contents::Text(manifest::cargo_toml(krate)),
        },
        OutputFile {
            path: "README.md".into(),
            contents: Contents::Text(manifest::readme(krate)),
        },
        rust("src/lib.rs", lib_rs(krate)),
        rust("src/runtime.rs", runtime::runtime(krate)),
        rust("src/clients/mod.rs", clients_mod(krate)),
        rust("src/models/mod.rs", models_mod(krate)),
    ];
    let (structs, enumerations) = kinds(krate);
    if structs {
        files.push(rust("src/models/models.rs", models(krate)));
    }
    if enumerations {
        files.push(rust("src/models/enums.rs", enums(krate)));
    }
    files.push(rust("src/models/method_options.rs", method_options(krate)));
    files.push(rust("src/models/errors.rs", errors::errors(krate)));
    for client in krate.clients.values() {
        files.push(rust(
            format!("src/clients/{}.rs", client.module),
            client::client(krate, client),
        ));
    }
    for example in &krate.examples {
        if let Some(tokens) = example::example(krate, example) {
            files.push(rust(format!("examples/{}.rs", example.file_stem), tokens));
        }
    }
    files
}

fn lib_rs(krate: &Crate) -> TokenStream {
    let exports = krate.clients.values().map(|c| {
        let (name, options) = (tokens::ident(&c.name), tokens::ident(&c.options_name));
        quote!(#name, #options)
    });
    quote! {
        #![doc = include_str!("../README.md")]
        #![cfg_attr(docsrs, feature(doc_cfg))]
        #![warn(missing_docs)]

        pub mod clients;
        pub mod models;
        mod runtime;

        pub use clients::{#(#exports),*};
    }
}

fn clients_mod(krate: &Crate) -> TokenStream {
    let modules = krate.clients.values().map(|c| tokens::ident(&c.module));
    let modules2 = modules.clone();
    quote! {
        //! Clients, one per operation group.
        #(mod #modules;)*
        #(pub use #modules2::*;)*
    }
}

/// Whether the crate has model structs and enumerations (an empty module is left out).
fn kinds(krate: &Crate) -> (bool, bool) {
    let structs = krate
        .types
        .values()
        .any(|t| matches!(t, TypeDef::Struct(_)));
    let enumerations = krate.types.values().any(|t| matches!(t, TypeDef::Enum(_)));
    (structs, enumerations)
}

fn models_mod(krate: &Crate) -> TokenStream {
    let (structs, enumerations) = kinds(krate);
    let models = structs.then(|| {
        quote! {
            #[allow(clippy::module_inception)]
            mod models;
        }
    });
    let enums = enumerations.then(|| {
        quote!(
            mod enums;
        )
    });
    let use_enums = enumerations.then(|| {
        quote!(
            pub use enums::*;
        )
    });
    let use_models = structs.then(|| {
        quote!(
            pub use models::*;
        )
    });
    quote! {
        //! Request and response models, enumerations, per-method options and service errors.
        #models
        #enums
        mod errors;
        mod method_options;
        #use_enums
        pub use errors::*;
        pub use method_options::*;
        #use_models
    }
}

fn models(krate: &Crate) -> TokenStream {
    let items = krate.types.values().filter_map(|t| match t {
        TypeDef::Struct(s) => Some(model::model(s)),
        TypeDef::Enum(_) => None,
    });
    // One `Page` impl per page model, however many operations share it.
    let pages: BTreeMap<&str, &Paging> = krate
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .filter_map(|o| match &o.kind {
            OperationKind::Pageable(p) => Some((p.page_type.as_str(), p)),
            _ => None,
        })
        .collect();
    let pages = pages.values().map(|p| model::page(p));
    let monitor = krate.status_monitor.as_deref().map(model::status_monitor);
    quote!(#(#items)* #(#pages)* #monitor)
}

fn enums(krate: &Crate) -> TokenStream {
    let items = krate.types.values().filter_map(|t| match t {
        TypeDef::Enum(e) => Some(enumeration::enumeration(e)),
        TypeDef::Struct(_) => None,
    });
    quote!(#(#items)*)
}

fn method_options(krate: &Crate) -> TokenStream {
    let items = krate.clients.values().flat_map(|c| {
        c.operations
            .iter()
            .map(move |o| method::options(krate, c, o))
    });
    quote!(#(#items)*)
}
