//! One client method and its options struct: a thin call into the shared runtime.

use super::{docs, tokens};
use crate::ir::{
    Body, Client, Collection, Crate, FinalStateVia, FormKind, Format, Helper, HttpMethod, Location,
    NextRequest, ObjectStyle, Operation, OperationKind, Param, PathPart, Repeatability, Source,
    TypeRef,
};
use proc_macro2::TokenStream;
use quote::quote;

/// `pub async fn op(&self, args..., options) -> Result<Response<T>>`.
pub fn method(krate: &Crate, op: &Operation) -> TokenStream {
    let name = tokens::ident(&op.method_name);
    let options = tokens::ident(&op.options_name);
    let span = &op.span_name;
    let args: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.source == Source::Argument)
        .collect();
    let arg_decls = args.iter().map(|p| {
        let n = tokens::ident(&p.rust_name);
        let t = arg_type(&p.ty);
        quote!(#n: #t)
    });
    let body = op.body.as_ref().filter(|b| b.is_argument());
    let body_decl = body.map(|b| {
        let n = tokens::ident(&b.rust_name);
        let t = content_type(b);
        quote!(#n: #t,)
    });
    let (returns, format) = response_type(op);
    let streamed = streamed(op);
    // A response without a body whose headers have getters carries the operation's marker.
    let marker = op
        .response_headers
        .as_ref()
        .and_then(|h| h.marker.as_ref())
        .map(|m| {
            let m = tokens::ident(m);
            quote!(crate::models::#m)
        });
    let streamed_type = match &marker {
        Some(marker) => quote!(azure_core::http::AsyncResponse<#marker>),
        None => quote!(azure_core::http::AsyncResponse),
    };
    let mut conversions = Vec::new();
    // The path template names each placeholder by its Rust name, so errors say which argument.
    let mut template = String::new();
    let mut path_args = Vec::new();
    for part in &op.path {
        match part {
            PathPart::Literal(text) => template.push_str(text),
            PathPart::Param(wire) => {
                let p = op.params.iter().find(|p| &p.wire_name == wire);
                template.push('{');
                if p.is_some_and(as_given) {
                    template.push('+');
                }
                template.push_str(p.map(|p| p.rust_name.as_str()).unwrap_or(wire));
                template.push('}');
                path_args.push(
                    p.map(|p| text_value(p, &mut conversions))
                        .unwrap_or_else(|| quote!("")),
                );
            }
        }
    }
    let query: Vec<_> = op
        .params
        .iter()
        .filter(|p| p.location == Location::Query && !p.sent_as_pairs())
        .map(|p| {
            // `+name`: the runtime appends the value as given.
            let wire = if p.skip_url_encoding {
                format!("+{}", p.wire_name)
            } else {
                p.wire_name.clone()
            };
            let value = optional_text(p, &mut conversions);
            quote!((#wire, #value))
        })
        .collect();
    let request_ident = quote!(request);
    let pairs: Vec<_> = op
        .params
        .iter()
        .filter(|p| p.sent_as_pairs())
        .map(|p| multi_items(p, &request_ident, &mut conversions))
        .collect();
    let headers: Vec<_> = op
        .params
        .iter()
        .filter(|p| p.location == Location::Header)
        .map(|p| {
            let wire = p.wire_name.to_ascii_lowercase();
            match p.source {
                // Set once per call, so every retry of it carries the same values.
                Source::Repeatability(Repeatability::RequestId) => quote! {
                    request.insert_header(#wire, azure_core::Uuid::new_v4().to_string());
                },
                Source::Repeatability(Repeatability::FirstSent) => quote! {
                    request.insert_header(#wire, azure_core::time::to_rfc7231(&azure_core::time::OffsetDateTime::now_utc()));
                },
                // Sent whenever the caller set it.
                Source::Option => {
                    let value = optional_text(p, &mut conversions);
                    quote! {
                        if let Some(value) = #value {
                            request.insert_header(#wire, value.to_string());
                        }
                    }
                }
                _ => {
                    let value = header_text(p, &mut conversions);
                    quote!(request.insert_header(#wire, #value);)
                }
            }
        })
        .collect();
    let method = http_method(op.http_method);
    let codes = op
        .success_codes
        .iter()
        .map(|c| proc_macro2::Literal::u16_unsuffixed(*c));
    let set_body = op.body.as_ref().map(|b| {
        if let Some(kind) = b.form {
            return form_body(op, kind, &b.content_type, &mut conversions);
        }
        if let Some(constant) = &b.constant {
            let content_type = &b.content_type;
            return quote! {
                request.insert_header("content-type", #content_type);
                request.set_body(azure_core::Bytes::from_static(#constant.as_bytes()));
            };
        }
        let n = tokens::ident(&b.rust_name);
        let value = if b.required { quote!(#n) } else { quote!(body) };
        let set = set_body(b, &value);
        if b.required {
            set
        } else {
            quote! {
                if let Some(body) = options.#n {
                    #set
                }
            }
        }
    });
    let accept = op
        .accept
        .as_ref()
        .map(|accept| quote!(request.insert_header("accept", #accept);));
    // The service's parameters are kept as they are (one argument each), however many.
    let many = (args.len() + usize::from(body.is_some()) + 2 > 7)
        .then(|| quote!(#[allow(clippy::too_many_arguments)]));
    let docs = method_docs(op);
    let doc = quote!(#many #docs);
    let mutable = (!headers.is_empty()
        || !pairs.is_empty()
        || set_body.is_some()
        || accept.is_some()
        || matches!(op.kind, OperationKind::Plain | OperationKind::Exists))
    .then(|| quote!(mut));
    let idempotent = op.idempotent;
    let security = super::auth::method_security(krate, op);
    let options_binding = if security.is_some() {
        quote!(let mut options = options.unwrap_or_default();)
    } else {
        quote!(let options = options.unwrap_or_default();)
    };
    let build = quote! {
        #options_binding
        #security
        #(#conversions)*
        let #mutable request = crate::runtime::request(&self.endpoint, #method, #template, &[#(#path_args),*], &[#(#query),*])?;
        #(#pairs)*
        #accept
        #(#headers)*
        #set_body
        let call = crate::runtime::Call { timeout: options.timeout, idempotent: #idempotent };
    };
    let codes = quote!(&[#(#codes),*]);
    let call = quote!(call);
    let options_ty = quote!(Option<crate::models::#options<'_>>);
    match &op.kind {
        OperationKind::Plain if streamed => quote! {
            #doc
            #[tracing::function(#span)]
            pub async fn #name(&self, #(#arg_decls,)* #body_decl options: #options_ty) -> Result<#streamed_type> {
                #build
                let ctx = #call.context(&options.method_options.context);
                let response = crate::runtime::stream(&self.pipeline, &ctx, &mut request, #codes).await?;
                Ok(response.into())
            }
        },
        OperationKind::Plain if op.result.is_some() => {
            let result = op.result.as_ref().map(|e| {
                let name = tokens::ident(&e.name);
                let order = super::responses::match_order(e);
                let last = order.len().saturating_sub(1);
                let arms = order.into_iter().enumerate().map(|(i, v)| {
                    let n = tokens::ident(&v.rust_name);
                    let p = if i == last {
                        quote!(_)
                    } else {
                        super::responses::pattern(v)
                    };
                    quote!(#p => crate::models::#name::#n(response.into()),)
                });
                (quote!(crate::models::#name), quote!(#(#arms)*))
            });
            let (returns, arms) = result.unwrap_or_default();
            quote! {
                #doc
                #[tracing::function(#span)]
                pub async fn #name(&self, #(#arg_decls,)* #body_decl options: #options_ty) -> Result<#returns> {
                    #build
                    let ctx = #call.context(&options.method_options.context);
                    let response = crate::runtime::send(&self.pipeline, &ctx, &mut request, #codes).await?;
                    Ok(match u16::from(response.status()) {
                        #arms
                    })
                }
            }
        }
        OperationKind::Plain => quote! {
            #doc
            #[tracing::function(#span)]
            pub async fn #name(&self, #(#arg_decls,)* #body_decl options: #options_ty) -> Result<azure_core::http::Response<#returns #format>> {
                #build
                let ctx = #call.context(&options.method_options.context);
                let response = crate::runtime::send(&self.pipeline, &ctx, &mut request, #codes).await?;
                Ok(response.into())
            }
        },
        OperationKind::Exists => {
            let mut with_404: Vec<u16> = op.success_codes.clone();
            with_404.push(404);
            quote! {
                #doc
                #[tracing::function(#span)]
                pub async fn #name(&self, #(#arg_decls,)* #body_decl options: #options_ty) -> Result<bool> {
                    #build
                    let ctx = #call.context(&options.method_options.context);
                    let response = crate::runtime::send(&self.pipeline, &ctx, &mut request, &[#(#with_404),*]).await?;
                    Ok(response.status() != azure_core::http::StatusCode::NotFound)
                }
            }
        }
        OperationKind::Pageable(paging) => {
            let page = tokens::ty(&TypeRef::Named(paging.page_type.clone()));
            let next = match &paging.next_link {
                Some(name) => quote!(Some(#name)),
                None => quote!(None),
            };
            // Pagers take a next-page request only in crates that have some.
            let takes_next = krate.helpers.contains_key(&Helper::NextRequest);
            let (next_build, next_arg) = match &paging.next_request {
                Some(next) => (next_request(next), quote!(Some(next_request),)),
                None if takes_next => (quote!(), quote!(None,)),
                None => (quote!(), quote!()),
            };
            // The api-version each next page sends: the client's, or the operation's own when
            // the spec fixes it.
            let fixed = op.params.iter().find_map(|p| match &p.source {
                Source::Constant(v) if p.wire_name == "api-version" => Some(v),
                _ => None,
            });
            let versioned = op.params.iter().any(|p| p.source == Source::ApiVersion);
            let api_version = match fixed {
                Some(v) => quote!(Some(#v)),
                None if versioned => quote!(Some(self.api_version.as_str())),
                None => quote!(None),
            };
            let make = match paging.long_running {
                Some(via) => {
                    let via = final_via(via);
                    quote!(crate::runtime::polled_pager(&self.pipeline, request, crate::runtime::FinalVia::#via, options.polling_timeout, #next_arg #api_version, #next, #codes, options.method_options, #call))
                }
                None => {
                    quote!(crate::runtime::pager(&self.pipeline, request, #next_arg #api_version, #next, #codes, options.method_options, #call))
                }
            };
            quote! {
                #doc
                #[tracing::function(#span)]
                pub fn #name(&self, #(#arg_decls,)* #body_decl options: #options_ty) -> Result<azure_core::http::Pager<#page>> {
                    #build
                    #next_build
                    Ok(#make)
                }
            }
        }
        OperationKind::LongRunning(lro) => {
            let monitor = tokens::ty(&TypeRef::Named(
                krate.status_monitor.clone().unwrap_or_default(),
            ));
            let monitor = match &lro.final_type {
                None => monitor,
                Some(ty) => {
                    let ty = tokens::ty(ty);
                    quote!(#monitor<#ty, azure_core::http::JsonFormat>)
                }
            };
            let via = final_via(lro.final_state_via);
            quote! {
            #doc
            #[tracing::function(#span)]
            pub fn #name(&self, #(#arg_decls,)* #body_decl options: #options_ty) -> Result<azure_core::http::Poller<#monitor>> {
                #build
                Ok(crate::runtime::poller(&self.pipeline, request, #codes, crate::runtime::FinalVia::#via, options.method_options, options.continuation, #call, options.polling_timeout))
            }
            }
        }
    }
}

/// `T` and `, F` of the `Response<T, F>` a plain method returns: its body type and format, or
/// `()` (the operation's marker when its headers have getters) and `NoFormat` for a response
/// without a body.
pub fn response_type(op: &Operation) -> (TokenStream, TokenStream) {
    match (&op.success_type, op.response_format) {
        (Some(t), Format::Xml) => (tokens::ty(t), quote!(, azure_core::http::XmlFormat)),
        (Some(t), Format::Text) => (tokens::ty(t), quote!(, crate::TextFormat)),
        // A JSON body with a wire format of its own (a date, bytes, a list of them) is decoded
        // by it.
        (Some(t), Format::Json) => match tokens::format(t) {
            Some(f) => (tokens::ty(t), quote!(, crate::formats::JsonAs<#f>)),
            None => (tokens::ty(t), quote!()),
        },
        (Some(t), Format::Binary) => (tokens::ty(t), quote!()),
        (None, _) => {
            let marker = op.response_headers.as_ref().and_then(|h| h.marker.as_ref());
            match marker {
                Some(m) => {
                    let m = tokens::ident(m);
                    (
                        quote!(crate::models::#m),
                        quote!(, azure_core::http::NoFormat),
                    )
                }
                None => (quote!(()), quote!(, azure_core::http::NoFormat)),
            }
        }
    }
}

/// Whether the method returns the response unread, its body a stream.
pub fn streamed(op: &Operation) -> bool {
    op.response_format == Format::Binary && op.kind == OperationKind::Plain
}

/// The runtime's `FinalVia` variant for `final-state-via`.
fn final_via(via: FinalStateVia) -> TokenStream {
    match via {
        FinalStateVia::Default => quote!(Default),
        FinalStateVia::AzureAsyncOperation | FinalStateVia::OperationLocation => {
            quote!(StatusBody)
        }
        FinalStateVia::Location => quote!(Location),
        FinalStateVia::OriginalUri => quote!(OriginalUri),
    }
}

/// The shared options type of a method with no optional parameters of its own, by kind.
pub fn shared_options(op: &Operation) -> Option<&'static str> {
    // A pager that polls first has a `polling_timeout` of its own.
    let own = op.params.iter().any(|p| p.source == Source::Option)
        || op.body.as_ref().is_some_and(Body::is_option)
        || matches!(&op.kind, OperationKind::Pageable(p) if p.long_running.is_some());
    if own {
        return None;
    }
    Some(match op.kind {
        OperationKind::Plain | OperationKind::Exists => "MethodOptions",
        OperationKind::Pageable(_) => "PagerMethodOptions",
        OperationKind::LongRunning(_) => "PollerMethodOptions",
    })
}

/// The shared options structs in use, with the features of the clients that use each.
pub fn shared_option_users(
    krate: &Crate,
) -> std::collections::BTreeMap<&'static str, super::features::Features<'_>> {
    let mut used = std::collections::BTreeMap::new();
    for c in krate.clients.values() {
        for shared in c.operations.iter().filter_map(shared_options) {
            used.entry(shared)
                .or_insert_with(super::features::Features::new)
                .insert(c.feature.as_str());
        }
    }
    used
}

/// The shared options structs that methods without optional parameters alias.
/// Each is compiled with the clients that use it.
pub fn shared_option_structs(krate: &Crate) -> TokenStream {
    let used = shared_option_users(krate);
    let gate = |name: &str| used.get(name).and_then(|f| super::features::gate(krate, f));
    let (plain_gate, pager_gate, poller_gate) = (
        gate("MethodOptions"),
        gate("PagerMethodOptions"),
        gate("PollerMethodOptions"),
    );
    let used: std::collections::BTreeSet<&str> = used.keys().copied().collect();
    let (plain_timeout, pager_timeout, poller_timeout, polling_timeout) = timeout_docs();
    let monitor = krate.status_monitor.as_deref().unwrap_or_default();
    let resume_doc = format!(
        " Resume polling from here instead of sending the request again: the link an earlier response gave (see [`{monitor}::continuation`](crate::models::{monitor}::continuation))."
    );
    let plain = used.contains("MethodOptions").then(|| {
        quote! {
            /// Options of a method that has no optional parameters of its own.
            #plain_gate
            #[derive(Clone, Default, azure_core::fmt::SafeDebug)]
            pub struct MethodOptions<'a> {
                /// Allows customization of the method call.
                pub method_options: azure_core::http::ClientMethodOptions<'a>,
                #[doc = #plain_timeout]
                pub timeout: Option<azure_core::time::Duration>,
            }
        }
    });
    let pager = used.contains("PagerMethodOptions").then(|| {
        quote! {
            /// Options of a pageable method that has no optional parameters of its own.
            #pager_gate
            #[derive(Clone, Default, azure_core::fmt::SafeDebug)]
            pub struct PagerMethodOptions<'a> {
                /// Allows customization of the method call, and where paging resumes.
                pub method_options: azure_core::http::pager::PagerOptions<'a>,
                #[doc = #pager_timeout]
                pub timeout: Option<azure_core::time::Duration>,
            }
        }
    });
    let poller = used.contains("PollerMethodOptions").then(|| {
        quote! {
            /// Options of a long-running method that has no optional parameters of its own.
            #poller_gate
            #[derive(Clone, Default, azure_core::fmt::SafeDebug)]
            pub struct PollerMethodOptions<'a> {
                /// Allows customization of the method call.
                pub method_options: azure_core::http::poller::PollerOptions<'a>,
                #[doc = #resume_doc]
                pub continuation: Option<azure_core::http::poller::PollerContinuation>,
                #[doc = #poller_timeout]
                pub timeout: Option<azure_core::time::Duration>,
                #[doc = #polling_timeout]
                pub polling_timeout: Option<azure_core::time::Duration>,
            }
        }
    });
    quote!(#plain #pager #poller)
}

/// `<Client><Method>Options<'a>`: the method's optional parameters. A method with none of its
/// own aliases a shared struct, so the crate does not carry one copy per operation.
pub fn options(krate: &Crate, client: &Client, op: &Operation) -> TokenStream {
    let name = tokens::ident(&op.options_name);
    let doc = format!(
        " Options for [`{}::{}()`](crate::clients::{}::{}).",
        client.name, op.method_name, client.name, op.method_name
    );
    if let Some(shared) = shared_options(op) {
        let shared = tokens::ident(shared);
        return quote! {
            #[doc = #doc]
            pub type #name<'a> = #shared<'a>;
        };
    }
    let fields = op
        .params
        .iter()
        .filter(|p| p.source == Source::Option)
        .map(|p| {
            let n = tokens::ident(&p.rust_name);
            let t = tokens::ty(&p.ty);
            let d = docs::doc(&p.docs);
            quote!(#d pub #n: Option<#t>,)
        });
    let body = op.body.as_ref().filter(|b| b.is_option()).map(|b| {
        let n = tokens::ident(&b.rust_name);
        let t = content_type(b);
        let d = docs::doc(&b.docs);
        quote!(#d pub #n: Option<#t>,)
    });
    let (plain_timeout, pager_timeout, poller_timeout, polling_timeout) = timeout_docs();
    let timeout_doc = match &op.kind {
        OperationKind::Plain | OperationKind::Exists => plain_timeout,
        OperationKind::Pageable(_) => pager_timeout,
        OperationKind::LongRunning(_) => poller_timeout,
    };
    let (method_options, resume) = match &op.kind {
        OperationKind::Plain | OperationKind::Exists => {
            (quote!(azure_core::http::ClientMethodOptions<'a>), None)
        }
        OperationKind::Pageable(paging) => (
            quote!(azure_core::http::pager::PagerOptions<'a>),
            paging.long_running.is_some().then(|| {
                quote! {
                    #[doc = #polling_timeout]
                    pub polling_timeout: Option<azure_core::time::Duration>,
                }
            }),
        ),
        OperationKind::LongRunning(_) => {
            let doc = format!(
                " Resume polling from here instead of sending the request again: the link an earlier response gave (see [`{0}::continuation`](crate::models::{0}::continuation)).",
                krate.status_monitor.as_deref().unwrap_or_default()
            );
            (
                quote!(azure_core::http::poller::PollerOptions<'a>),
                Some(quote! {
                    #[doc = #doc]
                    pub continuation: Option<azure_core::http::poller::PollerContinuation>,
                    #[doc = #polling_timeout]
                    pub polling_timeout: Option<azure_core::time::Duration>,
                }),
            )
        }
    };
    quote! {
        #[doc = #doc]
        #[derive(Clone, Default, azure_core::fmt::SafeDebug)]
        pub struct #name<'a> {
            /// Allows customization of the method call.
            pub method_options: #method_options,
            #[doc = #timeout_doc]
            pub timeout: Option<azure_core::time::Duration>,
            #resume
            #(#fields)*
            #body
        }
    }
}

/// Docs of the `timeout` option of plain, pageable and long-running methods, and of
/// `polling_timeout`.
fn timeout_docs() -> (&'static str, &'static str, &'static str, &'static str) {
    (
        " How long this call may take, its retries included, before it fails with a timeout error; `None`: the client's `timeout` (60 s by default).",
        " How long the request for each page may take, its retries included, before it fails with a timeout error; `None`: the client's `timeout` (60 s by default).",
        " How long each request of the poller may take, its retries included, before it fails with a timeout error; `None`: the client's `timeout` (60 s by default).",
        " How long the poller waits for the operation from its first request before it ends with a timeout error (its continuation can resume it); `None`: 24 hours.",
    )
}

/// The argument type of a body: the choice enumeration of a body of several media types,
/// else its value in its format.
fn content_type(b: &Body) -> TokenStream {
    match &b.choice {
        Some(choice) => tokens::ty(&TypeRef::Named(choice.name.clone())),
        None => value_type(b.format, &b.ty),
    }
}

/// `RequestContent<T>` for a JSON body, `RequestContent<T, XmlFormat>` for XML, `String` for
/// text; raw bytes carry no format (the caller gives bytes or a stream).
pub fn value_type(format: Format, ty: &TypeRef) -> TokenStream {
    let t = tokens::ty(ty);
    if json_format(format, ty).is_some() {
        return t;
    }
    match format {
        Format::Json => quote!(azure_core::http::RequestContent<#t>),
        Format::Xml => quote!(azure_core::http::RequestContent<#t, azure_core::http::XmlFormat>),
        Format::Text => quote!(String),
        Format::Binary => quote!(azure_core::http::RequestContent<#t, azure_core::http::NoFormat>),
    }
}

/// The `formats` helper that writes a JSON value with a wire format of its own (a date, bytes,
/// a list of them): such a value is taken as it is, not as `RequestContent`.
fn json_format(format: Format, ty: &TypeRef) -> Option<TokenStream> {
    (format == Format::Json)
        .then(|| tokens::format(ty))
        .flatten()
}

/// Sets `value` (the body argument) as the request's body with its `content-type`; a choice
/// sets the media type of the variant given.
fn set_body(b: &Body, value: &TokenStream) -> TokenStream {
    let set = |format: Format, ty: &TypeRef, content_type: &str, value: &TokenStream| {
        let value = match (format, json_format(format, ty)) {
            (_, Some(f)) => quote!(#f::json(&#value)?),
            (Format::Text, None) => quote!(azure_core::Bytes::from(#value)),
            (Format::Json | Format::Xml | Format::Binary, None) => value.clone(),
        };
        quote! {
            request.insert_header("content-type", #content_type);
            request.set_body(#value);
        }
    };
    let Some(choice) = &b.choice else {
        return set(b.format, &b.ty, &b.content_type, value);
    };
    let name = tokens::ident(&choice.name);
    let arms = choice.variants.iter().map(|v| {
        let variant = tokens::ident(&v.rust_name);
        let set = set(v.format, &v.ty, &v.content_type, &quote!(value));
        quote!(crate::models::#name::#variant(value) => { #set })
    });
    quote! {
        match #value {
            #(#arms)*
        }
    }
}

/// Builds a form body from the operation's form fields (in spec order) and sets it with its
/// `content-type`: absent options are left out, a list gives one field per item, a file is
/// a part of its own (`multipart/form-data`).
fn form_body(
    op: &Operation,
    kind: FormKind,
    content_type: &str,
    conversions: &mut Vec<TokenStream>,
) -> TokenStream {
    let fields = op.params.iter().filter(|p| p.location == Location::Form);
    let adds = fields.map(|p| {
        let wire = &p.wire_name;
        let n = tokens::ident(&p.rust_name);
        let file = p.ty.is_bytes();
        let optional = p.source == Source::Option;
        match (&p.ty, file, optional) {
            (TypeRef::Vec(_), true, false) => quote! {
                for file in #n { form.file(#wire, file); }
            },
            (TypeRef::Vec(_), true, true) => quote! {
                for file in options.#n.into_iter().flatten() { form.file(#wire, file); }
            },
            (_, true, false) => quote!(form.file(#wire, #n);),
            (_, true, true) => quote! {
                if let Some(file) = options.#n { form.file(#wire, file); }
            },
            (TypeRef::Vec(_), false, _) => {
                let (local, _) = multi_texts(p, conversions);
                quote! {
                    for text in #local.iter().flatten() { form.text(#wire, text); }
                }
            }
            (_, false, false) => {
                let value = text_value(p, conversions);
                quote!(form.text(#wire, #value);)
            }
            (_, false, true) => {
                let value = optional_text(p, conversions);
                quote! {
                    if let Some(value) = #value { form.text(#wire, value); }
                }
            }
        }
    });
    let finish = match kind {
        FormKind::Urlencoded => quote! {
            request.insert_header("content-type", #content_type);
            request.set_body(form.urlencoded());
        },
        FormKind::Multipart => quote! {
            let (content_type, body) = form.multipart();
            request.insert_header("content-type", content_type);
            request.set_body(body);
        },
    };
    quote! {
        let mut form = crate::runtime::Form::default();
        #(#adds)*
        #finish
    }
}

/// The enumeration a body of several media types is given as: one variant per media type.
pub fn body_choice(op: &Operation) -> Option<TokenStream> {
    let choice = op.body.as_ref()?.choice.as_ref()?;
    let name = tokens::ident(&choice.name);
    let doc = format!(
        " The request body of `{}` in one of the media types it accepts: the variant decides the `content-type` sent.",
        op.method_name
    );
    let variants = choice.variants.iter().map(|v| {
        let variant = tokens::ident(&v.rust_name);
        let t = value_type(v.format, &v.ty);
        let what = match v.format {
            Format::Json => "as JSON",
            Format::Xml => "as XML",
            Format::Text => "text",
            Format::Binary => "raw bytes (or a stream)",
        };
        let doc = format!(" `{}`: {what}.", v.content_type);
        quote!(#[doc = #doc] #variant(#t),)
    });
    Some(quote! {
        #[doc = #doc]
        #[derive(Clone, azure_core::fmt::SafeDebug)]
        pub enum #name {
            #(#variants)*
        }
    })
}

/// `200, 201` or, for runs of consecutive codes, `200-299`.
fn code_list(codes: &[u16]) -> String {
    let mut runs: Vec<(u16, u16)> = Vec::new();
    for &c in codes {
        match runs.last_mut() {
            Some((_, end)) if c == *end + 1 => *end = c,
            _ => runs.push((c, c)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|(a, b)| {
            if b - a >= 2 {
                format!("{a}-{b}")
            } else if a == b {
                a.to_string()
            } else {
                format!("{a}, {b}")
            }
        })
        .collect();
    parts.join(", ")
}

/// Builds `next_request`, the recipe of a next-page operation's request, from this method's
/// values; the runtime makes one request from it per page (with the page's next link, when
/// the operation takes it).
fn next_request(next: &NextRequest) -> TokenStream {
    let mut conversions = Vec::new();
    let mut template = String::new();
    let mut path_values = Vec::new();
    for part in &next.path {
        match part {
            PathPart::Literal(text) => template.push_str(text),
            PathPart::Param(wire) => {
                let p = next.params.iter().find(|p| &p.wire_name == wire);
                template.push('{');
                if p.is_some_and(as_given) {
                    template.push('+');
                }
                template.push_str(p.map(|p| p.rust_name.as_str()).unwrap_or(wire));
                template.push('}');
                path_values.push(match p {
                    // The next link, filled in for each page.
                    Some(p) if p.source == Source::NextLink => quote!(None),
                    Some(p) => {
                        let value = text_value(p, &mut conversions);
                        quote!(Some(#value.to_owned()))
                    }
                    None => quote!(Some(String::new())),
                });
            }
        }
    }
    let query: Vec<_> = next
        .params
        .iter()
        .filter(|p| p.location == Location::Query && !p.sent_as_pairs())
        .map(|p| {
            // `+name`: the runtime appends the value as given.
            let wire = if p.skip_url_encoding {
                format!("+{}", p.wire_name)
            } else {
                p.wire_name.clone()
            };
            (wire, owned_text(p, &mut conversions))
        })
        .map(|(wire, value)| quote!((#wire, #value)))
        .collect();
    // Object fields sent as pairs have names of their own, which a next-page recipe does not
    // carry (Swagger 2.0, where next-page operations come from, has no object parameters).
    let pairs: Vec<_> = next
        .params
        .iter()
        .filter(|p| p.sent_as_pairs() && p.object.is_none())
        .map(|p| {
            let (local, wire) = multi_texts(p, &mut conversions);
            quote! {
                for text in #local.iter().flatten() {
                    next_request.query.push((#wire, Some(text.clone())));
                }
            }
        })
        .collect();
    let headers: Vec<_> = next
        .params
        .iter()
        .filter(|p| p.location == Location::Header)
        .map(|p| {
            let wire = p.wire_name.to_ascii_lowercase();
            let value = owned_text(p, &mut conversions);
            quote!((#wire, #value))
        })
        .collect();
    let method = http_method(next.http_method);
    let mutable = (!pairs.is_empty()).then(|| quote!(mut));
    quote! {
        #(#conversions)*
        let #mutable next_request = crate::runtime::NextRequest {
            endpoint: self.endpoint.clone(),
            method: #method,
            template: #template,
            path: vec![#(#path_values),*],
            query: vec![#(#query),*],
            headers: vec![#(#headers),*],
        };
        #(#pairs)*
    }
}

/// An `Option<String>` expression for a query or header value the next-page request keeps.
fn owned_text(p: &Param, conversions: &mut Vec<TokenStream>) -> TokenStream {
    if p.source == Source::Option {
        let value = optional_text(p, conversions);
        quote!(#value.map(str::to_owned))
    } else {
        let value = text_value(p, conversions);
        quote!(Some(#value.to_owned()))
    }
}

/// Whether a path value is sent as given (`{+name}`): `x-ms-skip-url-encoding`, or a label or
/// matrix value, whose items are encoded one by one.
fn as_given(p: &Param) -> bool {
    p.skip_url_encoding
        || matches!(
            p.collection,
            Some(Collection::Label { .. } | Collection::Matrix { .. })
        )
        || matches!(
            p.object,
            Some(ObjectStyle::Label { .. } | ObjectStyle::Matrix { .. })
        )
}

fn arg_type(t: &TypeRef) -> TokenStream {
    match t {
        TypeRef::String => quote!(&str),
        other => tokens::ty(other),
    }
}

/// A `&str` expression for a required value; non-strings are converted into a local first.
fn text_value(p: &Param, conversions: &mut Vec<TokenStream>) -> TokenStream {
    let n = tokens::ident(&p.rust_name);
    match (&p.source, &p.ty) {
        (Source::ApiVersion, _) => quote!(self.api_version.as_str()),
        (Source::Constant(value), _) => quote!(#value),
        (Source::ClientField(_), _) => quote!(self.#n.as_str()),
        (_, TypeRef::String) => quote!(#n),
        (_, _) if p.object.is_some() => {
            let local = tokens::ident(&p.text_local);
            let text = object_text(p, quote!(&#n));
            conversions.push(quote!(let #local = #text?;));
            quote!(#local.as_str())
        }
        (_, TypeRef::Named(_)) => quote!(#n.as_str()),
        (_, TypeRef::Etag) => quote!(AsRef::<str>::as_ref(&#n)),
        _ => {
            let local = tokens::ident(&p.text_local);
            let text = match (&p.ty, tokens::format(&p.ty)) {
                (TypeRef::Vec(_), _) => value_text(p, quote!(#n)),
                (_, Some(format)) => quote!(#format::text(&#n)),
                _ => quote!(#n.to_string()),
            };
            conversions.push(quote!(let #local = #text;));
            quote!(#local.as_str())
        }
    }
}

/// The value of a header sent on every call, as `insert_header` takes it: the text made for it
/// (moved), a constant as it is, else a copy of the text.
fn header_text(p: &Param, conversions: &mut Vec<TokenStream>) -> TokenStream {
    let made = conversions.len();
    let value = text_value(p, conversions);
    if conversions.len() > made {
        let local = tokens::ident(&p.text_local);
        return quote!(#local);
    }
    match &p.source {
        Source::Constant(_) => value,
        _ => quote!(#value.to_string()),
    }
}

/// An `Option<&str>` expression for a query or header value.
fn optional_text(p: &Param, conversions: &mut Vec<TokenStream>) -> TokenStream {
    if p.source != Source::Option {
        let value = text_value(p, conversions);
        return quote!(Some(#value));
    }
    let n = tokens::ident(&p.rust_name);
    if p.object.is_some() {
        let local = tokens::ident(&p.text_local);
        let text = object_text(p, quote!(value));
        conversions.push(quote!(let #local = options.#n.as_ref().map(|value| #text).transpose()?;));
        return quote!(#local.as_deref());
    }
    match &p.ty {
        TypeRef::String => quote!(options.#n.as_deref()),
        TypeRef::Named(_) => quote!(options.#n.as_ref().map(|v| v.as_str())),
        TypeRef::Etag => quote!(options.#n.as_ref().map(AsRef::<str>::as_ref)),
        ty => {
            let local = tokens::ident(&p.text_local);
            let text = match tokens::format(ty).filter(|_| p.collection.is_none()) {
                Some(format) => quote!(#format::text),
                None => {
                    let text = value_text(p, quote!(v));
                    quote!(|v| #text)
                }
            };
            conversions.push(quote!(let #local = options.#n.as_ref().map(#text);));
            quote!(#local.as_deref())
        }
    }
}

/// A `String` expression for the text of one scalar `value` (a reference) of type `ty`: its
/// format's text (dates, durations, bytes), else its `Display`.
fn scalar_text(ty: &TypeRef, value: TokenStream) -> TokenStream {
    match tokens::format(ty) {
        Some(format) => quote!(#format::text(#value)),
        None => quote!(#value.to_string()),
    }
}

/// A `String` expression for the text of `value` (a reference to the parameter's value): a
/// scalar's text, or an array's items written as the parameter's collection format says.
fn value_text(p: &Param, value: TokenStream) -> TokenStream {
    let TypeRef::Vec(item) = &p.ty else {
        return scalar_text(&p.ty, value);
    };
    let text = scalar_text(item, quote!(item));
    let items = quote!(#value.iter().map(|item| #text));
    match &p.collection {
        Some(Collection::Joined(separator)) => {
            quote!(#items.collect::<Vec<_>>().join(#separator))
        }
        // Label and matrix values are sent as given (`{+name}`): each item is percent-encoded
        // here, the separators are not.
        Some(Collection::Label { explode }) => {
            let separator = if *explode { "." } else { "," };
            quote!(
                format!(".{}", #items.map(|text| crate::runtime::encoded(&text)).collect::<Vec<_>>().join(#separator))
            )
        }
        Some(Collection::Matrix { explode }) => {
            let name = format!(";{}=", p.wire_name);
            let separator = if *explode {
                name.clone()
            } else {
                ",".to_string()
            };
            quote!(
                format!("{}{}", #name, #items.map(|text| crate::runtime::encoded(&text)).collect::<Vec<_>>().join(#separator))
            )
        }
        // `Multi` is sent as one pair per item (see `multi_items`), never as one text.
        Some(Collection::Multi) | None => quote!(#items.collect::<Vec<_>>().join(",")),
    }
}

/// A `Result<String>` expression for the text of an object parameter's `value` (a reference),
/// its fields written as its style says.
fn object_text(p: &Param, value: TokenStream) -> TokenStream {
    let matrix = format!(";{}=", p.wire_name);
    // The prefix, what joins a name to its value, what joins two fields, and whether names
    // and values are percent-encoded here (label and matrix values are sent as given).
    let (prefix, pair, separator, encode) = match &p.object {
        Some(ObjectStyle::Joined { explode: true }) => ("", "=", ",", false),
        Some(ObjectStyle::Label { explode: false }) => (".", ",", ",", true),
        Some(ObjectStyle::Label { explode: true }) => (".", "=", ".", true),
        Some(ObjectStyle::Matrix { explode: false }) => (matrix.as_str(), ",", ",", true),
        Some(ObjectStyle::Matrix { explode: true }) => (";", "=", ";", true),
        // Pairs are sent by `object_pairs`, never as one text.
        Some(ObjectStyle::Joined { explode: false } | ObjectStyle::Pairs | ObjectStyle::Deep)
        | None => ("", ",", ",", false),
    };
    quote!(crate::runtime::object_text(#value, #prefix, #pair, #separator, #encode))
}

/// For a parameter sent as one query pair per item: the local holding the items' texts (an
/// `Option<Vec<String>>` for an optional one) and the statement that appends the pairs to
/// `request`'s URL. No item, no pair.
fn multi_items(
    p: &Param,
    request: &TokenStream,
    conversions: &mut Vec<TokenStream>,
) -> TokenStream {
    if p.object.is_some() {
        return object_pairs(p, request, conversions);
    }
    let (local, wire) = multi_texts(p, conversions);
    quote! {
        for text in #local.iter().flatten() {
            #request.url_mut().query_pairs_mut().append_pair(#wire, text);
        }
    }
}

/// For an object parameter sent as one query pair per field: the statement that appends them
/// to `request`'s URL (named `parameter[field]` for `deepObject`).
fn object_pairs(
    p: &Param,
    request: &TokenStream,
    conversions: &mut Vec<TokenStream>,
) -> TokenStream {
    let n = tokens::ident(&p.rust_name);
    let local = tokens::ident(&p.text_local);
    let wire = &p.wire_name;
    let within = match p.object {
        Some(ObjectStyle::Deep) => quote!(Some(#wire)),
        _ => quote!(None),
    };
    let value = match &p.source {
        Source::Option => quote!(options.#n.as_ref()),
        _ => quote!(Some(&#n)),
    };
    conversions.push(quote! {
        let #local = #value.map(|value| crate::runtime::object_fields(value, #within)).transpose()?;
    });
    quote! {
        for (name, text) in #local.iter().flatten() {
            #request.url_mut().query_pairs_mut().append_pair(name, text);
        }
    }
}

/// For a parameter sent as one query pair per item: converts the items to texts into its local
/// (an `Option<Vec<String>>`), returning the local and the wire name.
fn multi_texts(p: &Param, conversions: &mut Vec<TokenStream>) -> (proc_macro2::Ident, String) {
    let n = tokens::ident(&p.rust_name);
    let local = tokens::ident(&p.text_local);
    let item = match &p.ty {
        TypeRef::Vec(item) => scalar_text(item, quote!(item)),
        other => scalar_text(other, quote!(item)),
    };
    let values = match &p.source {
        Source::Option => quote!(options.#n.as_ref()),
        _ => quote!(Some(&#n)),
    };
    conversions.push(quote! {
        let #local: Option<Vec<String>> = #values.map(|values| values.iter().map(|item| #item).collect());
    });
    (local, p.wire_name.clone())
}

fn http_method(m: HttpMethod) -> TokenStream {
    match m {
        HttpMethod::Get => quote!(azure_core::http::Method::Get),
        HttpMethod::Put => quote!(azure_core::http::Method::Put),
        HttpMethod::Post => quote!(azure_core::http::Method::Post),
        HttpMethod::Patch => quote!(azure_core::http::Method::Patch),
        HttpMethod::Delete => quote!(azure_core::http::Method::Delete),
        HttpMethod::Head => quote!(azure_core::http::Method::Head),
    }
}

fn method_docs(op: &Operation) -> TokenStream {
    let mut text = op.docs.trim().to_string();
    text.push_str("\n\n# Arguments\n\n");
    for p in op.params.iter().filter(|p| p.source == Source::Argument) {
        text.push_str(&format!("* `{}` - {}\n", p.rust_name, one_line(&p.docs)));
    }
    if let Some(b) = op.body.as_ref().filter(|b| b.is_argument()) {
        text.push_str(&format!("* `{}` - {}\n", b.rust_name, one_line(&b.docs)));
    }
    text.push_str("* `options` - Optional parameters for the request.\n\n");
    if let Some(constant) = op.body.as_ref().and_then(|b| b.constant.as_ref()) {
        text.push_str(&format!(
            "The request body is the only value it may hold, `{constant}`, always sent.\n\n"
        ));
    }
    match &op.kind {
        OperationKind::Plain => {
            if let Some(result) = &op.result {
                text.push_str(&format!("# Returns\n\n`models::{0}`: one variant per success status, each with the response and its typed body.\n\n", result.name));
            }
        }
        OperationKind::Exists => text.push_str("# Returns\n\n`true` when the resource exists, `false` when the service answers 404.\n\n"),
        OperationKind::Pageable(paging) => {
            let next = match &paging.next_link {
                Some(name) if paging.next_request.as_ref().is_some_and(|n| n.params.iter().any(|p| p.source == Source::NextLink)) => format!("then, while a page's `{name}` is set, sends the next-page operation `{}` with this call's values and that link", paging.next_operation.as_deref().unwrap_or_default()),
                Some(name) if paging.next_request.is_some() => format!("then, while a page's `{name}` is set, sends the next-page operation `{}` with this call's values", paging.next_operation.as_deref().unwrap_or_default()),
                Some(name) if op.params.iter().any(|p| p.source == Source::ApiVersion) => format!("then `GET`s each page's `{name}` (keeping the client's `api-version`) until it is absent or null"),
                Some(name) => format!("then `GET`s each page's `{name}` until it is absent or null"),
                None => "the service returns one page".to_string(),
            };
            text.push_str(&format!("# Returns\n\nA pager over the items in `{}` of every page: nothing is sent until it is polled; it sends this request first, {next}. `into_pages()` gives the pages; `into_continuation()` and the options' `method_options.continuation` resume paging.\n\n", paging.item_wire));
        }
        OperationKind::LongRunning(lro) => {
            let last = match (&lro.final_type, lro.final_state_via) {
                (None, _) => "the final response".to_string(),
                (Some(_), FinalStateVia::Location) => "the final response, whose model is read from the first response's `Location`".to_string(),
                (Some(_), FinalStateVia::OriginalUri) => "the final response, whose model is read from the operation's own URL".to_string(),
                (Some(_), FinalStateVia::AzureAsyncOperation | FinalStateVia::OperationLocation) => "the final response, whose model is the last status response's body".to_string(),
                (Some(_), FinalStateVia::Default) => "the final response with its model (`into_model()`): for `PUT` and `PATCH` read from the operation's own URL, for `POST` from the `Location` when there is one, otherwise the last response's body".to_string(),
            };
            text.push_str(&format!("# Returns\n\nA poller: await it for {last}, or take its first item for the service's first answer. After that it `GET`s the `Azure-AsyncOperation` (else `Location`, else for `PUT` and `PATCH` the operation's own URL while the `provisioningState` is not final) link, waiting as long as `Retry-After` says (else the options' `frequency`), until the operation succeeds. Nothing is sent until it is polled.\n\n"));
        }
    }
    text.push_str("# Errors\n\n");
    let codes = code_list(&op.success_codes);
    text.push_str(&match &op.kind {
        OperationKind::Plain => format!("Any status other than {codes} is an error of kind `HttpResponse`"),
        OperationKind::Exists => format!("Any status other than {codes} and 404 is an error of kind `HttpResponse`"),
        OperationKind::Pageable(_) => format!("Any status other than {codes} for any page is an error of kind `HttpResponse` (the pager yields it and ends)"),
        OperationKind::LongRunning(_) => format!("Any status other than {codes} for the first request, or other than 200, 201, 202 and 204 for a status poll, is an error of kind `HttpResponse`, and so is an operation that ends `Failed` or `Canceled` (with the final status response)"),
    });
    match (&op.errors, &op.error_type) {
        (Some(errors), _) => text.push_str(&format!("; decode its body, by its status, with `models::{0}::try_from(error)`, or read the status and raw body with `ServiceError`.", errors.name)),
        (None, Some(TypeRef::Named(e))) => text.push_str(&format!("; decode its body with `{e}::try_from(error)` or `ServiceError::<{e}>::try_from(error)`.")),
        _ => text.push('.'),
    }
    if !op.idempotent {
        text.push_str(" Not idempotent: the request is sent again only when the service answers 408, 429 or 503 (after its `Retry-After`) or the connection was never made, never after a dropped connection or another error status.");
    } else if op
        .params
        .iter()
        .any(|p| p.source == Source::Repeatability(Repeatability::RequestId))
    {
        text.push_str(" Each call sends a fresh `Repeatability-Request-ID` (and the `Repeatability-First-Sent` time, when declared), the same on every retry, so the service can recognise a repeat and the request is retried like an idempotent one.");
    }
    let path_args: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.location == Location::Path && p.source == Source::Argument)
        .map(|p| format!("`{}`", p.rust_name))
        .collect();
    if !path_args.is_empty() {
        text.push_str(&format!(
            " An empty {} (or one that is exactly `.` or `..`) is refused before anything is sent.",
            path_args.join(", ")
        ));
    }
    docs::doc(&text)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
