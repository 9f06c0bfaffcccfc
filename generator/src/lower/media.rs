//! Media types -> body formats: whether a request or response body is JSON, XML, text or raw
//! bytes, the caller's choice between several request media types, and the `accept` header.

use super::naming::{self, Scope};
use super::types::Types;
use super::view::View;
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{self, Body, BodyChoice, BodyVariant, Format, TypeRef};
use crate::read::Spec;
use openapiv3::{Operation, ReferenceOr, Schema, StatusCode};
use serde_json::Value;

/// The media type without parameters, lowercased (`Text/Plain; charset=UTF-8` -> `text/plain`).
fn essence(mime: &str) -> String {
    mime.split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// `application/json`, `text/json` and any `+json` type.
pub fn is_json(mime: &str) -> bool {
    let essence = essence(mime);
    essence == "application/json" || essence.ends_with("+json") || essence == "text/json"
}

/// `application/xml`, `text/xml` and any `+xml` type.
pub fn is_xml(mime: &str) -> bool {
    let essence = essence(mime);
    essence == "application/xml" || essence == "text/xml" || essence.ends_with("+xml")
}

/// A `text/*` type that is neither JSON nor XML.
fn is_text(mime: &str) -> bool {
    essence(mime).starts_with("text/") && !is_json(mime) && !is_xml(mime)
}

/// The schema a `$ref` names among the components (one level: enough to tell its kind).
fn resolved<'a>(spec: &'a Spec, schema: &'a ReferenceOr<Schema>) -> Option<&'a Schema> {
    match schema {
        ReferenceOr::Item(s) => Some(s),
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/schemas/")?;
            match spec.api.components.as_ref()?.schemas.get(name)? {
                ReferenceOr::Item(s) => Some(s),
                ReferenceOr::Reference { .. } => None,
            }
        }
    }
}

/// Raw bytes: `type: string, format: binary` (Swagger's `type: file` and `format: file` are
/// read as that).
fn is_binary(spec: &Spec, schema: &ReferenceOr<Schema>) -> bool {
    resolved(spec, schema).is_some_and(|s| {
        let view = View::of(s);
        view.typ == Some("string") && view.format.as_deref() == Some("binary")
    })
}

/// A plain string (no binary format), or a schema that says nothing (any value).
fn is_textual(spec: &Spec, schema: Option<&ReferenceOr<Schema>>) -> bool {
    let Some(schema) = schema else { return true };
    resolved(spec, schema).is_some_and(|s| {
        let view = View::of(s);
        view.typ == Some("string") || (view.typ.is_none() && !view.is_object())
    })
}

/// How a body of media type `mime` with `schema` is written.
pub fn format_of(spec: &Spec, mime: &str, schema: Option<&ReferenceOr<Schema>>) -> Format {
    if schema.is_some_and(|s| is_binary(spec, s)) {
        Format::Binary
    } else if is_json(mime) {
        Format::Json
    } else if is_xml(mime) {
        Format::Xml
    } else if is_text(mime) && is_textual(spec, schema) {
        Format::Text
    } else {
        Format::Binary
    }
}

/// The JSON text of the one value a body schema allows: an enum of one (non-null) value that is
/// not declared extensible (`x-ms-enum.modelAsString: true`).
fn constant_of(spec: &Spec, schema: &ReferenceOr<Schema>) -> Option<String> {
    super::view::constant(resolved(spec, schema)?).map(|value| value.to_string())
}

/// The form a request body's media types declare: `multipart/form-data` (first) or
/// `application/x-www-form-urlencoded` with an object schema of properties, as its kind, media
/// type and schema.
fn form_of<'a>(
    spec: &'a Spec,
    content: &'a indexmap::IndexMap<String, openapiv3::MediaType>,
) -> Option<(ir::FormKind, String, &'a Schema)> {
    let mut found = None;
    for (mime, media) in content {
        let kind = match essence(mime).as_str() {
            "multipart/form-data" => ir::FormKind::Multipart,
            "application/x-www-form-urlencoded" => ir::FormKind::Urlencoded,
            _ => continue,
        };
        let Some(schema) = media.schema.as_ref().and_then(|s| resolved(spec, s)) else {
            continue;
        };
        if View::of(schema).properties.is_empty() {
            continue;
        }
        let better = matches!(found, None | Some((ir::FormKind::Urlencoded, _, _)));
        if better {
            found = Some((kind, essence(mime), schema));
        }
    }
    found
}

/// One field of a form body: its name, schema, whether it is required, and whether it is a
/// file (binary) or a list of files.
pub struct FormField<'a> {
    pub name: &'a str,
    pub schema: ReferenceOr<Schema>,
    pub required: bool,
    pub file: bool,
    pub files: bool,
}

/// The fields of `op`'s form body, in the schema's order (see [`Body::form`]).
pub fn form_fields<'a>(spec: &'a Spec, op: &'a Operation) -> Vec<FormField<'a>> {
    let components = spec.api.components.as_ref();
    let body = match &op.request_body {
        Some(ReferenceOr::Item(b)) => Some(b),
        Some(ReferenceOr::Reference { reference }) => reference
            .strip_prefix("#/components/requestBodies/")
            .and_then(|n| components?.request_bodies.get(n))
            .and_then(|b| match b {
                ReferenceOr::Item(b) => Some(b),
                ReferenceOr::Reference { .. } => None,
            }),
        None => None,
    };
    let Some((_, _, schema)) = body.and_then(|b| form_of(spec, &b.content)) else {
        return Vec::new();
    };
    let view = View::of(schema);
    view.properties
        .iter()
        .map(|&(name, prop)| {
            let schema = prop.clone().unbox();
            let file = is_binary(spec, &schema);
            let files = resolved(spec, &schema).is_some_and(|s| {
                View::of(s)
                    .items
                    .is_some_and(|items| is_binary(spec, &items.clone().unbox()))
            });
            FormField {
                name: name.as_str(),
                required: view.required.iter().any(|r| r == name),
                schema,
                file,
                files,
            }
        })
        .collect()
}

/// Whether a media type's schema describes structured data (an object, an array, a `$ref`)
/// rather than text or bytes.
fn structured(media: &openapiv3::MediaType) -> bool {
    match &media.schema {
        Some(ReferenceOr::Reference { .. }) => true,
        Some(ReferenceOr::Item(schema)) => {
            let view = View::of(schema);
            view.is_object() || view.typ == Some("array")
        }
        None => false,
    }
}

/// A variant name for a media type: the subtype of an `application/` type (`Pdf`, `Json`,
/// `OctetStream`), else type and subtype (`TextPlain`, `ImagePng`).
fn variant_name(mime: &str) -> String {
    let essence = essence(mime);
    let (kind, subtype) = essence.split_once('/').unwrap_or(("", essence.as_str()));
    let raw = if kind == "application" || kind.is_empty() {
        subtype.to_string()
    } else {
        format!("{kind}-{subtype}")
    };
    let name = naming::pascal(&raw);
    if name.is_empty() {
        "Other".into()
    } else {
        name
    }
}

/// The request body of `op`: its format, and the caller's choice when it declares media
/// types of different formats (JSON next to raw bytes or text).
pub fn body(
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
    let body = super::resolve(
        spec,
        body,
        "requestBodies",
        |n| components.and_then(|c| c.request_bodies.get(n)),
        &at,
    )?;
    let docs = body
        .description
        .clone()
        .filter(|d| super::view::has_prose(d))
        .unwrap_or_else(|| "The request body.".into());
    let wire_name = body
        .extensions
        .get("x-ms-requestBody-name")
        .and_then(Value::as_str)
        .unwrap_or("body")
        .to_string();
    // A form (its fields are parameters, see `form_fields`): no value of its own.
    if let Some((kind, content_type, _)) = form_of(spec, &body.content) {
        return Ok(Some(Body {
            rust_name: naming::snake(&wire_name),
            wire_name,
            ty: TypeRef::Bytes,
            required: body.required,
            docs,
            content_type,
            format: Format::Binary,
            choice: None,
            constant: None,
            form: Some(kind),
        }));
    }
    // Each media type with its format; JSON types after the first add nothing (the same
    // value, the same encoding), so `text/json` next to `application/json` is no choice.
    let mut entries: Vec<(String, &String, Format, &openapiv3::MediaType)> = Vec::new();
    for (mime, media) in &body.content {
        let content_type = if mime.contains('*') {
            "application/octet-stream".to_string()
        } else {
            mime.clone()
        };
        let format = format_of(spec, mime, media.schema.as_ref());
        if format == Format::Json && entries.iter().any(|e| e.2 == Format::Json) {
            continue;
        }
        // One model cannot carry JSON and XML names at once: next to JSON, XML is left out.
        let json = body
            .content
            .iter()
            .any(|(m, media)| format_of(spec, m, media.schema.as_ref()) == Format::Json);
        if format == Format::Xml && json {
            spec.warn(
                &join(&at, "content"),
                format!("request body media type `{mime}` is not offered next to JSON: one model cannot carry both names; the body is sent as JSON"),
            );
            continue;
        }
        entries.push((content_type, mime, format, media));
    }
    if entries.is_empty() {
        return Err(spec.error(
            &join(&at, "content"),
            "the request body declares no media type",
        ));
    }
    let lower_one = |types: &mut Types,
                     format: Format,
                     mime: &str,
                     content_type: &str,
                     media: &openapiv3::MediaType|
     -> Result<TypeRef, Diagnostic> {
        let schema_at = join(&join(&join(&at, "content"), mime), "schema");
        let hint = format!("{}Body", naming::pascal(name));
        Ok(match format {
            Format::Json => {
                let ty = match &media.schema {
                    Some(schema) => types.of(schema, &schema_at, &hint)?,
                    None => TypeRef::Json,
                };
                types.mark_body(&ty);
                ty
            }
            Format::Xml => match &media.schema {
                Some(schema) => {
                    let ty = xml_type(spec, schema, &schema_at, types, &hint)?;
                    types.mark_body(&ty);
                    ty
                }
                // Nothing says what the XML holds: the caller's bytes.
                None => TypeRef::Bytes,
            },
            Format::Text => TypeRef::String,
            Format::Binary => {
                if structured(media) {
                    spec.warn(
                        &schema_at,
                        format!("the `{mime}` request body is not modelled: its model is not generated, and the caller sends it as raw bytes (`{content_type}`)"),
                    );
                }
                TypeRef::Bytes
            }
        })
    };
    if let [(content_type, mime, format, media)] = entries.as_slice() {
        // A required JSON body that can hold one value only is sent by the client itself.
        let constant = (body.required && *format == Format::Json)
            .then(|| media.schema.as_ref().and_then(|s| constant_of(spec, s)))
            .flatten();
        if let Some(constant) = constant {
            return Ok(Some(Body {
                rust_name: naming::snake(&wire_name),
                wire_name,
                ty: TypeRef::Json,
                required: true,
                docs,
                content_type: content_type.clone(),
                format: Format::Json,
                choice: None,
                constant: Some(constant),
                form: None,
            }));
        }
        let ty = lower_one(types, *format, mime, content_type, media)?;
        let format = &if ty == TypeRef::Bytes {
            Format::Binary
        } else {
            *format
        };
        let (rust_name, docs) = match format {
            Format::Binary => (
                args.claim("body".into()),
                format!("{docs} Raw bytes (or a stream), sent as `{content_type}`."),
            ),
            Format::Text => (
                args.claim(naming::snake(&wire_name)),
                format!("{docs} Text, sent as `{content_type}`."),
            ),
            Format::Json | Format::Xml => (args.claim(naming::snake(&wire_name)), docs),
        };
        return Ok(Some(Body {
            wire_name,
            rust_name,
            ty,
            required: body.required,
            docs,
            content_type: content_type.clone(),
            format: *format,
            choice: None,
            constant: None,
            form: None,
        }));
    }
    let mut names = Scope::default();
    let mut variants = Vec::new();
    for (content_type, mime, format, media) in &entries {
        let ty = lower_one(types, *format, mime, content_type, media)?;
        variants.push(BodyVariant {
            rust_name: names.claim(variant_name(content_type)),
            content_type: content_type.clone(),
            format: if ty == TypeRef::Bytes {
                Format::Binary
            } else {
                *format
            },
            ty,
        });
    }
    let choice = types.claim_name(format!("{}Content", naming::pascal(name)));
    let listed: Vec<String> = variants
        .iter()
        .map(|v| format!("`{}`", v.content_type))
        .collect();
    Ok(Some(Body {
        rust_name: args.claim(naming::snake(&wire_name)),
        wire_name,
        ty: TypeRef::Named(choice.clone()),
        required: body.required,
        docs: format!(
            "{docs} In one of its media types ({}): the variant decides the `content-type`.",
            listed.join(", ")
        ),
        content_type: variants
            .first()
            .map(|v| v.content_type.clone())
            .unwrap_or_default(),
        format: variants.first().map(|v| v.format).unwrap_or_default(),
        choice: Some(BodyChoice {
            name: choice,
            variants,
        }),
        constant: None,
        form: None,
    }))
}

/// The success responses of `op` that describe a body: `(code, response)`, the 2xx ones, else
/// `default` when no 2xx is declared.
fn success_responses<'a>(
    spec: &'a Spec,
    op: &'a Operation,
) -> Vec<(String, &'a openapiv3::Response)> {
    let components = spec.api.components.as_ref();
    let resolve = |r: &'a ReferenceOr<openapiv3::Response>| match r {
        ReferenceOr::Item(r) => Some(r),
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/responses/")?;
            match components?.responses.get(name)? {
                ReferenceOr::Item(r) => Some(r),
                ReferenceOr::Reference { .. } => None,
            }
        }
    };
    let mut out = Vec::new();
    let mut any_success = false;
    for (code, response) in &op.responses.responses {
        let (text, success) = match code {
            StatusCode::Code(c) => (c.to_string(), (200..300).contains(c)),
            StatusCode::Range(r) => (format!("{r}XX"), *r == 2),
        };
        if success {
            any_success = true;
            if let Some(r) = resolve(response) {
                out.push((text, r));
            }
        }
    }
    if !any_success {
        if let Some(r) = op.responses.default.as_ref().and_then(resolve) {
            out.push(("default".into(), r));
        }
    }
    out
}

/// How the success body of `op` is read, and its type when it is not JSON (JSON bodies are
/// typed by the responses' lowering): raw bytes are streamed to the caller (no type), text is
/// a `String`.
pub fn response(
    spec: &Spec,
    op: &Operation,
    pointer: &str,
    name: &str,
    types: &mut Types,
    json_type: Option<TypeRef>,
) -> Result<(Format, Option<TypeRef>), Diagnostic> {
    for (code, response) in success_responses(spec, op) {
        let declared: Vec<(&String, Format)> = response
            .content
            .iter()
            .map(|(mime, media)| (mime, format_of(spec, mime, media.schema.as_ref())))
            .collect();
        if declared.is_empty() {
            continue;
        }
        if declared.iter().any(|(_, f)| *f == Format::Json) {
            return Ok((Format::Json, json_type));
        }
        if declared.iter().any(|(_, f)| *f == Format::Binary) {
            return Ok((Format::Binary, None));
        }
        let xml = response
            .content
            .iter()
            .find(|(mime, _)| is_xml(mime))
            .and_then(|(mime, media)| media.schema.as_ref().map(|s| (mime, s)));
        if let Some((mime, schema)) = xml {
            let at = join(
                &join(
                    &join(&join(&join(pointer, "responses"), &code), "content"),
                    mime,
                ),
                "schema",
            );
            let ty = xml_type(
                spec,
                schema,
                &at,
                types,
                &format!("{}Response", naming::pascal(name)),
            )?;
            types.mark(&ty, false);
            return Ok((Format::Xml, Some(ty)));
        }
        if declared.iter().all(|(_, f)| *f == Format::Text) {
            return Ok((Format::Text, Some(TypeRef::String)));
        }
    }
    Ok((Format::Json, json_type))
}

/// The `accept` header of `op`: every media type its responses declare, in order, when that
/// is not just `application/json` (which every request asks for by default).
pub fn accept(spec: &Spec, op: &Operation) -> Option<String> {
    let components = spec.api.components.as_ref();
    let mut mimes: Vec<&str> = Vec::new();
    let responses = op
        .responses
        .responses
        .values()
        .chain(op.responses.default.as_ref());
    for response in responses {
        let response = match response {
            ReferenceOr::Item(r) => Some(r),
            ReferenceOr::Reference { reference } => reference
                .strip_prefix("#/components/responses/")
                .and_then(|name| components?.responses.get(name))
                .and_then(|r| match r {
                    ReferenceOr::Item(r) => Some(r),
                    ReferenceOr::Reference { .. } => None,
                }),
        };
        for mime in response.into_iter().flat_map(|r| r.content.keys()) {
            if !mimes.contains(&mime.as_str()) {
                mimes.push(mime);
            }
        }
    }
    match mimes.as_slice() {
        [] | ["application/json"] => None,
        _ => Some(mimes.join(", ")),
    }
}

/// The body formats besides JSON the crate's operations use.
pub fn formats_used(clients: &std::collections::BTreeMap<String, ir::Client>) -> ir::FormatsUsed {
    let mut used = ir::FormatsUsed::default();
    for op in clients.values().flat_map(|c| &c.operations) {
        let mut note = |format: Format| match format {
            Format::Xml => used.xml = true,
            Format::Json | Format::Text | Format::Binary => {}
        };
        note(op.response_format);
        if let Some(body) = &op.body {
            note(body.format);
            for v in body.choice.iter().flat_map(|c| &c.variants) {
                note(v.format);
            }
        }
        match op.response_format {
            Format::Text => used.text = true,
            Format::Binary => used.stream = true,
            Format::Json | Format::Xml => {}
        }
    }
    used
}

/// The `xml` object of a schema (kept by the reader as the `x-xml` extension).
fn xml_of(schema: &Schema) -> Option<&serde_json::Map<String, Value>> {
    schema
        .schema_data
        .extensions
        .get("x-xml")
        .and_then(Value::as_object)
}

/// A string of the `xml` object.
fn xml_text<'a>(schema: Option<&'a Schema>, key: &str) -> Option<&'a str> {
    schema
        .and_then(xml_of)
        .and_then(|x| x.get(key))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// A flag of the `xml` object.
fn xml_flag(schema: Option<&Schema>, key: &str) -> bool {
    schema
        .and_then(xml_of)
        .and_then(|x| x.get(key))
        .and_then(Value::as_bool)
        == Some(true)
}

/// The component a schema refers to (itself a `$ref`, or `allOf: [$ref]` with siblings), with
/// its name.
fn referred<'a>(spec: &'a Spec, schema: &'a ReferenceOr<Schema>) -> Option<(&'a str, &'a Schema)> {
    let reference = match schema {
        ReferenceOr::Reference { reference } => reference.as_str(),
        ReferenceOr::Item(s) => match View::of(s).all_of.as_slice() {
            [ReferenceOr::Reference { reference }] => reference.as_str(),
            _ => return None,
        },
    };
    let name = reference.strip_prefix("#/components/schemas/")?;
    match spec.api.components.as_ref()?.schemas.get(name)? {
        ReferenceOr::Item(s) => Some((name, s)),
        ReferenceOr::Reference { .. } => None,
    }
}

fn boxed_to_plain(schema: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(s) => ReferenceOr::Item((**s).clone()),
    }
}

/// The element name of a type written as a whole body: its `xml.name`, else its definition's
/// name, else its Rust name.
pub fn xml_root(schema: &Schema, pointer: &str, rust: &str) -> String {
    if let Some(name) = xml_text(Some(schema), "name") {
        return name.to_string();
    }
    match pointer.strip_prefix("#/components/schemas/") {
        Some(name) if !name.contains('/') => name.replace("~1", "/").replace("~0", "~"),
        _ => rust.to_string(),
    }
}

/// How property `wire` with schema `prop` is written as XML.
pub fn xml_field(spec: &Spec, wire: &str, prop: &ReferenceOr<Box<Schema>>) -> ir::XmlField {
    let prop = boxed_to_plain(prop);
    let own = match &prop {
        ReferenceOr::Item(s) => Some(s),
        ReferenceOr::Reference { .. } => None,
    };
    let target = referred(spec, &prop);
    let name = xml_text(own, "name")
        .or_else(|| xml_text(target.map(|t| t.1), "name"))
        .unwrap_or(wire)
        .to_string();
    if xml_flag(own, "attribute") {
        return ir::XmlField {
            name,
            kind: ir::XmlKind::Attribute,
        };
    }
    if xml_flag(own, "x-ms-text") {
        return ir::XmlField {
            name,
            kind: ir::XmlKind::Text,
        };
    }
    // An array: its own schema, or the one it refers to.
    let array = own
        .filter(|s| View::of(s).typ == Some("array"))
        .or_else(|| {
            target
                .map(|t| t.1)
                .filter(|s| View::of(s).typ == Some("array"))
        });
    let Some(array) = array else {
        return ir::XmlField {
            name,
            kind: ir::XmlKind::Element,
        };
    };
    let items = View::of(array).items.map(boxed_to_plain);
    let item_own = match &items {
        Some(ReferenceOr::Item(s)) => Some(s),
        _ => None,
    };
    let item_target = items.as_ref().and_then(|i| referred(spec, i));
    let item_named =
        xml_text(item_own, "name").or_else(|| xml_text(item_target.map(|t| t.1), "name"));
    let wrapped = xml_flag(own, "wrapped") || xml_flag(Some(array), "wrapped");
    if wrapped {
        let item = item_named
            .or(item_target.map(|t| t.0))
            .unwrap_or(wire)
            .to_string();
        ir::XmlField {
            name,
            kind: ir::XmlKind::Wrapped {
                item,
                helper: String::new(),
            },
        }
    } else {
        ir::XmlField {
            name: item_named.unwrap_or(wire).to_string(),
            kind: ir::XmlKind::List,
        }
    }
}

/// The type of an XML body or response: a model, or for an array (XML has no bare list) a
/// struct the generator adds, named after the array's element, holding one element per item.
fn xml_type(
    spec: &Spec,
    schema: &ReferenceOr<Schema>,
    at: &str,
    types: &mut Types,
    hint: &str,
) -> Result<TypeRef, Diagnostic> {
    let ty = types.of(schema, at, hint)?;
    let TypeRef::Vec(item_ty) = &ty else {
        types.mark_xml(&ty);
        return Ok(ty);
    };
    let own = match schema {
        ReferenceOr::Item(s) => Some(s),
        ReferenceOr::Reference { .. } => None,
    };
    let target = referred(spec, schema);
    let array = own
        .filter(|s| View::of(s).typ == Some("array"))
        .or(target.map(|t| t.1));
    let root = xml_text(array, "name")
        .or(target.map(|t| t.0))
        .unwrap_or(hint)
        .to_string();
    let items = array.and_then(|a| View::of(a).items).map(boxed_to_plain);
    let item_own = match &items {
        Some(ReferenceOr::Item(s)) => Some(s),
        _ => None,
    };
    let item_target = items.as_ref().and_then(|i| referred(spec, i));
    let item = xml_text(item_own, "name")
        .or_else(|| xml_text(item_target.map(|t| t.1), "name"))
        .or(item_target.map(|t| t.0))
        .unwrap_or("item")
        .to_string();
    if let Some(existing) = types.xml_list(&root, &item, &ty) {
        let named = TypeRef::Named(existing);
        types.mark_xml(&named);
        return Ok(named);
    }
    let name = types.claim_type_name(&root);
    let rust_field = naming::snake(&item);
    let def = ir::StructDef {
        name: name.clone(),
        docs: format!("The `<{root}>` element: a list of `<{item}>` elements."),
        fields: vec![ir::Field {
            wire_name: item.clone(),
            rust_name: rust_field.clone(),
            ty: TypeRef::Vec(item_ty.clone()),
            docs: format!("The `<{item}>` elements, in order."),
            read_only: false,
            secret: false,
            constant: None,
        }],
        additional: None,
        additional_field: "additional_properties".to_string(),
        tag: None,
        usage: ir::Usage::default(),
        features: Default::default(),
    };
    let mut xml = ir::XmlType {
        root: root.clone(),
        fields: Default::default(),
    };
    xml.fields.insert(
        rust_field,
        ir::XmlField {
            name: item.clone(),
            kind: ir::XmlKind::List,
        },
    );
    types.add_struct(def, xml);
    types.remember_xml_list(root, item, ty, name.clone());
    let named = TypeRef::Named(name);
    types.mark_xml(&named);
    Ok(named)
}
