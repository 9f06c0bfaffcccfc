//! The programs of the README (compiled as doc tests) and of `examples/`: the service client,
//! one call read with `into_model()` and, when it fails, through `ServiceError`; a pager read
//! by items and by pages; a poller awaited to its end. Which operations they call is decided
//! in lower (`Crate::guide`).

use super::tokens;
use crate::ir::{Auth, Client, Crate, Operation, OperationKind, Source, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

/// Where the programs take the values of the arguments from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Values {
    /// `"<resource-group-name>"`: the README, compiled but never run.
    Placeholders,
    /// The command line, in order: the example programs.
    Arguments,
}

/// Which program.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// One call: `into_model()`, or `ServiceError` when it fails.
    Call,
    /// A pager read by items, then by pages.
    Pager,
    /// A poller awaited to its end.
    Poller,
}

/// The operation a program calls, with its client.
fn target(krate: &Crate, program: Program) -> Option<(&Client, &Operation)> {
    let chosen = match program {
        Program::Call => krate.guide.call.as_ref(),
        Program::Pager => krate.guide.pager.as_ref(),
        Program::Poller => krate.guide.poller.as_ref(),
    }?;
    krate.operation(&chosen.operation_id)
}

/// The whole program, `main` included, or `None` when the crate has no operation for it.
pub fn program(krate: &Crate, program: Program, values: Values) -> Option<TokenStream> {
    let (client, op) = target(krate, program)?;
    let package = tokens::ident(&krate.package);
    let usage_line = format!("usage: {}", command(krate, program).unwrap_or_default());
    let mut next = 0usize;
    let mut value = |name: &str| -> TokenStream {
        let placeholder = format!("<{}>", name.replace('_', "-"));
        match values {
            Values::Placeholders => quote!(#placeholder),
            Values::Arguments => {
                let index = proc_macro2::Literal::usize_unsuffixed(next);
                let at = if next == 0 {
                    quote!(first())
                } else {
                    quote!(get(#index))
                };
                next += 1;
                quote!(values.#at.ok_or(USAGE)?.as_str())
            }
        }
    };
    // The client: the service client when the crate has one, else the only client.
    let (client_type, fields) = match &krate.service_client {
        Some(service) => (
            service.name.as_str(),
            service
                .fields
                .iter()
                .map(|f| f.rust_name.as_str())
                .collect::<Vec<_>>(),
        ),
        None => (
            client.name.as_str(),
            client.fields.iter().map(|f| f.rust_name.as_str()).collect(),
        ),
    };
    let client_ident = tokens::ident(client_type);
    let bearer = matches!(krate.service.auth, Auth::BearerToken);
    let credential = bearer.then(|| quote!(let credential = DeveloperToolsCredential::new(None)?;));
    let credential_arg = bearer.then(|| quote!(credential,));
    let identity_use = bearer.then(|| {
        quote!(
            use azure_identity::DeveloperToolsCredential;
        )
    });
    let endpoint_arg = krate.service.endpoint_argument.then(|| {
        let v = value("endpoint");
        quote!(#v,)
    });
    // The security schemes' credentials, from the values after the endpoint.
    let (credential, credential_arg, identity_use) =
        match super::auth::program_credentials(krate, &package, &mut value) {
            Some((uses, setup, arg)) => (Some(setup), Some(arg), Some(uses)),
            None => (credential, credential_arg, identity_use),
        };
    // The host template's values without a default come before the client's fields.
    let host_args: Vec<TokenStream> = krate
        .service
        .host_arguments()
        .map(|p| {
            let v = value(&p.rust_name);
            quote!(#v,)
        })
        .collect();
    let field_args: Vec<TokenStream> = fields
        .iter()
        .map(|f| {
            let v = value(f);
            quote!(#v.to_string())
        })
        .collect();
    let args: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|p| p.source == Source::Argument)
        .map(|p| value(&p.rust_name))
        .collect();
    let group = match &krate.service_client {
        Some(service) => {
            let getter = service.getters.iter().find(|g| g.client == client.name)?;
            let getter = tokens::ident(&getter.method);
            quote!(client.#getter())
        }
        None => quote!(client),
    };
    let method = tokens::ident(&op.method_name);
    let call = quote!(#group.#method(#(#args,)* None));
    let mut uses = vec![quote!(use #package::#client_ident;)];
    let body = match program {
        Program::Call => {
            let error_model = match &op.error_type {
                Some(TypeRef::Named(name)) => {
                    let name = tokens::ident(name);
                    uses.push(quote!(use #package::models::{#name, ServiceError};));
                    quote!(#name)
                }
                _ => {
                    uses.push(quote!(use #package::models::ServiceError;));
                    quote!(serde_json::Value)
                }
            };
            let ok = if op.success_type.is_some() {
                quote! {
                    let model = response.into_model()?;
                    let json = serde_json::to_string_pretty(&model)?;
                    println!("{json}");
                }
            } else {
                quote! {
                    let status = response.status();
                    println!("status: {status}");
                }
            };
            quote! {
                match #call.await {
                    Ok(response) => {
                        #ok
                    }
                    Err(error) => {
                        let error = ServiceError::<#error_model>::try_from(error)?;
                        let status = error.status;
                        let code = error.error_code.unwrap_or_default();
                        let request_id = error.request_id.unwrap_or_default();
                        eprintln!("{status} {code} (x-ms-request-id {request_id})");
                        if let Some(details) = error.error {
                            let json = serde_json::to_string_pretty(&details)?;
                            eprintln!("{json}");
                        }
                    }
                }
            }
        }
        Program::Pager => {
            let OperationKind::Pageable(paging) = &op.kind else {
                return None;
            };
            let items = tokens::ident(&paging.item_field);
            uses.push(quote!(
                use futures::TryStreamExt;
            ));
            quote! {
                let mut items = #call?;
                while let Some(item) = items.try_next().await? {
                    let json = serde_json::to_string(&item)?;
                    println!("{json}");
                }
                let mut pages = #call?.into_pages();
                while let Some(page) = pages.try_next().await? {
                    let page = page.into_model()?;
                    let count = page.#items.map_or(0, |items| items.len());
                    println!("a page of {count} items");
                }
            }
        }
        Program::Poller => quote! {
            let done = #call?.await?;
            let status = done.status();
            println!("finished with status {status}");
        },
    };
    let takes_arguments = usage(krate, program).is_some_and(|u| !u.is_empty());
    let args_setup = (values == Values::Arguments && takes_arguments)
        .then(|| quote!(let values: Vec<String> = std::env::args().skip(1).collect();));
    let usage_const = (values == Values::Arguments && takes_arguments).then(|| {
        quote! {
            /// How to run this program.
            const USAGE: &str = #usage_line;
        }
    });
    Some(quote! {
        #identity_use
        #(#uses)*

        #usage_const

        #[tokio::main]
        async fn main() -> Result<(), Box<dyn std::error::Error>> {
            #args_setup
            #credential
            let client = #client_ident::new(#endpoint_arg #credential_arg #(#host_args)* #(#field_args,)* None)?;
            #body
            Ok(())
        }
    })
}

/// The operationId a program calls.
pub fn operation_id(krate: &Crate, program: Program) -> Option<&str> {
    let chosen = match program {
        Program::Call => krate.guide.call.as_ref(),
        Program::Pager => krate.guide.pager.as_ref(),
        Program::Poller => krate.guide.poller.as_ref(),
    }?;
    Some(&chosen.operation_id)
}

/// File stem of a program under `examples/`.
pub fn example_stem(krate: &Crate, program: Program) -> Option<&str> {
    let chosen = match program {
        Program::Call => krate.guide.call.as_ref(),
        Program::Pager => krate.guide.pager.as_ref(),
        Program::Poller => krate.guide.poller.as_ref(),
    }?;
    Some(&chosen.example)
}

/// `cargo run --example {stem} -- {arguments}` for a program.
pub fn command(krate: &Crate, program: Program) -> Option<String> {
    let stem = example_stem(krate, program)?;
    let arguments = usage(krate, program)?;
    Some(if arguments.is_empty() {
        format!("cargo run --example {stem}")
    } else {
        format!("cargo run --example {stem} -- {arguments}")
    })
}

/// The command line of an example program: its argument placeholders, in order.
pub fn usage(krate: &Crate, program: Program) -> Option<String> {
    let (client, op) = target(krate, program)?;
    let mut names: Vec<String> = Vec::new();
    if krate.service.endpoint_argument {
        names.push("<endpoint>".into());
    }
    names.extend(
        super::auth::program_value_names(krate)
            .iter()
            .map(|n| format!("<{}>", n.replace('_', "-"))),
    );
    names.extend(
        krate
            .service
            .host_arguments()
            .map(|p| format!("<{}>", p.rust_name.replace('_', "-"))),
    );
    let fields: Vec<&str> = match &krate.service_client {
        Some(service) => service
            .fields
            .iter()
            .map(|f| f.rust_name.as_str())
            .collect(),
        None => client.fields.iter().map(|f| f.rust_name.as_str()).collect(),
    };
    names.extend(fields.iter().map(|f| format!("<{}>", f.replace('_', "-"))));
    names.extend(
        op.params
            .iter()
            .filter(|p| p.source == Source::Argument)
            .map(|p| format!("<{}>", p.rust_name.replace('_', "-"))),
    );
    Some(names.join(" "))
}

/// The program as README text: formatted, no hidden lines.
pub fn text(krate: &Crate, which: Program) -> Option<String> {
    let tokens = program(krate, which, Values::Placeholders)?;
    let file: syn::File = syn::parse2(tokens).ok()?;
    let text = prettyplease::unparse(&file);
    // A blank line between the imports and `main`, as one writes it.
    Some(text.replacen("\n#[tokio::main]", "\n\n#[tokio::main]", 1))
}
