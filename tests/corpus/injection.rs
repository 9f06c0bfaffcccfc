//! Spec text lands only in doc comments and string literals, never as tokens: a spec whose
//! descriptions are hostile generates exactly the code of the same spec with plain
//! descriptions once doc comments are set aside, and no generated file defines an item the
//! spec does not describe.

use super::{cases::cases, corpus_dir, run, scratch, summary::defined_items};
use azure_codegen::GeneratedCrate;
use proc_macro2::{TokenStream, TokenTree};
use serde_json::Value;
use std::collections::BTreeSet;

/// The tokens of `text` without `#[doc = ...]` / `#![doc = ...]` attributes.
fn without_docs(text: &str) -> String {
    fn strip(tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(tree) = trees.get(i) {
            if let TokenTree::Punct(p) = tree {
                if p.as_char() == '#' {
                    let bang =
                        matches!(trees.get(i + 1), Some(TokenTree::Punct(b)) if b.as_char() == '!');
                    let at = i + 1 + usize::from(bang);
                    if let Some(TokenTree::Group(g)) = trees.get(at) {
                        let first = g.stream().into_iter().next();
                        if matches!(first, Some(TokenTree::Ident(ref id)) if id == "doc") {
                            i = at + 1;
                            continue;
                        }
                    }
                }
            }
            out.push(match tree {
                TokenTree::Group(g) => {
                    let mut inner = proc_macro2::Group::new(g.delimiter(), strip(g.stream()));
                    inner.set_span(g.span());
                    TokenTree::Group(inner)
                }
                other => other.clone(),
            });
            i += 1;
        }
        out.into_iter().collect()
    }
    strip(text.parse::<TokenStream>().unwrap()).to_string()
}

/// The text of every doc attribute in `text`, joined by newlines.
fn docs(text: &str) -> String {
    let file = syn::parse_file(text).unwrap();
    let mut out = String::new();
    fn collect(tokens: TokenStream, out: &mut String) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, tree) in trees.iter().enumerate() {
            match tree {
                TokenTree::Ident(id) if id == "doc" => {
                    if let Some(TokenTree::Literal(l)) = trees.get(i + 2) {
                        if let Ok(s) = syn::parse_str::<syn::LitStr>(&l.to_string()) {
                            out.push_str(&s.value());
                            out.push('\n');
                        }
                    }
                }
                TokenTree::Group(g) => collect(g.stream(), out),
                _ => {}
            }
        }
    }
    collect(quote::ToTokens::into_token_stream(file), &mut out);
    out
}

/// Replaces every `description` and `summary` string in a spec with plain text.
fn plain_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if (k == "description" || k == "summary") && v.is_string() {
                    *v = Value::String("Plain text.".into());
                } else if k == "pattern" && v.is_string() {
                    *v = Value::String("^[a-z]*$".into());
                } else {
                    plain_descriptions(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(plain_descriptions),
        _ => {}
    }
}

fn rust_files(g: &GeneratedCrate) -> impl Iterator<Item = (&str, &str)> {
    g.files
        .iter()
        .filter(|f| f.path.ends_with(".rs"))
        .map(|f| (f.path.as_str(), f.text.as_str()))
}

#[test]
fn test_hostile_descriptions_change_only_doc_comments() {
    let hostile_path = corpus_dir().join("cases/injection_descriptions.json");
    let text = std::fs::read_to_string(&hostile_path).unwrap();
    let mut plain: Value = serde_json::from_str(&text).unwrap();
    plain_descriptions(&mut plain);
    let dir = scratch("plain-descriptions");
    let plain_path = dir.join("injection_descriptions.json");
    std::fs::write(&plain_path, serde_json::to_string_pretty(&plain).unwrap()).unwrap();

    let hostile = run(&hostile_path).unwrap();
    let plain = run(&plain_path).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let paths = |g: &GeneratedCrate| g.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&hostile), paths(&plain));
    let mut all_docs = String::new();
    for ((path, h), (_, p)) in rust_files(&hostile).zip(rust_files(&plain)) {
        assert_eq!(
            without_docs(h),
            without_docs(p),
            "{path} differs beyond its docs"
        );
        all_docs.push_str(&docs(h));
    }
    // The hostile text is still there, in the docs, equivalent: rustdoc reads it as prose.
    for piece in [
        "Ends a comment */ and \"quotes\" \\ backslash #\\[derive(Evil)\\] } fn x() {}",
        "second line /* open",
        "fn main() { panic!() }",
        "&lt;script&gt;\\[link\\](javascript:x)",
        "pattern `^[a-z]*/\"\\$`",
    ] {
        assert!(
            all_docs.contains(piece),
            "{piece:?} not in the docs:\n{all_docs}"
        );
    }
    // The fence in a description is escaped: rustdoc makes no doctest of it.
    assert!(all_docs.contains("`\\`\\`rust\n"), "{all_docs}");
    assert!(
        all_docs.lines().all(|l| !l.trim_start().starts_with("```")),
        "{all_docs}"
    );
    // Cargo.toml stays valid TOML with the title on one line; the README has no code fence
    // or heading made from the title.
    let manifest = &hostile
        .files
        .iter()
        .find(|f| f.path == "Cargo.toml")
        .unwrap()
        .text;
    let parsed: toml::Table = toml::from_str(manifest).unwrap();
    assert_eq!(
        parsed["package"]["description"].as_str(),
        Some(r#"Rust client for Corpus "*/ \ ``` # title (api-version 2024"-01\-01 )"#)
    );
    assert_eq!(manifest.matches("\n[").count(), 4, "{manifest}");
    let readme = &hostile
        .files
        .iter()
        .find(|f| f.path == "README.md")
        .unwrap()
        .text;
    assert!(
        readme.contains("**Corpus \"\\*/ \\\\ \\`\\`\\` \\# title**"),
        "{readme}"
    );
    let structure: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("```") || l.starts_with('#'))
        .collect();
    assert_eq!(
        structure,
        [
            "# corpus_client",
            "## Install",
            "```toml",
            "```",
            "## The client",
            "## Clients",
            "## Features",
            "```toml",
            "```",
            "## Printing and serializing models",
            "## Retries and deadlines"
        ],
        "{readme}"
    );
}

#[test]
fn test_no_generated_file_defines_an_item_the_spec_does_not_describe() {
    // The spec-independent files define what the seed's do; every other item is a model,
    // enumeration, client, option type or method that the IR holds.
    let seed = azure_codegen::generate(
        &azure_codegen::Config::load(&super::root().join("specs/codegen.toml"), &super::root())
            .unwrap(),
    )
    .unwrap();
    let fixed: BTreeSet<String> = rust_files(&seed)
        .filter(|(p, _)| {
            matches!(
                *p,
                "src/runtime.rs" | "src/models/errors.rs" | "src/formats.rs"
            )
        })
        .flat_map(|(_, t)| defined_items(t))
        .filter(|i| !i.contains("ErrorResponse"))
        .collect();
    let mut checked = 0;
    for (name, spec, _) in cases() {
        let Ok(g) = run(&spec) else { continue };
        checked += 1;
        let ir = &g.ir;
        let mut described: BTreeSet<String> = fixed.clone();
        // The options shared by methods that have no optional parameters of their own.
        for shared in ["MethodOptions", "PagerMethodOptions", "PollerMethodOptions"] {
            described.insert(format!("struct {shared}"));
        }
        // The runtime's authorization items when the crate sends security schemes itself,
        // and the credentials struct.
        if let azure_codegen::ir::Auth::Schemes(schemes) = &ir.service.auth {
            for item in [
                "struct Security",
                "const DEFAULT_SECURITY",
                "const SCHEME_NAMES",
                "enum SchemeCredential",
                "fn auth",
                "struct AuthPolicy",
                "fn redacted",
            ] {
                described.insert(item.to_string());
            }
            if let Some(credentials) = &schemes.credentials_type {
                described.insert(format!("struct {credentials}"));
            }
        }
        // The types of the wire formats the IR says the crate uses (the seed's `formats`
        // module has the helpers they share), and the HTTP date's day and month names.
        for format in &ir.wire_formats {
            use azure_codegen::ir::WireFormat;
            described.insert(format!("struct {}", format.name()));
            if *format == WireFormat::Rfc1123 {
                described.insert("const WEEKDAYS".to_string());
                described.insert("const MONTHS".to_string());
            }
            // The format's value type implements its text and JSON encodings.
            let scalar = match format {
                WireFormat::Rfc3339 | WireFormat::Rfc1123 | WireFormat::UnixTime => {
                    "OffsetDateTime"
                }
                WireFormat::Date => "time::Date",
                WireFormat::Time => "time::Time",
                WireFormat::Duration => "azure_core::time::Duration",
                WireFormat::Base64 | WireFormat::Base64Url => "Vec<u8>",
            };
            for method in [
                "to_text",
                "from_text",
                "encode",
                "decode",
                "deserialize_with",
            ] {
                described.insert(format!("fn {scalar}::{method}"));
            }
        }
        // The server URL's variables are filled in by the runtime.
        if !ir.service.variables.is_empty() {
            described.insert("fn fill".to_string());
        }
        // The status monitor of the long-running operations.
        if let Some(monitor) = &ir.status_monitor {
            described.insert(format!("struct {monitor}"));
        }
        // Sending with the response body left to the caller, and the text format.
        described.insert("fn stream".to_string());
        if ir.formats.text {
            described.insert("struct TextFormat".to_string());
        }
        // The writers of object parameters' fields, when the IR says the crate needs them.
        for (helper, item) in [
            (azure_codegen::ir::Helper::ObjectFields, "fn object_fields"),
            (azure_codegen::ir::Helper::ObjectText, "fn object_text"),
        ] {
            if ir.helpers.contains_key(&helper) {
                described.insert(item.to_string());
            }
        }
        // The writer of form bodies.
        let forms = ir
            .clients
            .values()
            .flat_map(|c| &c.operations)
            .any(|o| o.body.as_ref().is_some_and(|b| b.form.is_some()));
        if forms {
            for item in [
                "struct Form",
                "fn Form::text",
                "fn Form::file",
                "fn Form::urlencoded",
                "fn Form::multipart",
            ] {
                described.insert(item.to_string());
            }
        }
        // XML helpers: date-times, and one module per item name of wrapped arrays.
        described.insert("mod xml_date_time".to_string());
        for xml in ir.xml.values() {
            for field in xml.fields.values() {
                if let azure_codegen::ir::XmlKind::Wrapped { helper, .. } = &field.kind {
                    described.insert(format!("mod {helper}"));
                }
            }
        }
        // The media-type choices of bodies that accept several.
        for o in ir.clients.values().flat_map(|c| &c.operations) {
            if let Some(choice) = o.body.as_ref().and_then(|b| b.choice.as_ref()) {
                described.insert(format!("enum {}", choice.name));
            }
        }
        let types: Vec<&String> = ir.types.keys().collect();
        for t in &types {
            described.insert(format!("struct {t}"));
            described.insert(format!("enum {t}"));
        }
        if let Some(service) = &ir.service_client {
            described.insert(format!("struct {}", service.name));
            described.insert(format!("struct {}", service.options_name));
            described.insert(format!("mod {}", service.module));
        }
        for c in ir.clients.values() {
            described.insert(format!("struct {}", c.name));
            described.insert(format!("struct {}", c.options_name));
            described.insert(format!("mod {}", c.module));
            for o in &c.operations {
                described.insert(format!("struct {}", o.options_name));
                described.insert(format!("type {}", o.options_name));
                described.insert(format!("fn {}::{}", c.name, o.method_name));
                // The per-status enums of its successes and errors.
                for e in o.result.iter().chain(&o.errors) {
                    described.insert(format!("enum {}", e.name));
                }
                // The trait of its typed response headers, and the marker of a response
                // without a body, with the module's readers.
                if let Some(headers) = &o.response_headers {
                    described.insert(format!("trait {}", headers.trait_name));
                    if let Some(marker) = &headers.marker {
                        described.insert(format!("struct {marker}"));
                    }
                    for reader in [
                        "mod headers",
                        "fn header",
                        "fn text",
                        "fn parsed",
                        "fn collection",
                    ] {
                        described.insert(reader.to_string());
                    }
                }
            }
        }
        if let Some(service) = &ir.service_client {
            described.insert(format!("struct {}", service.name));
            described.insert(format!("struct {}", service.options_name));
            described.insert(format!("mod {}", service.module));
        }
        for (path, text) in rust_files(&g) {
            // The guide examples: a `main` and the `USAGE` line, whatever the spec.
            let program = path.starts_with("examples/");
            for item in defined_items(text) {
                let ok = described.contains(&item)
                    || (program && matches!(item.as_str(), "fn main" | "const USAGE"))
                    || item.strip_prefix("fn ").is_some_and(|f| {
                        // Methods of described types (constructors, accessors, trait impls,
                        // also for `RequestContent<Model>`).
                        f.rsplit_once("::").is_some_and(|(ty, _)| {
                            ty.split(|c: char| !c.is_alphanumeric() && c != '_')
                                .any(|word| {
                                    described.contains(&format!("struct {word}"))
                                        || described.contains(&format!("enum {word}"))
                                        || word == "ServiceError"
                                })
                        })
                    })
                    || matches!(
                        item.as_str(),
                        "mod clients"
                            | "mod models"
                            | "mod runtime"
                            | "mod formats"
                            | "mod enums"
                            | "mod errors"
                            | "mod method_options"
                            | "mod responses"
                    );
                assert!(
                    ok,
                    "case {name}: {path} defines `{item}`, which the spec does not describe"
                );
            }
        }
    }
    assert!(checked >= 15);
}
