//! OpenAPI 3.1 -> OpenAPI 3.0, on JSON values, so `openapiv3` (which reads 3.0) reads it into
//! the same IR as any other document, the way `swagger2.rs` does it for Swagger 2.0.
//!
//! Two steps: [`prepare`] works on the root file as read, before `$ref`s are resolved, and
//! takes out what no client calls (`webhooks`, `components/pathItems`), so the components
//! only they reach are never placed; [`convert`] rewrites every schema of the resolved
//! document into its 3.0 form:
//!
//! - `type` lists: `null` becomes `nullable: true`, one other type stays the type, several
//!   leave the schema without a type (with a warning); `type: "null"` alone is `enum: [null]`;
//! - `anyOf`/`oneOf` with a `{type: "null"}` member: the member goes and `nullable: true` comes;
//!   one member left is the schema itself (a `$ref` as `allOf: [{$ref}]`);
//! - `const` is a one-value `enum`; `oneOf`/`anyOf` of `const`s is an `enum` whose values keep
//!   their descriptions; the first of `examples` is the `example`;
//! - numeric `exclusiveMinimum`/`exclusiveMaximum` are `minimum`/`maximum` with the 3.0 flag;
//! - a `$ref` with siblings becomes `allOf: [{$ref}]` next to them, so they keep their meaning
//!   (3.0 ignores a `$ref`'s siblings);
//! - boolean schemas: `true` is `{}`, `false` is `{not: {}}` (a property that can never be
//!   present is dropped; `items: false` is `{}`);
//! - `contentEncoding: base64` (`base64url`) is `format: byte` (`base64url`);
//! - JSON Schema 2020-12 keywords a client does not need are dropped: quietly when the
//!   generated code is the same without them, with a warning when it is not.
//!
//! Every node keeps its pointer, except the few this moves; those are recorded in the source
//! map, so diagnostics still name the spot in the file as written.

use super::SourceMap;
use crate::diagnostics::pointer as join;
use serde_json::{json, Map, Value};

/// Keywords that only validate or identify a schema: dropped without a word, the generated
/// code is the same without them.
const QUIET: [&str; 14] = [
    "dependentRequired",
    "$schema",
    "$id",
    "$anchor",
    "$dynamicAnchor",
    "$vocabulary",
    "$comment",
    "contentMediaType",
    "contentSchema",
    "unevaluatedItems",
    "contains",
    "minContains",
    "maxContains",
    "propertyNames",
];

/// Keywords whose loss changes what is generated, and what is lost.
const LOSSY: [(&str, &str); 5] = [
    (
        "prefixItems",
        "`prefixItems` is ignored: OpenAPI 3.0 has no tuples, so every item is read as `items` says (any JSON value when it says nothing)",
    ),
    (
        "dependentSchemas",
        "`dependentSchemas` is ignored: what it adds when a property is present is not modelled",
    ),
    (
        "if",
        "`if`/`then`/`else` is ignored: what the branches add is not modelled",
    ),
    (
        "patternProperties",
        "`patternProperties` is ignored: properties whose names match a pattern are not modelled",
    ),
    (
        "$dynamicRef",
        "`$dynamicRef` is ignored: the value is read as the rest of the schema says (any JSON value when it says nothing)",
    ),
];

/// Keywords a schema and its one non-null alternative may both have without stopping the
/// alternative from being folded into the schema (the schema's own are kept): they document
/// it, or give its default (`default: null` next to `anyOf: [T, null]` is common).
const SHARED: [&str; 5] = ["description", "title", "example", "deprecated", "default"];

/// Deepest schema nesting converted; deeper nodes are left as they are, for the lower stage
/// (which refuses anything this deep) to say so.
const MAX_DEPTH: usize = 256;

/// The HTTP methods of a path item.
const METHODS: [&str; 8] = [
    "get", "put", "post", "patch", "delete", "head", "options", "trace",
];

/// Takes out of the root document, before its `$ref`s are resolved, what no client calls or
/// reads: `webhooks` (each with a warning naming it), `components/pathItems` (path items
/// that `$ref`s under `paths` still read from the file), `jsonSchemaDialect`, `info.summary`,
/// `license.identifier`, and `mutualTLS` security schemes (with a warning). A document
/// without `paths` (3.1 allows it) gets an empty one.
pub(crate) fn prepare(doc: &mut Value, sources: &mut SourceMap) {
    let Some(map) = doc.as_object_mut() else {
        return;
    };
    if !map.contains_key("paths") {
        map.insert("paths".into(), json!({}));
        // What is said about the missing `paths` is shown where the webhooks are.
        if map.contains_key("webhooks") {
            let root = sources.root().to_path_buf();
            sources.map("#/paths".into(), &root, "#/webhooks".into());
        }
    }
    if let Some(hooks) = map.remove("webhooks") {
        for name in hooks.as_object().into_iter().flat_map(Map::keys) {
            sources.warn(
                &join("#/webhooks", name),
                format!("webhook `{name}` is left out: a webhook is a request the service makes to its subscribers, not a call a client makes"),
            );
        }
    }
    map.remove("jsonSchemaDialect");
    if let Some(info) = map.get_mut("info").and_then(Value::as_object_mut) {
        info.remove("summary");
        if let Some(license) = info.get_mut("license").and_then(Value::as_object_mut) {
            license.remove("identifier");
        }
    }
    let Some(components) = map.get_mut("components").and_then(Value::as_object_mut) else {
        return;
    };
    components.remove("pathItems");
    if let Some(schemes) = components
        .get_mut("securitySchemes")
        .and_then(Value::as_object_mut)
    {
        schemes.retain(|name, scheme| {
            if scheme.get("type").and_then(Value::as_str) != Some("mutualTLS") {
                return true;
            }
            sources.warn(
                &join("#/components/securitySchemes", name),
                format!("security scheme `{name}` is left out: `mutualTLS` (a client certificate) is not supported; requirements naming it are dropped"),
            );
            false
        });
    }
}

/// Rewrites the resolved 3.1 document (every `$ref` local) into OpenAPI 3.0.
pub(crate) fn convert(mut doc: Value, sources: &mut SourceMap) -> Value {
    let mut c = Converter { sources };
    let Some(map) = doc.as_object_mut() else {
        return doc;
    };
    map.insert("openapi".into(), json!("3.0.3"));
    if let Some(paths) = map.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            c.path_item(item, &join("#/paths", path));
        }
    }
    if let Some(components) = map.get_mut("components").and_then(Value::as_object_mut) {
        for (section, entries) in components.iter_mut() {
            let Some(entries) = entries.as_object_mut() else {
                continue;
            };
            let base = join("#/components", section);
            for (name, entry) in entries.iter_mut() {
                let at = join(&base, name);
                match section.as_str() {
                    "schemas" => c.schema(entry, &at, 0),
                    "parameters" | "headers" => c.parameter(entry, &at),
                    "requestBodies" => c.content_of(entry, &at),
                    "responses" => c.response(entry, &at),
                    "callbacks" => c.callback(entry, &at),
                    _ => {}
                }
            }
        }
    }
    doc
}

/// Converts one schema of the document as read, found at `at`.
pub(crate) fn convert_schema(schema: &mut Value, at: &str, sources: &mut SourceMap) {
    Converter { sources }.schema(schema, at, 0);
}

struct Converter<'a> {
    sources: &'a mut SourceMap,
}

fn is_ref(v: &Value) -> bool {
    v.get("$ref").is_some()
}

impl Converter<'_> {
    /// Records that the converted node at `to` is the one written at `from` (both pointers
    /// of the document being converted).
    fn moved(&mut self, to: &str, from: &str) {
        let (file, original) = self.sources.origin(from);
        self.sources.map(to.to_string(), &file, original);
    }

    fn path_item(&mut self, item: &mut Value, at: &str) {
        let Some(item) = item.as_object_mut() else {
            return;
        };
        for (key, value) in item.iter_mut() {
            let here = join(at, key);
            if key == "parameters" {
                self.parameters(value, &here);
            } else if METHODS.contains(&key.as_str()) {
                self.operation(value, &here);
            }
        }
    }

    fn operation(&mut self, op: &mut Value, at: &str) {
        let Some(op) = op.as_object_mut() else {
            return;
        };
        for (key, value) in op.iter_mut() {
            let here = join(at, key);
            match key.as_str() {
                "parameters" => self.parameters(value, &here),
                "requestBody" => self.content_of(value, &here),
                "responses" => {
                    for (code, response) in value.as_object_mut().into_iter().flatten() {
                        self.response(response, &join(&here, code));
                    }
                }
                "callbacks" => {
                    for (name, callback) in value.as_object_mut().into_iter().flatten() {
                        self.callback(callback, &join(&here, name));
                    }
                }
                _ => {}
            }
        }
    }

    fn callback(&mut self, callback: &mut Value, at: &str) {
        if is_ref(callback) {
            return;
        }
        for (expression, item) in callback.as_object_mut().into_iter().flatten() {
            self.path_item(item, &join(at, expression));
        }
    }

    fn parameters(&mut self, list: &mut Value, at: &str) {
        for (i, p) in list.as_array_mut().into_iter().flatten().enumerate() {
            self.parameter(p, &format!("{at}/{i}"));
        }
    }

    /// A parameter or a header: a `schema`, or a `content` map.
    fn parameter(&mut self, p: &mut Value, at: &str) {
        if is_ref(p) {
            return;
        }
        if let Some(schema) = p.get_mut("schema") {
            self.schema(schema, &join(at, "schema"), 0);
        }
        self.content_of(p, at);
    }

    fn response(&mut self, response: &mut Value, at: &str) {
        if is_ref(response) {
            return;
        }
        if let Some(headers) = response.get_mut("headers").and_then(Value::as_object_mut) {
            let base = join(at, "headers");
            for (name, header) in headers.iter_mut() {
                self.parameter(header, &join(&base, name));
            }
        }
        self.content_of(response, at);
    }

    /// The schemas (and encoding headers) under the `content` of a request body, response,
    /// parameter or header.
    fn content_of(&mut self, holder: &mut Value, at: &str) {
        if is_ref(holder) {
            return;
        }
        let Some(content) = holder.get_mut("content").and_then(Value::as_object_mut) else {
            return;
        };
        let base = join(at, "content");
        for (mime, media) in content.iter_mut() {
            let here = join(&base, mime);
            if let Some(schema) = media.get_mut("schema") {
                self.schema(schema, &join(&here, "schema"), 0);
            }
            let encodings = media.get_mut("encoding").and_then(Value::as_object_mut);
            for (property, encoding) in encodings.into_iter().flatten() {
                let headers = encoding.get_mut("headers").and_then(Value::as_object_mut);
                let base = join(&join(&join(&here, "encoding"), property), "headers");
                for (name, header) in headers.into_iter().flatten() {
                    self.parameter(header, &join(&base, name));
                }
            }
        }
    }

    /// Rewrites the schema at `at`, and the schemas inside it.
    fn schema(&mut self, schema: &mut Value, at: &str, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        if let Value::Bool(b) = *schema {
            *schema = if b { json!({}) } else { json!({ "not": {} }) };
            if !b {
                self.moved(&join(at, "not"), at);
            }
            return;
        }
        let Some(map) = schema.as_object_mut() else {
            return;
        };
        self.null_alternatives(map, at);
        self.const_alternatives(map, at);
        self.types(map, at);
        self.keywords(map, at);
        self.ref_siblings(map, at);
        self.children(map, at, depth);
    }

    /// `anyOf`/`oneOf` with `null` among the alternatives: the null ones go and the schema is
    /// `nullable`; a single alternative left is merged into the schema.
    fn null_alternatives(&mut self, map: &mut Map<String, Value>, at: &str) {
        for key in ["anyOf", "oneOf"] {
            let Some(Value::Array(members)) = map.get(key) else {
                continue;
            };
            let nulls = members.iter().filter(|m| is_null_schema(m)).count();
            if nulls == 0 || nulls == members.len() {
                continue;
            }
            let Some(Value::Array(members)) = map.remove(key) else {
                continue;
            };
            map.insert("nullable".into(), Value::Bool(true));
            let list = join(at, key);
            let kept: Vec<(usize, Value)> = members
                .into_iter()
                .enumerate()
                .filter(|(_, m)| !is_null_schema(m))
                .collect();
            let other = if key == "anyOf" { "oneOf" } else { "anyOf" };
            if let [(i, Value::Object(member))] = kept.as_slice() {
                let clash = member
                    .keys()
                    .any(|k| map.contains_key(k) && !SHARED.contains(&k.as_str()));
                if !clash && !map.contains_key(other) {
                    let from = format!("{list}/{i}");
                    for (k, v) in member {
                        if map.contains_key(k) {
                            continue;
                        }
                        self.moved(&join(at, k), &join(&from, k));
                        map.insert(k.clone(), v.clone());
                    }
                    continue;
                }
            }
            let mut out = Vec::with_capacity(kept.len());
            for (j, (i, member)) in kept.into_iter().enumerate() {
                if i != j {
                    self.moved(&format!("{list}/{j}"), &format!("{list}/{i}"));
                }
                out.push(member);
            }
            map.insert(key.into(), Value::Array(out));
        }
    }

    /// `oneOf`/`anyOf` whose alternatives are each a `const` (3.1's way to document each value
    /// of an enumeration): an `enum` of those values, each with its description (or title),
    /// extensible as any enumeration without `x-ms-enum` is.
    fn const_alternatives(&mut self, map: &mut Map<String, Value>, at: &str) {
        for key in ["oneOf", "anyOf"] {
            let Some(Value::Array(members)) = map.get(key) else {
                continue;
            };
            let Some(values) = const_values(members).filter(|_| !map.contains_key("enum")) else {
                continue;
            };
            let described: Vec<Value> = members
                .iter()
                .zip(&values)
                .map(|(m, v)| {
                    let text = m.get("description").or_else(|| m.get("title"));
                    match text {
                        Some(t) => json!({ "value": v, "description": t }),
                        None => json!({ "value": v }),
                    }
                })
                .collect();
            let list = join(at, key);
            for i in 0..values.len() {
                self.moved(
                    &format!("{}/{i}", join(at, "enum")),
                    &format!("{list}/{i}/const"),
                );
            }
            let typ = match values.first() {
                Some(Value::String(_)) => "string",
                _ if values.iter().all(|v| v.is_i64() || v.is_u64()) => "integer",
                _ => "number",
            };
            map.remove(key);
            map.entry("type").or_insert_with(|| json!(typ));
            map.insert("enum".into(), Value::Array(values));
            map.entry("x-ms-enum")
                .or_insert_with(|| json!({ "modelAsString": true, "values": described }));
            return;
        }
    }

    /// `type` as a list, or `"null"`.
    fn types(&mut self, map: &mut Map<String, Value>, at: &str) {
        let names: Vec<&str> = match map.get("type") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
            _ => return,
        };
        let null = names.contains(&"null");
        let mut rest: Vec<String> = Vec::new();
        for name in names.into_iter().filter(|n| *n != "null") {
            if !rest.iter().any(|r| r == name) {
                rest.push(name.to_string());
            }
        }
        if null {
            map.insert("nullable".into(), Value::Bool(true));
        }
        let numbers = rest.iter().all(|t| t == "integer" || t == "number");
        match rest.as_slice() {
            [] => {
                map.remove("type");
                map.entry("enum").or_insert_with(|| json!([null]));
            }
            [one] => {
                map.insert("type".into(), Value::String(one.clone()));
            }
            _ if numbers => {
                map.insert("type".into(), json!("number"));
            }
            several => {
                let list = several
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.sources.warn(
                    &join(at, "type"),
                    format!("`type` lists several types ({list}), which OpenAPI 3.0 cannot say: the schema is read without a type (any JSON value unless its other keywords make it an object)"),
                );
                map.remove("type");
            }
        }
        // `nullable` says `null` is allowed; an enumeration keeps its other values.
        if null {
            if let Some(Value::Array(values)) = map.get_mut("enum") {
                if values.iter().any(|v| !v.is_null()) {
                    values.retain(|v| !v.is_null());
                }
            }
        }
    }

    /// `const`, `examples`, numeric exclusive bounds, `contentEncoding`, and the 2020-12
    /// keywords 3.0 does not have.
    fn keywords(&mut self, map: &mut Map<String, Value>, at: &str) {
        if let Some(value) = map.remove("const") {
            if !map.contains_key("enum") {
                // Without a type, the value's own type is the schema's.
                let typ = match &value {
                    Value::Null => {
                        map.insert("nullable".into(), Value::Bool(true));
                        None
                    }
                    Value::String(_) => Some("string"),
                    Value::Bool(_) => Some("boolean"),
                    Value::Number(n) if n.is_f64() => Some("number"),
                    Value::Number(_) => Some("integer"),
                    Value::Array(_) => Some("array"),
                    Value::Object(_) => Some("object"),
                };
                if let Some(typ) = typ.filter(|_| !map.contains_key("type")) {
                    map.insert("type".into(), json!(typ));
                }
                self.moved(&join(at, "enum"), &join(at, "const"));
                map.insert("enum".into(), Value::Array(vec![value]));
            }
        }
        if let Some(examples) = map.remove("examples") {
            if let (false, Some(first)) = (
                map.contains_key("example"),
                examples.as_array().and_then(|a| a.first()),
            ) {
                map.insert("example".into(), first.clone());
            }
        }
        for (exclusive, bound, lower) in [
            ("exclusiveMinimum", "minimum", true),
            ("exclusiveMaximum", "maximum", false),
        ] {
            let Some(Value::Number(n)) = map.get(exclusive).cloned() else {
                continue;
            };
            let stricter = match (map.get(bound).and_then(Value::as_f64), n.as_f64()) {
                (Some(b), Some(x)) if lower => x >= b,
                (Some(b), Some(x)) => x <= b,
                _ => true,
            };
            if stricter {
                self.moved(&join(at, bound), &join(at, exclusive));
                map.insert(bound.into(), Value::Number(n));
                map.insert(exclusive.into(), Value::Bool(true));
            } else {
                map.remove(exclusive);
            }
        }
        if let Some(encoding) = map.remove("contentEncoding") {
            let format = match encoding.as_str() {
                Some(e) if e.eq_ignore_ascii_case("base64") => Some("byte"),
                Some(e) if e.eq_ignore_ascii_case("base64url") => Some("base64url"),
                _ => None,
            };
            let string = map.get("type").and_then(Value::as_str) == Some("string");
            if let (Some(format), true, false) = (format, string, map.contains_key("format")) {
                self.moved(&join(at, "format"), &join(at, "contentEncoding"));
                map.insert("format".into(), json!(format));
            }
        }
        // `unevaluatedProperties` with a schema is what 3.0 says with `additionalProperties`.
        if let Some(extra) = map.remove("unevaluatedProperties") {
            if extra.is_object() && !map.contains_key("additionalProperties") {
                self.moved(
                    &join(at, "additionalProperties"),
                    &join(at, "unevaluatedProperties"),
                );
                map.insert("additionalProperties".into(), extra);
            }
        }
        // One name pattern and nothing else: a map whose values are the pattern's schema.
        let lone_pattern = match map.get("patternProperties") {
            Some(Value::Object(p)) if p.len() == 1 => {
                p.iter().next().map(|(k, v)| (k.clone(), v.clone()))
            }
            _ => None,
        };
        if let Some((pattern, values)) = lone_pattern.filter(|_| {
            !map.contains_key("properties") && !map.contains_key("additionalProperties")
        }) {
            map.remove("patternProperties");
            let from = join(&join(at, "patternProperties"), &pattern);
            self.moved(&join(at, "additionalProperties"), &from);
            map.insert("additionalProperties".into(), values);
        }
        for key in QUIET {
            map.remove(key);
        }
        for (key, why) in LOSSY {
            if map.contains_key(key) {
                self.sources.warn(&join(at, key), why);
            }
            map.remove(key);
        }
        // Their `if` was warned about (without one they mean nothing).
        map.remove("then");
        map.remove("else");
    }

    /// A `$ref` with siblings: 3.0 ignores the siblings, so the ref moves into `allOf`.
    fn ref_siblings(&mut self, map: &mut Map<String, Value>, at: &str) {
        if map.len() < 2 {
            return;
        }
        let Some(reference) = map.remove("$ref") else {
            return;
        };
        let ref_at = join(at, "$ref");
        let (file, original) = self.sources.origin(&ref_at);
        let holder = original
            .strip_suffix("/$ref")
            .map(str::to_string)
            .unwrap_or(original);
        let all_of = map.entry("allOf").or_insert_with(|| json!([]));
        let Some(list) = all_of.as_array_mut() else {
            map.insert("$ref".into(), reference);
            return;
        };
        let to = format!("{}/{}", join(at, "allOf"), list.len());
        list.push(json!({ "$ref": reference }));
        self.sources.map(to, &file, holder);
    }

    fn children(&mut self, map: &mut Map<String, Value>, at: &str, depth: usize) {
        // Kept (3.0 readers ignore them) for the `$ref`s that point into them.
        for key in ["$defs", "definitions"] {
            if let Some(Value::Object(defs)) = map.get_mut(key) {
                let base = join(at, key);
                for (name, def) in defs.iter_mut() {
                    self.schema(def, &join(&base, name), depth + 1);
                }
            }
        }
        if let Some(Value::Object(properties)) = map.get_mut("properties") {
            // A property no value can have is one that is never present.
            properties.retain(|_, p| *p != Value::Bool(false));
            let base = join(at, "properties");
            for (name, p) in properties.iter_mut() {
                self.schema(p, &join(&base, name), depth + 1);
            }
        }
        if let Some(items) = map.get_mut("items") {
            if items.is_boolean() {
                *items = json!({});
            }
            self.schema(items, &join(at, "items"), depth + 1);
        }
        if let Some(extra) = map
            .get_mut("additionalProperties")
            .filter(|v| v.is_object())
        {
            self.schema(extra, &join(at, "additionalProperties"), depth + 1);
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            let base = join(at, key);
            let members = map.get_mut(key).and_then(Value::as_array_mut);
            for (i, member) in members.into_iter().flatten().enumerate() {
                self.schema(member, &format!("{base}/{i}"), depth + 1);
            }
        }
        match map.get_mut("not") {
            // `not: false` excludes nothing; `not: true` excludes everything, as `not: {}`.
            Some(Value::Bool(false)) => {
                map.remove("not");
            }
            Some(not) => self.schema(not, &join(at, "not"), depth + 1),
            None => {}
        }
    }
}

/// The values of alternatives that are each a `const` and nothing else of substance, all
/// strings or all numbers; `None` when they are not.
fn const_values(members: &[Value]) -> Option<Vec<Value>> {
    if members.is_empty() {
        return None;
    }
    let mut values = Vec::with_capacity(members.len());
    for member in members {
        let map = member.as_object()?;
        let plain = map.keys().all(|k| {
            matches!(
                k.as_str(),
                "const" | "title" | "description" | "type" | "deprecated" | "$comment"
            ) || k.starts_with("x-")
        });
        let value = map.get("const")?;
        if !plain || !(value.is_string() || value.is_number()) {
            return None;
        }
        values.push(value.clone());
    }
    let strings = values.iter().all(Value::is_string);
    let numbers = values.iter().all(Value::is_number);
    (strings || numbers).then_some(values)
}

/// A schema that allows only `null`: `type: "null"` (or `["null"]`), `enum: [null]`,
/// `const: null`.
fn is_null_schema(v: &Value) -> bool {
    let Some(map) = v.as_object() else {
        return false;
    };
    if map.contains_key("$ref") {
        return false;
    }
    let type_null = match map.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(list)) => !list.is_empty() && list.iter().all(|t| t == "null"),
        _ => false,
    };
    let enum_null = matches!(map.get("enum"), Some(Value::Array(list)) if !list.is_empty() && list.iter().all(Value::is_null));
    let const_null = map.get("const").is_some_and(Value::is_null);
    type_null || enum_null || const_null
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )]
    use super::*;
    use crate::diagnostics::Diagnostic;

    /// Writes `doc` (pretty JSON, so each key has its own line) to a scratch file, converts it
    /// and returns the result with the warnings.
    fn run(name: &str, doc: Value) -> (Value, Vec<Diagnostic>, SourceMap) {
        let dir = std::env::temp_dir().join(format!("openapi31-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("spec.json");
        std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
        let mut sources = SourceMap::new(&path).unwrap();
        let mut root = sources.root_value().unwrap();
        prepare(&mut root, &mut sources);
        let out = convert(root, &mut sources);
        let _ = std::fs::remove_dir_all(&dir);
        let warnings = sources.take_warnings();
        (out, warnings, sources)
    }

    fn with_schema(schema: Value) -> Value {
        json!({
            "openapi": "3.1.0",
            "info": { "title": "T", "version": "1" },
            "paths": {},
            "components": { "schemas": { "S": schema } }
        })
    }

    fn schema_of(out: &Value) -> &Value {
        &out["components"]["schemas"]["S"]
    }

    #[test]
    fn type_lists_become_nullable_or_a_warning() {
        let (out, warnings, _) = run(
            "types",
            with_schema(json!({ "type": "object", "properties": {
                "a": { "type": ["string", "null"] },
                "b": { "type": ["integer", "number"] },
                "c": { "type": "null" },
                "d": { "type": ["string", "boolean"], "maxLength": 3 },
                "e": { "type": ["string", "null"], "enum": ["x", null] }
            }})),
        );
        let p = &schema_of(&out)["properties"];
        assert_eq!(p["a"], json!({ "type": "string", "nullable": true }));
        assert_eq!(p["b"], json!({ "type": "number" }));
        assert_eq!(p["c"], json!({ "nullable": true, "enum": [null] }));
        assert_eq!(p["d"], json!({ "maxLength": 3 }));
        assert_eq!(
            p["e"],
            json!({ "type": "string", "nullable": true, "enum": ["x"] })
        );
        let [w] = warnings.as_slice() else {
            panic!("{warnings:?}")
        };
        assert_eq!(w.pointer, "#/components/schemas/S/properties/d/type");
        assert!(w.message.contains("(`string`, `boolean`)"), "{}", w.message);
        assert!(w.position.is_some());
    }

    #[test]
    fn a_null_alternative_folds_into_nullable_and_keeps_its_position() {
        let (out, warnings, sources) = run(
            "nulls",
            with_schema(json!({ "type": "object", "properties": {
                "owner": { "anyOf": [ { "type": "null" }, { "$ref": "#/components/schemas/O" } ],
                           "description": "The owner." },
                "color": { "oneOf": [ { "type": "string", "enum": ["red"] }, { "type": "null" } ] },
                "either": { "anyOf": [ { "type": "string" }, { "type": "null" }, { "type": "integer" } ] }
            }})),
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let p = &schema_of(&out)["properties"];
        assert_eq!(
            p["owner"],
            json!({ "allOf": [ { "$ref": "#/components/schemas/O" } ], "description": "The owner.", "nullable": true })
        );
        assert_eq!(
            p["color"],
            json!({ "type": "string", "enum": ["red"], "nullable": true })
        );
        assert_eq!(
            p["either"],
            json!({ "anyOf": [ { "type": "string" }, { "type": "integer" } ], "nullable": true })
        );
        // Moved nodes still point where they were written.
        let at = |p: &str| sources.origin(p).1;
        assert_eq!(
            at("#/components/schemas/S/properties/owner/allOf/0"),
            "#/components/schemas/S/properties/owner/anyOf/1"
        );
        assert_eq!(
            at("#/components/schemas/S/properties/either/anyOf/1"),
            "#/components/schemas/S/properties/either/anyOf/2"
        );
        assert_eq!(
            at("#/components/schemas/S/properties/color/enum"),
            "#/components/schemas/S/properties/color/oneOf/0/enum"
        );
    }

    #[test]
    fn const_examples_and_numeric_bounds_take_their_3_0_form() {
        let (out, warnings, _) = run(
            "keywords",
            with_schema(json!({ "type": "object", "properties": {
                "k": { "const": "fixed", "examples": ["fixed"] },
                "n": { "type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 10, "maximum": 5 },
                "f": { "const": 1.5 },
                "b": { "type": "string", "contentEncoding": "base64", "contentMediaType": "image/png" }
            }})),
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        let p = &schema_of(&out)["properties"];
        assert_eq!(
            p["k"],
            json!({ "type": "string", "enum": ["fixed"], "example": "fixed" })
        );
        assert_eq!(
            p["n"],
            json!({ "type": "integer", "minimum": 0, "exclusiveMinimum": true, "maximum": 5 })
        );
        assert_eq!(p["f"], json!({ "type": "number", "enum": [1.5] }));
        assert_eq!(p["b"], json!({ "type": "string", "format": "byte" }));
    }

    #[test]
    fn alternatives_that_are_each_a_const_make_a_described_enum() {
        let (out, warnings, sources) = run(
            "consts",
            with_schema(json!({ "oneOf": [
                { "const": "low", "description": "Whenever." },
                { "const": "high", "title": "Soon" },
                { "const": "none" },
                { "type": "null" }
            ]})),
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            schema_of(&out),
            &json!({
                "nullable": true,
                "type": "string",
                "enum": ["low", "high", "none"],
                "x-ms-enum": { "modelAsString": true, "values": [
                    { "value": "low", "description": "Whenever." },
                    { "value": "high", "description": "Soon" },
                    { "value": "none" }
                ] }
            })
        );
        assert_eq!(
            sources.origin("#/components/schemas/S/enum/1").1,
            "#/components/schemas/S/oneOf/1/const"
        );
        // Anything else among the alternatives keeps them alternatives.
        let (out, _, _) = run(
            "consts-mixed",
            with_schema(json!({ "oneOf": [ { "const": "a" }, { "type": "integer" } ] })),
        );
        assert_eq!(
            schema_of(&out),
            &json!({ "oneOf": [ { "type": "string", "enum": ["a"] }, { "type": "integer" } ] })
        );
    }

    #[test]
    fn a_ref_with_siblings_moves_into_all_of_and_a_lone_ref_stays() {
        let (out, _, _) = run(
            "refs",
            with_schema(json!({ "type": "object", "properties": {
                "a": { "$ref": "#/components/schemas/O", "description": "Docs.", "readOnly": true },
                "b": { "$ref": "#/components/schemas/O" },
                "c": { "$ref": "#/components/schemas/O", "$comment": "only a comment" }
            }})),
        );
        let p = &schema_of(&out)["properties"];
        assert_eq!(
            p["a"],
            json!({ "allOf": [ { "$ref": "#/components/schemas/O" } ], "description": "Docs.", "readOnly": true })
        );
        assert_eq!(p["b"], json!({ "$ref": "#/components/schemas/O" }));
        assert_eq!(p["c"], json!({ "$ref": "#/components/schemas/O" }));
    }

    #[test]
    fn boolean_schemas_and_ignored_keywords() {
        let (out, warnings, _) = run(
            "booleans",
            with_schema(json!({ "type": "object", "$id": "x", "$defs": { "U": {} },
                "unevaluatedProperties": false,
                "properties": {
                    "any": true,
                    "never": false,
                    "tuple": { "type": "array", "prefixItems": [ { "type": "number" } ], "items": false },
                    "map": { "type": "object", "patternProperties": { "^a": { "type": "integer" } } }
                }
            })),
        );
        let s = schema_of(&out);
        assert_eq!(
            s,
            &json!({ "type": "object", "$defs": { "U": {} }, "properties": {
                "any": {},
                "tuple": { "type": "array", "items": {} },
                "map": { "type": "object", "additionalProperties": { "type": "integer" } }
            }})
        );
        let pointers: Vec<&str> = warnings.iter().map(|w| w.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["#/components/schemas/S/properties/tuple/prefixItems"]
        );
    }

    #[test]
    fn webhooks_path_items_and_mutual_tls_are_taken_out() {
        let (out, warnings, _) = run(
            "document",
            json!({
                "openapi": "3.1.0",
                "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
                "info": { "title": "T", "summary": "S", "version": "1",
                          "license": { "name": "MIT", "identifier": "MIT" } },
                "webhooks": { "ping": { "post": { "responses": { "200": { "description": "ok" } } } } },
                "components": {
                    "pathItems": { "P": { "get": { "responses": {} } } },
                    "securitySchemes": { "cert": { "type": "mutualTLS" }, "key": { "type": "apiKey", "in": "header", "name": "k" } }
                }
            }),
        );
        assert_eq!(
            out,
            json!({
                "openapi": "3.0.3",
                "info": { "title": "T", "version": "1", "license": { "name": "MIT" } },
                "paths": {},
                "components": {
                    "securitySchemes": { "key": { "type": "apiKey", "in": "header", "name": "k" } }
                }
            })
        );
        let pointers: Vec<&str> = warnings.iter().map(|w| w.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["#/webhooks/ping", "#/components/securitySchemes/cert"]
        );
    }
}
