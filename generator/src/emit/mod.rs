//! Emit stage: the IR -> token streams (Rust files) and text (Cargo.toml, README), one small
//! function per construct. Nothing here decides a name or reads the spec.

mod auth;
mod client;
mod constructor;
mod docs;
mod enumeration;
mod errors;
mod example;
mod features;
mod formats;
pub mod guide;
mod headers;
mod manifest;
mod method;
mod model;
mod responses;
mod runtime;
mod service;
mod tokens;
mod union;

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

/// What one output file holds, decided before any tokens are made, so files can be rendered
/// independently (and in parallel) in a fixed order.
pub enum Piece<'a> {
    /// `Cargo.toml`.
    Manifest,
    /// `README.md`.
    Readme,
    /// `src/lib.rs`.
    Lib,
    /// `src/runtime.rs`.
    Runtime,
    /// `src/formats.rs`: the wire formats of dates, times, durations and bytes.
    Formats,
    /// `src/clients/mod.rs`.
    ClientsMod,
    /// `src/models/mod.rs`.
    ModelsMod,
    /// `src/models/models.rs`.
    Models,
    /// `src/models/enums.rs`.
    Enums,
    /// `src/models/method_options.rs`.
    MethodOptions,
    /// `src/models/errors.rs`.
    Errors,
    /// `src/models/responses.rs`.
    Responses,
    /// `src/models/headers.rs`.
    Headers,
    /// One client's file.
    Client(&'a crate::ir::Client),
    /// The service client's file.
    Service(&'a crate::ir::ServiceClient),
    /// One example program.
    Example(&'a crate::ir::Example),
    /// A guide program (the README's, reading its values from the command line).
    Guide(guide::Program),
}

/// Every file of the crate with what it holds, in a fixed order.
pub fn plan(krate: &Crate) -> Vec<(String, Piece<'_>)> {
    let mut files = vec![
        ("Cargo.toml".to_string(), Piece::Manifest),
        ("README.md".to_string(), Piece::Readme),
        ("src/lib.rs".to_string(), Piece::Lib),
        ("src/runtime.rs".to_string(), Piece::Runtime),
        ("src/clients/mod.rs".to_string(), Piece::ClientsMod),
        ("src/models/mod.rs".to_string(), Piece::ModelsMod),
    ];
    if krate.models_only {
        files.retain(|(_, piece)| !matches!(piece, Piece::ClientsMod));
    }
    if !krate.wire_formats.is_empty() {
        files.push(("src/formats.rs".into(), Piece::Formats));
    }
    let (structs, enumerations) = kinds(krate);
    if structs {
        files.push(("src/models/models.rs".into(), Piece::Models));
    }
    if enumerations {
        files.push(("src/models/enums.rs".into(), Piece::Enums));
    }
    files.push(("src/models/method_options.rs".into(), Piece::MethodOptions));
    files.push(("src/models/errors.rs".into(), Piece::Errors));
    if responses::any(krate) {
        files.push(("src/models/responses.rs".into(), Piece::Responses));
    }
    if headers::any(krate) {
        files.push(("src/models/headers.rs".into(), Piece::Headers));
    }
    for client in krate.clients.values() {
        files.push((
            format!("src/clients/{}.rs", client.module),
            Piece::Client(client),
        ));
    }
    if let Some(service) = &krate.service_client {
        files.push((
            format!("src/clients/{}.rs", service.module),
            Piece::Service(service),
        ));
    }
    for example in &krate.examples {
        if krate.operation(&example.operation_id).is_some() {
            files.push((
                format!("examples/{}.rs", example.file_stem),
                Piece::Example(example),
            ));
        }
    }
    for program in [
        guide::Program::Call,
        guide::Program::Pager,
        guide::Program::Poller,
    ] {
        if let Some(stem) = guide::example_stem(krate, program) {
            files.push((format!("examples/{stem}.rs"), Piece::Guide(program)));
        }
    }
    files
}

/// The contents of one planned file.
pub fn render(krate: &Crate, piece: &Piece) -> Contents {
    match piece {
        Piece::Manifest => Contents::Text(manifest::cargo_toml(krate)),
        Piece::Readme => Contents::Text(manifest::readme(krate)),
        Piece::Lib => Contents::Rust(lib_rs(krate)),
        Piece::Runtime => Contents::Rust(runtime::runtime(krate)),
        Piece::Formats => Contents::Rust(formats::module(&krate.wire_formats)),
        Piece::ClientsMod => Contents::Rust(clients_mod(krate)),
        Piece::ModelsMod => Contents::Rust(models_mod(krate)),
        Piece::Models => Contents::Rust(models(krate)),
        Piece::Enums => Contents::Rust(enums(krate)),
        Piece::MethodOptions => Contents::Rust(method_options(krate)),
        Piece::Errors => Contents::Rust(errors::errors(krate)),
        Piece::Responses => Contents::Rust(responses::responses(krate)),
        Piece::Headers => Contents::Rust(headers::headers(krate)),
        Piece::Client(client) => Contents::Rust(client::client(krate, client)),
        Piece::Service(service) => Contents::Rust(service::service_client(krate, service)),
        Piece::Example(example) => {
            Contents::Rust(example::example(krate, example).unwrap_or_default())
        }
        Piece::Guide(program) => Contents::Rust(guide_example(krate, *program)),
    }
}

/// A rough size of a planned file, in lines, so that the largest are formatted first. It
/// only orders work: the output does not depend on it.
pub fn expected_size(krate: &Crate, piece: &Piece) -> usize {
    let count = |enums: bool| {
        krate
            .types
            .values()
            .filter(|t| matches!(t, TypeDef::Enum(_)) == enums)
            .count()
    };
    match piece {
        Piece::Runtime => 1_000,
        Piece::Formats => 100 * krate.wire_formats.len(),
        Piece::Models => 30 * count(false),
        // The enums' impls (`as_str`, `FromStr`, `Display`, ...) make them the densest items.
        Piece::Enums => 80 * count(true),
        Piece::Client(client) => 50 + 25 * client.operations.len(),
        Piece::Service(_) | Piece::MethodOptions | Piece::Responses | Piece::Headers => 100,
        Piece::Errors | Piece::Example(_) | Piece::Guide(_) => 50,
        // Text is not formatted.
        Piece::Manifest | Piece::Readme => 0,
        Piece::Lib | Piece::ClientsMod | Piece::ModelsMod => 20,
    }
}

/// A guide program with its header: what it shows and how to run it.
fn guide_example(krate: &Crate, program: guide::Program) -> TokenStream {
    let what = match program {
        guide::Program::Call => "Makes one call: prints the response model as JSON, or what the service said when the call fails (`ServiceError`).",
        guide::Program::Pager => "Reads a pageable operation item by item, then page by page.",
        guide::Program::Poller => "Starts a long-running operation and waits for it to finish.",
    };
    let signed_in = if matches!(krate.service.auth, crate::ir::Auth::BearerToken) {
        ", signed in with the Azure CLI or the Azure Developer CLI"
    } else {
        ""
    };
    let run = format!(
        "Run: `{}`{signed_in}.",
        guide::command(krate, program).unwrap_or_default()
    );
    let what = format!(" {what}");
    let run = format!(" {run}");
    let body = guide::program(krate, program, guide::Values::Arguments).unwrap_or_default();
    quote! {
        #![doc = #what]
        #![doc = ""]
        #![doc = #run]
        #body
    }
}

/// Every file of the crate, in a fixed order.
pub fn emit(krate: &Crate) -> Vec<OutputFile> {
    plan(krate)
        .into_iter()
        .map(|(path, piece)| OutputFile {
            contents: render(krate, &piece),
            path,
        })
        .collect()
}

fn lib_rs(krate: &Crate) -> TokenStream {
    let exports = krate.clients.values().map(|c| {
        let (name, options) = (tokens::ident(&c.name), tokens::ident(&c.options_name));
        let gate = features::client_gate(c);
        quote!(#gate pub use clients::{#name, #options};)
    });
    let service_export = krate.service_client.as_ref().map(|s| {
        let (name, options) = (tokens::ident(&s.name), tokens::ident(&s.options_name));
        quote!(pub use clients::{#name, #options};)
    });
    let credentials_export = auth::schemes(krate)
        .and_then(|s| s.credentials_type.as_deref())
        .map(|name| {
            let name = tokens::ident(name);
            quote!(pub use runtime::#name;)
        });
    // With no client's feature on, the shared helpers have no caller.
    let any_client = features::predicate(&features::all(krate));
    let formats = (!krate.wire_formats.is_empty()).then(|| {
        quote!(
            pub mod formats;
        )
    });
    let text = krate.formats.text.then(runtime::text_format);
    let clients = (!krate.models_only).then(|| {
        quote!(
            pub mod clients;
        )
    });
    quote! {
        #![doc = include_str!("../README.md")]
        #![cfg_attr(docsrs, feature(doc_cfg))]
        #![warn(missing_docs)]

        #clients
        #formats
        pub mod models;
        #[cfg_attr(not(#any_client), allow(dead_code))]
        mod runtime;

        #service_export
        #credentials_export
        #(#exports)*
        #text
    }
}

fn clients_mod(krate: &Crate) -> TokenStream {
    let modules = krate.clients.values().map(|c| {
        let module = tokens::ident(&c.module);
        let gate = features::client_gate(c);
        quote! {
            #gate mod #module;
            #gate pub use #module::*;
        }
    });
    let service = krate.service_client.as_ref().map(|s| {
        let module = tokens::ident(&s.module);
        quote! {
            mod #module;
            pub use #module::*;
        }
    });
    let doc = if krate.service_client.is_some() {
        " The service client, and the clients of each operation group behind their cargo features."
    } else {
        " Clients, one per operation group, each behind its cargo feature."
    };
    quote! {
        #![doc = #doc]
        #service
        #(#modules)*
    }
}

/// Whether the crate has model structs and enumerations (an empty module is left out).
fn kinds(krate: &Crate) -> (bool, bool) {
    let structs = krate
        .types
        .values()
        .any(|t| matches!(t, TypeDef::Struct(_) | TypeDef::Union(_)));
    let enumerations = krate.types.values().any(|t| matches!(t, TypeDef::Enum(_)));
    (structs, enumerations)
}

fn models_mod(krate: &Crate) -> TokenStream {
    let (structs, enumerations) = kinds(krate);
    // Each item's gate: `None` when compiled always.
    let type_gates = |enums: bool| {
        krate
            .types
            .values()
            .filter(move |t| matches!(t, TypeDef::Enum(_)) == enums)
            .map(|t| {
                let used = krate.type_features(t);
                features::gate(krate, &used).map(|_| used)
            })
    };
    let monitor = krate.status_monitor.as_ref().map(|_| {
        let used = long_running_features(krate);
        features::gate(krate, &used).map(|_| used)
    });
    let models_gate = features::module_gate(type_gates(false).chain(monitor));
    let enums_gate = features::module_gate(type_gates(true));
    let mut options: Vec<Option<features::Features>> = method::shared_option_users(krate)
        .into_values()
        .map(|used| features::gate(krate, &used).map(|_| used))
        .collect();
    // Each method's own options are always behind its client's feature.
    options.extend(
        krate
            .clients
            .values()
            .map(|c| Some(features::Features::from([c.feature.as_str()]))),
    );
    let options_gate = features::module_gate(options);
    // The per-status enums, each behind its client's feature.
    let responses = responses::any(krate).then(|| {
        let gate = features::module_gate(
            krate
                .clients
                .values()
                .filter(|c| {
                    c.operations
                        .iter()
                        .any(|o| o.result.is_some() || o.errors.is_some())
                })
                .map(|c| Some(features::Features::from([c.feature.as_str()]))),
        );
        quote! {
            #gate
            mod responses;
            #gate
            pub use responses::*;
        }
    });
    // The typed response headers, each behind its client's feature.
    let headers = headers::any(krate).then(|| {
        let gate = headers::module_gate(krate);
        quote! {
            #gate
            mod headers;
            #gate
            pub use headers::*;
        }
    });
    let models = structs.then(|| {
        quote! {
            #models_gate
            #[allow(clippy::module_inception)]
            mod models;
        }
    });
    let enums = enumerations.then(|| {
        quote!(
            #enums_gate
            mod enums;
        )
    });
    let use_enums = enumerations.then(|| {
        quote!(
            #enums_gate
            pub use enums::*;
        )
    });
    let use_models = structs.then(|| {
        quote!(
            #models_gate
            pub use models::*;
        )
    });
    quote! {
        //! Request and response models, enumerations, per-method options and service errors.
        #models
        #enums
        mod errors;
        #options_gate
        mod method_options;
        #use_enums
        pub use errors::*;
        #options_gate
        pub use method_options::*;
        #use_models
        #responses
        #headers
    }
}

fn models(krate: &Crate) -> TokenStream {
    let items = krate.types.values().filter_map(|t| match t {
        TypeDef::Struct(s) => {
            let gate = features::gate(krate, &krate.type_features(t));
            Some(model::model(s, krate.xml.get(&s.name), gate))
        }
        TypeDef::Union(u) => {
            let gate = features::gate(krate, &krate.type_features(t));
            Some(union::union(u, gate))
        }
        TypeDef::Enum(_) => None,
    });
    // One `Page` impl per page model, however many operations share it, compiled with the
    // clients that page through it.
    let mut pages: BTreeMap<&str, (&Paging, features::Features)> = BTreeMap::new();
    for c in krate.clients.values() {
        for o in &c.operations {
            if let OperationKind::Pageable(p) = &o.kind {
                let entry = pages
                    .entry(p.page_type.as_str())
                    .or_insert_with(|| (p, features::Features::new()));
                entry.1.insert(c.feature.as_str());
            }
        }
    }
    let pages = pages
        .values()
        .map(|(p, used)| model::page(p, features::gate(krate, used)));
    let monitor = krate.status_monitor.as_deref().map(|name| {
        model::status_monitor(name, features::gate(krate, &long_running_features(krate)))
    });
    let helpers = model::xml_helpers(krate);
    quote!(#(#items)* #(#pages)* #monitor #helpers)
}

/// Features of the clients with long-running operations (which use the status monitor).
fn long_running_features(krate: &Crate) -> features::Features<'_> {
    features::of_helper(krate, crate::ir::Helper::Poller).unwrap_or_default()
}

fn enums(krate: &Crate) -> TokenStream {
    let items = krate.types.values().filter_map(|t| match t {
        TypeDef::Enum(e) => {
            let gate = features::gate(krate, &krate.type_features(t));
            Some(enumeration::enumeration(e, gate))
        }
        TypeDef::Struct(_) | TypeDef::Union(_) => None,
    });
    quote!(#(#items)*)
}

fn method_options(krate: &Crate) -> TokenStream {
    let items = krate.clients.values().flat_map(|c| {
        let gate = features::client_gate(c);
        c.operations.iter().map(move |o| {
            let options = method::options(krate, c, o);
            let choice = method::body_choice(o).map(|choice| quote!(#gate #choice));
            quote!(#gate #options #choice)
        })
    });
    let shared = method::shared_option_structs(krate);
    quote!(#shared #(#items)*)
}
