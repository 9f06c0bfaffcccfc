//! Where the service lives and how requests are authorized: from `servers` and the security
//! schemes the operations require.

use super::Selection;
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{
    Auth, KeyLocation, PathPart, Scheme, SchemeKind, Schemes, ServerVariable, Service,
};
use crate::read::Spec;
use indexmap::IndexMap;
use openapiv3::{APIKeyLocation, SecurityRequirement, SecurityScheme};
use std::collections::{BTreeMap, BTreeSet};

/// Azure Resource Manager's public endpoint: the cloud then decides endpoint and token scope.
const ARM: &str = "https://management.azure.com";

/// Endpoint and authorization of the crate's clients.
pub fn service(spec: &Spec, selection: &Selection) -> Result<(Service, Overrides), Diagnostic> {
    let mut variables = Vec::new();
    let server = match spec.api.servers.first() {
        Some(server) => {
            // Option fields of the clients the variables join.
            let mut names = super::naming::Scope::with(&[
                "api_version",
                "client_options",
                "endpoint",
                "timeout",
            ]);
            for (name, variable) in server.variables.iter().flatten() {
                if !server.url.contains(&format!("{{{name}}}")) {
                    continue;
                }
                let values = variable.enumeration.clone();
                if !values.is_empty() && !values.contains(&variable.default) {
                    spec.warn(
                        &join(&join("#/servers/0/variables", name), "default"),
                        format!("the default `{}` of server variable `{name}` is not one of its `enum` values; it is accepted all the same", variable.default),
                    );
                }
                variables.push(ServerVariable {
                    wire_name: name.clone(),
                    rust_name: names.claim(super::naming::snake(name)),
                    default: variable.default.clone(),
                    values,
                    docs: variable.description.clone().unwrap_or_default(),
                });
            }
            server.url.trim_end_matches('/').to_string()
        }
        None => String::new(),
    };
    // The URL with every variable at its default, to judge what kind of URL it is.
    let mut resolved = server.clone();
    for v in &variables {
        resolved = resolved.replace(&format!("{{{}}}", v.wire_name), &v.default);
    }
    let absolute = resolved.starts_with("https://") || resolved.starts_with("http://");
    let relative_base = (!absolute && !server.is_empty()).then(|| server.clone());
    if relative_base.is_some() && resolved.contains("://") {
        return Err(spec.error(
            "#/servers/0/url",
            format!("the server URL `{resolved}` is neither an http(s) URL nor a relative one"),
        ));
    }
    let arm = server == ARM;
    let mut host = super::host::host(spec)?;
    // A host template makes the endpoint; the server URL is then not a relative base.
    let relative_base = relative_base.filter(|_| host.is_none());
    let templated = host.is_some();
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
    let (auth, token_scopes, overrides) = auth(spec, arm)?;
    let service = Service {
        namespace: selection
            .namespace
            .clone()
            .or_else(|| provider_namespace(spec))
            .unwrap_or_else(|| {
                super::naming::pascal(&super::naming::title_group(&spec.api.info.title))
            }),
        endpoint_argument,
        default_endpoint: if absolute || templated {
            server
        } else {
            String::new()
        },
        relative_base,
        variables,
        host,
        arm,
        auth,
        token_scopes,
    };
    Ok((service, overrides))
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

/// The security of one operation, by its pointer, when it differs from the default.
pub type Overrides = BTreeMap<String, Vec<Vec<usize>>>;

/// The security schemes the operations require and how each operation is authorized.
///
/// Requirements follow OpenAPI: an operation's `security` replaces the document's, each list
/// holds alternatives and each alternative the schemes sent together; `[]` (or `{}` among the
/// alternatives) is no authorization. With no `security` anywhere, any declared scheme will
/// do. A requirement that names a scheme the clients cannot send (an unknown one, an `http`
/// scheme other than basic or bearer, an API key name that is not a valid header or cookie
/// name) is dropped with a warning.
fn auth(spec: &Spec, arm: bool) -> Result<(Auth, Vec<String>, Overrides), Diagnostic> {
    let empty = IndexMap::new();
    let declared = spec
        .api
        .components
        .as_ref()
        .map_or(&empty, |c| &c.security_schemes);
    let operations: Vec<(String, &openapiv3::Operation)> = spec
        .api
        .paths
        .paths
        .iter()
        .filter_map(|(path, item)| Some((path, item.as_item()?)))
        .flat_map(|(path, item)| {
            item.iter()
                .map(move |(method, op)| (join(&join("#/paths", path), method), op))
        })
        .collect();
    let anywhere =
        spec.api.security.is_some() || operations.iter().any(|(_, op)| op.security.is_some());
    // Schemes in the order of `components.securitySchemes`, each once, as they are used.
    let mut schemes: Vec<Scheme> = Vec::new();
    let mut unusable: BTreeSet<String> = BTreeSet::new();
    let mut scopes: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut names = super::naming::Scope::default();
    let mut lower_list =
        |list: &[SecurityRequirement], at: &str| -> Result<Vec<Vec<usize>>, Diagnostic> {
            let mut out = Vec::new();
            'alternatives: for (i, requirement) in list.iter().enumerate() {
                let mut set = Vec::new();
                for (name, wanted) in requirement {
                    let index = match schemes.iter().position(|s| &s.name == name) {
                        Some(index) => index,
                        None if unusable.contains(name) => continue 'alternatives,
                        None => match scheme(spec, declared, name, &format!("{at}/{i}"))? {
                            Ok((kind, docs)) => {
                                schemes.push(Scheme {
                                    name: name.clone(),
                                    rust_name: names.claim(super::naming::snake(name)),
                                    docs,
                                    kind,
                                });
                                schemes.len() - 1
                            }
                            Err(()) => {
                                unusable.insert(name.clone());
                                continue 'alternatives;
                            }
                        },
                    };
                    let known = scopes.entry(index).or_default();
                    for scope in wanted {
                        if !known.contains(scope) {
                            known.push(scope.clone());
                        }
                    }
                    if !set.contains(&index) {
                        set.push(index);
                    }
                }
                if !out.contains(&set) {
                    out.push(set);
                }
            }
            Ok(out)
        };
    let default = match &spec.api.security {
        Some(list) => lower_list(list, "#/security")?,
        None if !anywhere => {
            let every: Vec<SecurityRequirement> = declared
                .keys()
                .map(|name| IndexMap::from([(name.clone(), Vec::new())]))
                .collect();
            lower_list(&every, "#/components/securitySchemes")?
        }
        None => Vec::new(),
    };
    let mut overrides = Overrides::new();
    for (pointer, op) in &operations {
        if let Some(list) = &op.security {
            let own = lower_list(list, &join(pointer, "security"))?;
            if own != default {
                overrides.insert(pointer.clone(), own);
            }
        }
    }
    // Token scopes: what the requirements name, unless they are Azure AD permission names
    // (`user_impersonation`) rather than scopes, or the service is Resource Manager, whose
    // scope follows the cloud: then `{endpoint origin}/.default`.
    for (index, scheme) in schemes.iter_mut().enumerate() {
        if let SchemeKind::Token { scopes: mine } = &mut scheme.kind {
            let named = scopes.remove(&index).unwrap_or_default();
            let azure_ad = declared
                .get(&scheme.name)
                .and_then(|s| serde_json::to_string(s).ok())
                .is_some_and(|text| {
                    [
                        "login.microsoftonline.com",
                        "login.windows.net",
                        "login.microsoft.com",
                    ]
                    .iter()
                    .any(|host| text.contains(host))
                });
            let permissions_only = azure_ad && !named.iter().any(|s| s.contains("://"));
            if !arm && !permissions_only {
                *mine = named;
            }
        }
    }
    let single_token = matches!(
        &schemes[..],
        [Scheme {
            kind: SchemeKind::Token { .. },
            ..
        }]
    ) && default == [vec![0]]
        && overrides.is_empty();
    if schemes.is_empty() {
        return Ok((Auth::None, Vec::new(), Overrides::new()));
    }
    if single_token {
        let scopes = match schemes.first().map(|s| &s.kind) {
            Some(SchemeKind::Token { scopes }) => scopes.clone(),
            _ => Vec::new(),
        };
        return Ok((Auth::BearerToken, scopes, Overrides::new()));
    }
    // `new` takes the credential of a lone scheme every call needs: named after what it is.
    if let (true, [only]) = (default == [vec![0]], &mut schemes[..]) {
        only.rust_name = match only.kind {
            SchemeKind::ApiKey { .. } => "key",
            SchemeKind::Basic => "password",
            SchemeKind::Bearer => "token",
            SchemeKind::Token { .. } => "credential",
        }
        .to_string();
    }
    Ok((
        Auth::Schemes(Schemes {
            schemes,
            default,
            credentials_type: None,
        }),
        Vec::new(),
        overrides,
    ))
}

/// What the scheme `name` sends, and its docs; `Err(())` (after a warning at `at`) when the
/// clients cannot send it.
#[allow(clippy::result_unit_err)]
fn scheme(
    spec: &Spec,
    declared: &IndexMap<String, openapiv3::ReferenceOr<SecurityScheme>>,
    name: &str,
    at: &str,
) -> Result<Result<(SchemeKind, String), ()>, Diagnostic> {
    let scheme_at = join("#/components/securitySchemes", name);
    let Some(scheme) = declared.get(name) else {
        spec.warn(
            at,
            format!("the security requirement names `{name}`, which is not in `#/components/securitySchemes`: the requirement is ignored"),
        );
        return Ok(Err(()));
    };
    let scheme = super::resolve(
        spec,
        scheme,
        "securitySchemes",
        |n| declared.get(n),
        &scheme_at,
    )?;
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    Ok(match scheme {
        SecurityScheme::APIKey {
            location,
            name: key,
            description,
            ..
        } => {
            let location = match location {
                APIKeyLocation::Header => KeyLocation::Header,
                APIKeyLocation::Query => KeyLocation::Query,
                APIKeyLocation::Cookie => KeyLocation::Cookie,
            };
            if location != KeyLocation::Query && (key.is_empty() || !key.chars().all(token)) {
                spec.warn(
                    &join(&scheme_at, "name"),
                    format!("API key name {key:?} is not an HTTP header or cookie name (letters, digits and !#$%&'*+-.^_`|~ only): requirements naming `{name}` are ignored"),
                );
                return Ok(Err(()));
            }
            Ok((
                SchemeKind::ApiKey {
                    location,
                    name: key.clone(),
                },
                description.clone().unwrap_or_default(),
            ))
        }
        SecurityScheme::HTTP {
            scheme,
            description,
            ..
        } if scheme.eq_ignore_ascii_case("bearer") => {
            Ok((SchemeKind::Bearer, description.clone().unwrap_or_default()))
        }
        SecurityScheme::HTTP {
            scheme,
            description,
            ..
        } if scheme.eq_ignore_ascii_case("basic") => {
            Ok((SchemeKind::Basic, description.clone().unwrap_or_default()))
        }
        SecurityScheme::HTTP { scheme, .. } => {
            spec.warn(
                &join(&scheme_at, "scheme"),
                format!("`http` scheme `{scheme}` is not supported (only `basic` and `bearer` are): requirements naming `{name}` are ignored"),
            );
            Err(())
        }
        SecurityScheme::OAuth2 { description, .. }
        | SecurityScheme::OpenIDConnect { description, .. } => Ok((
            SchemeKind::Token { scopes: Vec::new() },
            description.clone().unwrap_or_default(),
        )),
    })
}
