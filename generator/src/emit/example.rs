//! `examples/<client>_<method>.rs`: a program that calls one operation with the values of its
//! x-ms-example, authenticated through `azure_identity`.

use super::tokens;
use crate::ir::{Crate, Example, Source, TypeDef, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

/// The example program, or `None` when the operation is not in the crate.
pub fn example(krate: &Crate, example: &Example) -> Option<TokenStream> {
    let (client, op) = krate.operation(&example.operation_id)?;
    let header = format!(
        "Calls `{}` with the values of its x-ms-example.\n\nNeeds `AZURE_SUBSCRIPTION_ID` and a signed-in Azure CLI or Azure Developer CLI: `cargo run --example {}`.",
        op.id, example.file_stem
    );
    let header = header.lines().map(|l| {
        let l = format!(" {l}");
        quote!(#![doc = #l])
    });
    // The host template's values without a default, then the client's fields, from the
    // environment.
    let host_values = krate.service.host_arguments().map(|p| {
        let env = format!("AZURE_{}", p.rust_name.to_ascii_uppercase());
        quote!(&std::env::var(#env)?)
    });
    let client_fields: Vec<_> = host_values
        .chain(client.fields.iter().map(|f| {
            let env = format!("AZURE_{}", f.rust_name.to_ascii_uppercase());
            quote!(std::env::var(#env)?)
        }))
        .collect();
    let body = call(krate, example, &client_fields)?;
    Some(quote! {
        #(#header)*

        #[tokio::main]
        async fn main() -> Result<(), Box<dyn std::error::Error>> {
            #body
            Ok(())
        }
    })
}

/// Statements that make a client and call the operation with the example's values.
fn call(krate: &Crate, example: &Example, client_fields: &[TokenStream]) -> Option<TokenStream> {
    let (client, op) = krate.operation(&example.operation_id)?;
    let package = tokens::ident(&krate.package);
    let client_name = tokens::ident(&client.name);
    let mut args = Vec::new();
    for p in op.params.iter().filter(|p| p.source == Source::Argument) {
        let value = example
            .values
            .get(&p.wire_name)
            .cloned()
            .unwrap_or(Value::Null);
        args.push(literal(krate, &p.ty, &value, true));
    }
    let mut setup = Vec::new();
    if let Some(body) = op.body.as_ref().filter(|b| b.is_argument()) {
        let value = example
            .values
            .get(&body.wire_name)
            .cloned()
            .unwrap_or(Value::Null);
        let expr = literal(krate, &body.ty, &value, false);
        let name = tokens::ident(&body.rust_name);
        setup.push(quote!(let #name = #expr;));
        args.push(quote!(#name.try_into()?));
    }
    let call = tokens::ident(&op.method_name);
    let credential =
        matches!(krate.service.auth, crate::ir::Auth::BearerToken).then(|| quote!(credential,));
    let make_credential = credential
        .as_ref()
        .map(|_| quote!(let credential = azure_identity::DeveloperToolsCredential::new(None)?;));
    // The security schemes' credentials from environment variables (`API_KEY`, ...).
    let mut from_env = |name: &str| {
        let env = name.to_ascii_uppercase();
        quote!(std::env::var(#env)?)
    };
    let (make_credential, credential) =
        match super::auth::program_credentials(krate, &package, &mut from_env) {
            Some((uses, setup, arg)) => (Some(quote!(#uses #setup)), Some(arg)),
            None => (make_credential, credential),
        };
    Some(quote! {
        #make_credential
        let client = #package::#client_name::new(#credential #(#client_fields,)* None)?;
        #(#setup)*
        let response = client.#call(#(#args,)* None).await?;
        println!("status: {}", response.status());
    })
}

/// A Rust expression for `value` of type `ty`; `borrowed` gives `&str` for strings.
fn literal(krate: &Crate, ty: &TypeRef, value: &Value, borrowed: bool) -> TokenStream {
    match (ty, value) {
        (TypeRef::String, Value::String(s)) if borrowed => quote!(#s),
        (TypeRef::String, Value::String(s)) => quote!(#s.to_string()),
        (TypeRef::Bool, Value::Bool(b)) => quote!(#b),
        (TypeRef::I32, Value::Number(n)) => {
            let v = n
                .as_i64()
                .and_then(|v| i32::try_from(v).ok())
                .unwrap_or_default();
            quote!(#v)
        }
        (TypeRef::I64, Value::Number(n)) => {
            let v = n.as_i64().unwrap_or_default();
            quote!(#v)
        }
        (TypeRef::Named(name), _) => named_literal(krate, name, value),
        // An entity tag has no default; `*` matches any.
        (TypeRef::Etag, value) => {
            let tag = value.as_str().unwrap_or("*");
            quote!(azure_core::http::Etag::from(#tag))
        }
        (TypeRef::Vec(inner), Value::Array(items)) => {
            let items = items.iter().map(|v| literal(krate, inner, v, false));
            quote!(vec![#(#items),*])
        }
        (TypeRef::Box(inner), _) => {
            let inner = literal(krate, inner, value, false);
            quote!(Box::new(#inner))
        }
        (TypeRef::Nullable(_), Value::Null) => quote!(None),
        (TypeRef::Nullable(inner), _) => {
            let inner = literal(krate, inner, value, false);
            quote!(Some(#inner))
        }
        _ => quote!(Default::default()),
    }
}

fn named_literal(krate: &Crate, name: &str, value: &Value) -> TokenStream {
    let ident = tokens::ident(name);
    let package = tokens::ident(&krate.package);
    match (krate.types.get(name), value) {
        (Some(TypeDef::Enum(e)), Value::String(s)) => {
            match e.variants.iter().find(|v| &v.wire == s) {
                Some(v) => {
                    let v = tokens::ident(&v.rust_name);
                    quote!(#package::models::#ident::#v)
                }
                None if e.extensible => {
                    quote!(#package::models::#ident::UnknownValue(#s.to_string()))
                }
                None => quote!(Default::default()),
            }
        }
        (Some(TypeDef::Struct(s)), Value::Object(map)) => {
            let fields: Vec<_> = s
                .fields
                .iter()
                .filter(|f| !f.read_only)
                .filter_map(|f| {
                    let v = map.get(&f.wire_name)?;
                    let n = tokens::ident(&f.rust_name);
                    let e = literal(krate, &f.ty, v, false);
                    Some(quote!(#n: Some(#e)))
                })
                .collect();
            let rest = (fields.len() < s.fields.len() || s.additional.is_some())
                .then(|| quote!(..Default::default()));
            quote!(#package::models::#ident { #(#fields,)* #rest })
        }
        _ => quote!(Default::default()),
    }
}
