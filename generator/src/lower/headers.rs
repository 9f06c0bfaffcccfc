//! The headers of an operation's success responses, read through typed getters: a trait per
//! operation implemented on what its method returns, as azure_core 1.x clients expose them.

use super::naming::{self, Scope};
use super::resolve;
use super::types::Types;
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{ResponseHeader, ResponseHeaders, TypeDef, TypeRef};
use crate::read::Spec;
use openapiv3::{Operation, ParameterSchemaOrContent, StatusCode};
use serde_json::Value;

/// Methods of `azure_core::http::Response`, `AsyncResponse` and the per-status enums, which a
/// getter of the same name would hide or never be reached through.
const RESPONSE_METHODS: [&str; 8] = [
    "status",
    "headers",
    "body",
    "into_body",
    "into_model",
    "deconstruct",
    "to_raw_response",
    "try_into_raw_response",
];

/// Headers the pollers read themselves, and the request ids the pipeline logs and
/// `ServiceError` reports: a long-running operation (or a `HEAD` answering `bool`) that
/// declares only these loses nothing by having no getters.
const QUIET: [&str; 9] = [
    "azure-asyncoperation",
    "location",
    "operation-location",
    "retry-after",
    "retry-after-ms",
    "x-ms-retry-after-ms",
    "x-ms-request-id",
    "x-ms-client-request-id",
    "x-ms-correlation-request-id",
];

/// What the method of an operation returns, as far as its headers are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Returns {
    /// A `Response<T, F>` of the success body `T` (for a pager, of each page).
    Body,
    /// A response without a body (`Response<(), NoFormat>` or an unread `AsyncResponse`):
    /// it gets a marker type of its own to carry instead of `()`.
    Bodiless,
    /// A per-status enum of the operation's own.
    StatusEnum,
    /// Something without the response's headers (a poller, a `bool`).
    Other,
}

/// The typed headers of `op`'s success responses, when they declare any: the trait is named
/// `{stem}Headers` and the marker (for [`Returns::Bodiless`]) `{stem}Result`. A header
/// whose value is not a scalar, an enumeration or a list of them is read as text, with a
/// warning; a method that returns no response loses the headers, with a warning unless they
/// are ones its poller follows or request ids.
pub fn response_headers(
    spec: &Spec,
    op: &Operation,
    pointer: &str,
    types: &mut Types,
    stem: &str,
    returns: Returns,
) -> Result<Option<ResponseHeaders>, Diagnostic> {
    let at = join(pointer, "responses");
    let components = spec.api.components.as_ref();
    let mut declared: Vec<(String, &openapiv3::ReferenceOr<openapiv3::Response>)> = Vec::new();
    for (code, response) in &op.responses.responses {
        let (key, success) = match code {
            StatusCode::Code(c) => (c.to_string(), (200..400).contains(c)),
            StatusCode::Range(r) => (format!("{r}XX"), (2..4).contains(r)),
        };
        if success {
            declared.push((key, response));
        }
    }
    if declared.is_empty() {
        // With no success declared, `default` describes the success response.
        declared.extend(
            op.responses
                .default
                .iter()
                .map(|r| ("default".to_string(), r)),
        );
    }
    let mut headers: Vec<ResponseHeader> = Vec::new();
    let mut getters = Scope::with(&RESPONSE_METHODS);
    let mut lost: Vec<String> = Vec::new();
    for (key, response) in declared {
        let r_at = join(&at, &key);
        let response = resolve(
            spec,
            response,
            "responses",
            |n| components.and_then(|c| c.responses.get(n)),
            &r_at,
        )?;
        let error_response = super::responses::marked_error(response);
        if error_response {
            continue;
        }
        for (wire, header) in &response.headers {
            let wire_name = wire.to_ascii_lowercase();
            if headers.iter().any(|h| h.wire_name == wire_name) || lost.contains(&wire_name) {
                continue;
            }
            let h_at = join(&join(&r_at, "headers"), wire);
            if returns == Returns::Other {
                lost.push(wire_name);
                continue;
            }
            let header = resolve(
                spec,
                header,
                "headers",
                |n| components.and_then(|c| c.headers.get(n)),
                &h_at,
            )?;
            if !is_token(wire) {
                spec.warn(
                    &h_at,
                    format!(
                        "response header `{wire}` is not an HTTP header name: it gets no getter"
                    ),
                );
                continue;
            }
            let prefix = header
                .extensions
                .get("x-ms-header-collection-prefix")
                .and_then(Value::as_str)
                .filter(|p| is_token(p));
            let constant = match &header.format {
                ParameterSchemaOrContent::Schema(schema) => constant(schema),
                ParameterSchemaOrContent::Content(_) => None,
            };
            let ty = match &header.format {
                // Every header with the prefix, by the rest of its name.
                _ if prefix.is_some() => TypeRef::Map(Box::new(TypeRef::String)),
                // One allowed value documents what the service sends; the text is read as it
                // comes, so a service that sends another value is not an error.
                ParameterSchemaOrContent::Schema(_) if constant.is_some() => TypeRef::String,
                ParameterSchemaOrContent::Schema(schema) => {
                    let hint = format!("{stem}{}", naming::pascal(wire));
                    let ty = types.of(schema, &join(&h_at, "schema"), &hint)?;
                    if readable(&ty, types) {
                        ty
                    } else {
                        spec.warn(
                            &join(&h_at, "schema"),
                            format!("response header `{wire}` is not a scalar, an enumeration or a list of them: its getter gives its text"),
                        );
                        TypeRef::String
                    }
                }
                ParameterSchemaOrContent::Content(_) => {
                    spec.warn(
                        &join(&h_at, "content"),
                        format!("response header `{wire}` has a media type (`content`): its getter gives its text"),
                    );
                    TypeRef::String
                }
            };
            types.reach(&ty);
            // An entity tag is azure_core's `Etag`, as the `If-Match` request headers are.
            let ty = if ty == TypeRef::String && wire_name == "etag" {
                TypeRef::Etag
            } else {
                ty
            };
            // `x-ms-client-name` names the getter; the wire name stays.
            let client_name = header
                .extensions
                .get("x-ms-client-name")
                .and_then(Value::as_str)
                .filter(|n| !n.trim().is_empty());
            let getter = match client_name {
                Some(name) => {
                    let getter = getters.claim(naming::snake(name));
                    super::warn_name(spec, &h_at, "response header", name, &getter);
                    getter
                }
                None => {
                    let getter = getters.claim(naming::header_getter(wire));
                    super::warn_name(spec, &h_at, "response header", wire, &getter);
                    getter
                }
            };
            let mut docs = header
                .description
                .clone()
                .filter(|d| super::view::has_prose(d))
                .unwrap_or_else(|| format!("The `{wire}` header."));
            if let Some(prefix) = prefix {
                docs.push_str(&format!("\n\nEvery header whose name starts with `{prefix}`, by the rest of its name (in lowercase)."));
            }
            if let Some(value) = constant {
                docs.push_str(&format!("\n\nThe spec allows one value: `{value}`."));
            }
            headers.push(ResponseHeader {
                wire_name: prefix.map(str::to_ascii_lowercase).unwrap_or(wire_name),
                getter,
                ty,
                collection: prefix.is_some(),
                docs,
            });
        }
    }
    lost.retain(|h| !QUIET.contains(&h.as_str()));
    if !lost.is_empty() {
        spec.warn(
            &at,
            format!(
                "the method returns no response to read headers from (a poller or a `bool`): response headers {} have no getters",
                lost.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ")
            ),
        );
    }
    if headers.is_empty() {
        return Ok(None);
    }
    let trait_name = types.claim_name(format!("{stem}Headers"));
    let marker = (returns == Returns::Bodiless).then(|| types.claim_name(format!("{stem}Result")));
    Ok(Some(ResponseHeaders {
        trait_name,
        marker,
        headers,
    }))
}

/// The one value of an inline string enumeration that allows only one.
fn constant(schema: &openapiv3::ReferenceOr<openapiv3::Schema>) -> Option<&str> {
    let openapiv3::ReferenceOr::Item(schema) = schema else {
        return None;
    };
    let openapiv3::SchemaKind::Type(openapiv3::Type::String(s)) = &schema.schema_kind else {
        return None;
    };
    match s.enumeration.as_slice() {
        [Some(one)] => Some(one.as_str()),
        _ => None,
    }
}

/// Whether `name` is an HTTP header name (an RFC 9110 token).
pub(super) fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

/// Whether a header value of type `ty` is read from its text: a scalar, an enumeration, or a
/// list of them (comma-separated).
fn readable(ty: &TypeRef, types: &Types) -> bool {
    match ty {
        TypeRef::Vec(item) => !matches!(**item, TypeRef::Vec(_)) && readable(item, types),
        TypeRef::Named(name) => matches!(types.defs.get(name), Some(TypeDef::Enum(_))),
        TypeRef::Etag => true,
        other => other.is_primitive(),
    }
}
