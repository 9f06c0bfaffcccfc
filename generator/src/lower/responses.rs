//! An operation's responses -> its success statuses and body types, its error models, and the
//! per-status enums when the types differ from one status to another.

use super::naming::{self, Scope};
use super::operations::{is_json, structured};
use super::types::Types;
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{StatusEnum, StatusVariant, TypeRef};
use crate::read::Spec;
use openapiv3::{Operation, StatusCode};
use serde_json::Value;

/// What an operation's responses say, lowered.
pub struct Responses {
    /// Statuses that mean success, in spec order.
    pub success_codes: Vec<u16>,
    /// The success body type every success status shares (`None`: none has a body); when
    /// they differ, the first one, and `result` tells them apart.
    pub success_type: Option<TypeRef>,
    /// Whether the success statuses have different body types (one has a model, another
    /// another model or none).
    pub mixed: bool,
    /// Whether two success statuses have different models (not counting statuses without a
    /// body): only a plain call can return them.
    pub conflicting: bool,
    /// One variant per success status, for when `mixed`.
    pub result: Vec<StatusVariant>,
    /// The error model: `default`'s, else the one every error status shares.
    pub error_type: Option<TypeRef>,
    /// One variant per error status with a model (and `default`), when their models differ.
    pub errors: Vec<StatusVariant>,
    /// Whether the spec declares a `404` answer that is not marked `x-ms-error-response`.
    pub declares_not_found: bool,
}

/// One declared response, resolved.
struct Declared<'a> {
    /// The key as written: `200`, `4XX` or `default`.
    key: String,
    codes: Vec<u16>,
    at: String,
    response: &'a openapiv3::Response,
}

/// Reads the responses of `op`: 2xx and 3xx answers are successes (a declared redirect is an
/// answer the caller gets, not followed); 4xx and 5xx, and any response marked
/// `x-ms-error-response: true`, are errors; `default` is the error of every other status, or
/// the success (any 2xx) when no success is declared.
pub fn responses(
    spec: &Spec,
    op: &Operation,
    pointer: &str,
    types: &mut Types,
    name: &str,
) -> Result<Responses, Diagnostic> {
    let at = join(pointer, "responses");
    let declared = &op.responses;
    let components = spec.api.components.as_ref();
    let mut successes: Vec<Declared> = Vec::new();
    let mut failures: Vec<Declared> = Vec::new();
    let mut declares_not_found = false;
    for (code, response) in &declared.responses {
        let (key, codes): (String, Vec<u16>) = match code {
            StatusCode::Code(c) => (c.to_string(), vec![*c]),
            StatusCode::Range(r) => (format!("{r}XX"), (r * 100..r * 100 + 100).collect()),
        };
        let (response, r_at) = super::resolve_at(
            spec,
            response,
            "responses",
            |n| components.and_then(|c| c.responses.get(n)),
            &join(&at, &key),
        )?;
        let error_response = marked_error(response);
        if codes.contains(&404) && !error_response {
            declares_not_found = true;
        }
        let one = Declared {
            key,
            codes,
            at: r_at,
            response,
        };
        if error_response || one.codes.iter().all(|c| *c >= 400) {
            failures.push(one);
        } else if one.codes.iter().any(|c| (200..400).contains(c)) {
            successes.push(one);
        }
        // 1xx answers are not responses a client gets (a `101` upgrade is refused earlier).
    }
    let mut default_at = join(&at, "default");
    let default = match &declared.default {
        Some(response) => {
            let (response, written_at) = super::resolve_at(
                spec,
                response,
                "responses",
                |n| components.and_then(|c| c.responses.get(n)),
                &default_at,
            )?;
            default_at = written_at;
            Some(response)
        }
        None => None,
    };
    let mut success_codes = Vec::new();
    let mut bodies: Vec<(&Declared, Option<TypeRef>)> = Vec::new();
    for one in &successes {
        success_codes.extend(one.codes.iter().copied());
        let ty = body(spec, one.response, &one.at, types, name, "Response")?;
        bodies.push((one, ty));
    }
    let mut error_default = None;
    let mut default_success = None;
    match default {
        // With no success declared, `default` describes the success response: any 2xx.
        Some(response) if successes.is_empty() => {
            success_codes.extend(200..300);
            default_success = body(spec, response, &default_at, types, name, "Response")?;
        }
        Some(response) => {
            error_default = Some(body(
                spec,
                response,
                &default_at,
                types,
                "Error",
                "Response",
            )?);
        }
        // No responses at all: any 2xx is success, and its body is not described.
        None if declared.responses.is_empty() => success_codes.extend(200..300),
        None => {}
    }
    if success_codes.is_empty() {
        return Err(spec.error(
            &at,
            "the operation declares no success (2xx or 3xx) response",
        ));
    }
    let mut success_type = default_success;
    for (_, ty) in &bodies {
        if success_type.is_none() {
            success_type.clone_from(ty);
        }
    }
    let mixed = bodies.windows(2).any(|w| match w {
        [(_, a), (_, b)] => a != b,
        _ => false,
    });
    let conflicting = bodies
        .iter()
        .filter_map(|(_, ty)| ty.as_ref())
        .any(|ty| success_type.as_ref().is_some_and(|first| first != ty));
    for (_, ty) in &bodies {
        if let Some(ty) = ty {
            types.mark(ty, false);
        }
    }
    if let Some(ty) = &success_type {
        types.mark(ty, false);
    }
    let mut variants = Scope::default();
    let result = if mixed {
        bodies
            .iter()
            .map(|(one, ty)| StatusVariant {
                rust_name: variants.claim(naming::status_variant(&one.key)),
                codes: one.codes.clone(),
                ty: ty.clone(),
                docs: status_docs(&one.key, &one.response.description),
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut error_bodies: Vec<(&Declared, TypeRef)> = Vec::new();
    for one in &failures {
        if let Some(ty) = body(spec, one.response, &one.at, types, "Error", "Response")? {
            types.mark(&ty, false);
            error_bodies.push((one, ty));
        }
    }
    let error_default = error_default.flatten();
    if let Some(ty) = &error_default {
        types.mark(ty, false);
    }
    let distinct: Vec<&TypeRef> = {
        let mut all: Vec<&TypeRef> = error_bodies.iter().map(|(_, t)| t).collect();
        all.extend(error_default.as_ref());
        all.sort();
        all.dedup();
        all
    };
    let error_type = match (&error_default, distinct.as_slice()) {
        (Some(ty), _) => Some(ty.clone()),
        (None, [only]) => Some((*only).clone()),
        _ => None,
    };
    let errors = if distinct.len() > 1 {
        let mut variants = Scope::default();
        let mut out: Vec<StatusVariant> = error_bodies
            .iter()
            .map(|(one, ty)| StatusVariant {
                rust_name: variants.claim(naming::status_variant(&one.key)),
                codes: one.codes.clone(),
                ty: Some(ty.clone()),
                docs: status_docs(&one.key, &one.response.description),
            })
            .collect();
        if let (Some(ty), Some(response)) = (&error_default, default) {
            out.push(StatusVariant {
                rust_name: variants.claim(naming::status_variant("default")),
                codes: Vec::new(),
                ty: Some(ty.clone()),
                docs: status_docs("default", &response.description),
            });
        }
        out
    } else {
        Vec::new()
    };
    Ok(Responses {
        success_codes,
        success_type,
        mixed,
        conflicting,
        result,
        error_type,
        errors,
        declares_not_found,
    })
}

/// The per-status enum `name` with `variants`, documented as the answers (or errors) of
/// `method` of `client`.
pub fn status_enum(
    name: String,
    variants: Vec<StatusVariant>,
    client: &str,
    method: &str,
    errors: bool,
) -> StatusEnum {
    let docs = if errors {
        format!("The error models of [`{client}::{method}()`](crate::clients::{client}::{method}) by status: `{name}::try_from(error)` decodes the body of an `HttpResponse` error as the model its status declares.")
    } else {
        format!("What [`{client}::{method}()`](crate::clients::{client}::{method}) answers: one variant per success status, each holding the response with its typed body, so the caller matches on the status.")
    };
    StatusEnum {
        name,
        docs,
        variants,
    }
}

/// `201 Created: the description`.
fn status_docs(key: &str, description: &str) -> String {
    let what = if key == "default" {
        "Any other status".to_string()
    } else {
        format!("Status {key}")
    };
    let description = description.trim();
    if description.is_empty() {
        format!("{what}.")
    } else {
        format!("{what}: {description}")
    }
}

/// The type of a response's JSON body, if it has one.
fn body(
    spec: &Spec,
    response: &openapiv3::Response,
    r_at: &str,
    types: &mut Types,
    name: &str,
    suffix: &str,
) -> Result<Option<TypeRef>, Diagnostic> {
    match response
        .content
        .iter()
        .find(|(m, _)| is_json(m))
        .and_then(|(m, media)| media.schema.as_ref().map(|s| (m, s)))
    {
        Some((mime, schema)) => Ok(Some(types.of(
            schema,
            &join(&join(&join(r_at, "content"), mime), "schema"),
            &format!("{}{suffix}", naming::pascal(name)),
        )?)),
        None => {
            // XML bodies are modelled by the media-type lowering.
            if let Some((mime, _)) = response
                .content
                .iter()
                .find(|(m, media)| structured(media) && !super::media::is_xml(m))
            {
                spec.warn(
                    &join(&join(&join(r_at, "content"), mime), "schema"),
                    format!("`{mime}` response bodies are not decoded: the model is not generated, and the raw body is left to the caller"),
                );
            }
            Ok(None)
        }
    }
}

/// Whether a response is marked `x-ms-error-response: true`: an error, whatever its status.
pub(super) fn marked_error(response: &openapiv3::Response) -> bool {
    response
        .extensions
        .get("x-ms-error-response")
        .and_then(Value::as_bool)
        == Some(true)
}
