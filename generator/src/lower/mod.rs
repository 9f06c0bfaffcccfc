//! Lower stage: the OpenAPI document -> the IR. Names are decided here (through
//! [`naming`]), and so are parameter sources, path templates, success codes and docs.

mod headers;
mod helpers;
mod hierarchy;
mod host;
mod media;
pub mod naming;
mod operations;
mod responses;
mod service;
mod types;
mod view;

use crate::diagnostics::Diagnostic;
use crate::ir;
use crate::read::Spec;
use naming::Scope;
use openapiv3::ReferenceOr;
use std::collections::{BTreeMap, BTreeSet};

/// What to lower, beyond the spec itself.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Cargo package name of the crate.
    pub package: String,
    /// Tracing namespace; defaults to the spec title.
    pub namespace: Option<String>,
    /// operationIds to include; empty means all.
    pub operations: Vec<String>,
    /// operationIds that get an example program.
    pub examples: Vec<String>,
}

/// Lowers the selected operations of `spec` and every type they reach.
pub fn lower(spec: &Spec, selection: &Selection) -> Result<ir::Crate, Diagnostic> {
    let api = &spec.api;
    let (found, nameless) = operations::collect(spec)?;
    // Operations the read stage removed, and those without an operationId: left out with a
    // warning, unless selected.
    // Every operation left out: (its pointer, its id, why).
    let mut left_out: Vec<(String, String, Diagnostic)> = Vec::new();
    for skipped in spec.sources.skipped.iter().chain(&nameless) {
        if selection.operations.contains(&skipped.id) {
            return Err(skipped.reason.clone());
        }
        if selection.operations.is_empty() {
            left_out.push((
                skipped.pointer.clone(),
                skipped.id.clone(),
                skipped.reason.clone(),
            ));
        }
    }
    for wanted in &selection.operations {
        if !found.iter().any(|o| &o.id == wanted) {
            let ids: Vec<&str> = found.iter().map(|o| o.id.as_str()).collect();
            let hint = match closest(wanted, &ids).as_slice() {
                [] => String::new(),
                near => format!(
                    "; the closest operationIds are {}",
                    near.iter()
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err(spec.error("#/paths", format!("operation `{wanted}` was selected but the spec has no operation with that operationId{hint}")));
        }
    }
    let mut selected = Vec::new();
    for o in &found {
        let wanted = selection.operations.contains(&o.id);
        if !(selection.operations.is_empty() || wanted) {
            continue;
        }
        match operations::unsupported(o.op) {
            Some(reason) if wanted => {
                return Err(spec.error(
                    &o.pointer,
                    format!("operation `{}` was selected, but {reason}", o.id),
                ))
            }
            Some(reason) => left_out.push((
                o.pointer.clone(),
                o.id.clone(),
                spec.error(&o.pointer, reason),
            )),
            None => selected.push(o),
        }
    }
    // Spec order of operations, by their pointers.
    let order = |pointer: &String| {
        let at = spec.error(pointer, "");
        (at.file, at.position, pointer.clone())
    };
    if selected.is_empty()
        && spec.models_only
        && found.is_empty()
        && left_out.is_empty()
        && selection.operations.is_empty()
    {
        return models_only(spec, selection);
    }
    if selected.is_empty() {
        // Nothing can be generated: the first operation left out is what to fix.
        left_out.sort_by_cached_key(|(pointer, _, _)| order(pointer));
        return Err(left_out.into_iter().next().map_or_else(
            || spec.error("#/paths", "the spec has no operations to generate"),
            |(_, _, reason)| reason,
        ));
    }
    let (mut service, security) = service::service(spec, selection)?;
    // Each pass lowers the operations not yet given up on into fresh state. An operation
    // that fails is left out (an explicitly selected one is an error) and the pass is run
    // again without it, so nothing it registered (types, names, features, warnings) leaks
    // into the crate: the result is exactly that of a spec without the failed operations.
    let mut failed: BTreeMap<usize, Diagnostic> = BTreeMap::new();
    let lowered = loop {
        let mark = spec.warnings().mark();
        match lower_pass(spec, &service, &selected, &failed) {
            Ok(lowered) => break lowered,
            Err(failures) => {
                spec.warnings().rollback(mark);
                for (i, d) in failures {
                    let wanted = selected
                        .get(i)
                        .is_some_and(|o| selection.operations.contains(&o.id));
                    if wanted {
                        return Err(d);
                    }
                    failed.insert(i, d);
                }
                if failed.len() >= selected.len() {
                    // Nothing is left: the first failure is what the user has to fix.
                    return Err(failed.into_values().next().unwrap_or_else(|| {
                        spec.error("#/paths", "the spec has no operations to generate")
                    }));
                }
            }
        }
    };
    let Lowered {
        mut clients,
        types,
        status_monitor,
        service_client,
        credentials_type,
        xml,
    } = lowered;
    if let ir::Auth::Schemes(schemes) = &mut service.auth {
        schemes.credentials_type = credentials_type;
    }
    // Operations whose own `security` differs from the default one.
    for op in clients.values_mut().flat_map(|c| c.operations.iter_mut()) {
        op.security = found
            .iter()
            .find(|f| f.id == op.id)
            .and_then(|f| security.get(&f.pointer))
            .cloned();
    }
    next_requests(spec, &found, &mut clients);
    for (i, d) in failed {
        if let Some(o) = selected.get(i) {
            left_out.push((o.pointer.clone(), o.id.clone(), d));
        }
    }
    // Warned about and listed in the order of the operations in the spec.
    left_out.sort_by_cached_key(|(pointer, _, _)| order(pointer));
    let mut omitted = Vec::new();
    for (_, id, reason) in left_out {
        let mut warning = reason.clone();
        warning.message = format!("operation `{id}` is left out: {}", reason.message);
        spec.warnings().push(warning);
        omitted.push(ir::Omitted {
            id,
            reason: reason.message,
        });
    }
    let mut selection = selection.clone();
    selection
        .examples
        .retain(|id| !omitted.iter().any(|m| &m.id == id));
    let examples = operations::examples(spec, &selection, &clients, &found)?;
    let guide = guide(&clients, &examples);
    let wire_formats = wire_formats(&clients, &types);
    let formats = media::formats_used(&clients);
    let mut krate = ir::Crate {
        package: selection.package.clone(),
        title: api.info.title.clone(),
        description: api.info.description.clone(),
        api_version: api.info.version.clone(),
        service,
        clients,
        types,
        examples,
        omitted,
        status_monitor,
        service_client,
        guide,
        wire_formats,
        publishing: Default::default(),
        formats,
        xml,
        models_only: false,
        helpers: BTreeMap::new(),
    };
    krate.helpers = helpers::helpers(&krate);
    Ok(krate)
}

/// The crate of a document that declares no operations (a description of the payloads of
/// webhooks or notifications): every component schema as a model, each both read and
/// written. A schema that cannot be lowered is left out with a warning, and so is every
/// schema that uses it; the rest is lowered again without them, as operations are.
fn models_only(spec: &Spec, selection: &Selection) -> Result<ir::Crate, Diagnostic> {
    let names: Vec<&String> = spec
        .api
        .components
        .as_ref()
        .map(|c| c.schemas.keys().collect())
        .unwrap_or_default();
    if names.is_empty() {
        return Err(spec.error(
            "#/paths",
            "the spec has no operations to generate, and no component schemas to make models of",
        ));
    }
    spec.warn(
        "#/paths",
        "the document declares no operations: the crate holds its component schemas as models, and no client",
    );
    let (service, _) = service::service(spec, selection)?;
    let mut failed: BTreeMap<&String, Diagnostic> = BTreeMap::new();
    let mut types = loop {
        let mark = spec.warnings().mark();
        let mut types = types::Types::new(spec);
        let mut failures = Vec::new();
        for name in names.iter().filter(|n| !failed.contains_key(*n)) {
            let at = crate::diagnostics::pointer("#/components/schemas", name);
            let reference = ReferenceOr::Reference {
                reference: at.clone(),
            };
            match types.of(&reference, &at, name) {
                Ok(ty) => {
                    types.mark(&ty, true);
                    types.mark(&ty, false);
                }
                Err(d) => failures.push((*name, d)),
            }
        }
        if failures.is_empty() {
            break types;
        }
        spec.warnings().rollback(mark);
        failed.extend(failures);
    };
    for (name, reason) in failed {
        let mut warning = reason.clone();
        warning.message = format!("schema `{name}` is left out: {}", reason.message);
        spec.warnings().push(warning);
    }
    let xml = types.finish_xml();
    let mut types = types.finish();
    for def in types.values_mut() {
        match def {
            ir::TypeDef::Struct(s) => s.features.clear(),
            ir::TypeDef::Enum(e) => e.features.clear(),
            ir::TypeDef::Union(u) => u.features.clear(),
        }
    }
    let clients = BTreeMap::new();
    let wire_formats = wire_formats(&clients, &types);
    let mut krate = ir::Crate {
        package: selection.package.clone(),
        title: spec.api.info.title.clone(),
        description: spec.api.info.description.clone(),
        api_version: spec.api.info.version.clone(),
        service,
        formats: media::formats_used(&clients),
        clients,
        types,
        examples: Vec::new(),
        omitted: Vec::new(),
        status_monitor: None,
        service_client: None,
        guide: ir::Guide::default(),
        wire_formats,
        publishing: Default::default(),
        xml,
        models_only: true,
        helpers: BTreeMap::new(),
    };
    krate.helpers = helpers::helpers(&krate);
    Ok(krate)
}

/// The wire formats of their own that the crate's fields, parameters, bodies (and body
/// choices), responses (of every status and kind) and response headers have.
fn wire_formats(
    clients: &BTreeMap<String, ir::Client>,
    types: &BTreeMap<String, ir::TypeDef>,
) -> BTreeSet<ir::WireFormat> {
    let in_types = types.values().flat_map(|t| match t {
        ir::TypeDef::Struct(s) => s
            .fields
            .iter()
            .map(|f| &f.ty)
            .chain(s.additional.as_ref())
            .collect(),
        // A union's variants are structs of their own, counted above.
        ir::TypeDef::Enum(_) | ir::TypeDef::Union(_) => Vec::new(),
    });
    let in_operations = clients.values().flat_map(|c| &c.operations).flat_map(|o| {
        let kind = match &o.kind {
            ir::OperationKind::Pageable(paging) => Some(&paging.item_type),
            ir::OperationKind::LongRunning(lro) => lro.final_type.as_ref(),
            ir::OperationKind::Plain | ir::OperationKind::Exists => None,
        };
        let statuses = o.result.iter().chain(&o.errors).flat_map(|e| &e.variants);
        let choices = o
            .body
            .iter()
            .flat_map(|b| &b.choice)
            .flat_map(|c| &c.variants);
        o.params
            .iter()
            .map(|p| &p.ty)
            .chain(o.body.as_ref().map(|b| &b.ty))
            .chain(choices.map(|v| &v.ty))
            .chain(o.success_type.as_ref())
            .chain(o.error_type.as_ref())
            .chain(kind)
            .chain(statuses.filter_map(|v| v.ty.as_ref()))
            .chain(
                o.response_headers
                    .iter()
                    .flat_map(|h| &h.headers)
                    .map(|h| &h.ty),
            )
    });
    in_types
        .chain(in_operations)
        .filter_map(ir::TypeRef::format)
        .collect()
}

/// Builds the next-page request of each pager whose `x-ms-pageable.operationName` names an
/// operation of the crate: its parameters take this operation's values of the same name (or
/// are constants or the api-version). Otherwise the pager follows the next link, with a
/// warning saying why.
fn next_requests(
    spec: &Spec,
    found: &[operations::Found],
    clients: &mut BTreeMap<String, ir::Client>,
) {
    let all: BTreeMap<String, ir::Operation> = clients
        .values()
        .flat_map(|c| &c.operations)
        .map(|o| (o.id.clone(), o.clone()))
        .collect();
    for op in clients.values_mut().flat_map(|c| c.operations.iter_mut()) {
        let ir::OperationKind::Pageable(paging) = &mut op.kind else {
            continue;
        };
        let Some(next_id) = paging.next_operation.clone() else {
            continue;
        };
        let at = found
            .iter()
            .find(|f| f.id == op.id)
            .map(|f| format!("{}/x-ms-pageable/operationName", f.pointer))
            .unwrap_or_default();
        let Some(next) = all.get(&next_id) else {
            spec.warn(
                &at,
                format!("next-page operation `{next_id}` is not generated: the pager of `{}` follows the next link with a `GET` instead", op.id),
            );
            continue;
        };
        let mut params = Vec::new();
        let mut missing = Vec::new();
        for p in &next.params {
            match &p.source {
                ir::Source::Constant(_) | ir::Source::ApiVersion => params.push(p.clone()),
                // AutoRest's convention: the next-page operation's `nextLink` path parameter
                // takes the page's next link (as given, when it skips URL encoding; a
                // relative link then keeps its query), even when this operation has one too.
                _ if p.location == ir::Location::Path
                    && p.wire_name.eq_ignore_ascii_case("nextLink")
                    && paging.next_link.is_some()
                    && !params
                        .iter()
                        .any(|q: &ir::Param| q.source == ir::Source::NextLink) =>
                {
                    params.push(ir::Param {
                        source: ir::Source::NextLink,
                        text_local: String::new(),
                        ..p.clone()
                    })
                }
                _ => match op.params.iter().find(|mine| mine.wire_name == p.wire_name) {
                    Some(mine) => params.push(ir::Param {
                        location: p.location,
                        wire_name: p.wire_name.clone(),
                        skip_url_encoding: p.skip_url_encoding,
                        collection: p.collection.clone(),
                        object: p.object.clone(),
                        ..mine.clone()
                    }),
                    None => missing.push(p.wire_name.clone()),
                },
            }
        }
        if !missing.is_empty() {
            spec.warn(
                &at,
                format!(
                    "next-page operation `{next_id}` needs `{}`, which `{}` does not have: its pager follows the next link with a `GET` instead",
                    missing.join("`, `"),
                    op.id
                ),
            );
            continue;
        }
        paging.next_request = Some(ir::NextRequest {
            http_method: next.http_method,
            path: next.path.clone(),
            params,
        });
    }
}

/// The operations the README and the guide examples call: the first (by client, then spec
/// order) whose arguments are all strings and that needs no body, for a plain call (a `GET`
/// with a response model preferred), a pager and a poller. Example stems are claimed against
/// the x-ms-example programs.
fn guide(clients: &BTreeMap<String, ir::Client>, examples: &[ir::Example]) -> ir::Guide {
    let usable = |o: &ir::Operation| {
        o.body.as_ref().is_none_or(|b| !b.is_argument())
            && o.params
                .iter()
                .filter(|p| p.source == ir::Source::Argument)
                .all(|p| p.ty == ir::TypeRef::String)
    };
    let ops = || {
        clients
            .values()
            .flat_map(|c| &c.operations)
            .filter(|o| usable(o))
    };
    let plain = |o: &&ir::Operation| o.kind == ir::OperationKind::Plain && o.result.is_none();
    let call = ops()
        .filter(plain)
        .find(|o| o.http_method == ir::HttpMethod::Get && o.success_type.is_some())
        .or_else(|| ops().find(plain));
    let pager = ops().find(|o| matches!(o.kind, ir::OperationKind::Pageable(_)));
    let poller = ops().find(|o| matches!(o.kind, ir::OperationKind::LongRunning(_)));
    let taken: Vec<&str> = examples.iter().map(|e| e.file_stem.as_str()).collect();
    let mut scope = Scope::with(&taken);
    let mut program = |o: Option<&ir::Operation>, stem: &str| {
        o.map(|o| ir::GuideProgram {
            operation_id: o.id.clone(),
            example: scope.claim(stem.to_string()),
        })
    };
    ir::Guide {
        call: program(call, "errors"),
        pager: program(pager, "paging"),
        poller: program(poller, "long_running"),
    }
}

/// What one pass over the operations makes.
struct Lowered {
    clients: BTreeMap<String, ir::Client>,
    types: BTreeMap<String, ir::TypeDef>,
    status_monitor: Option<String>,
    service_client: Option<ir::ServiceClient>,
    /// The credentials struct of a crate with several security schemes, claimed among the
    /// crate's root items (the clients and their options).
    credentials_type: Option<String>,
    xml: BTreeMap<String, ir::XmlType>,
}

/// Lowers every operation of `selected` but the `skipped` ones, with fresh names and types.
/// On failure, returns every operation that failed (by index in `selected`), with why.
fn lower_pass(
    spec: &Spec,
    service: &ir::Service,
    selected: &[&operations::Found],
    skipped: &BTreeMap<usize, Diagnostic>,
) -> Result<Lowered, Vec<(usize, Diagnostic)>> {
    let api = &spec.api;
    let mut types = types::Types::new(spec);
    let mut clients: BTreeMap<String, ir::Client> = BTreeMap::new();
    let mut client_scope = Scope::default();
    let mut client_names: BTreeMap<String, String> = BTreeMap::new();
    let mut feature_scope = Scope::with(naming::RESERVED_FEATURES);
    // Each group's default api-version: the one most of its operations' files declare.
    let mut group_versions: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (_, op) in selected
        .iter()
        .enumerate()
        .filter(|(i, _)| !skipped.contains_key(i))
    {
        let version = spec
            .api_versions
            .get(&op.id)
            .map_or(api.info.version.as_str(), String::as_str);
        *group_versions
            .entry(op.group.as_str())
            .or_default()
            .entry(version)
            .or_default() += 1;
    }
    // Client names first, in the order their groups appear: each is claimed with its options
    // name among the type names too (a schema named `ItemsClient` or `ItemsClientOptions` then
    // gets a suffix, as does an operation's options type of that name), and its module
    // (`snake_case` of the name) must be free, as names that differ only in case share one.
    let mut modules = Scope::default();
    for (_, op) in selected
        .iter()
        .enumerate()
        .filter(|(i, _)| !skipped.contains_key(i))
    {
        if client_names.contains_key(&op.group) {
            continue;
        }
        let name = naming::client_name(&naming::pascal_part(&op.group), |n| {
            !client_scope.contains(n)
                && !modules.contains(&naming::snake(n))
                && !types.type_name_taken(n)
                && !types.type_name_taken(&format!("{n}Options"))
        });
        client_scope.claim(name.clone());
        modules.claim(naming::snake(&name));
        types.claim_name(name.clone());
        types.claim_name(format!("{name}Options"));
        client_names.insert(op.group.clone(), name);
    }
    let mut failures = Vec::new();
    // Each client's method names, never its own `new` or `endpoint`; kept from one operation
    // to the next (a failing pass is thrown away whole, so a failed one's name does not stay).
    let mut method_scopes: BTreeMap<String, naming::Scope> = BTreeMap::new();
    for (i, op) in selected.iter().enumerate() {
        if skipped.contains_key(&i) {
            continue;
        }
        let Some(client_name) = client_names.get(&op.group).cloned() else {
            continue;
        };
        let client = clients.entry(client_name.clone()).or_insert_with(|| {
            let module = naming::snake(&client_name);
            ir::Client {
                name: client_name.clone(),
                options_name: format!("{client_name}Options"),
                feature: feature_scope.claim(naming::feature(&module)),
                module,
                docs: if op.by_title {
                    format!("Operations of {}.", api.info.title.trim())
                } else {
                    format!(
                        "Operations of the {} group of {}.",
                        op.group, api.info.title
                    )
                },
                fields: Vec::new(),
                api_version: group_versions
                    .get(op.group.as_str())
                    .and_then(|counts| counts.iter().max_by_key(|(v, n)| (**n, **v)))
                    .map_or_else(|| api.info.version.clone(), |(v, _)| v.to_string()),
                operations: Vec::new(),
            }
        });
        // Every type the operation reaches is compiled with this client's feature.
        types.set_group(&client.feature);
        let methods = method_scopes
            .entry(client_name)
            .or_insert_with(|| naming::Scope::with(&["new", "endpoint"]));
        match operations::lower(spec, op, client, methods, &service.namespace, &mut types) {
            Ok(lowered) => client.operations.push(lowered),
            // The pass goes on, to find every failing operation at once; its result is
            // thrown away.
            Err(d) => failures.push((i, d)),
        }
    }
    if !failures.is_empty() {
        return Err(failures);
    }
    let long_running = clients
        .values()
        .flat_map(|c| &c.operations)
        .any(ir::Operation::polls);
    // Claimed after every spec type, so a spec type of the same name keeps its name.
    let status_monitor = long_running.then(|| types.claim_type_name("OperationStatus"));
    let service_client = service_client(api, service, &clients, &mut client_scope, &mut types);
    let credentials_type = match &service.auth {
        // `new` takes the credential itself only when there is one scheme and every call
        // that states no requirement of its own needs it.
        ir::Auth::Schemes(s) if !(s.schemes.len() == 1 && s.default == [vec![0]]) => {
            let mut name = client_scope.claim("Credentials".into());
            while clients.values().any(|c| c.options_name == name)
                || service_client
                    .as_ref()
                    .is_some_and(|s| s.options_name == name)
            {
                name = client_scope.claim(name);
            }
            Some(name)
        }
        _ => None,
    };
    let xml = types.finish_xml();
    Ok(Lowered {
        xml,
        clients,
        types: types.finish(),
        status_monitor,
        service_client,
        credentials_type,
    })
}

/// The service client of a crate with two or more clients, named after the resource provider
/// for Azure Resource Manager (`Microsoft.Web` -> `WebClient`), else after the spec's title;
/// its name and options name are claimed against the group clients and every model type.
fn service_client(
    api: &openapiv3::OpenAPI,
    service: &ir::Service,
    clients: &BTreeMap<String, ir::Client>,
    client_scope: &mut Scope,
    types: &mut types::Types,
) -> Option<ir::ServiceClient> {
    if clients.len() < 2 {
        return None;
    }
    let base = if service.arm {
        naming::pascal_part(service.namespace.rsplit('.').next().unwrap_or_default())
    } else {
        naming::pascal_part(&naming::title_group(&api.info.title))
    };
    // `Foo Test Service` and `Foo API Client` make `FooTestClient` and `FooClient`.
    let mut base = base;
    for suffix in ["Client", "Api", "Service"] {
        if base.len() > suffix.len() && base.ends_with(suffix) {
            base.truncate(base.len() - suffix.len());
        }
    }
    // The type, its options and its module must be free among the clients, the types and the
    // modules. A group named after the title has `{base}Client` already: then
    // `{base}ServiceClient`.
    let free = |n: &str| {
        !client_scope.contains(n)
            && !types.type_name_taken(n)
            && !types.type_name_taken(&format!("{n}Options"))
            && !clients.values().any(|c| c.module == naming::snake(n))
    };
    let name = if free(&format!("{base}Client")) {
        format!("{base}Client")
    } else {
        naming::client_name(&format!("{base}Service"), free)
    };
    client_scope.claim(name.clone());
    let name = types.claim_name(name);
    let options_name = types.claim_name(format!("{name}Options"));
    let mut fields: Vec<ir::ServiceField> = Vec::new();
    for client in clients.values() {
        for f in &client.fields {
            match fields.iter_mut().find(|s| s.rust_name == f.rust_name) {
                Some(known) => known.features.push(client.feature.clone()),
                None => fields.push(ir::ServiceField {
                    rust_name: f.rust_name.clone(),
                    docs: f.docs.clone(),
                    features: vec![client.feature.clone()],
                }),
            }
        }
    }
    let getters = clients
        .values()
        .map(|c| ir::Getter {
            method: c.module.clone(),
            client: c.name.clone(),
        })
        .collect();
    Some(ir::ServiceClient {
        module: naming::snake(&name),
        docs: format!(
            "The service client of {}: made once, it hands out the client of each operation group, all sharing its pipeline (and token cache).",
            api.info.title.trim()
        ),
        name,
        options_name,
        fields,
        getters,
    })
}

/// Warns when the Rust name `rust` made from the spec name `raw` of `what` (a property, an
/// enum value, ...) at `pointer` lost part of it.
pub(crate) fn warn_name(spec: &Spec, pointer: &str, what: &str, raw: &str, rust: &str) {
    if let Some(loss) = naming::lossy(raw) {
        // The pointer shows the whole name; the message quotes enough to recognise it.
        let shown: String = raw.chars().take(48).collect();
        let more = if shown.len() < raw.len() { "…" } else { "" };
        spec.warn(
            pointer,
            format!(
                "the name of {what} `{shown}{more}` is not kept whole in Rust: {loss} (`{rust}`)"
            ),
        );
    }
}

/// Resolves a `$ref` into `#/components/{section}` with the given getter.
pub(crate) fn resolve<'a, T>(
    spec: &Spec,
    item: &'a ReferenceOr<T>,
    section: &str,
    get: impl Fn(&str) -> Option<&'a ReferenceOr<T>>,
    pointer: &str,
) -> Result<&'a T, Diagnostic> {
    resolve_at(spec, item, section, get, pointer).map(|(t, _)| t)
}

/// [`resolve`], with the pointer of where the item is written (`pointer` itself when it is
/// no `$ref`), so the schemas inside are lowered at their own location.
pub(crate) fn resolve_at<'a, T>(
    spec: &Spec,
    item: &'a ReferenceOr<T>,
    section: &str,
    get: impl Fn(&str) -> Option<&'a ReferenceOr<T>>,
    pointer: &str,
) -> Result<(&'a T, String), Diagnostic> {
    let mut current = item;
    let mut at = pointer.to_string();
    for _ in 0..16 {
        match current {
            ReferenceOr::Item(t) => return Ok((t, at)),
            ReferenceOr::Reference { reference } => {
                let prefix = format!("#/components/{section}/");
                // The read stage puts a copy in place of a `$ref` to any other location that
                // holds one, so one left is broken.
                let Some(name) = reference.strip_prefix(&prefix) else {
                    return Err(spec.error(
                        pointer,
                        format!("`$ref: {reference}` does not point to an entry of the kind `#/components/{section}` holds: nothing is there, or something else is"),
                    ));
                };
                let name = name.replace("~1", "/").replace("~0", "~");
                at = crate::diagnostics::pointer(&format!("#/components/{section}"), &name);
                current = get(&name).ok_or_else(|| {
                    spec.left_out(reference).unwrap_or_else(|| {
                        spec.error(
                            pointer,
                            format!("`$ref: {reference}`: no such {section} entry `{name}`"),
                        )
                    })
                })?;
            }
        }
    }
    Err(spec.error(
        pointer,
        "`$ref` chain is longer than 16 links; is there a cycle?",
    ))
}

/// Up to five of `ids` nearest to `wanted` by edit distance (case-insensitive), nearest first;
/// ids that share nothing with `wanted` (distance above half its length) are left out unless
/// nothing is closer, when the three nearest are given anyway.
fn closest<'a>(wanted: &str, ids: &[&'a str]) -> Vec<&'a str> {
    let lower = wanted.to_lowercase();
    let mut scored: Vec<(usize, &'a str)> = ids
        .iter()
        .map(|id| (strsim::levenshtein(&lower, &id.to_lowercase()), *id))
        .collect();
    scored.sort();
    let near: Vec<&'a str> = scored
        .iter()
        .filter(|(d, _)| *d <= wanted.chars().count().div_ceil(2))
        .take(5)
        .map(|(_, id)| *id)
        .collect();
    if near.is_empty() {
        scored.iter().take(3).map(|(_, id)| *id).collect()
    } else {
        near
    }
}
