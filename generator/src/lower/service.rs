//! Where the service lives and how requests are authorized: from `servers` and the security
//! schemes the operations require.

use super::Selection;
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{Auth, PathPart, Service};
use crate::read::Spec;
use openapiv3::SecurityScheme;
use std::collections::BTreeSet;

/// Azure Resource Manager's public endpoint: the cloud then decides endpoint and token scope.
const ARM: &str = "https://management.azure.com";

/// Endpoint and authorization of the crate's clients.
pub fn service(spec: &Spec, selection: &Selection) -> Result<Service, Diagnostic> {
    let server = match spec.api.servers.first() {
        Some(server) => {
            let mut url = server.url.clone();
            for (name, variable) in server.variables.iter().flatten() {
                url = url.replace(&format!("{{{name}}}"), &variable.default);
            }
            url.trim_end_matches('/').to_string()
        }
        None => String::new(),
    };
    let absolute = server.starts_with("https://") || server.starts_with("http://");
    if !absolute && !server.is_empty() {
        return Err(spec.error(
            "#/servers/0/url",
            format!("the server URL `{server}` is not an absolute http(s) URL; relative server URLs are not supported (remove `servers` to have callers give the endpoint)"),
        ));
    }
    let arm = server == ARM;
    let mut host = super::host::host(spec)?;
    let mut server = server;
    let mut endpoint_argument = !absolute && host.is_none();
    // A template that is the whole URL in one value (`{endpoint}`) is the endpoint itself:
    // given to `new`, or its default the default endpoint.
    if let Some(h) = &host {
        if let ([PathPart::Param(_)], [only]) = (h.parts.as_slice(), h.params.as_slice()) {
            match &only.default {
                Some(default) => server = default.trim_end_matches('/').to_string(),
                None => endpoint_argument = true,
            }
            host = None;
        }
    }
    Ok(Service {
        namespace: selection
            .namespace
            .clone()
            .or_else(|| provider_namespace(spec))
            .unwrap_or_else(|| {
                super::naming::pascal(&super::naming::title_group(&spec.api.info.title))
            }),
        endpoint_argument,
        default_endpoint: server,
        host,
        arm,
        auth: auth(spec)?,
    })
}

/// The resource provider namespace the paths name most often (`/providers/Microsoft.Web/...`),
/// the telemetry namespace Azure SDKs use; on a tie, the first in order.
fn provider_namespace(spec: &Spec) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for path in spec.api.paths.paths.keys() {
        let mut segments = path.split('/');
        while let Some(segment) = segments.next() {
            if segment.eq_ignore_ascii_case("providers") {
                if let Some(namespace) = segments.next().filter(|s| {
                    s.contains('.')
                        && !s.starts_with('{')
                        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
                }) {
                    *counts.entry(namespace).or_default() += 1;
                }
            }
        }
    }
    let most = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == most)
        .map(|(namespace, _)| namespace.to_string())
}

/// Bearer tokens when a required scheme carries them (`http` bearer, `oauth2`,
/// `openIdConnect`), none when nothing requires a scheme; other schemes are refused.
fn auth(spec: &Spec) -> Result<Auth, Diagnostic> {
    let Some(components) = spec.api.components.as_ref() else {
        return Ok(Auth::None);
    };
    let mut required: BTreeSet<&str> = BTreeSet::new();
    let mut any_requirement = false;
    let operations = spec
        .api
        .paths
        .paths
        .values()
        .filter_map(|item| item.as_item())
        .flat_map(|item| item.iter().map(|(_, op)| op));
    let lists = std::iter::once(spec.api.security.as_ref())
        .chain(operations.map(|op| op.security.as_ref()))
        .flatten();
    for list in lists {
        for requirement in list {
            any_requirement = true;
            required.extend(requirement.keys().map(String::as_str));
        }
    }
    if !any_requirement {
        // No `security` anywhere: every declared scheme applies.
        required.extend(components.security_schemes.keys().map(String::as_str));
    }
    let mut refused = None;
    for name in required {
        let at = join("#/components/securitySchemes", name);
        let Some(scheme) = components.security_schemes.get(name) else {
            return Err(spec.error(
                "#/security",
                format!("security requirement names `{name}`, which is not in `#/components/securitySchemes`"),
            ));
        };
        let scheme = super::resolve(
            spec,
            scheme,
            "securitySchemes",
            |n| components.security_schemes.get(n),
            &at,
        )?;
        match scheme {
            SecurityScheme::HTTP { scheme, .. } if scheme.eq_ignore_ascii_case("bearer") => {
                return Ok(Auth::BearerToken)
            }
            SecurityScheme::OAuth2 { .. } | SecurityScheme::OpenIDConnect { .. } => {
                return Ok(Auth::BearerToken)
            }
            SecurityScheme::HTTP { scheme, .. } => {
                refused.get_or_insert((at, format!("`http` scheme `{scheme}`")));
            }
            SecurityScheme::APIKey { .. } => {
                refused.get_or_insert((at, "`apiKey`".to_string()));
            }
        }
    }
    match refused {
        Some((at, what)) => Err(spec.error(
            &at,
            format!("security scheme {what} is not supported: clients authorize with bearer tokens (`http` bearer, `oauth2`, `openIdConnect`) or not at all"),
        )),
        None => Ok(Auth::None),
    }
}
