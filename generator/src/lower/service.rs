//! Where the service lives and how requests are authorized: from `servers` and the security
//! schemes the operations require.

use super::Selection;
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{Auth, Service};
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
    if let Some(host) = spec.api.extensions.get("x-ms-parameterized-host") {
        let template = host
            .get("hostTemplate")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        spec.warn(
            "#/x-ms-parameterized-host",
            format!("the host template `{template}` and its parameters are not modelled: callers set the full endpoint in the client options (the default is `{server}`)"),
        );
    }
    Ok(Service {
        namespace: selection.namespace.clone().unwrap_or_else(|| {
            super::naming::pascal(&super::naming::title_group(&spec.api.info.title))
        }),
        endpoint_argument: !absolute,
        default_endpoint: server,
        arm,
        auth: auth(spec)?,
    })
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
