//! Operations -> IR: client grouping from the operationId, parameters and where their values
//! come from, the path template, the body, success codes, the error model and docs.

use super::naming::{self, Scope};
use super::types::Types;
use super::{resolve, Selection};
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{
    self, Auth, Body, HttpMethod, Location, Param, PathPart, Service, Source, TypeRef,
};
use crate::read::Spec;
use openapiv3::{Operation, Parameter, ParameterSchemaOrContent, ReferenceOr, StatusCode};
use serde_json::Value;
use std::collections::BTreeMap;

/// An operation found in the spec, before lowering.
pub struct Found<'a> {
    pub id: String,
    pub group: String,
    pub name: String,
    pub path: &'a str,
    pub method: HttpMethod,
    pub op: &'a Operation,
    pub path_params: &'a [ReferenceOr<Parameter>],
    pub pointer: String,
}

/// Every operation, in spec order; duplicate or missing operationIds are errors.
pub fn collect(spec: &Spec) -> Result<Vec<Found<'_>>, Diagnostic> {
    let mut found: Vec<Found> = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (path, item) in &spec.api.paths.paths {
        let item_at = join("#/paths", path);
        let ReferenceOr::Item(item) = item else {
            return Err(spec.error(&item_at, "`$ref` on a path item is not supported"));
        };
        let methods = [
            ("get", HttpMethod::Get, &item.get),
            ("put", HttpMethod::Put, &item.put),
            ("post", HttpMethod::Post, &item.post),
            ("patch", HttpMethod::Patch, &item.patch),
            ("delete", HttpMethod::Delete, &item.delete),
            ("head", HttpMethod::Head, &item.head),
        ];
        for (verb, method, op) in methods {
            let Some(op) = op else { continue };
            let pointer = join(&item_at, verb);
            let Some(id) = op.operation_id.clone().filter(|id| !id.trim().is_empty()) else {
                return Err(spec.error(&pointer, "the operation has no `operationId`: every operation needs one to name its method (`Group_Method`, e.g. `Workflows_Get`)"));
            };
            if let Some(first) = seen.insert(id.clone(), pointer.clone()) {
                return Err(spec.error(
                    &join(&pointer, "operationId"),
                    format!("duplicate operationId `{id}`: also used at {first}"),
                ));
            }
            let (group, name) = match id.split_once('_') {
                Some((g, n)) if !g.is_empty() && !n.is_empty() => (g.to_string(), n.to_string()),
                _ => (
                    op.tags
                        .first()
                        .cloned()
                        .unwrap_or_else(|| spec.api.info.title.clone()),
                    id.clone(),
                ),
            };
            found.push(Found {
                id,
                group,
                name,
                path,
                method,
                op,
                path_params: &item.parameters,
                pointer,
            });
        }
    }
    Ok(found)
}

/// Endpoint and authorization, from `servers` and the security schemes.
pub fn service(spec: &Spec, selection: &Selection) -> Result<Service, Diagnostic> {
    let default_endpoint = spec
        .api
        .servers
        .first()
        .map(|s| s.url.trim_end_matches('/').to_string())
        .unwrap_or_default();
    let arm = default_endpoint == "https://management.azure.com";
    let schemes = spec
        .api
        .components
        .as_ref()
        .map(|c| c.security_schemes.len())
        .unwrap_or(0);
    let auth = if schemes == 0 {
        Auth::None
    } else {
        Auth::BearerToken
    };
    Ok(Service {
        namespace: selection
            .namespace
            .clone()
            .unwrap_or_else(|| spec.api.info.title.clone()),
        default_endpoint,
        arm,
        auth,
    })
}

/// Lowers one operation of `client`.
pub fn lower(
    spec: &Spec,
    found: &Found,
    client: &mut ir::Client,
    namespace: &str,
    types: &mut Types,
) -> Result<ir::Operation, Diagnostic> {
    let op = found.op;
    let method_name = method_name(found);
    let options_name = format!("{}{}Options", client.name, naming::pascal(&found.name));
    let components = spec.api.components.as_ref();

    // Operation-level parameters override path-level ones with the same name and location.
    let mut merged: Vec<(String, &Parameter)> = Vec::new();
    let lists = [
        (
            found.path_params,
            join(&join("#/paths", found.path), "parameters"),
        ),
        (&op.parameters[..], join(&found.pointer, "parameters")),
    ];
    for (list, base) in lists {
        for (i, p) in list.iter().enumerate() {
            let at = format!("{base}/{i}");
            let p = resolve(
                spec,
                p,
                "parameters",
                |n| components.and_then(|c| c.parameters.get(n)),
                &at,
            )?;
            let data = p.parameter_data_ref();
            if let Some(slot) = merged
                .iter_mut()
                .find(|(_, q)| q.parameter_data_ref().name == data.name && same_location(q, p))
            {
                *slot = (at, p);
            } else {
                merged.push((at, p));
            }
        }
    }

    let mut args = Scope::with(&["options", "self"]);
    let mut option_fields = Scope::with(&["method_options"]);
    let mut params = Vec::new();
    for (at, p) in merged {
        params.push(parameter(
            spec,
            p,
            &at,
            client,
            &mut args,
            &mut option_fields,
            types,
        )?);
    }
    let path = path_template(spec, found, &params)?;
    let body = body(spec, op, &found.pointer, &mut args, types, &found.name)?;
    let (success_codes, success_type, error_type) =
        responses(spec, op, &found.pointer, types, &found.name)?;
    Ok(ir::Operation {
        id: found.id.clone(),
        method_name,
        options_name,
        span_name: format!("{namespace}.{}.{}", found.group, found.name),
        docs: op
            .description
            .clone()
            .or_else(|| op.summary.clone())
            .unwrap_or_else(|| format!("Calls `{}`.", found.id)),
        http_method: found.method,
        path,
        params,
        body,
        success_codes,
        success_type,
        error_type,
    })
}

fn method_name(found: &Found) -> String {
    naming::snake(&found.name)
}

fn same_location(a: &Parameter, b: &Parameter) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn parameter(
    spec: &Spec,
    p: &Parameter,
    at: &str,
    client: &mut ir::Client,
    args: &mut Scope,
    option_fields: &mut Scope,
    types: &mut Types,
) -> Result<Param, Diagnostic> {
    let (location, data) = match p {
        Parameter::Path { parameter_data, .. } => (Location::Path, parameter_data),
        Parameter::Query { parameter_data, .. } => (Location::Query, parameter_data),
        Parameter::Header { parameter_data, .. } => (Location::Header, parameter_data),
        Parameter::Cookie { .. } => {
            return Err(spec.error(at, "cookie parameters are not supported"))
        }
    };
    let ty = match &data.format {
        ParameterSchemaOrContent::Schema(schema) => types.of(
            schema,
            &join(at, "schema"),
            &format!(
                "{}{}",
                client.name.trim_end_matches("Client"),
                naming::pascal(&data.name)
            ),
        )?,
        ParameterSchemaOrContent::Content(_) => {
            return Err(spec.error(
                at,
                "parameters with `content` are not supported; use `schema`",
            ))
        }
    };
    let scalar = matches!(
        ty,
        TypeRef::String
            | TypeRef::Bool
            | TypeRef::I32
            | TypeRef::I64
            | TypeRef::F32
            | TypeRef::F64
            | TypeRef::Named(_)
    );
    if !scalar && location == Location::Path {
        return Err(spec.error(
            &join(at, "schema"),
            format!(
                "path parameter `{}` must be a string, number, boolean or enum",
                data.name
            ),
        ));
    }
    if matches!(ty, TypeRef::Named(_)) {
        types.mark(&ty, true);
    }
    let client_located = data
        .extensions
        .get("x-ms-parameter-location")
        .and_then(Value::as_str)
        == Some("client");
    let rust = naming::snake(&data.name);
    let source = if data.name == "api-version" && location == Location::Query {
        Source::ApiVersion
    } else if client_located {
        if !client.fields.iter().any(|f| f.rust_name == rust) {
            client.fields.push(ir::ClientField {
                rust_name: rust.clone(),
                docs: data
                    .description
                    .clone()
                    .filter(|d| !d.trim().is_empty())
                    .unwrap_or_else(|| format!("The `{}` parameter.", data.name)),
            });
        }
        Source::ClientField(rust.clone())
    } else if data.required {
        Source::Argument
    } else {
        Source::Option
    };
    let rust_name = match source {
        Source::Argument => args.claim(rust),
        Source::Option => option_fields.claim(rust),
        _ => rust,
    };
    Ok(Param {
        wire_name: data.name.clone(),
        rust_name,
        location,
        source,
        ty,
        docs: Some(parameter_docs(data))
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| format!("The `{}` parameter.", data.name)),
    })
}

/// The description, then the service's constraints, which are documented, not enforced.
fn parameter_docs(data: &openapiv3::ParameterData) -> String {
    let mut docs = data.description.clone().unwrap_or_default();
    if let ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) = &data.format {
        let view = super::view::View::of(schema);
        let mut rules = Vec::new();
        let chars = |n: usize| {
            if n == 1 {
                "1 character".to_string()
            } else {
                format!("{n} characters")
            }
        };
        if let Some(n) = view.min_length {
            rules.push(format!("at least {}", chars(n)));
        }
        if let Some(n) = view.max_length {
            rules.push(format!("at most {}", chars(n)));
        }
        if let Some(p) = view.pattern {
            rules.push(format!("pattern `{p}`"));
        }
        if !rules.is_empty() {
            docs.push_str(&format!(
                " The service expects {} (not checked by this client).",
                rules.join(", ")
            ));
        }
    }
    docs.trim().to_string()
}

fn path_template(
    spec: &Spec,
    found: &Found,
    params: &[Param],
) -> Result<Vec<PathPart>, Diagnostic> {
    let at = join("#/paths", found.path);
    let mut parts = Vec::new();
    let mut rest = found.path;
    let mut used = Vec::new();
    while let Some((literal, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            return Err(spec.error(&at, format!("unclosed `{{` in path `{}`", found.path)));
        };
        if !literal.is_empty() {
            parts.push(PathPart::Literal(literal.to_string()));
        }
        if !params
            .iter()
            .any(|p| p.location == Location::Path && p.wire_name == name)
        {
            return Err(spec.error(&at, format!("path `{}` has `{{{name}}}` but the operation `{}` declares no path parameter `{name}`", found.path, found.id)));
        }
        used.push(name.to_string());
        parts.push(PathPart::Param(name.to_string()));
        rest = tail;
    }
    if !rest.is_empty() {
        parts.push(PathPart::Literal(rest.to_string()));
    }
    if let Some(p) = params
        .iter()
        .find(|p| p.location == Location::Path && !used.contains(&p.wire_name))
    {
        return Err(spec.error(
            &join(&found.pointer, "parameters"),
            format!(
                "path parameter `{}` of `{}` does not appear in the path `{}`",
                p.wire_name, found.id, found.path
            ),
        ));
    }
    Ok(parts)
}

fn body(
    spec: &Spec,
    op: &Operation,
    pointer: &str,
    args: &mut Scope,
    types: &mut Types,
    name: &str,
) -> Result<Option<Body>, Diagnostic> {
    let Some(body) = &op.request_body else {
        return Ok(None);
    };
    let at = join(pointer, "requestBody");
    let components = spec.api.components.as_ref();
    let body = resolve(
        spec,
        body,
        "requestBodies",
        |n| components.and_then(|c| c.request_bodies.get(n)),
        &at,
    )?;
    let Some((mime, media)) = body.content.iter().find(|(m, _)| is_json(m)) else {
        let mimes: Vec<&String> = body.content.keys().collect();
        return Err(spec.error(
            &join(&at, "content"),
            format!("request body media types {mimes:?} are not supported: only JSON bodies are"),
        ));
    };
    let schema_at = join(&join(&join(&at, "content"), mime), "schema");
    let ty = match &media.schema {
        Some(schema) => types.of(schema, &schema_at, &format!("{}Body", naming::pascal(name)))?,
        None => TypeRef::Json,
    };
    types.mark_body(&ty);
    let raw_name = body
        .extensions
        .get("x-ms-requestBody-name")
        .and_then(Value::as_str)
        .unwrap_or("body");
    Ok(Some(Body {
        rust_name: args.claim(naming::snake(raw_name)),
        ty,
        required: body.required,
        docs: body
            .description
            .clone()
            .filter(|d| !d.trim().is_empty())
            .unwrap_or_else(|| "The request body.".into()),
    }))
}

fn is_json(mime: &str) -> bool {
    let essence = mime.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json") || essence == "text/json"
}

#[allow(clippy::type_complexity)]
fn responses(
    spec: &Spec,
    op: &Operation,
    pointer: &str,
    types: &mut Types,
    name: &str,
) -> Result<(Vec<u16>, Option<TypeRef>, Option<TypeRef>), Diagnostic> {
    let at = join(pointer, "responses");
    let components = spec.api.components.as_ref();
    let mut codes = Vec::new();
    let mut success = None;
    for (code, response) in &op.responses.responses {
        let (code_text, numbers): (String, Vec<u16>) = match code {
            StatusCode::Code(c) => (c.to_string(), vec![*c]),
            StatusCode::Range(r) => (format!("{r}XX"), (r * 100..r * 100 + 100).collect()),
        };
        if !numbers.iter().any(|c| (200..300).contains(c)) {
            continue;
        }
        let r_at = join(&at, &code_text);
        let response = resolve(
            spec,
            response,
            "responses",
            |n| components.and_then(|c| c.responses.get(n)),
            &r_at,
        )?;
        codes.extend(numbers);
        if let Some((mime, media)) = response.content.iter().find(|(m, _)| is_json(m)) {
            if let Some(schema) = &media.schema {
                let ty = types.of(
                    schema,
                    &join(&join(&join(&r_at, "content"), mime), "schema"),
                    &format!("{}Response", naming::pascal(name)),
                )?;
                if success.as_ref().is_some_and(|s| s != &ty) {
                    return Err(spec.error(
                        &r_at,
                        "success responses with different body types are not supported",
                    ));
                }
                success = Some(ty);
            }
        }
    }
    if codes.is_empty() {
        return Err(spec.error(&at, "the operation declares no success (2xx) response"));
    }
    if let Some(ty) = &success {
        types.mark(ty, false);
    }
    let error = match &op.responses.default {
        Some(response) => {
            let r_at = join(&at, "default");
            let response = resolve(
                spec,
                response,
                "responses",
                |n| components.and_then(|c| c.responses.get(n)),
                &r_at,
            )?;
            match response
                .content
                .iter()
                .find(|(m, _)| is_json(m))
                .and_then(|(m, media)| media.schema.as_ref().map(|s| (m, s)))
            {
                Some((mime, schema)) => {
                    let ty = types.of(
                        schema,
                        &join(&join(&join(&r_at, "content"), mime), "schema"),
                        "ErrorResponse",
                    )?;
                    types.mark(&ty, false);
                    Some(ty)
                }
                None => None,
            }
        }
        None => None,
    };
    Ok((codes, success, error))
}

/// Example programs for the selected operationIds, with values from their x-ms-examples.
pub fn examples(
    spec: &Spec,
    selection: &Selection,
    clients: &BTreeMap<String, ir::Client>,
    found: &[Found],
) -> Result<Vec<ir::Example>, Diagnostic> {
    let mut out = Vec::new();
    for id in &selection.examples {
        let Some((client, op)) = clients
            .values()
            .flat_map(|c| c.operations.iter().map(move |o| (c, o)))
            .find(|(_, o)| &o.id == id)
        else {
            return Err(spec.error(
                "#/paths",
                format!("example requested for `{id}`, which is not a selected operation"),
            ));
        };
        let Some(f) = found.iter().find(|f| &f.id == id) else {
            continue;
        };
        let values =
            f.op.extensions
                .get("x-ms-examples")
                .and_then(Value::as_object)
                .and_then(|m| m.values().next())
                .and_then(|e| e.get("parameters"))
                .and_then(Value::as_object)
                .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default();
        out.push(ir::Example {
            file_stem: format!(
                "{}_{}",
                client.module.trim_end_matches("_client"),
                op.method_name
            ),
            client: client.name.clone(),
            operation_id: id.clone(),
            values,
        });
    }
    Ok(out)
}
