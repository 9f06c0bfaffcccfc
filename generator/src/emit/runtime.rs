//! `src/runtime.rs` of the generated crate: what every method shares, compiled once (endpoint
//! choice, the pipeline, URL building with one-segment path encoding, sending).

use super::features;
use crate::ir::{Auth, Crate, Helper};
use proc_macro2::TokenStream;
use quote::quote;

/// The runtime module for `krate`.
pub fn runtime(krate: &Crate) -> TokenStream {
    let api_version = &krate.api_version;
    let version_const = features::helper_gate(krate, Helper::DefaultApiVersion).map(|gate| {
        quote! {
            /// The `api-version` clients send unless told otherwise.
            #gate
            pub(crate) const DEFAULT_API_VERSION: &str = #api_version;
        }
    });
    let endpoint = endpoint_fn(krate);
    let pipeline = pipeline_fn(krate);
    let calls = call_fns(krate);
    let polled = features::helper_gate(krate, Helper::PolledPager);
    let next_requests = krate.helpers.contains_key(&Helper::NextRequest);
    let pager = features::helper_gate(krate, Helper::Pager)
        .map(|gate| pager_fns(gate, polled, next_requests));
    let poller = krate.status_monitor.as_deref().and_then(|monitor| {
        features::helper_gate(krate, Helper::Poller).map(|gate| poller_fns(monitor, gate))
    });
    let links = features::helper_gate(krate, Helper::Links).map(link_fns);
    let read_only = request_body_fns(krate);
    // Label and matrix path values encode their items one by one.
    let encoded = features::helper_gate(krate, Helper::Encoded).map(|gate| {
        quote! {
            /// `value` percent-encoded as in a path segment (for the items of a label or matrix
            /// value, whose separators are sent as they are).
            #gate
            pub(crate) fn encoded(value: &str) -> String {
                let mut out = String::new();
                push_encoded(&mut out, value);
                out
            }
        }
    });
    let objects = object_fns(krate);
    let without = without_key_fn(krate);
    let form = form_fns(krate);
    let stream = stream_fn(krate);
    let send = send_fn(krate);
    let xml_dates = xml_date_time_fn(krate);
    // Read whole only through `send` (and the pagers and pollers, which use it too).
    let raw_response = send.is_some().then(|| quote!(RawResponse,));
    let send_options = send.is_some().then(|| quote!(PipelineSendOptions,));
    // A crate of models only sends nothing.
    let check_success = (send.is_some() || stream.is_some()).then(|| quote!(CheckSuccessOptions,));
    quote! {
        //! Shared helpers for the client methods.

        use azure_core::{
            error::{#check_success ErrorKind},
            http::{
                policies::{Policy, PolicyResult},
                ClientOptions, Context, Method, Pipeline, #send_options #raw_response Request, Url,
            },
            time::Duration,
            Error, Result,
        };
        use std::sync::{
            atomic::{AtomicU32, Ordering},
            Arc, Mutex, MutexGuard,
        };

        #version_const
        #without

        #endpoint
        #pipeline
        #calls

        /// Starts a request: `template` is the operation's path with `{name}` placeholders,
        /// filled in order by `args`, each sent as exactly one percent-encoded segment (`{+name}`,
        /// `x-ms-skip-url-encoding`: as given); then the query pairs whose values are set (a
        /// `+name` pair as given). Asks for JSON.
        pub(crate) fn request(endpoint: &Url, method: Method, template: &str, args: &[&str], query: &[(&str, Option<&str>)]) -> Result<Request> {
            let mut full = String::from(endpoint.path().trim_end_matches('/'));
            let mut args = args.iter();
            let mut rest = template;
            while let Some((literal, tail)) = rest.split_once('{') {
                full.push_str(literal);
                let (name, tail) = tail.split_once('}').unwrap_or((tail, ""));
                let value = args.next().ok_or_else(|| Error::with_message(ErrorKind::Other, format!("no value for path parameter `{name}`")))?;
                match name.strip_prefix('+') {
                    // `x-ms-skip-url-encoding`: the value as given, possibly several segments.
                    Some(name) if value.is_empty() => return Err(Error::with_message(ErrorKind::Other, format!("parameter `{name}` cannot be empty"))),
                    Some(_) => full.push_str(value),
                    None => push_segment(&mut full, name, value)?,
                }
                rest = tail;
            }
            full.push_str(rest);
            let mut url = endpoint.clone();
            // Only a value sent as given can bring a `?`: what follows it is the query it
            // carries (a relative next link), kept byte for byte before the other pairs.
            let (path, carried) = match full.split_once('?') {
                Some((path, query)) => (path, Some(query)),
                None => (full.as_str(), None),
            };
            url.set_path(path);
            url.set_query(carried.filter(|q| !q.is_empty()));
            if query.iter().any(|(name, value)| value.is_some() && !name.starts_with('+')) {
                let mut pairs = url.query_pairs_mut();
                for (name, value) in query {
                    if let Some(value) = value.filter(|_| !name.starts_with('+')) {
                        pairs.append_pair(name, value);
                    }
                }
            }
            // `x-ms-skip-url-encoding` query values (`+name`) are appended as given.
            for (name, value) in query {
                if let (Some(name), Some(value)) = (name.strip_prefix('+'), value) {
                    let joined = match url.query() {
                        Some(q) if !q.is_empty() => format!("{q}&{name}={value}"),
                        _ => format!("{name}={value}"),
                    };
                    url.set_query(Some(&joined));
                }
            }
            let mut request = Request::new(url, method);
            request.insert_header("accept", "application/json");
            Ok(request)
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
            push_encoded(out, value);
            Ok(())
        }

        /// Percent-encodes every byte of `value` but ASCII letters, digits and `-._~`.
        pub(crate) fn push_encoded(out: &mut String, value: &str) {
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
        }

        #encoded
        #objects

        #form

        #send
        #stream
        #xml_dates
        #read_only
        #links
        #pager
        #poller
    }
}

/// `object_fields` and `object_text`: the fields of object parameters as text, compiled with
/// the clients that have such a parameter (`object_text` with those sending one as one value).
fn object_fns(krate: &Crate) -> Option<TokenStream> {
    let gate = features::helper_gate(krate, Helper::ObjectFields)?;
    let object_text = features::helper_gate(krate, Helper::ObjectText).map(object_text_fn);
    Some(quote! {
        /// The fields of an object parameter's `value` as `(name, text)` pairs, in name order,
        /// absent fields left out; `within` names them `within[name]` (`deepObject`). A field
        /// that is itself an array or an object is its JSON text.
        #gate
        pub(crate) fn object_fields<T: serde::Serialize>(value: &T, within: Option<&str>) -> Result<Vec<(String, String)>> {
            let serde_json::Value::Object(fields) = serde_json::to_value(value)? else {
                return Err(Error::with_message(ErrorKind::DataConversion, "an object parameter's value is not a JSON object"));
            };
            Ok(fields
                .into_iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(name, value)| {
                    let text = match value {
                        serde_json::Value::String(text) => text,
                        other => other.to_string(),
                    };
                    let name = match within {
                        Some(within) => format!("{within}[{name}]"),
                        None => name,
                    };
                    (name, text)
                })
                .collect())
        }

        #object_text
    })
}

/// `object_text`: an object parameter's fields as one value (simple, label and matrix styles).
fn object_text_fn(gate: Option<TokenStream>) -> TokenStream {
    quote! {
        /// An object parameter's fields as one value: after `prefix`, each field's name, `pair`
        /// and text, joined by `separator`; `encode` percent-encodes names and texts (label and
        /// matrix values, whose separators are sent as they are).
        #gate
        pub(crate) fn object_text<T: serde::Serialize>(value: &T, prefix: &str, pair: &str, separator: &str, encode: bool) -> Result<String> {
            let mut out = String::from(prefix);
            for (i, (name, text)) in object_fields(value, None)?.iter().enumerate() {
                if i > 0 {
                    out.push_str(separator);
                }
                for (j, part) in [name, text].into_iter().enumerate() {
                    if j > 0 {
                        out.push_str(pair);
                    }
                    if encode {
                        push_encoded(&mut out, part);
                    } else {
                        out.push_str(part);
                    }
                }
            }
            Ok(out)
        }
    }
}

/// `xml_date_time`: RFC 3339 date-times of XML models, compiled with the types that have one.
fn xml_date_time_fn(krate: &Crate) -> Option<TokenStream> {
    let gate = features::helper_gate(krate, Helper::XmlDateTime)?;
    Some(quote! {
        /// RFC 3339 date-times in XML elements and attributes: the text is read as a string
        /// first (quick-xml hands `time`'s own visitor no plain string).
        #gate
        pub(crate) mod xml_date_time {
            use azure_core::time::{parse_rfc3339, to_rfc3339, OffsetDateTime};
            use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

            pub(crate) fn serialize<S: Serializer>(value: &Option<OffsetDateTime>, serializer: S) -> Result<S::Ok, S::Error> {
                match value {
                    Some(value) => serializer.serialize_str(&to_rfc3339(value)),
                    None => serializer.serialize_none(),
                }
            }

            pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<OffsetDateTime>, D::Error> {
                match Option::<String>::deserialize(deserializer)? {
                    Some(text) if !text.trim().is_empty() => parse_rfc3339(text.trim()).map(Some).map_err(D::Error::custom),
                    _ => Ok(None),
                }
            }
        }
    })
}

/// `send`, compiled with the clients that read a response whole (every kind of operation but
/// a plain one whose body is streamed to the caller).
fn send_fn(krate: &Crate) -> Option<TokenStream> {
    let gate = features::helper_gate(krate, Helper::Send)?;
    Some(quote! {
        /// Sends `request`; any status outside `success_codes` is an `HttpResponse` error.
        #gate
        pub(crate) async fn send(pipeline: &Pipeline, ctx: &Context<'_>, request: &mut Request, success_codes: &'static [u16]) -> Result<RawResponse> {
            pipeline
                .send(ctx, request, Some(PipelineSendOptions {
                    check_success: CheckSuccessOptions { success_codes },
                    ..Default::default()
                }))
                .await
        }
    })
}

/// `stream`: sends a request whose response body the caller reads as a stream, compiled with
/// the clients that have such an operation.
fn stream_fn(krate: &Crate) -> Option<TokenStream> {
    let gate = features::helper_gate(krate, Helper::Stream)?;
    Some(quote! {
        /// Sends `request` and hands back the response with its body unread, so a large
        /// download reaches the caller as a stream and is never buffered whole here; any
        /// status outside `success_codes` is an `HttpResponse` error (its body read for it).
        #gate
        pub(crate) async fn stream(pipeline: &Pipeline, ctx: &Context<'_>, request: &mut Request, success_codes: &'static [u16]) -> Result<azure_core::http::AsyncRawResponse> {
            pipeline
                .stream(ctx, request, Some(azure_core::http::PipelineStreamOptions {
                    check_success: CheckSuccessOptions { success_codes },
                    ..Default::default()
                }))
                .await
        }
    })
}

/// `TextFormat`, at the crate root: the format of `text/plain` response bodies, which
/// `into_model()` reads into a `String`.
pub fn text_format() -> TokenStream {
    quote! {
        /// The format of `text/plain` response bodies: `Response<String, TextFormat>::into_model()`
        /// gives the text (UTF-8; invalid bytes are an error of kind `DataConversion`).
        #[derive(Clone, Copy, Debug)]
        pub struct TextFormat;

        impl azure_core::http::Format for TextFormat {
            fn deserialize<T: serde::de::DeserializeOwned, S: AsRef<[u8]>>(body: S) -> azure_core::Result<T> {
                let text = std::str::from_utf8(body.as_ref()).map_err(|e| {
                    azure_core::Error::with_message(azure_core::error::ErrorKind::DataConversion, format!("the text body is not UTF-8: {e}"))
                })?;
                T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(text)).map_err(|e| {
                    azure_core::Error::with_message(azure_core::error::ErrorKind::DataConversion, format!("the text body does not fit: {e}"))
                })
            }
        }

        impl azure_core::http::DeserializeWith<TextFormat> for String {
            fn deserialize_with(body: azure_core::http::response::ResponseBody) -> azure_core::Result<Self> {
                <TextFormat as azure_core::http::Format>::deserialize(body)
            }
        }
    }
}

/// Resolving and checking links the service hands out (next pages, operation status).
fn link_fns(gate: Option<TokenStream>) -> TokenStream {
    quote! {
        /// Resolves `link` (absolute or relative) against `base`.
        #gate
        fn resolve_link(base: &Url, link: &str) -> Result<Url> {
            base.join(link).map_err(|e| Error::with_message(ErrorKind::DataConversion, format!("the service returned an invalid link `{link}`: {e}")))
        }

        /// Resolves `link` against `base` and refuses one on another origin: the pipeline
        /// would send it the credential's token.
        #gate
        fn same_origin_link(base: &Url, link: &str) -> Result<Url> {
            let url = resolve_link(base, link)?;
            if url.origin() != base.origin() {
                return Err(Error::with_message(ErrorKind::DataConversion, format!("the service returned a link to another origin, `{url}`; it is not followed so that no token is sent there")));
            }
            Ok(url)
        }
    }
}

/// The shared pager: first request as built by the method, then `GET nextLink`. `polled` is
/// the gate of the pagers whose first page is a long-running operation's final value, when the
/// crate has any; `next_requests`, whether some pager has a next-page operation.
fn pager_fns(
    gate: Option<TokenStream>,
    polled: Option<Option<TokenStream>>,
    next_requests: bool,
) -> TokenStream {
    let NextRequestParts {
        type_def: next_type,
        param: next_param,
        value: next_value,
        page: next_page,
        takes_link,
    } = NextRequestParts::new(next_requests);
    let polled_first = polled.as_ref().map(|polled_gate| {
        quote! {
            #polled_gate
            Polled { request: Request, run: Arc<dyn Fn(Context<'static>) -> RawFuture + Send + Sync> },
        }
    });
    let polled_request = polled.as_ref().map(|polled_gate| {
        quote! {
            #polled_gate
            Self::Polled { request, .. } => request,
        }
    });
    let polled_fetch = polled.as_ref().map(|polled_gate| {
        quote! {
            // A long-running operation's final value is the first page.
            #polled_gate
            (PagerState::Initial, FirstPage::Polled { request, run }) => (request.clone(), run(options.context).await?),
        }
    });
    let raw_future = polled.as_ref().map(|polled_gate| {
        quote! {
            /// A response to come.
            #polled_gate
            pub(crate) type RawFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Result<RawResponse>> + Send>>;
        }
    });
    let polled_pager = polled.map(|gate| polled_pager_fn(gate, &next_param, &next_value));
    let items = quote! {
        /// What one pager has seen: the next links its pages gave (and its first request), so
        /// a link back to one of them ends it instead of looping; and a next link it refused,
        /// reported after the items of the page that carried it.
        struct Trail {
            seen: std::collections::HashSet<String>,
            refused: Option<Error>,
        }

        #next_type

        /// Where a pager's first page comes from: the method's request, or, for an operation
        /// that is also long-running, the final response of the poller that `run` starts
        /// (`request` is the operation's, which relative next links resolve against).
        #[derive(Clone)]
        pub(crate) enum FirstPage {
            Request(Request),
            #polled_first
        }

        #raw_future

        impl From<Request> for FirstPage {
            fn from(request: Request) -> Self {
                Self::Request(request)
            }
        }

        impl FirstPage {
            fn request(&self) -> &Request {
                match self {
                    Self::Request(request) => request,
                    #polled_request
                }
            }
        }

        /// A pager whose first page comes from `first` and every next page, while the page's
        /// `next_link_name` field is set (absent, null or empty: the last page), from the
        /// next-page operation's request when there is one, or else a `GET` of that link, with
        /// the operation's `api-version` (when it has one) replacing any the link carries. A
        /// failed page is an error. A next link that is invalid, on another origin, or one this
        /// pager already saw ends it with an error after the items of the page that carried it.
        #[allow(clippy::too_many_arguments)]
        pub(crate) fn pager<P>(pipeline: &Pipeline, first: impl Into<FirstPage>, #next_param api_version: Option<&str>, next_link_name: Option<&'static str>, success_codes: &'static [u16], options: azure_core::http::pager::PagerOptions<'_>, call: Call) -> azure_core::http::Pager<P>
        where
            P: azure_core::http::pager::Page + serde::de::DeserializeOwned + Send + 'static,
        {
            use azure_core::http::pager::{PagerOptions, PagerResult, PagerState};
            let (pages, options) = Pages::new(pipeline, first.into(), #next_value api_version, next_link_name, success_codes, options, call);
            // Only this shell is compiled per page type: the paging itself is `Pages::fetch`,
            // compiled once for every pager of the crate.
            azure_core::http::Pager::new(
                move |state: PagerState, options: PagerOptions<'static>| {
                    let page = pages.clone().fetch(state, options);
                    Box::pin(async move {
                        let (response, next) = page.await?;
                        let response = response.into();
                        Ok(match next {
                            Some(continuation) => PagerResult::More { response, continuation },
                            None => PagerResult::Done { response },
                        })
                    })
                },
                Some(options),
            )
        }

        /// What a pager needs to fetch its pages, whatever their type.
        #[derive(Clone)]
        struct Pages {
            pipeline: Pipeline,
            first: FirstPage,
            #next_param
            api_version: Option<String>,
            next_link_name: Option<&'static str>,
            success_codes: &'static [u16],
            call: Call,
            trail: Arc<Mutex<Trail>>,
        }

        impl Pages {
            /// The pager's state, and its options with the call's deadline.
            #[allow(clippy::too_many_arguments)]
            fn new(pipeline: &Pipeline, first: FirstPage, #next_param api_version: Option<&str>, next_link_name: Option<&'static str>, success_codes: &'static [u16], options: azure_core::http::pager::PagerOptions<'_>, call: Call) -> (Self, azure_core::http::pager::PagerOptions<'static>) {
                let api_version = api_version.map(str::to_string);
                let mut context = options.context.into_owned();
                if let Some(timeout) = call.timeout {
                    context.insert(CallTimeout(timeout));
                }
                let options = azure_core::http::pager::PagerOptions { context, continuation: options.continuation };
                let trail = Arc::new(Mutex::new(Trail {
                    seen: std::collections::HashSet::from([String::from(with_api_version(first.request().url().clone(), api_version.as_deref()))]),
                    refused: None,
                }));
                let pages = Pages { pipeline: pipeline.clone(), first, #next_value api_version, next_link_name, success_codes, call, trail };
                (pages, options)
            }

            /// The page `state` asks for, and where the next one is (none: the last page).
            async fn fetch(self, state: azure_core::http::pager::PagerState, options: azure_core::http::pager::PagerOptions<'static>) -> Result<(RawResponse, Option<azure_core::http::pager::PagerContinuation>)> {
                use azure_core::http::pager::{PagerContinuation, PagerState};
                let Self { pipeline, first, #next_value api_version, next_link_name, success_codes, call, trail } = self;
                let (request, response) = match (state, &first) {
                    #polled_fetch
                    (PagerState::Initial, FirstPage::Request(request)) => {
                        let mut request = request.clone();
                        let ctx = if call.idempotent { options.context } else { options.context.with_value(NotIdempotent) };
                        let response = send(&pipeline, &ctx, &mut request, success_codes).await?;
                        (request, response)
                    }
                    (PagerState::More(continuation), _) => {
                        if let Some(error) = lock(&trail).refused.take() {
                            return Err(error);
                        }
                        let mut request = #next_page;
                        let response = send(&pipeline, &options.context, &mut request, success_codes).await?;
                        (request, response)
                    }
                };
                let (status, headers, body) = response.deconstruct();
                let next = match next_link_name {
                    #takes_link
                    Some(name) => next_link(&body, name, request.url(), api_version.as_deref()).map(|url| url.map(PagerContinuation::Link)),
                    None => Ok(None),
                };
                // A refused link is reported on the next call, after this page's items;
                // resuming from the continuation fetches this page again.
                let next = match next {
                    Ok(Some(link)) if !lock(&trail).seen.insert(link.as_ref().to_string()) => Err(Error::with_message(
                        ErrorKind::DataConversion,
                        format!("the service returned a next link this pager already followed, `{}`; paging stops instead of looping", link.as_ref()),
                    )),
                    next => next,
                };
                let next = next.unwrap_or_else(|error| {
                    lock(&trail).refused = Some(error);
                    Some(PagerContinuation::Link(request.url().clone()))
                });
                Ok((RawResponse::from_bytes(status, headers, body), next))
            }
        }

        /// `GET` of the next link, whose query is kept byte for byte except `api-version`
        /// (any spelling), which is replaced by `api_version` when that is given.
        fn next_page_request(first: &Request, continuation: azure_core::http::pager::PagerContinuation, api_version: Option<&str>) -> Result<Request> {
            let link = String::from(continuation);
            let url = with_api_version(same_origin_link(first.url(), &link)?, api_version);
            let mut request = Request::new(url, azure_core::http::Method::Get);
            request.insert_header("accept", "application/json");
            Ok(request)
        }

        /// `url` with its `api-version` pairs (any spelling) replaced by one carrying
        /// `api_version`, at the end, when that is given; the rest of the query is kept byte for
        /// byte.
        fn with_api_version(mut url: Url, api_version: Option<&str>) -> Url {
            let Some(api_version) = api_version else {
                return url;
            };
            let mut query: Vec<String> = url
                .query()
                .unwrap_or("")
                .split('&')
                .filter(|pair| {
                    !pair.is_empty()
                        && !pair.split('=').next().is_some_and(|name| name.eq_ignore_ascii_case("api-version"))
                })
                .map(str::to_string)
                .collect();
            let mut pair = String::from("api-version=");
            push_encoded(&mut pair, api_version);
            query.push(pair);
            url.set_query(Some(&query.join("&")));
            url
        }

        /// The URL of the next page named by a page body, resolved against the request URL,
        /// as it will be requested.
        fn next_link(body: &[u8], name: &str, base: &Url, api_version: Option<&str>) -> Result<Option<Url>> {
            match link_text(body, name)? {
                None => Ok(None),
                Some(link) => same_origin_link(base, &link).map(|url| Some(with_api_version(url, api_version))),
            }
        }

        /// The next link a page body gives in its field `name`, as text; absent, null or empty:
        /// none.
        fn link_text(body: &[u8], name: &str) -> Result<Option<String>> {
            let page: serde_json::Value = serde_json::from_slice(body).map_err(|e| Error::with_message(ErrorKind::DataConversion, format!("a page is not JSON: {e}")))?;
            match page.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(link)) if link.is_empty() => Ok(None),
                Some(serde_json::Value::String(link)) => Ok(Some(link.clone())),
                Some(_) => Err(Error::with_message(ErrorKind::DataConversion, format!("the page's `{name}` is not a string"))),
            }
        }

        #polled_pager
    };
    gated_module(
        quote!(paging),
        "The shared pager and what it needs, compiled with the clients that page.",
        gate,
        items,
    )
}

/// The pager's parts that deal with next-page operations (`x-ms-pageable.operationName`): a
/// crate without any has none of them.
struct NextRequestParts {
    /// `NextRequest`.
    type_def: Option<TokenStream>,
    /// The pager functions' `next_request` parameter (and `Pages`' field).
    param: Option<TokenStream>,
    /// `next_request`, passed on.
    value: Option<TokenStream>,
    /// The request for the page a continuation names.
    page: TokenStream,
    /// The `match` arm that hands the next link, as the page gives it, to a next-page
    /// operation that takes it.
    takes_link: Option<TokenStream>,
}

impl NextRequestParts {
    fn new(next_requests: bool) -> Self {
        let link_page = quote!(next_page_request(
            first.request(),
            continuation,
            api_version.as_deref()
        )?);
        if !next_requests {
            return NextRequestParts {
                type_def: None,
                param: None,
                value: None,
                page: link_page,
                takes_link: None,
            };
        }
        NextRequestParts {
            type_def: Some(quote! {
                /// The request of a next-page operation (`x-ms-pageable.operationName`), made for
                /// each page from the method's values and, where the operation takes it, the page's
                /// next link.
                #[derive(Clone)]
                pub(crate) struct NextRequest {
                    pub(crate) endpoint: Url,
                    pub(crate) method: Method,
                    /// The path, as for [`request`].
                    pub(crate) template: &'static str,
                    /// The path values, in order; `None` is the next link.
                    pub(crate) path: Vec<Option<String>>,
                    /// Query pairs, as for [`request`].
                    pub(crate) query: Vec<(&'static str, Option<String>)>,
                    /// Header values, sent when set.
                    pub(crate) headers: Vec<(&'static str, Option<String>)>,
                }

                impl NextRequest {
                    /// Whether the next link is one of its values (else the link only says there is a
                    /// next page).
                    fn takes_link(&self) -> bool {
                        self.path.iter().any(Option::is_none)
                    }

                    fn request(&self, link: &str) -> Result<Request> {
                        let path: Vec<&str> = self.path.iter().map(|v| v.as_deref().unwrap_or(link)).collect();
                        let query: Vec<(&str, Option<&str>)> = self.query.iter().map(|(name, value)| (*name, value.as_deref())).collect();
                        let mut request = request(&self.endpoint, self.method, self.template, &path, &query)?;
                        for (name, value) in &self.headers {
                            if let Some(value) = value {
                                request.insert_header(*name, value.clone());
                            }
                        }
                        Ok(request)
                    }
                }
            }),
            param: Some(quote!(next_request: Option<NextRequest>,)),
            value: Some(quote!(next_request,)),
            page: quote! {
                match &next_request {
                    // The next-page operation's own request, from the method's values.
                    Some(next) => next.request(continuation.as_ref())?,
                    None => #link_page,
                }
            },
            takes_link: Some(quote! {
                // The next-page operation takes the link itself, as the page gives it.
                Some(name) if next_request.as_ref().is_some_and(NextRequest::takes_link) => {
                    link_text(&body, name).map(|link| link.map(PagerContinuation::Token))
                }
            }),
        }
    }
}

/// The pager of an operation that is both pageable and long-running.
/// `next_param` and `next_value` are the pager's next-request parameter and its value, when it
/// has them.
fn polled_pager_fn(
    gate: Option<TokenStream>,
    next_param: &Option<TokenStream>,
    next_value: &Option<TokenStream>,
) -> TokenStream {
    quote! {
        /// A pager over an operation that is both long-running and pageable: it follows the
        /// operation to its end as [`poller`] does (`via` says where its final value is read),
        /// and that final value is the first page; next pages are read as [`pager`] reads them,
        /// each answering 200.
        #gate
        #[allow(clippy::too_many_arguments)]
        pub(crate) fn polled_pager<P>(pipeline: &Pipeline, first: Request, via: FinalVia, polling_timeout: Option<Duration>, #next_param api_version: Option<&str>, next_link_name: Option<&'static str>, success_codes: &'static [u16], options: azure_core::http::pager::PagerOptions<'_>, call: Call) -> azure_core::http::Pager<P>
        where
            P: azure_core::http::pager::Page + serde::de::DeserializeOwned + Send + 'static,
        {
            use azure_core::http::poller::PollerOptions;
            let poll_pipeline = pipeline.clone();
            let start = first.clone();
            let run = Arc::new(move |context: Context<'static>| {
                let poller = poller::<P, azure_core::http::JsonFormat>(&poll_pipeline, start.clone(), success_codes, via, PollerOptions { context, ..Default::default() }, None, call, polling_timeout);
                let run: RawFuture = Box::pin(async move { Ok(RawResponse::from(poller.await?)) });
                run
            });
            pager(pipeline, FirstPage::Polled { request: first, run }, #next_value api_version, next_link_name, &[200], options, call)
        }
    }
}

/// The shared poller for long-running operations, with or without a final value.
fn poller_fns(status_monitor: &str, gate: Option<TokenStream>) -> TokenStream {
    let monitor = super::tokens::ident(status_monitor);
    let items = quote! {
        /// Where to poll: `Azure-AsyncOperation` (the status is in the body; `final_link` is
        /// set, to `Location` when given) or else `Location` (the HTTP status is the status).
        pub(crate) fn poll_links(headers: &azure_core::http::headers::Headers, resolve: impl Fn(&str) -> Result<Url>) -> Result<Option<azure_core::http::poller::PollerContinuation>> {
            use azure_core::http::{headers::HeaderName, poller::PollerContinuation};
            let header = |name: &'static str| headers.get_optional_str(&HeaderName::from_static(name)).map(&resolve).transpose();
            let location = header("location")?;
            Ok(match (header("azure-asyncoperation")?, location) {
                (Some(next_link), location) => Some(PollerContinuation::Links { final_link: Some(location.unwrap_or_else(|| next_link.clone())), next_link }),
                (None, Some(next_link)) => Some(PollerContinuation::Links { next_link, final_link: None }),
                (None, None) => None,
            })
        }

        /// Where a long-running operation's final value is read once it succeeded
        /// (`x-ms-long-running-operation-options.final-state-via`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(dead_code)] // A crate's operations need not use every way.
        pub(crate) enum FinalVia {
            /// `PUT`/`PATCH`: the operation's own URL; `POST`: the `Location` when given;
            /// otherwise the last status response (or its `resourceLocation`).
            Default,
            /// The last status response's body.
            StatusBody,
            /// The first response's `Location`.
            Location,
            /// The operation's own URL.
            OriginalUri,
        }

        /// The `provisioningState` of a resource body (at the top or under `properties`).
        fn provisioning_state(body: &[u8]) -> Option<String> {
            let value: serde_json::Value = serde_json::from_slice(body).ok()?;
            value
                .pointer("/properties/provisioningState")
                .or_else(|| value.get("provisioningState"))
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
        }

        /// An `HttpResponse` error for an operation that ended `Failed` or `Canceled`.
        fn ended(status: azure_core::http::StatusCode, headers: azure_core::http::headers::Headers, body: azure_core::Bytes, state: &str) -> Error {
            let error_code = serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.pointer("/error/code").and_then(serde_json::Value::as_str).map(str::to_string))
                .or_else(|| Some(state.to_string()));
            ErrorKind::HttpResponse { status, error_code, raw_response: Some(Box::new(RawResponse::from_bytes(status, headers, body))) }.into_error()
        }

        /// How long a poller waits for its operation before it gives up, unless the call's
        /// `polling_timeout` says otherwise.
        pub(crate) const DEFAULT_POLLING_TIMEOUT: Duration = Duration::hours(24);

        /// A poller that sends `first` (or, to resume, polls `resume`) and follows the
        /// operation to its end, the way Azure's long-running operations work:
        ///
        /// * `Azure-AsyncOperation` (or `Operation-Location`) on the first response: `GET` it
        ///   until its body's `status` is terminal; then the final value is read as `via` says;
        /// * else `Location`: `GET` it until it answers other than 202 (and its
        ///   `provisioningState`, if any, is terminal); that answer is the final value;
        /// * else, for `PUT` and `PATCH` whose body has a non-terminal `provisioningState`:
        ///   `GET` the operation's own URL until it is terminal;
        /// * else the first response is the final one.
        ///
        /// Each poll waits as long as `Retry-After` (`retry-after-ms`, `x-ms-retry-after-ms`,
        /// `Retry-After`) says, else the options' frequency. `Failed` and `Canceled` (any case,
        /// also `Cancelled`) end it with an `HttpResponse` error holding the last response; any
        /// other status is in progress. It never waits past `polling_timeout` (else
        /// [`DEFAULT_POLLING_TIMEOUT`]) from its first request: it then ends with a timeout
        /// error, and its continuation can resume it.
        #[allow(clippy::too_many_arguments)]
        pub(crate) fn poller<T, F>(pipeline: &Pipeline, first: Request, success_codes: &'static [u16], via: FinalVia, options: azure_core::http::poller::PollerOptions<'_>, resume: Option<azure_core::http::poller::PollerContinuation>, call: Call, polling_timeout: Option<Duration>) -> azure_core::http::Poller<crate::models::#monitor<T, F>>
        where
            T: Send + 'static,
            F: azure_core::http::Format + Send + 'static,
        {
            use azure_core::http::poller::{PollerContinuation, PollerOptions, PollerResult, PollerState, PollerStatus};
            use azure_core::http::headers::{HeaderName, RETRY_AFTER, RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS};
            use azure_core::http::Method;
            let pipeline = pipeline.clone();
            let mut options = options.into_owned();
            // azure_core refuses a frequency under one second.
            options.frequency = options.frequency.max(Duration::seconds(1));
            if let Some(timeout) = call.timeout {
                options.context.insert(CallTimeout(timeout));
            }
            let ceiling = polling_timeout.unwrap_or(DEFAULT_POLLING_TIMEOUT).max(Duration::ZERO);
            let started: Arc<std::sync::OnceLock<std::time::Instant>> = Arc::default();
            let polls = Arc::new(AtomicU32::new(0));
            azure_core::http::Poller::new(
                move |state: PollerState, options: PollerOptions<'static>| {
                    let pipeline = pipeline.clone();
                    let first = first.clone();
                    let resume = resume.clone();
                    let started = *started.get_or_init(std::time::Instant::now);
                    let polls = polls.clone();
                    Box::pin(async move {
                        let elapsed = || Duration::try_from(started.elapsed()).unwrap_or(Duration::MAX);
                        let sent = polls.fetch_add(1, Ordering::Relaxed);
                        if sent > 0 && elapsed() >= ceiling {
                            return Err(timeout_error(format!(
                                "the long-running operation did not finish within {} ({sent} request{}); resume it from the poller's continuation",
                                duration_text(ceiling),
                                if sent == 1 { "" } else { "s" },
                            )));
                        }
                        let current = match state {
                            PollerState::More(links) => Some(links),
                            PollerState::Initial => resume,
                        };
                        // Never sleeps past the ceiling: the next call ends the poller there.
                        let clip = |wait: Duration| wait.min(ceiling - elapsed()).max(Duration::ZERO);
                        let monitor = |text: &str| azure_core::Bytes::from(format!(r#"{{"status":"{text}"}}"#));
                        let done = |status, headers: azure_core::http::headers::Headers, monitor_body: azure_core::Bytes, target: Request, final_raw: Option<RawResponse>, pipeline: Pipeline, options: PollerOptions<'static>| {
                            PollerResult::Succeeded {
                                response: RawResponse::from_bytes(status, headers, monitor_body).into(),
                                target: Box::new(move || Box::pin(async move {
                                    match final_raw {
                                        Some(raw) => Ok(raw.into()),
                                        None => {
                                            let mut target = target;
                                            Ok(send(&pipeline, &options.context, &mut target, &[200, 201, 202, 204]).await?.into())
                                        }
                                    }
                                })),
                            }
                        };
                        let get = |url: Url| {
                            let mut request = Request::new(url, Method::Get);
                            request.insert_header("accept", "application/json");
                            request
                        };
                        let Some(current) = current else {
                            // The first request.
                            let mut request = first.clone();
                            let ctx = if call.idempotent { options.context.to_borrowed() } else { options.context.clone().with_value(NotIdempotent) };
                            let response = send(&pipeline, &ctx, &mut request, success_codes).await?;
                            let (status, headers, body) = response.deconstruct();
                            let body = azure_core::Bytes::from(body);
                            let header = |name: &'static str| headers.get_optional_str(&HeaderName::from_static(name)).map(|link| resolve_link(first.url(), link)).transpose();
                            let async_link = match header("azure-asyncoperation")? {
                                Some(link) => Some(link),
                                None => header("operation-location")?,
                            };
                            let location = header("location")?;
                            let method = first.method();
                            let links = match (async_link, location) {
                                (Some(next_link), location) => {
                                    let final_link = match via {
                                        FinalVia::Location if location.is_some() => location,
                                        FinalVia::OriginalUri => Some(first.url().clone()),
                                        FinalVia::StatusBody if method == Method::Post => None,
                                        _ if matches!(method, Method::Put | Method::Patch) => Some(first.url().clone()),
                                        _ if method == Method::Post => location,
                                        _ => None,
                                    };
                                    Some(PollerContinuation::Links { final_link: Some(final_link.unwrap_or_else(|| next_link.clone())), next_link })
                                }
                                (None, Some(next_link)) => Some(PollerContinuation::Links { next_link, final_link: None }),
                                (None, None) => {
                                    let state = provisioning_state(&body).filter(|_| matches!(method, Method::Put | Method::Patch));
                                    match state.as_deref().map(PollerStatus::from) {
                                        Some(PollerStatus::Failed | PollerStatus::Canceled) => {
                                            let state = state.unwrap_or_default();
                                            return Err(ended(status, headers, body, &state));
                                        }
                                        None | Some(PollerStatus::Succeeded) if u16::from(status) != 202 => {
                                            let raw = RawResponse::from_bytes(status, headers.clone(), body);
                                            return Ok(done(status, headers, monitor("Succeeded"), first, Some(raw), pipeline, options));
                                        }
                                        Some(_) => Some(PollerContinuation::Links { next_link: first.url().clone(), final_link: None }),
                                        None => None,
                                    }
                                }
                            };
                            return match links {
                                Some(continuation) => Ok(PollerResult::InProgress {
                                    retry_after: clip(azure_core::http::poller::get_retry_after(&headers, &[RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS, RETRY_AFTER], &options)),
                                    response: RawResponse::from_bytes(status, headers, monitor("InProgress")).into(),
                                    continuation,
                                }),
                                None => Err(Error::with_message(ErrorKind::Other, "the operation is in progress but the service gave no `Azure-AsyncOperation` or `Location` to poll")),
                            };
                        };
                        let PollerContinuation::Links { next_link, final_link } = current else {
                            return Err(Error::with_message(ErrorKind::Other, "unsupported poller continuation"));
                        };
                        let mut request = get(same_origin_link(first.url(), next_link.as_str())?);
                        let response = send(&pipeline, &options.context, &mut request, &[200, 201, 202, 204]).await?;
                        let (status, headers, body) = response.deconstruct();
                        let body = azure_core::Bytes::from(body);
                        let retry_after = clip(azure_core::http::poller::get_retry_after(&headers, &[RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS, RETRY_AFTER], &options));
                        let fresh = |name: &'static str| headers.get_optional_str(&HeaderName::from_static(name)).map(|link| resolve_link(request.url(), link)).transpose();
                        match final_link {
                            Some(final_link) => {
                                // An operation status resource: its body's `status` is the state.
                                let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| Error::with_message(ErrorKind::DataConversion, format!("the operation status is not JSON: {e}")))?;
                                let Some(text) = value.get("status").and_then(serde_json::Value::as_str).map(str::to_string) else {
                                    return Err(Error::with_message(ErrorKind::DataConversion, "the operation status has no `status`"));
                                };
                                match PollerStatus::from(text.as_str()) {
                                    PollerStatus::Succeeded => {
                                        let resource = value.get("resourceLocation").and_then(serde_json::Value::as_str).map(|link| resolve_link(request.url(), link)).transpose()?;
                                        let target = if final_link != next_link { Some(final_link) } else { resource };
                                        match target {
                                            Some(url) => Ok(done(status, headers, body, get(same_origin_link(first.url(), url.as_str())?), None, pipeline, options)),
                                            None => {
                                                let raw = RawResponse::from_bytes(status, headers.clone(), body.clone());
                                                Ok(done(status, headers, body, first, Some(raw), pipeline, options))
                                            }
                                        }
                                    }
                                    PollerStatus::Failed | PollerStatus::Canceled => Err(ended(status, headers, body, &text)),
                                    _ => {
                                        let status_body = final_link == next_link;
                                        let next_link = match fresh("azure-asyncoperation")? {
                                            Some(link) => link,
                                            None => fresh("operation-location")?.unwrap_or(next_link),
                                        };
                                        let final_link = if status_body { next_link.clone() } else { final_link };
                                        Ok(PollerResult::InProgress { retry_after, response: RawResponse::from_bytes(status, headers, body).into(), continuation: PollerContinuation::Links { next_link, final_link: Some(final_link) } })
                                    }
                                }
                            }
                            None => {
                                // `Location` or the resource itself: 202, or a non-terminal
                                // `provisioningState`, means it is still running.
                                let state = provisioning_state(&body);
                                let running = u16::from(status) == 202;
                                match state.as_deref().map(PollerStatus::from) {
                                    Some(PollerStatus::Failed | PollerStatus::Canceled) if !running => {
                                        let state = state.unwrap_or_default();
                                        Err(ended(status, headers, body, &state))
                                    }
                                    None | Some(PollerStatus::Succeeded) if !running => {
                                        let raw = RawResponse::from_bytes(status, headers.clone(), body);
                                        Ok(done(status, headers, monitor("Succeeded"), first, Some(raw), pipeline, options))
                                    }
                                    _ => {
                                        let next_link = fresh("location")?.unwrap_or(next_link);
                                        Ok(PollerResult::InProgress { retry_after, response: RawResponse::from_bytes(status, headers, monitor("InProgress")).into(), continuation: PollerContinuation::Links { next_link, final_link: None } })
                                    }
                                }
                            }
                        }
                    })
                },
                Some(options),
            )
        }
    };
    gated_module(
        quote!(polling),
        "The shared poller and what it needs, compiled with the clients that have long-running operations.",
        gate,
        items,
    )
}

/// `items` in a module of their own, compiled under `gate` and re-exported, so that one gate
/// serves them all; as they are when they need no gate.
fn gated_module(
    module: TokenStream,
    doc: &str,
    gate: Option<TokenStream>,
    items: TokenStream,
) -> TokenStream {
    let Some(gate) = gate else {
        return items;
    };
    let doc = format!(" {doc}");
    quote! {
        #[doc = #doc]
        #gate
        mod #module {
            use super::*;

            #items
        }

        #gate
        pub(crate) use #module::*;
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
        let variables = variables_param(krate);
        let join = krate.service.relative_base.as_deref().map(|base| {
            let base = if krate.service.variables.is_empty() {
                quote!(#base)
            } else {
                quote!(&fill(#base, variables)?)
            };
            quote!(.join(#base)?)
        });
        let doc = if join.is_some() {
            " The endpoint the caller gave to `new`, with the spec's relative server URL resolved against it (as a URL resolver would)."
        } else {
            " The endpoint the caller gave to `new`."
        };
        quote! {
            #[doc = #doc]
            pub(crate) fn endpoint(endpoint: &str #variables) -> Result<Url> {
                check_scheme(Url::parse(endpoint)?#join)
            }
        }
    } else if krate.service.variables.is_empty() {
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
    } else {
        let variables = variables_param(krate);
        quote! {
            /// The endpoint: the explicit one, else the spec's server with its variables set.
            pub(crate) fn endpoint(explicit: Option<Url> #variables, _options: &ClientOptions) -> Result<Url> {
                let url = match explicit {
                    Some(url) => url,
                    None => Url::parse(&fill(#default, variables)?)?,
                };
                check_scheme(url)
            }
        }
    }
    .into_iter()
    .chain((!krate.service.variables.is_empty()).then(|| quote! {
        /// `template` with each `{name}` replaced by its value; a variable limited to some
        /// values (`enum`) refuses any other.
        fn fill(template: &str, variables: &[(&str, &str, &[&str])]) -> Result<String> {
            let mut url = template.to_string();
            for (name, value, allowed) in variables {
                if !allowed.is_empty() && !allowed.contains(value) {
                    return Err(Error::with_message(ErrorKind::Other, format!("server variable `{name}` cannot be `{value}`: expected one of {}", allowed.join(", "))));
                }
                url = url.replace(&format!("{{{name}}}"), value);
            }
            Ok(url)
        }
    }).into_iter().flatten())
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

/// `, variables: &[(name, value, allowed values)]` when the server URL has variables.
fn variables_param(krate: &Crate) -> Option<TokenStream> {
    (!krate.service.variables.is_empty()).then(|| quote!(, variables: &[(&str, &str, &[&str])]))
}

fn pipeline_fn(krate: &Crate) -> TokenStream {
    let token_scopes = &krate.service.token_scopes;
    let (scope, scopes) = if token_scopes.is_empty() {
        (
            Some(
                quote!(let scope = format!("{}/.default", endpoint.origin().ascii_serialization());),
            ),
            quote!(vec![scope]),
        )
    } else {
        (None, quote!(vec![#(#token_scopes),*]))
    };
    let scope_doc = if token_scopes.is_empty() {
        " bearer tokens from `credential` for scope `{endpoint origin}/.default`.".to_string()
    } else {
        format!(
            " bearer tokens from `credential` for {}.",
            token_scopes
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let endpoint_param = if token_scopes.is_empty() {
        quote!(endpoint: &Url)
    } else {
        quote!(_endpoint: &Url)
    };
    match krate.service.auth {
        Auth::BearerToken => quote! {
            /// The request pipeline: [`CallPolicy`] (the deadline), azure_core's standard policies
            /// (`x-ms-client-request-id`, telemetry `User-Agent`, the configured retry policy,
            /// logging), and per attempt [`AttemptPolicy`] (no blind repeats of POST and PATCH) and
            #[doc = #scope_doc]
            pub(crate) fn pipeline(credential: Arc<dyn azure_core::credentials::TokenCredential>, #endpoint_param, options: ClientOptions, timeout: Option<Duration>) -> Pipeline {
                use azure_core::http::policies::auth::BearerTokenAuthorizationPolicy;
                #scope
                let auth: Arc<dyn Policy> = Arc::new(BearerTokenAuthorizationPolicy::new(credential, #scopes));
                Pipeline::new(option_env!("CARGO_PKG_NAME"), option_env!("CARGO_PKG_VERSION"), options, vec![Arc::new(CallPolicy { timeout })], vec![Arc::new(AttemptPolicy), auth], None)
            }
        },
        Auth::Schemes(_) => {
            let auth = super::auth::runtime_items(krate);
            quote! {
                #auth

                /// The request pipeline: [`CallPolicy`] (the deadline), azure_core's standard policies
                /// (`x-ms-client-request-id`, telemetry `User-Agent`, the configured retry policy,
                /// logging, which redacts headers and query parameters outside its allow-list), and
                /// per attempt [`AttemptPolicy`] (no blind repeats of POST and PATCH) and `auth`, the
                /// security schemes.
                pub(crate) fn pipeline(auth: AuthPolicy, options: ClientOptions, timeout: Option<Duration>) -> Pipeline {
                    Pipeline::new(option_env!("CARGO_PKG_NAME"), option_env!("CARGO_PKG_VERSION"), options, vec![Arc::new(CallPolicy { timeout })], vec![Arc::new(AttemptPolicy), Arc::new(auth)], None)
                }
            }
        }
        Auth::None => quote! {
            /// The request pipeline: [`CallPolicy`] (the deadline), azure_core's standard policies
            /// (`x-ms-client-request-id`, telemetry `User-Agent`, the configured retry policy,
            /// logging), and per attempt [`AttemptPolicy`] (no blind repeats of POST and PATCH);
            /// no authorization.
            pub(crate) fn pipeline(options: ClientOptions, timeout: Option<Duration>) -> Pipeline {
                Pipeline::new(option_env!("CARGO_PKG_NAME"), option_env!("CARGO_PKG_VERSION"), options, vec![Arc::new(CallPolicy { timeout })], vec![Arc::new(AttemptPolicy)], None)
            }
        },
    }
}

/// Retries that respect idempotency, and per-call deadlines: two small policies around
/// azure_core's retry policy, and what a method tells them about its call.
fn call_fns(krate: &Crate) -> TokenStream {
    // Only plain calls build their context here; pagers and pollers build theirs.
    let context_fn = features::helper_gate(krate, Helper::CallContext).map(|gate| {
        quote! {
            impl Call {
                /// `context` with this call's deadline and, for a request that must not be
                /// repeated blindly, the mark [`AttemptPolicy`] looks for.
                #gate
                pub(crate) fn context<'a>(self, context: &'a Context<'a>) -> Context<'a> {
                    let mut context = context.to_borrowed();
                    if let Some(timeout) = self.timeout {
                        context.insert(CallTimeout(timeout));
                    }
                    if !self.idempotent {
                        context.insert(NotIdempotent);
                    }
                    context
                }
            }
        }
    });
    quote! {
        /// How long one call may take, its retries included, unless the client's or the
        /// call's options say otherwise.
        pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::seconds(60);

        /// What a method tells the pipeline about one call.
        #[derive(Clone, Copy, Debug)]
        pub(crate) struct Call {
            /// The call's own deadline (its options' `timeout`); `None`: the client's.
            pub(crate) timeout: Option<Duration>,
            /// Whether the request may be sent again when it is unknown whether the service
            /// acted on it (see [`AttemptPolicy`]).
            pub(crate) idempotent: bool,
        }

        #context_fn

        /// A call's own deadline, overriding the client's.
        struct CallTimeout(Duration);

        /// Marks a call whose request may have effects if sent twice (POST or PATCH without a
        /// `Repeatability-Request-ID`).
        struct NotIdempotent;

        /// What the attempts of one call left behind, shared by [`CallPolicy`] (outside the
        /// retry policy) and [`AttemptPolicy`] (inside it, once per attempt).
        struct Attempts {
            /// Whether this call's request must not be repeated blindly.
            guarded: bool,
            /// How many attempts were sent.
            sent: AtomicU32,
            /// How the last failed attempt ended, for the timeout error.
            last_failure: Mutex<Option<String>>,
            /// An outcome kept from the retry policy so it does not repeat the request.
            held: Mutex<Option<PolicyResult>>,
            /// The `User-Agent` the request carried before the pipeline (a header parameter
            /// the operation declares), put back on every attempt.
            user_agent: Option<azure_core::http::headers::HeaderValue>,
        }

        fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
            mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
        }

        /// Runs first on every call, outside the retry policy: ends the call at its deadline
        /// (the call's `timeout`, else the client's) with an `Io` error of kind
        /// [`std::io::ErrorKind::TimedOut`], hands back the outcome [`AttemptPolicy`] kept
        /// from the retry policy, and keeps a `User-Agent` the method set for [`AttemptPolicy`]
        /// to put back over azure_core's own.
        #[derive(Debug)]
        struct CallPolicy {
            timeout: Option<Duration>,
        }

        #[async_trait::async_trait]
        impl Policy for CallPolicy {
            async fn send(&self, ctx: &Context, request: &mut Request, next: &[Arc<dyn Policy>]) -> PolicyResult {
                let timeout = ctx.value::<CallTimeout>().map(|t| t.0).or(self.timeout);
                let ctx = ctx.clone().with_value(Attempts {
                    guarded: ctx.value::<NotIdempotent>().is_some(),
                    sent: AtomicU32::new(0),
                    last_failure: Mutex::new(None),
                    held: Mutex::new(None),
                    user_agent: request.headers().get_optional_str(&azure_core::http::headers::USER_AGENT).map(|agent| agent.to_string().into()),
                });
                let Some((policy, rest)) = next.split_first() else {
                    return Err(Error::with_message(ErrorKind::Other, "the pipeline has no transport"));
                };
                let sent = policy.send(&ctx, request, rest);
                let outcome = match timeout {
                    None => sent.await,
                    Some(limit) => match within(limit, sent).await {
                        Some(outcome) => outcome,
                        None => return Err(timed_out(request, limit, ctx.value::<Attempts>())),
                    },
                };
                match ctx.value::<Attempts>().and_then(|a| lock(&a.held).take()) {
                    Some(held) => held,
                    None => outcome,
                }
            }
        }

        /// Runs once per attempt, inside the retry policy. For a request that must not be
        /// repeated blindly (see [`NotIdempotent`]), it keeps from the retry policy every
        /// outcome after which the service may have acted: any error status but 408, 429 and
        /// 503 (which say the request was not processed) and an I/O error once the request may
        /// have been sent. A connection that was never made (`ErrorKind::Connection`) is still
        /// retried. Other requests keep the retry policy's behaviour. It also puts back the
        /// `User-Agent` the method set (a header parameter the operation declares), which
        /// azure_core's user agent policy replaced.
        #[derive(Debug)]
        struct AttemptPolicy;

        #[async_trait::async_trait]
        impl Policy for AttemptPolicy {
            async fn send(&self, ctx: &Context, request: &mut Request, next: &[Arc<dyn Policy>]) -> PolicyResult {
                let Some((policy, rest)) = next.split_first() else {
                    return Err(Error::with_message(ErrorKind::Other, "the pipeline has no transport"));
                };
                let Some(attempts) = ctx.value::<Attempts>() else {
                    return policy.send(ctx, request, rest).await;
                };
                attempts.sent.fetch_add(1, Ordering::Relaxed);
                if let Some(agent) = &attempts.user_agent {
                    request.insert_header(azure_core::http::headers::USER_AGENT, agent.clone());
                }
                let outcome = policy.send(ctx, request, rest).await;
                let repeatable = match &outcome {
                    Ok(response) => {
                        let status = u16::from(response.status());
                        if status >= 400 {
                            *lock(&attempts.last_failure) = Some(format!("status {status}"));
                        }
                        status < 400 || matches!(status, 408 | 429 | 503)
                    }
                    Err(error) => {
                        *lock(&attempts.last_failure) = Some(error.to_string());
                        !matches!(error.kind(), ErrorKind::Io)
                    }
                };
                if attempts.guarded && !repeatable {
                    *lock(&attempts.held) = Some(outcome);
                    return Err(Error::with_message(ErrorKind::Other, "the service may have acted on the request; it is not sent again"));
                }
                outcome
            }
        }

        /// `future`'s output, or `None` once `limit` has passed.
        async fn within<F: std::future::Future>(limit: Duration, future: F) -> Option<F::Output> {
            use std::{future::Future as _, task::Poll};
            let mut future = std::pin::pin!(future);
            let mut timer = std::pin::pin!(azure_core::sleep::sleep(limit.max(Duration::ZERO)));
            std::future::poll_fn(move |cx| {
                if let Poll::Ready(output) = future.as_mut().poll(cx) {
                    return Poll::Ready(Some(output));
                }
                timer.as_mut().poll(cx).map(|()| None)
            })
            .await
        }

        /// `90 s` or `300 ms`.
        fn duration_text(duration: Duration) -> String {
            let ms = duration.whole_milliseconds();
            if ms % 1000 == 0 {
                format!("{} s", ms / 1000)
            } else {
                format!("{ms} ms")
            }
        }

        /// An `Io` error whose source is a [`std::io::ErrorKind::TimedOut`] error.
        fn timeout_error(message: String) -> Error {
            Error::with_error(ErrorKind::Io, std::io::Error::new(std::io::ErrorKind::TimedOut, message.clone()), message)
        }

        /// The error of a call that passed its deadline: what, after how long, how many
        /// attempts were sent and how the last failed one ended.
        fn timed_out(request: &Request, limit: Duration, attempts: Option<&Attempts>) -> Error {
            let sent = attempts.map_or(0, |a| a.sent.load(Ordering::Relaxed));
            let last = attempts
                .and_then(|a| lock(&a.last_failure).clone())
                .map_or_else(|| String::from("no response yet"), |failure| format!("the last failed with {failure}"));
            let url = request.url();
            timeout_error(format!(
                "{} {}{} timed out after {} ({sent} attempt{}; {last})",
                request.method(),
                url.origin().ascii_serialization(),
                url.path(),
                duration_text(limit),
                if sent == 1 { "" } else { "s" },
            ))
        }
    }
}

/// Serializing request bodies: `request_json` (behind every model's `RequestContent`
/// conversion) marks the thread while it serializes, and `skip_read_only` (on every read-only
/// property) leaves the property out only then. A request never carries a read-only property,
/// whatever features are on; a user who serializes a model (to log or store a response) sees
/// every property it holds.
fn request_body_fns(krate: &Crate) -> Option<TokenStream> {
    let sent = features::of_helper(krate, Helper::RequestJson);
    let read_only = features::of_helper(krate, Helper::SkipReadOnly);
    let (any_sent, any_read_only) = (sent.is_some(), read_only.is_some());
    if !any_sent && !any_read_only {
        return None;
    }
    let (sent, read_only) = (sent.unwrap_or_default(), read_only.unwrap_or_default());
    let both: features::Features = sent.union(&read_only).copied().collect();
    let flag_gate = features::gate(krate, &both);
    let sent_gate = features::gate(krate, &sent);
    let read_only_gate = features::gate(krate, &read_only);
    let to_json = any_sent.then(|| {
        if !any_read_only {
            return quote! {
                /// Serializes a request body as JSON.
                #sent_gate
                pub(crate) fn request_json<T: serde::Serialize>(value: &T) -> Result<azure_core::Bytes> {
                    azure_core::json::to_json(value)
                }
            };
        }
        quote! {
            /// Serializes a request body as JSON, leaving out its read-only properties.
            #sent_gate
            pub(crate) fn request_json<T: serde::Serialize>(value: &T) -> Result<azure_core::Bytes> {
                /// Restores the mark when serialization ends, also by unwinding.
                struct Restore(bool);
                impl Drop for Restore {
                    fn drop(&mut self) {
                        SENDING.with(|sending| sending.0.set(self.0));
                    }
                }
                let _restore = Restore(SENDING.with(|sending| sending.0.replace(true)));
                azure_core::json::to_json(value)
            }
        }
    });
    let skip = any_read_only.then(|| {
        quote! {
            /// Whether to leave a read-only property out: when it is unset, and always in a
            /// request body.
            #read_only_gate
            pub(crate) fn skip_read_only<T>(value: &Option<T>) -> bool {
                value.is_none() || SENDING.with(|sending| sending.0.get())
            }
        }
    });
    if !any_read_only {
        return to_json;
    }
    Some(quote! {
        /// Whether this thread is serializing a request body (see `request_json`).
        #flag_gate
        struct Sending(std::cell::Cell<bool>);

        #flag_gate
        thread_local!(static SENDING: Sending = const { Sending(std::cell::Cell::new(false)) });

        #to_json
        #skip
    })
}

/// `Form`, the body of the operations with form fields: its writers are compiled with the
/// clients that use them (text fields, files; URL-encoded, multipart).
fn form_fns(krate: &Crate) -> Option<TokenStream> {
    let form_gate = features::helper_gate(krate, Helper::Form)?;
    let text = features::helper_gate(krate, Helper::FormText).map(|gate| {
        quote! {
            /// Adds a text field.
            #gate
            pub(crate) fn text(&mut self, name: &'static str, value: &str) {
                self.fields.push((name, false, azure_core::Bytes::copy_from_slice(value.as_bytes())));
            }
        }
    });
    let file = features::helper_gate(krate, Helper::FormFile).map(|gate| {
        quote! {
            /// Adds a file: its bytes, named after the field.
            #gate
            pub(crate) fn file(&mut self, name: &'static str, content: azure_core::Bytes) {
                self.fields.push((name, true, content));
            }
        }
    });
    let urlencoded = features::helper_gate(krate, Helper::FormUrlencoded).map(|gate| {
        quote! {
            /// The fields as `application/x-www-form-urlencoded` text: `name=value` pairs
            /// joined by `&`, encoded as a URL query is (a space is `+`).
            #gate
            pub(crate) fn urlencoded(self) -> azure_core::Bytes {
                fn push(out: &mut String, bytes: &[u8]) {
                    for &b in bytes {
                        match b {
                            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(b)),
                            b' ' => out.push('+'),
                            _ => out.push_str(&format!("%{b:02X}")),
                        }
                    }
                }
                let mut out = String::new();
                for (name, _, value) in &self.fields {
                    if !out.is_empty() {
                        out.push('&');
                    }
                    push(&mut out, name.as_bytes());
                    out.push('=');
                    push(&mut out, value);
                }
                azure_core::Bytes::from(out)
            }
        }
    });
    let multipart = features::helper_gate(krate, Helper::FormMultipart).map(|gate| {
        quote! {
            /// The fields as `multipart/form-data`: the `content-type` (with a boundary of its
            /// own) and the body, one part per field; a file's part has a file name (the
            /// field's) and the type `application/octet-stream`.
            #gate
            pub(crate) fn multipart(self) -> (String, azure_core::Bytes) {
                let boundary = format!("form-boundary-{}", azure_core::Uuid::new_v4().simple());
                let mut body = Vec::new();
                for (name, file, value) in &self.fields {
                    let name = name.replace('"', "%22");
                    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes());
                    if *file {
                        body.extend_from_slice(format!("; filename=\"{name}\"\r\nContent-Type: application/octet-stream").as_bytes());
                    }
                    body.extend_from_slice(b"\r\n\r\n");
                    body.extend_from_slice(value);
                    body.extend_from_slice(b"\r\n");
                }
                body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
                (format!("multipart/form-data; boundary={boundary}"), azure_core::Bytes::from(body))
            }
        }
    });
    Some(quote! {
        /// The fields of a form body, in order: name, whether it is a file, and content.
        #form_gate
        #[derive(Default)]
        pub(crate) struct Form {
            fields: Vec<(&'static str, bool, azure_core::Bytes)>,
        }

        #form_gate
        impl Form {
            #text
            #file
            #urlencoded
            #multipart
        }
    })
}

/// `without_key`, for the kinds of a discriminated hierarchy that also keep undeclared
/// properties: their discriminator is read as one, and is left out of them.
fn without_key_fn(krate: &Crate) -> Option<TokenStream> {
    let gate = features::helper_gate(krate, Helper::WithoutKey)?;
    Some(quote! {
        /// Reads a model's undeclared properties, leaving out `key` (its discriminator).
        #gate
        pub(crate) fn without_key<'de, D, T>(deserializer: D, key: &str) -> std::result::Result<std::collections::HashMap<String, T>, D::Error>
        where
            D: serde::Deserializer<'de>,
            T: serde::de::DeserializeOwned,
        {
            let mut map = <std::collections::HashMap<String, serde_json::Value> as serde::Deserialize>::deserialize(deserializer)?;
            map.remove(key);
            map.into_iter()
                .map(|(k, v)| serde_json::from_value(v).map(|v| (k, v)).map_err(<D::Error as serde::de::Error>::custom))
                .collect()
        }
    })
}
