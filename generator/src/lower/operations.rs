//! Operations -> IR: client grouping from the operationId, parameters and where their values
//! come from, the path template, the body, success codes, the error model and docs.

use super::naming::{self, Scope};
use super::types::Types;
use super::{resolve, Selection};
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{
    self, HttpMethod, Location, OperationKind, Paging, Param, PathPart, Source, TypeDef, TypeRef,
};
use crate::read::{Skipped, Spec};
use openapiv3::{Operation, Parameter, ParameterSchemaOrContent, ReferenceOr, StatusCode};
use serde_json::Value;
use std::collections::BTreeMap;

/// An operation found in the spec, before lowering.
pub struct Found<'a> {
    pub id: String,
    pub group: String,
    /// The group is the spec's title: the operation has neither a `Group_` prefix nor a tag.
    pub by_title: bool,
    pub name: String,
    /// The spec gives no operationId: `name` is made up from the method and the path.
    pub made_up: bool,
    pub path: &'a str,
    pub method: HttpMethod,
    pub op: &'a Operation,
    pub path_params: &'a [ReferenceOr<Parameter>],
    pub pointer: String,
}

/// Every operation, in spec order (one without an operationId has the id `METHOD /path` and a
/// made-up name), and the ones that cannot be generated (named `METHOD /path`, with why): those
/// with an operationId used before, and `OPTIONS` and `TRACE` operations.
pub fn collect(spec: &Spec) -> Result<(Vec<Found<'_>>, Vec<Skipped>), Diagnostic> {
    let mut found: Vec<Found> = Vec::new();
    let mut nameless = Vec::new();
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
        for (verb, op) in [("options", &item.options), ("trace", &item.trace)] {
            let Some(op) = op else { continue };
            let pointer = join(&item_at, verb);
            let verb = verb.to_ascii_uppercase();
            nameless.push(Skipped {
                id: op
                    .operation_id
                    .clone()
                    .filter(|id| !id.trim().is_empty())
                    .unwrap_or_else(|| format!("{verb} {path}")),
                reason: spec.error(
                    &pointer,
                    format!(
                        "azure_core's HTTP `Method` has no `{verb}` (only DELETE, GET, HEAD, PATCH, POST and PUT), so its pipeline cannot send the request"
                    ),
                ),
                pointer,
            });
        }
        for (verb, method, op) in methods {
            let Some(op) = op else { continue };
            let pointer = join(&item_at, verb);
            let Some(id) = op.operation_id.clone().filter(|id| !id.trim().is_empty()) else {
                // No operationId: the method is named after the method and the path
                // template, and the id is `METHOD /path` (what `--operation` selects).
                let (group, by_title) = match op.tags.first() {
                    Some(tag) => (tag.clone(), false),
                    None => (naming::title_group(&spec.api.info.title), true),
                };
                found.push(Found {
                    id: format!("{} {path}", verb.to_ascii_uppercase()),
                    group,
                    by_title,
                    name: naming::made_up_method(verb, path),
                    made_up: true,
                    path,
                    method,
                    op,
                    path_params: &item.parameters,
                    pointer,
                });
                continue;
            };
            if let Some(first) = seen.get(&id) {
                // The first one keeps the name; this one cannot have it.
                nameless.push(Skipped {
                    id: format!("{} {path}", verb.to_ascii_uppercase()),
                    reason: spec.error(
                        &join(&pointer, "operationId"),
                        format!("duplicate operationId `{id}`: also used at `{first}`"),
                    ),
                    pointer,
                });
                continue;
            }
            seen.insert(id.clone(), pointer.clone());
            let (group, name, by_title) = match (naming::azure_group(&id), op.tags.first()) {
                (Some((g, n)), _) => (g.to_string(), n.to_string(), false),
                (None, Some(tag)) => (tag.clone(), id.clone(), false),
                (None, None) => (naming::title_group(&spec.api.info.title), id.clone(), true),
            };
            found.push(Found {
                id,
                group,
                by_title,
                name,
                made_up: false,
                path,
                method,
                op,
                path_params: &item.parameters,
                pointer,
            });
        }
    }
    Ok((found, nameless))
}

/// Lowers one operation of `client`. `methods` is the scope of the client's method names,
/// holding those of the operations lowered before this one.
pub fn lower(
    spec: &Spec,
    found: &Found,
    client: &mut ir::Client,
    methods: &mut naming::Scope,
    namespace: &str,
    types: &mut Types,
) -> Result<ir::Operation, Diagnostic> {
    let op = found.op;
    let long_running = op
        .extensions
        .get("x-ms-long-running-operation")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let method_name = if long_running {
        naming::long_running_method(&found.name)
    } else {
        naming::snake(&found.name)
    };
    // Method names are unique in their client (also once cut to 64 characters); options
    // names among every type name.
    let method_name = methods.claim(method_name);
    // The options are named after the method as claimed, so a name cut at 64 characters and
    // numbered (`…_desc_2`) gives matching options (`…Desc2Options`).
    let stem = if long_running {
        method_name.strip_prefix("begin_").unwrap_or(&method_name)
    } else {
        &method_name
    };
    let options_name = types.claim_name(format!(
        "{}{}Options",
        client.name,
        naming::pascal_part(stem)
    ));
    if found.made_up {
        spec.warn(
            &found.pointer,
            format!(
                "operation `{}` has no `operationId`: its method is named `{method_name}`, made up from the HTTP method and the path (give it an `operationId` to choose the name)",
                found.id
            ),
        );
    } else {
        super::warn_name(
            spec,
            &join(&found.pointer, "operationId"),
            "operation",
            &found.id,
            &method_name,
        );
    }
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

    // Besides `options`, the names of the locals a method body binds, so no argument is
    // shadowed before it is used.
    let mut args = Scope::with(&["options", "self", "ctx", "url", "request", "response"]);
    let mut option_fields = Scope::with(&[
        "method_options",
        "continuation",
        "timeout",
        "polling_timeout",
    ]);
    let mut params = Vec::new();
    for (at, p) in merged {
        params.push(parameter(
            spec,
            &found.id,
            p,
            &at,
            client,
            &mut args,
            &mut option_fields,
            types,
        )?);
    }
    let path = path_template(spec, found, &mut params)?;
    let body = super::media::body(spec, op, &found.pointer, &mut args, types, &found.name)?;
    // A form's fields are parameters like the others: arguments, options or constants.
    if body.as_ref().is_some_and(|b| b.form.is_some()) {
        let at = join(&found.pointer, "requestBody");
        for field in super::media::form_fields(spec, op) {
            let schema_extensions = match &field.schema {
                ReferenceOr::Item(s) => s.schema_data.extensions.clone(),
                ReferenceOr::Reference { .. } => Default::default(),
            };
            let description = match &field.schema {
                ReferenceOr::Item(s) => s.schema_data.description.clone(),
                ReferenceOr::Reference { .. } => None,
            };
            let synthetic = Parameter::Query {
                parameter_data: openapiv3::ParameterData {
                    name: field.name.to_string(),
                    description,
                    required: field.required,
                    deprecated: None,
                    format: ParameterSchemaOrContent::Schema(field.schema.clone()),
                    example: None,
                    examples: Default::default(),
                    explode: None,
                    extensions: schema_extensions,
                },
                allow_reserved: false,
                style: openapiv3::QueryStyle::Form,
                allow_empty_value: None,
            };
            let field_at = join(&join(&at, "properties"), field.name);
            let mut p = parameter(
                spec,
                &found.id,
                &synthetic,
                &field_at,
                client,
                &mut args,
                &mut option_fields,
                types,
            )?;
            p.location = Location::Form;
            if field.file {
                p.ty = TypeRef::Bytes;
                p.collection = None;
            } else if field.files {
                p.ty = TypeRef::Vec(Box::new(TypeRef::Bytes));
                p.collection = Some(ir::Collection::Multi);
            } else if matches!(p.ty, TypeRef::Vec(_)) {
                // One field per item, as a `multi` query pair is.
                p.collection = Some(ir::Collection::Multi);
            }
            params.push(p);
        }
    }
    // Locals for values sent as text, after every argument: none shadows one.
    for p in &mut params {
        let file = p.ty.is_bytes();
        let as_text = matches!(p.source, Source::Argument | Source::Option)
            && !file
            && (p.object.is_some()
                || !matches!(
                    p.ty,
                    ir::TypeRef::String | ir::TypeRef::Named(_) | ir::TypeRef::Etag
                ));
        if as_text {
            // `type_` (a keyword's argument) gives `type_text`, not the unidiomatic `type__text`.
            let stem = p.rust_name.trim_start_matches("r#").trim_end_matches('_');
            p.text_local = args.claim(format!("{stem}_text"));
        }
    }
    let answers = super::responses::responses(spec, op, &found.pointer, types, &found.name)?;
    let (response_format, success_type) = super::media::response(
        spec,
        op,
        &found.pointer,
        &found.name,
        types,
        answers.success_type.clone(),
    )?;
    let accept = super::media::accept(spec, op);
    let head_exists =
        found.method == HttpMethod::Head && success_type.is_none() && answers.declares_not_found;
    let kind = kind(
        spec,
        found,
        long_running,
        success_type.as_ref(),
        head_exists,
        types,
    )?;
    if answers.conflicting && kind != OperationKind::Plain {
        return Err(spec.error(
            &join(&found.pointer, "responses"),
            "success responses with different body types are supported for plain calls only, not for pageable or long-running operations",
        ));
    }
    let result = (answers.mixed && kind == OperationKind::Plain).then(|| {
        let name = types.claim_name(format!(
            "{}{}Response",
            client.name,
            naming::pascal(&found.name)
        ));
        super::responses::status_enum(name, answers.result, &client.name, &method_name, false)
    });
    let errors = (!answers.errors.is_empty()).then(|| {
        let name = types.claim_name(format!(
            "{}{}Error",
            client.name,
            naming::pascal(&found.name)
        ));
        super::responses::status_enum(name, answers.errors, &client.name, &method_name, true)
    });
    let returns = match &kind {
        OperationKind::Plain if result.is_some() => super::headers::Returns::StatusEnum,
        OperationKind::Plain if success_type.is_some() && response_format != ir::Format::Binary => {
            super::headers::Returns::Body
        }
        OperationKind::Plain => super::headers::Returns::Bodiless,
        // Each page's `Response<Page>` (`into_pages()`).
        OperationKind::Pageable(paging) if paging.long_running.is_none() => {
            super::headers::Returns::Body
        }
        _ => super::headers::Returns::Other,
    };
    let response_headers = super::headers::response_headers(
        spec,
        op,
        &found.pointer,
        types,
        &format!("{}{}", client.name, naming::pascal(&found.name)),
        returns,
    )?;
    Ok(ir::Operation {
        id: found.id.clone(),
        method_name,
        options_name,
        span_name: if found.by_title {
            format!("{namespace}.{}", found.name)
        } else {
            format!("{namespace}.{}.{}", found.group, found.name)
        },
        docs: op
            .description
            .clone()
            .or_else(|| op.summary.clone())
            .unwrap_or_else(|| format!("Calls `{}`.", found.id)),
        http_method: found.method,
        path,
        body,
        success_codes: answers.success_codes,
        success_type: if result.is_some() { None } else { success_type },
        error_type: answers.error_type,
        response_format,
        accept,
        result,
        errors,
        kind,
        response_headers,
        security: None,
        idempotent: idempotent(found.method, &params),
        params,
    })
}

/// `x-ms-long-running-operation-options.final-state-via`; absent means the defaults.
fn final_state_via(spec: &Spec, found: &Found) -> Result<ir::FinalStateVia, Diagnostic> {
    let Some(options) = found
        .op
        .extensions
        .get("x-ms-long-running-operation-options")
    else {
        return Ok(ir::FinalStateVia::Default);
    };
    let at = join(&found.pointer, "x-ms-long-running-operation-options");
    let Value::Object(options) = options else {
        return Err(spec.error(
            &at,
            "`x-ms-long-running-operation-options` must be an object",
        ));
    };
    Ok(match options.get("final-state-via") {
        None | Some(Value::Null) => ir::FinalStateVia::Default,
        Some(Value::String(via)) => match via.to_ascii_lowercase().as_str() {
            "azure-async-operation" => ir::FinalStateVia::AzureAsyncOperation,
            "location" => ir::FinalStateVia::Location,
            "original-uri" => ir::FinalStateVia::OriginalUri,
            "operation-location" => ir::FinalStateVia::OperationLocation,
            other => {
                return Err(spec.error(
                    &join(&at, "final-state-via"),
                    format!("unknown `final-state-via` `{other}`: expected `azure-async-operation`, `location`, `original-uri` or `operation-location`"),
                ))
            }
        },
        Some(_) => {
            return Err(spec.error(&join(&at, "final-state-via"), "`final-state-via` must be a string"))
        }
    })
}

/// Pager, poller or plain call, from `x-ms-pageable` and `x-ms-long-running-operation`.
fn kind(
    spec: &Spec,
    found: &Found,
    long_running: bool,
    success: Option<&TypeRef>,
    head_exists: bool,
    types: &Types,
) -> Result<OperationKind, Diagnostic> {
    let pageable = found.op.extensions.get("x-ms-pageable");
    let at = join(&found.pointer, "x-ms-pageable");
    match (pageable, long_running) {
        (None, true) => Ok(OperationKind::LongRunning(ir::LongRunning {
            final_type: success.cloned(),
            final_state_via: final_state_via(spec, found)?,
        })),
        (None, false) if head_exists => Ok(OperationKind::Exists),
        (None, false) => Ok(OperationKind::Plain),
        (Some(Value::Object(pageable)), long_running) => {
            let next_link = match pageable.get("nextLinkName") {
                None | Some(Value::Null) => None,
                Some(Value::String(name)) => Some(name.clone()),
                Some(_) => {
                    return Err(spec.error(
                        &join(&at, "nextLinkName"),
                        "`nextLinkName` must be a string or null",
                    ))
                }
            };
            let item_wire = match pageable.get("itemName") {
                None | Some(Value::Null) => "value".to_string(),
                Some(Value::String(name)) => name.clone(),
                Some(_) => {
                    return Err(spec.error(&join(&at, "itemName"), "`itemName` must be a string"))
                }
            };
            let Some(TypeRef::Named(page_type)) = success else {
                return Err(spec.error(&at, format!("pageable operation `{}` must answer with an object model holding the items", found.id)));
            };
            let Some(TypeDef::Struct(page)) = types.defs.get(page_type) else {
                return Err(spec.error(&at, format!("pageable operation `{}` must answer with an object model holding the items", found.id)));
            };
            let Some(field) = page.fields.iter().find(|f| f.wire_name == item_wire) else {
                return Err(spec.error(&at, format!("the page model of `{}` has no property `{item_wire}` (the `itemName`) to hold the items", found.id)));
            };
            let TypeRef::Vec(item_type) = &field.ty else {
                return Err(spec.error(
                    &at,
                    format!(
                        "property `{item_wire}` of the page model of `{}` must be an array",
                        found.id
                    ),
                ));
            };
            let next_operation = match pageable.get("operationName") {
                None | Some(Value::Null) => None,
                Some(Value::String(name)) => Some(name.clone()),
                Some(_) => {
                    return Err(spec.error(
                        &join(&at, "operationName"),
                        "`operationName` must be a string",
                    ))
                }
            };
            Ok(OperationKind::Pageable(Paging {
                page_type: page_type.clone(),
                next_link,
                item_wire,
                item_field: field.rust_name.clone(),
                item_type: (**item_type).clone(),
                next_operation,
                next_request: None,
                long_running: if long_running {
                    Some(final_state_via(spec, found)?)
                } else {
                    None
                },
            }))
        }
        (Some(_), _) => Err(spec.error(&at, "`x-ms-pageable` must be an object")),
    }
}

/// How the items of an array parameter are written, as the spec says: Swagger 2.0's
/// `collectionFormat` (converted to `style`/`explode`, with `x-collection-format` for what
/// OpenAPI 3 cannot say) or OpenAPI 3's `style` and `explode`.
fn collection(p: &Parameter) -> ir::Collection {
    use ir::Collection;
    use openapiv3::{PathStyle, QueryStyle};
    let data = p.parameter_data_ref();
    let joined = |separator: &str| Collection::Joined(separator.to_string());
    match data
        .extensions
        .get("x-collection-format")
        .and_then(Value::as_str)
    {
        Some("tsv") => return joined("\t"),
        Some("ssv") => return joined(" "),
        Some("pipes") => return joined("|"),
        _ => {}
    }
    match p {
        Parameter::Query { style, .. } => match style {
            // OpenAPI 3's default for a query parameter is one `name=value` per item.
            QueryStyle::Form if data.explode == Some(false) => joined(","),
            QueryStyle::SpaceDelimited if data.explode != Some(true) => joined(" "),
            QueryStyle::PipeDelimited if data.explode != Some(true) => joined("|"),
            QueryStyle::Form
            | QueryStyle::SpaceDelimited
            | QueryStyle::PipeDelimited
            | QueryStyle::DeepObject => Collection::Multi,
        },
        Parameter::Path { style, .. } => {
            let explode = data.explode.unwrap_or(false);
            match style {
                PathStyle::Simple => joined(","),
                PathStyle::Label => Collection::Label { explode },
                PathStyle::Matrix => Collection::Matrix { explode },
            }
        }
        Parameter::Header { .. } | Parameter::Cookie { .. } => joined(","),
    }
}

/// How the fields of an object parameter are written, as OpenAPI 3's `style` and `explode`
/// say (Swagger 2.0 has no object parameters).
fn object_style(p: &Parameter) -> ir::ObjectStyle {
    use ir::ObjectStyle;
    use openapiv3::{PathStyle, QueryStyle};
    let explode = p.parameter_data_ref().explode;
    match p {
        Parameter::Query { style, .. } => match style {
            QueryStyle::DeepObject => ObjectStyle::Deep,
            // `spaceDelimited` and `pipeDelimited` are for arrays: read as `form`.
            _ if explode == Some(false) => ObjectStyle::Joined { explode: false },
            _ => ObjectStyle::Pairs,
        },
        Parameter::Path { style, .. } => {
            let explode = explode.unwrap_or(false);
            match style {
                PathStyle::Simple => ObjectStyle::Joined { explode },
                PathStyle::Label => ObjectStyle::Label { explode },
                PathStyle::Matrix => ObjectStyle::Matrix { explode },
            }
        }
        Parameter::Header { .. } | Parameter::Cookie { .. } => ObjectStyle::Joined {
            explode: explode.unwrap_or(false),
        },
    }
}

fn same_location(a: &Parameter, b: &Parameter) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// The one value of a parameter whose schema is a single-value string enum.
fn single_value(data: &openapiv3::ParameterData) -> Option<String> {
    let ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) = &data.format else {
        return None;
    };
    let openapiv3::SchemaKind::Type(openapiv3::Type::String(s)) = &schema.schema_kind else {
        return None;
    };
    match s.enumeration.as_slice() {
        [Some(one)] => Some(one.clone()),
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
fn parameter(
    spec: &Spec,
    op_id: &str,
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
    // A header name is an HTTP token (RFC 9110): a CR, LF, space, `:` or any other character
    // outside it would let a spec split or forge headers.
    if location == Location::Header && !super::headers::is_token(&data.name) {
        return Err(spec.error(
            &join(at, "name"),
            format!(
                "header parameter name {:?} is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)",
                data.name
            ),
        ));
    }
    // `api-version` in the query is the client's, unless `x-ms-api-version: false` says it is
    // the operation's own; a required single-value enum is a constant either way.
    let named_api_version = data.name == "api-version" && location == Location::Query;
    let not_clients = data
        .extensions
        .get("x-ms-api-version")
        .and_then(Value::as_bool)
        == Some(false);
    let fixed = single_value(data).filter(|_| named_api_version && data.required);
    let is_api_version = named_api_version && (!not_clients || fixed.is_some());
    let ty = match &data.format {
        // The client's api-version is text, whatever enum the spec gives it.
        ParameterSchemaOrContent::Schema(_) if is_api_version => TypeRef::String,
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
    if let (TypeRef::Vec(_), Parameter::Query { style, .. }) = (&ty, p) {
        if *style == openapiv3::QueryStyle::DeepObject {
            spec.warn(
                at,
                format!("array parameter `{}` has `style: deepObject`, which is for objects: its items are sent as one `name=value` pair each", data.name),
            );
        }
    }
    // A parameter with no single shape (`oneOf`, no `type`) is sent as the text the caller
    // gives; JSON text would be quoted. A path, query or header value has no `null` items.
    let ty = ty.without_nulls();
    let ty = if ty == TypeRef::Json {
        TypeRef::String
    } else {
        ty
    };
    // The conditional request headers carry entity tags.
    let conditional = ["If-Match", "If-None-Match"]
        .iter()
        .any(|h| data.name.eq_ignore_ascii_case(h));
    let ty = if location == Location::Header && conditional && ty == TypeRef::String {
        TypeRef::Etag
    } else {
        ty
    };
    let scalar = |ty: &TypeRef| {
        ty.is_primitive() || (matches!(ty, TypeRef::Named(_)) && !types.is_object(ty))
    };
    // Items that are objects or arrays have no standard text in a query or a header: each is
    // sent as its JSON text, and the caller gives them as JSON values.
    let ty = match ty {
        TypeRef::Vec(item)
            if !scalar(&item) && matches!(location, Location::Query | Location::Header) =>
        {
            spec.warn(
                &join(at, "schema"),
                format!(
                    "the items of array parameter `{}` are objects or arrays, which a {} value has no standard form for: each is sent as its JSON text (`serde_json::Value`)",
                    data.name,
                    if location == Location::Header { "header" } else { "query" }
                ),
            );
            TypeRef::Vec(Box::new(TypeRef::Json))
        }
        ty => ty,
    };
    let scalar = |ty: &TypeRef| scalar(ty) || *ty == TypeRef::Json;
    let collection = matches!(ty, TypeRef::Vec(_)).then(|| collection(p));
    let object = types.is_object(&ty).then(|| object_style(p));
    let items_scalar = matches!(&ty, TypeRef::Vec(item) if scalar(item));
    if !scalar(&ty) && !items_scalar && object.is_none() && location == Location::Path {
        return Err(spec.error(
            &join(at, "schema"),
            format!(
                "path parameter `{}` must be a string, number, boolean, enum, date, duration or bytes, or an array of them",
                data.name
            ),
        ));
    }
    if matches!(ty, TypeRef::Named(_)) {
        types.mark(&ty, true);
    }
    types.reach(&ty);
    let client_located = data
        .extensions
        .get("x-ms-parameter-location")
        .and_then(Value::as_str)
        == Some("client");
    // `x-ms-client-name` renames the argument or option; the wire name stays.
    let raw = data
        .extensions
        .get("x-ms-client-name")
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(&data.name);
    let rust = naming::snake(raw);
    super::warn_name(spec, at, "parameter", raw, &rust);
    let repeatability = (location == Location::Header)
        .then(|| repeatability_header(&data.name))
        .flatten();
    let source = if is_api_version {
        match fixed.or_else(|| spec.api_versions.get(op_id).cloned()) {
            Some(v) if v != client.api_version || not_clients => Source::Constant(v),
            _ => Source::ApiVersion,
        }
    } else if let Some(header) = repeatability {
        Source::Repeatability(header)
    } else if let Some(value) = constant_value(data) {
        Source::Constant(value)
    } else if client_located {
        if !client.fields.iter().any(|f| f.rust_name == rust) {
            client.fields.push(ir::ClientField {
                rust_name: rust.clone(),
                docs: data
                    .description
                    .clone()
                    .filter(|d| super::view::has_prose(d))
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
        skip_url_encoding: data
            .extensions
            .get("x-ms-skip-url-encoding")
            .and_then(Value::as_bool)
            == Some(true),
        text_local: String::new(),
        collection,
        object,
    })
}

/// The value of a constant parameter: required, with an enum of exactly one value that is not
/// declared extensible (`x-ms-enum.modelAsString: true`).
fn constant_value(data: &openapiv3::ParameterData) -> Option<String> {
    if !data.required {
        return None;
    }
    let ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema)) = &data.format else {
        return None;
    };
    let value = serde_json::to_value(schema).ok()?;
    let [only] = value.get("enum")?.as_array()?.as_slice() else {
        return None;
    };
    let extensible = value
        .pointer("/x-ms-enum/modelAsString")
        .and_then(Value::as_bool)
        == Some(true)
        || data
            .extensions
            .get("x-ms-enum")
            .and_then(|e| e.get("modelAsString"))
            .and_then(Value::as_bool)
            == Some(true);
    if extensible {
        return None;
    }
    match only {
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The OASIS repeatable-request header named `name` (matched case-insensitively), which the
/// client fills in itself instead of asking the caller.
fn repeatability_header(name: &str) -> Option<ir::Repeatability> {
    if name.eq_ignore_ascii_case("Repeatability-Request-ID") {
        Some(ir::Repeatability::RequestId)
    } else if name.eq_ignore_ascii_case("Repeatability-First-Sent") {
        Some(ir::Repeatability::FirstSent)
    } else {
        None
    }
}

/// Whether a request may be sent again when it is unknown whether the service acted on it:
/// GET, HEAD, PUT and DELETE are idempotent by HTTP's definition; any other method only when
/// the request carries a `Repeatability-Request-ID`, which lets the service recognise a repeat.
fn idempotent(method: HttpMethod, params: &[Param]) -> bool {
    matches!(
        method,
        HttpMethod::Get | HttpMethod::Head | HttpMethod::Put | HttpMethod::Delete
    ) || params
        .iter()
        .any(|p| p.source == Source::Repeatability(ir::Repeatability::RequestId))
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

/// The path template of the operation. A path key with a query part (`x-ms-paths`:
/// `/things/{name}?op=restart`) adds each of its pairs to `params` as a constant query
/// parameter.
fn path_template(
    spec: &Spec,
    found: &Found,
    params: &mut Vec<Param>,
) -> Result<Vec<PathPart>, Diagnostic> {
    let at = join("#/paths", found.path);
    let mut parts = Vec::new();
    let (path, query) = match found.path.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (found.path, None),
    };
    // Sent first, as the path spells them.
    let mut constants = Vec::new();
    for pair in query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter(|p| !p.is_empty())
    {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if pair.contains(['{', '}']) {
            return Err(spec.error(&at, format!("the query part of path `{}` has a placeholder; only constant pairs (`name=value`) are supported there", found.path)));
        }
        let declared = params
            .iter()
            .find(|p| p.location == Location::Query && p.wire_name == name);
        // The same constant declared as a parameter too says the same: it is sent once.
        if declared.is_some_and(|p| p.source == Source::Constant(value.to_string())) {
            continue;
        }
        if declared.is_some() {
            return Err(spec.error(&at, format!("the query part of path `{}` sets `{name}`, which the operation `{}` also declares as a parameter", found.path, found.id)));
        }
        constants.push(Param {
            wire_name: name.to_string(),
            rust_name: naming::snake(name),
            location: Location::Query,
            source: Source::Constant(value.to_string()),
            ty: TypeRef::String,
            docs: format!("Always `{name}={value}`, from the path."),
            skip_url_encoding: false,
            text_local: String::new(),
            collection: None,
            object: None,
        });
    }
    params.splice(0..0, constants);
    let mut rest = path;
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

pub(super) fn is_json(mime: &str) -> bool {
    let essence = mime.split(';').next().unwrap_or("").trim();
    essence == "application/json" || essence.ends_with("+json") || essence == "text/json"
}

/// Whether a media type's schema describes structured data (an object, an array, a
/// `$ref`), rather than text or bytes.
pub(super) fn structured(media: &openapiv3::MediaType) -> bool {
    match &media.schema {
        Some(ReferenceOr::Reference { .. }) => true,
        Some(ReferenceOr::Item(schema)) => {
            let view = super::view::View::of(schema);
            view.is_object() || view.typ == Some("array")
        }
        None => false,
    }
}

/// Why an operation cannot be carried by the client, if it cannot: its only answer is
/// `101 Switching Protocols` (a WebSocket upgrade, which azure_core's HTTP pipeline does not do).
pub fn unsupported(op: &Operation) -> Option<String> {
    let responses = &op.responses;
    let success = responses.responses.keys().any(|code| match code {
        StatusCode::Code(c) => (200..300).contains(c),
        StatusCode::Range(r) => *r == 2,
    });
    let switches = responses
        .responses
        .keys()
        .any(|code| matches!(code, StatusCode::Code(101) | StatusCode::Range(1)));
    (switches && !success && responses.default.is_none()).then(|| {
        "it answers only `101 Switching Protocols` (a protocol upgrade such as a WebSocket), which the HTTP pipeline cannot carry".to_string()
    })
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
