//! Swagger 2.0 -> OpenAPI 3.0, on JSON values, the way AutoRest's own converter does it:
//! `definitions` become `components/schemas`, body parameters become `requestBody` (named by
//! `x-ms-requestBody-name`), response schemas move under `content`, and every `x-ms-*`
//! extension stays where it was. Each moved node is recorded in the source map.

use super::SourceMap;
use crate::diagnostics::{pointer as join, Diagnostic};
use serde_json::{json, Map, Value};

pub(crate) const METHODS: [&str; 7] = ["get", "put", "post", "patch", "delete", "head", "options"];
const SCHEMA_KEYS: [&str; 19] = [
    "type",
    "format",
    "items",
    "enum",
    "default",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "x-ms-enum",
    "x-nullable",
    "readOnly",
];

struct Converter<'a> {
    sources: &'a mut SourceMap,
    doc: &'a Map<String, Value>,
}

/// Converts a Swagger 2.0 document (with only local refs left) into OpenAPI 3.0.
pub fn convert(doc: Value, sources: &mut SourceMap) -> Result<Value, Diagnostic> {
    let Value::Object(doc) = doc else {
        return Err(sources.diagnostic("#", "the document is not a JSON object"));
    };
    let mut c = Converter { sources, doc: &doc };
    c.document()
}

/// The path of a path item's pointer (`#/paths/~1a~1{b}` -> `/a/{b}`).
fn path_of(at: &str) -> String {
    at.strip_prefix("#/paths/")
        .unwrap_or(at)
        .replace("~1", "/")
        .replace("~0", "~")
}

fn obj(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.and_then(Value::as_object)
}

fn strings(v: Option<&Value>) -> Option<Vec<String>> {
    v.and_then(Value::as_array).map(|a| {
        a.iter()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect()
    })
}

impl Converter<'_> {
    fn err(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        self.sources.diagnostic(pointer, message)
    }

    fn document(&mut self) -> Result<Value, Diagnostic> {
        let doc = self.doc;
        let mut out = Map::new();
        out.insert("openapi".into(), json!("3.0.3"));
        for key in ["info", "tags", "externalDocs", "security"] {
            if let Some(v) = doc.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        for (k, v) in doc.iter().filter(|(k, _)| k.starts_with("x-")) {
            out.insert(k.clone(), v.clone());
        }
        if let Some(host) = parameterized_host(doc) {
            out.insert("x-ms-parameterized-host".into(), host);
        }
        if let Some(host) = doc.get("host").and_then(Value::as_str) {
            let base = doc.get("basePath").and_then(Value::as_str).unwrap_or("");
            let schemes = strings(doc.get("schemes")).unwrap_or_default();
            let scheme = match schemes.first() {
                Some(first) if !schemes.iter().any(|s| s == "https") => first.as_str(),
                _ => "https",
            };
            out.insert(
                "servers".into(),
                json!([{ "url": format!("{scheme}://{host}{base}") }]),
            );
        } else if let Some(base) = doc
            .get("basePath")
            .and_then(Value::as_str)
            .filter(|b| !b.trim_matches('/').is_empty())
        {
            // No host: the API is on the host that serves the document, under `basePath`,
            // which is then a relative server URL.
            out.insert("servers".into(), json!([{ "url": base }]));
        }
        let mut components = Map::new();
        if let Some(defs) = obj(doc.get("definitions")) {
            let mut schemas = Map::new();
            for (name, schema) in defs {
                let from = join("#/definitions", name);
                let to = join("#/components/schemas", name);
                self.alias(&to, &from);
                // A definition that cannot be converted is left out; operations that reach
                // it are then left out in turn.
                match self.schema(schema, &from) {
                    Ok(converted) => {
                        schemas.insert(name.clone(), converted);
                    }
                    Err(why) => self.sources.leave_out(&to, why),
                }
            }
            components.insert("schemas".into(), Value::Object(schemas));
        }
        if let Some(params) = obj(doc.get("parameters")) {
            let (mut plain, mut bodies) = (Map::new(), Map::new());
            for (name, p) in params {
                let from = join("#/parameters", name);
                if p.get("in").and_then(Value::as_str) == Some("body") {
                    let to = join("#/components/requestBodies", name);
                    self.alias(&to, &from);
                    let consumes = self.consumes(None);
                    self.alias_content(&to, &from, &consumes);
                    match self.body(p, &from, &consumes) {
                        Ok(body) => {
                            bodies.insert(name.clone(), body);
                        }
                        Err(why) => self.sources.leave_out(&to, why),
                    }
                } else if p.get("in").and_then(Value::as_str) == Some("formData") {
                    // A form field: made part of the form body of each operation naming it.
                    continue;
                } else {
                    let to = join("#/components/parameters", name);
                    self.alias(&to, &from);
                    self.alias(&join(&to, "schema"), &from);
                    match self.parameter(p, &from) {
                        Ok(param) => {
                            plain.insert(name.clone(), param);
                        }
                        Err(why) => self.sources.leave_out(&to, why),
                    }
                }
            }
            components.insert("parameters".into(), Value::Object(plain));
            components.insert("requestBodies".into(), Value::Object(bodies));
        }
        if let Some(schemes) = obj(doc.get("securityDefinitions")) {
            let mut out_schemes = Map::new();
            for (name, s) in schemes {
                out_schemes.insert(name.clone(), security_scheme(s));
            }
            components.insert("securitySchemes".into(), Value::Object(out_schemes));
        }
        out.insert("components".into(), Value::Object(components));
        let mut paths = Map::new();
        if let Some(in_paths) = obj(doc.get("paths")) {
            for (path, item) in in_paths {
                let at = join("#/paths", path);
                match self.path_item(item, &at) {
                    Ok(converted) => {
                        paths.insert(path.clone(), converted);
                    }
                    // A fault shared by the path's operations leaves each of them out.
                    Err(why) => {
                        let methods: Vec<&String> = item
                            .as_object()
                            .into_iter()
                            .flat_map(|m| m.keys())
                            .filter(|k| METHODS.contains(&k.as_str()))
                            .collect();
                        if methods.is_empty() {
                            return Err(why);
                        }
                        for method in methods {
                            let pointer = join(&at, method);
                            if self.sources.skipped.iter().any(|s| s.pointer == pointer) {
                                continue;
                            }
                            let id = item
                                .get(method)
                                .and_then(|op| op.get("operationId"))
                                .and_then(Value::as_str)
                                .filter(|id| !id.trim().is_empty())
                                .map(str::to_string)
                                .unwrap_or_else(|| {
                                    format!("{} {path}", method.to_ascii_uppercase())
                                });
                            self.sources.skipped.push(super::Skipped {
                                id,
                                pointer,
                                reason: why.clone(),
                            });
                        }
                    }
                }
            }
        } else if doc.contains_key("paths") {
            return Err(self.err("#/paths", "`paths` must be an object"));
        }
        out.insert("paths".into(), Value::Object(paths));
        Ok(Value::Object(out))
    }

    /// Records that converted pointer `to` came from the source of `from`.
    fn alias(&mut self, to: &str, from: &str) {
        let (file, original) = self.sources.origin(from);
        self.sources.map(to.to_string(), &file, original);
    }

    /// Records that the schemas under `content/{mime}/schema` of the converted body or
    /// response at `to` came from the `schema` of `from`, and `content` from `from` itself.
    fn alias_content(&mut self, to: &str, from: &str, mimes: &[String]) {
        self.alias(&join(to, "content"), from);
        for mime in mimes {
            let schema = join(&join(&join(to, "content"), mime), "schema");
            self.alias(&schema, &join(from, "schema"));
        }
    }

    fn consumes(&self, op: Option<&Map<String, Value>>) -> Vec<String> {
        op.and_then(|o| strings(o.get("consumes")))
            .or_else(|| strings(self.doc.get("consumes")))
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| vec!["application/json".into()])
    }

    fn produces(&self, op: &Map<String, Value>) -> Vec<String> {
        strings(op.get("produces"))
            .or_else(|| strings(self.doc.get("produces")))
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| vec!["application/json".into()])
    }

    fn path_item(&mut self, item: &Value, at: &str) -> Result<Value, Diagnostic> {
        let Some(item) = item.as_object() else {
            return Err(self.err(at, "a path item must be an object"));
        };
        let mut out = Map::new();
        for (key, value) in item {
            let here = join(at, key);
            if METHODS.contains(&key.as_str()) {
                // An operation that cannot be converted is left out, not the whole document.
                match self.operation(value, &here) {
                    Ok(op) => {
                        out.insert(key.clone(), op);
                    }
                    Err(reason) => {
                        let id = value
                            .get("operationId")
                            .and_then(Value::as_str)
                            .filter(|id| !id.trim().is_empty())
                            .map(str::to_string)
                            .unwrap_or_else(|| {
                                format!("{} {}", key.to_ascii_uppercase(), path_of(at))
                            });
                        self.sources.skipped.push(super::Skipped {
                            id,
                            pointer: here,
                            reason,
                        });
                    }
                }
            } else if key == "parameters" {
                let (params, body) = self.parameters(value, &here, &self.consumes(None))?;
                if let Some((index, _)) = body {
                    return Err(self.err(&format!("{here}/{index}"), "a body parameter at path level is not supported; move it into each operation"));
                }
                out.insert(key.clone(), Value::Array(params));
            } else if key.starts_with("x-") {
                out.insert(key.clone(), value.clone());
            } else if key == "$ref" {
                return Err(self.err(&here, "`$ref` on a path item is not supported"));
            }
        }
        Ok(Value::Object(out))
    }

    fn operation(&mut self, op: &Value, at: &str) -> Result<Value, Diagnostic> {
        let Some(op) = op.as_object() else {
            return Err(self.err(at, "an operation must be an object"));
        };
        let mut out = Map::new();
        for key in [
            "tags",
            "summary",
            "description",
            "operationId",
            "deprecated",
            "externalDocs",
            "security",
        ] {
            if let Some(v) = op.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        for (k, v) in op.iter().filter(|(k, _)| k.starts_with("x-")) {
            out.insert(k.clone(), v.clone());
        }
        if let Some(params) = op.get("parameters") {
            let here = join(at, "parameters");
            let consumes = self.consumes(Some(op));
            let (params, body) = self.parameters(params, &here, &consumes)?;
            if let Some((index, body)) = body {
                let from = format!("{here}/{index}");
                let to = join(at, "requestBody");
                self.alias(&to, &from);
                if body.get("$ref").is_none() {
                    self.alias_content(&to, &from, &consumes);
                }
                out.insert("requestBody".into(), body);
            }
            out.insert("parameters".into(), Value::Array(params));
        }
        let produces = self.produces(op);
        let here = join(at, "responses");
        let Some(responses) = obj(op.get("responses")) else {
            return Err(self.err(at, "the operation has no `responses` object"));
        };
        let mut out_responses = Map::new();
        for (code, response) in responses {
            let r_at = join(&here, code);
            if code.starts_with("x-") {
                out_responses.insert(code.clone(), response.clone());
                continue;
            }
            if response.get("schema").is_some() {
                self.alias_content(&r_at, &r_at, &produces);
            }
            out_responses.insert(code.clone(), self.response(response, &r_at, &produces)?);
        }
        out.insert("responses".into(), Value::Object(out_responses));
        Ok(Value::Object(out))
    }

    /// Converts a parameter list; returns the non-body parameters (pointers remapped) and
    /// the body, with its index in the original list.
    #[allow(clippy::type_complexity)]
    fn parameters(
        &mut self,
        list: &Value,
        at: &str,
        consumes: &[String],
    ) -> Result<(Vec<Value>, Option<(usize, Value)>), Diagnostic> {
        let Some(list) = list.as_array() else {
            return Err(self.err(at, "`parameters` must be an array"));
        };
        let (mut params, mut body) = (Vec::new(), None);
        // `formData` parameters: the fields of one form body.
        let mut form: Vec<(usize, Value, String)> = Vec::new();
        for (i, p) in list.iter().enumerate() {
            let here = format!("{at}/{i}");
            let resolved = match p.get("$ref").and_then(Value::as_str) {
                Some(target) => {
                    let Some(name) = target.strip_prefix("#/parameters/") else {
                        return Err(self.err(&here, format!("`$ref: {target}`: a parameter ref must point to `#/parameters/Name`")));
                    };
                    let name = name.replace("~1", "/").replace("~0", "~");
                    let Some(global) = obj(self.doc.get("parameters")).and_then(|g| g.get(&name))
                    else {
                        return Err(self.err(
                            &join(&here, "$ref"),
                            format!("`$ref: {target}`: no parameter `{name}` in `#/parameters`"),
                        ));
                    };
                    if global.get("in").and_then(Value::as_str) == Some("formData") {
                        form.push((i, global.clone(), join("#/parameters", &name)));
                        continue;
                    }
                    if global.get("in").and_then(Value::as_str) == Some("body") {
                        // Shared as is where the operation takes the document's media
                        // types; an operation with its own `consumes` gets its own copy.
                        let converted = if consumes == self.consumes(None).as_slice() {
                            json!({ "$ref": join("#/components/requestBodies", &name) })
                        } else {
                            self.body(global, &join("#/parameters", &name), consumes)?
                        };
                        body = Some((i, converted));
                        continue;
                    }
                    let converted = format!("{at}/{}", params.len());
                    let (file, original) = self.sources.origin(&here);
                    self.sources.map(converted, &file, original);
                    params.push(json!({ "$ref": join("#/components/parameters", &name) }));
                    continue;
                }
                None => p,
            };
            match resolved.get("in").and_then(Value::as_str) {
                Some("body") => {
                    if body.is_some() {
                        return Err(
                            self.err(&here, "an operation may have only one body parameter")
                        );
                    }
                    body = Some((i, self.body(resolved, &here, consumes)?));
                }
                Some("formData") => form.push((i, resolved.clone(), here)),
                _ => {
                    let converted = format!("{at}/{}", params.len());
                    self.alias(&converted, &here);
                    self.alias(&join(&converted, "schema"), &here);
                    params.push(self.parameter(resolved, &here)?);
                }
            }
        }
        if let Some((first, _, here)) = form.first() {
            if let Some((index, _)) = body {
                return Err(self.err(
                    here,
                    format!("an operation may not have both a body parameter (`parameters/{index}`) and `formData` parameters"),
                ));
            }
            body = Some((*first, self.form(&form, consumes)?));
        }
        Ok((params, body))
    }

    /// The request body of an operation's `formData` parameters, as OpenAPI 3 writes it: an
    /// object schema whose properties are the fields (a `type: file` field is binary), in each
    /// form media type the operation consumes (`multipart/form-data` when it names none and a
    /// field is a file, else `application/x-www-form-urlencoded`).
    fn form(
        &mut self,
        fields: &[(usize, Value, String)],
        consumes: &[String],
    ) -> Result<Value, Diagnostic> {
        let binary = json!({ "type": "string", "format": "binary" });
        let is_file = |v: &Value| v.get("type").and_then(Value::as_str) == Some("file");
        let (mut properties, mut required) = (Map::new(), Vec::new());
        let mut files = false;
        for (_, p, here) in fields {
            let Some(name) = p.get("name").and_then(Value::as_str) else {
                return Err(self.err(here, "a `formData` parameter needs a `name`"));
            };
            let mut schema = Map::new();
            if is_file(p) {
                files = true;
                schema = obj(Some(&binary)).cloned().unwrap_or_default();
            } else if p.get("type").and_then(Value::as_str) == Some("array")
                && p.get("items").is_some_and(is_file)
            {
                files = true;
                schema.insert("type".into(), json!("array"));
                schema.insert("items".into(), binary.clone());
            } else {
                for (k, v) in obj(Some(p)).into_iter().flatten() {
                    match k.as_str() {
                        "items" => {
                            schema.insert(k.clone(), self.schema(v, &join(here, k))?);
                        }
                        "x-nullable" => {
                            schema.insert("nullable".into(), v.clone());
                        }
                        _ if SCHEMA_KEYS.contains(&k.as_str()) => {
                            schema.insert(k.clone(), v.clone());
                        }
                        _ => {}
                    }
                }
            }
            for (k, v) in obj(Some(p)).into_iter().flatten() {
                if k == "description" || k == "x-ms-client-name" || k == "x-ms-enum" {
                    schema.insert(k.clone(), v.clone());
                }
            }
            if p.get("required").and_then(Value::as_bool) == Some(true) {
                required.push(json!(name));
            }
            properties.insert(name.to_string(), Value::Object(schema));
        }
        let declared: Vec<&String> = consumes
            .iter()
            .filter(|m| {
                let m = m.to_ascii_lowercase();
                m.starts_with("multipart/form-data")
                    || m.starts_with("application/x-www-form-urlencoded")
            })
            .collect();
        let fallback = if files {
            "multipart/form-data".to_string()
        } else {
            "application/x-www-form-urlencoded".to_string()
        };
        let mimes = if declared.is_empty() {
            vec![&fallback]
        } else {
            declared
        };
        let schema = json!({ "type": "object", "properties": properties, "required": required });
        let mut content = Map::new();
        for mime in mimes {
            content.insert(mime.clone(), json!({ "schema": schema }));
        }
        Ok(json!({ "content": content, "required": !required.is_empty() }))
    }

    fn body(&mut self, p: &Value, at: &str, consumes: &[String]) -> Result<Value, Diagnostic> {
        let Some(schema) = p.get("schema") else {
            return Err(self.err(at, "a body parameter needs a `schema`"));
        };
        // A file (`type: file`, or AutoRest's `format: file`) is raw bytes.
        let file = schema.get("type").and_then(Value::as_str) == Some("file")
            || schema.get("format").and_then(Value::as_str) == Some("file");
        let schema = if file {
            json!({ "type": "string", "format": "binary" })
        } else {
            self.schema(schema, &join(at, "schema"))?
        };
        let mut content = Map::new();
        for mime in consumes {
            content.insert(mime.clone(), json!({ "schema": schema }));
        }
        let mut out = Map::new();
        if let Some(d) = p.get("description") {
            out.insert("description".into(), d.clone());
        }
        out.insert("content".into(), Value::Object(content));
        out.insert(
            "required".into(),
            p.get("required").cloned().unwrap_or(json!(false)),
        );
        if let Some(name) = p.get("name") {
            out.insert("x-ms-requestBody-name".into(), name.clone());
        }
        for (k, v) in p
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| k.starts_with("x-"))
        {
            out.insert(k.clone(), v.clone());
        }
        Ok(Value::Object(out))
    }

    fn parameter(&mut self, p: &Value, at: &str) -> Result<Value, Diagnostic> {
        let Some(p) = p.as_object() else {
            return Err(self.err(at, "a parameter must be an object"));
        };
        let location = p.get("in").and_then(Value::as_str).unwrap_or("");
        match location {
            "path" | "query" | "header" => {}
            "formData" => return Err(self.err(&join(at, "in"), "formData parameters are not supported: only JSON bodies, path, query and header parameters are")),
            other => return Err(self.err(&join(at, "in"), format!("unknown parameter location `{other}`: expected path, query, header or body"))),
        }
        if p.get("type").and_then(Value::as_str) == Some("file") {
            return Err(self.err(
                &join(at, "type"),
                "`type: file` parameters are not supported",
            ));
        }
        let mut out = Map::new();
        let mut schema = Map::new();
        for (k, v) in p {
            match k.as_str() {
                "name" | "in" | "description" | "required" | "deprecated" | "allowEmptyValue" => {
                    out.insert(k.clone(), v.clone());
                }
                "items" => {
                    schema.insert(k.clone(), self.schema(v, &join(at, k))?);
                }
                "x-nullable" => {
                    schema.insert("nullable".into(), v.clone());
                }
                "collectionFormat" => {
                    let format = v.as_str().unwrap_or("csv");
                    let (style, explode) = match (location, format) {
                        ("query", "multi") => ("form", true),
                        ("query", "ssv") => ("spaceDelimited", false),
                        ("query", "pipes") => ("pipeDelimited", false),
                        ("query", _) => ("form", false),
                        (_, "multi") => ("simple", true),
                        _ => ("simple", false),
                    };
                    out.insert("style".into(), json!(style));
                    out.insert("explode".into(), json!(explode));
                    // No OpenAPI 3 style says these; kept so the lower stage can tell.
                    if format == "tsv" || (location != "query" && matches!(format, "ssv" | "pipes"))
                    {
                        out.insert("x-collection-format".into(), json!(format));
                    }
                }
                _ if SCHEMA_KEYS.contains(&k.as_str()) => {
                    schema.insert(k.clone(), v.clone());
                }
                _ if k.starts_with("x-") => {
                    out.insert(k.clone(), v.clone());
                    if k == "x-ms-enum" {
                        schema.insert(k.clone(), v.clone());
                    }
                }
                _ => {}
            }
        }
        if location == "path" {
            out.insert("required".into(), json!(true));
        }
        if schema.get("type").and_then(Value::as_str) == Some("array") && !out.contains_key("style")
        {
            // Swagger 2.0's default `collectionFormat` is `csv`: one comma-separated value.
            let style = if location == "query" {
                "form"
            } else {
                "simple"
            };
            out.insert("style".into(), json!(style));
            out.insert("explode".into(), json!(false));
        }
        out.insert("schema".into(), Value::Object(schema));
        Ok(Value::Object(out))
    }

    fn response(&mut self, r: &Value, at: &str, produces: &[String]) -> Result<Value, Diagnostic> {
        if let Some(target) = r.get("$ref").and_then(Value::as_str) {
            return match target.strip_prefix("#/responses/") {
                Some(name) => Ok(json!({ "$ref": format!("#/components/responses/{name}") })),
                None => Err(self.err(
                    at,
                    format!("`$ref: {target}`: a response ref must point to `#/responses/Name`"),
                )),
            };
        }
        let Some(r) = r.as_object() else {
            return Err(self.err(at, "a response must be an object"));
        };
        let mut out = Map::new();
        out.insert(
            "description".into(),
            r.get("description").cloned().unwrap_or(json!("")),
        );
        if let Some(schema) = r.get("schema") {
            let schema = if schema.get("type").and_then(Value::as_str) == Some("file")
                || schema.get("format").and_then(Value::as_str) == Some("file")
            {
                json!({ "type": "string", "format": "binary" })
            } else {
                self.schema(schema, &join(at, "schema"))?
            };
            let mut content = Map::new();
            for mime in produces {
                content.insert(mime.clone(), json!({ "schema": schema }));
            }
            out.insert("content".into(), Value::Object(content));
        }
        if let Some(headers) = obj(r.get("headers")) {
            let mut out_headers = Map::new();
            for (name, h) in headers {
                let h_at = join(&join(at, "headers"), name);
                self.alias(&join(&h_at, "schema"), &h_at);
                let mut schema = Map::new();
                let mut header = Map::new();
                for (k, v) in h.as_object().into_iter().flatten() {
                    if k == "description" {
                        header.insert(k.clone(), v.clone());
                    } else if SCHEMA_KEYS.contains(&k.as_str()) {
                        schema.insert(k.clone(), v.clone());
                    } else if k.starts_with("x-") {
                        // `x-ms-client-name`, `x-ms-header-collection-prefix`.
                        header.insert(k.clone(), v.clone());
                    }
                }
                header.insert("schema".into(), Value::Object(schema));
                out_headers.insert(name.clone(), Value::Object(header));
            }
            out.insert("headers".into(), Value::Object(out_headers));
        }
        for (k, v) in r.iter().filter(|(k, _)| k.starts_with("x-")) {
            out.insert(k.clone(), v.clone());
        }
        Ok(Value::Object(out))
    }

    /// Converts a schema: local refs move to `components/schemas`, a `$ref` with siblings
    /// becomes `allOf: [ref]` plus the siblings (so a property keeps its own description),
    /// `x-nullable` becomes `nullable` and a string discriminator becomes an object.
    fn schema(&mut self, s: &Value, at: &str) -> Result<Value, Diagnostic> {
        let Some(s) = s.as_object() else {
            return match s {
                Value::Bool(_) => Ok(s.clone()),
                _ => Err(self.err(at, "a schema must be an object")),
            };
        };
        let mut out = Map::new();
        for (k, v) in s {
            // Made only when needed: most keys are copied without a pointer.
            let here = || join(at, k);
            let converted = match k.as_str() {
                "$ref" => {
                    let Some(target) = v.as_str() else {
                        return Err(self.err(&here(), "`$ref` must be a string"));
                    };
                    match target.strip_prefix("#/definitions/") {
                        Some(name) => json!(format!("#/components/schemas/{name}")),
                        None => {
                            return Err(self.err(
                                &here(),
                                format!(
                                "`$ref: {target}`: a schema ref must point to `#/definitions/Name`"
                            ),
                            ))
                        }
                    }
                }
                "enum" if s.get("type").and_then(Value::as_str) == Some("string") => {
                    let Some(values) = v.as_array() else {
                        return Err(self.err(&here(), "`enum` must be an array"));
                    };
                    if let Some((i, bad)) = values
                        .iter()
                        .enumerate()
                        .find(|(_, e)| !e.is_string() && !e.is_null())
                    {
                        return Err(self.err(
                            &format!("{}/{i}", here()),
                            format!("the values of a `type: string` enum must be strings, found `{bad}`"),
                        ));
                    }
                    v.clone()
                }
                "type" if v.as_str() == Some("file") => {
                    return Err(self.err(&here(), "`type: file` schemas are not supported"));
                }
                "x-nullable" => {
                    out.insert("nullable".into(), v.clone());
                    continue;
                }
                "discriminator" => match v.as_str() {
                    Some(name) => json!({ "propertyName": name }),
                    None => v.clone(),
                },
                "properties" => {
                    let Some(props) = v.as_object() else {
                        return Err(self.err(&here(), "`properties` must be an object"));
                    };
                    let mut out_props = Map::new();
                    for (name, p) in props {
                        out_props.insert(name.clone(), self.schema(p, &join(&here(), name))?);
                    }
                    Value::Object(out_props)
                }
                "items" | "not" => self.schema(v, &here())?,
                "additionalProperties" if v.is_object() => self.schema(v, &here())?,
                "allOf" | "anyOf" | "oneOf" => {
                    let Some(list) = v.as_array() else {
                        return Err(self.err(&here(), format!("`{k}` must be an array")));
                    };
                    let mut out_list = Vec::with_capacity(list.len());
                    for (i, item) in list.iter().enumerate() {
                        out_list.push(self.schema(item, &format!("{}/{i}", here()))?);
                    }
                    Value::Array(out_list)
                }
                // Kept as an extension: the OpenAPI model has no place for it.
                "xml" => {
                    out.insert("x-xml".into(), v.clone());
                    continue;
                }
                _ => v.clone(),
            };
            out.insert(k.clone(), converted);
        }
        if out.len() > 1 {
            if let Some(reference) = out.remove("$ref") {
                let mut all_of = vec![json!({ "$ref": reference })];
                if let Some(Value::Array(more)) = out.remove("allOf") {
                    all_of.extend(more);
                }
                out.insert("allOf".into(), Value::Array(all_of));
            }
        }
        Ok(Value::Object(out))
    }
}

fn security_scheme(s: &Value) -> Value {
    let description = s.get("description").cloned().unwrap_or(json!(""));
    match s.get("type").and_then(Value::as_str) {
        Some("oauth2") => {
            let flow = match s.get("flow").and_then(Value::as_str) {
                Some("implicit") => "implicit",
                Some("password") => "password",
                Some("application") => "clientCredentials",
                _ => "authorizationCode",
            };
            let mut f = Map::new();
            for (from, to) in [
                ("authorizationUrl", "authorizationUrl"),
                ("tokenUrl", "tokenUrl"),
            ] {
                if let Some(v) = s.get(from) {
                    f.insert(to.into(), v.clone());
                }
            }
            if flow == "authorizationCode" {
                f.entry("authorizationUrl").or_insert(json!(""));
                f.entry("tokenUrl").or_insert(json!(""));
            }
            f.insert(
                "scopes".into(),
                s.get("scopes").cloned().unwrap_or(json!({})),
            );
            json!({ "type": "oauth2", "description": description, "flows": { flow: f } })
        }
        Some("apiKey") => json!({
            "type": "apiKey", "description": description,
            "name": s.get("name").cloned().unwrap_or(json!("")),
            "in": s.get("in").cloned().unwrap_or(json!("header")),
        }),
        _ => json!({ "type": "http", "scheme": "basic", "description": description }),
    }
}

/// `x-ms-parameterized-host` as the lower stage reads it: its parameters with `$ref`s into the
/// document's `parameters` resolved (the parameters section is converted and pruned to what
/// operations reach), and the document's `scheme` (as for `servers`) and `basePath` beside
/// them, which the host template replaces `host` in front of.
fn parameterized_host(doc: &Map<String, Value>) -> Option<Value> {
    let mut host = doc.get("x-ms-parameterized-host")?.as_object()?.clone();
    if let Some(Value::Array(params)) = host.get_mut("parameters") {
        for p in params.iter_mut() {
            let name = p
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/parameters/"))
                .map(|n| n.replace("~1", "/").replace("~0", "~"));
            if let Some(found) = name.and_then(|n| doc.get("parameters")?.get(&n).cloned()) {
                *p = found;
            }
        }
    }
    let schemes = strings(doc.get("schemes")).unwrap_or_default();
    let scheme = match schemes.first() {
        Some(first) if !schemes.iter().any(|s| s == "https") => first.as_str(),
        _ => "https",
    };
    host.insert("scheme".into(), json!(scheme));
    if let Some(base) = doc.get("basePath").and_then(Value::as_str) {
        host.insert("basePath".into(), json!(base));
    }
    Some(Value::Object(host))
}
