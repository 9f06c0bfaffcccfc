//! `x-ms-parameterized-host`: the endpoint made from a host template and its parameters,
//! which become arguments of the clients' `new` (or options, when they have a default).

use super::naming::{self, Scope};
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{Host, HostParam, PathPart};
use crate::read::Spec;
use serde_json::Value;

/// Names `new` uses already (a required host value is one of its arguments).
const ARGUMENTS: &[&str] = &["credential", "options", "url", "self"];

/// Fields of the options struct (a host value with a default is one of them).
const OPTION_FIELDS: &[&str] = &["endpoint", "client_options", "timeout", "api_version"];

/// The host template of the spec, if it has one. The read stage gives the extension with
/// its parameters resolved and the document's `scheme` and `basePath` beside them.
pub fn host(spec: &Spec) -> Result<Option<Host>, Diagnostic> {
    let Some(host) = spec.api.extensions.get("x-ms-parameterized-host") else {
        return Ok(None);
    };
    let at = "#/x-ms-parameterized-host";
    let Some(template) = host.get("hostTemplate").and_then(Value::as_str) else {
        return Err(spec.error(
            at,
            "`x-ms-parameterized-host` needs a `hostTemplate` string",
        ));
    };
    let prefix = host
        .get("useSchemePrefix")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let scheme = host
        .get("scheme")
        .and_then(Value::as_str)
        .unwrap_or("https");
    let base_path = host.get("basePath").and_then(Value::as_str).unwrap_or("");
    let declared: Vec<&Value> = host
        .get("parameters")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let mut names = Scope::with(ARGUMENTS);
    let mut params: Vec<HostParam> = Vec::new();
    let mut parts = Vec::new();
    if prefix {
        parts.push(PathPart::Literal(format!("{scheme}://")));
    }
    let mut rest = template;
    while let Some((literal, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            return Err(spec.error(
                &join(at, "hostTemplate"),
                format!("unclosed `{{` in the host template `{template}`"),
            ));
        };
        if !literal.is_empty() {
            parts.push(PathPart::Literal(literal.to_string()));
        }
        let Some((i, p)) = declared
            .iter()
            .enumerate()
            .find(|(_, p)| p.get("name").and_then(Value::as_str) == Some(name))
        else {
            return Err(spec.error(
                &join(at, "parameters"),
                format!("the host template `{template}` has `{{{name}}}` but `x-ms-parameterized-host` declares no parameter `{name}`"),
            ));
        };
        if !params.iter().any(|h| h.wire_name == name) {
            let default = p
                .get("default")
                .or_else(|| p.pointer("/schema/default"))
                .and_then(|d| match d {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    Value::Bool(b) => Some(b.to_string()),
                    _ => None,
                });
            let mut rust_name = names.claim(naming::snake(name));
            if default.is_some() && OPTION_FIELDS.contains(&rust_name.as_str()) {
                rust_name = names.claim(rust_name);
            }
            super::warn_name(
                spec,
                &join(&join(at, "parameters"), &i.to_string()),
                "host parameter",
                name,
                &rust_name,
            );
            let docs = p
                .get("description")
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map_or_else(|| format!("The `{name}` part of the host."), str::to_string);
            params.push(HostParam {
                wire_name: name.to_string(),
                rust_name,
                docs,
                default,
                skip_url_encoding: p.get("x-ms-skip-url-encoding").and_then(Value::as_bool)
                    == Some(true),
            });
        }
        parts.push(PathPart::Param(name.to_string()));
        rest = tail;
    }
    if !rest.is_empty() {
        parts.push(PathPart::Literal(rest.to_string()));
    }
    let base_path = base_path.trim_end_matches('/');
    if !base_path.is_empty() {
        parts.push(PathPart::Literal(base_path.to_string()));
    }
    Ok(Some(Host {
        template: template.to_string(),
        parts,
        params,
    }))
}
