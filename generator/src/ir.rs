//! The intermediate model: every decision about names, types, paths and docs is made while
//! lowering into it, so the emitters only turn it into tokens and never look at the spec.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A whole client crate.
#[derive(Clone, Debug, Serialize)]
pub struct Crate {
    /// Cargo package name, e.g. `azure_resourcemanager_web_workflows`.
    pub package: String,
    /// The spec's title, shown in the crate docs.
    pub title: String,
    /// The spec's description, if any.
    pub description: Option<String>,
    /// The default `api-version` (the spec's `info.version`).
    pub api_version: String,
    /// How clients find the service and authenticate.
    pub service: Service,
    /// Clients by Rust name (sorted, so output order never depends on the spec's key order).
    pub clients: BTreeMap<String, Client>,
    /// Every model type reachable from the selected operations, by Rust name.
    pub types: BTreeMap<String, TypeDef>,
    /// Example programs to emit.
    pub examples: Vec<Example>,
    /// Rust name of the status monitor type of long-running operations (`None` when the crate
    /// has none).
    pub status_monitor: Option<String>,
    /// The crate's one entry point when it has two or more clients (operation groups): made
    /// once, it hands out every group's client over one shared pipeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_client: Option<ServiceClient>,
    /// crates.io metadata for `Cargo.toml`, from the config.
    pub publishing: crate::config::Publishing,
    /// The operations the crate's README and its guide examples call.
    pub guide: Guide,
    /// The wire formats of their own (dates, times, durations, bytes) that the crate's types
    /// carry: the crate's `formats` module has these and no others, and it has the module
    /// (and depends on `time`) only when there is one.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub wire_formats: BTreeSet<WireFormat>,
    /// Operations left out of the crate, and why (e.g. a WebSocket upgrade).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
    /// The body formats besides JSON its operations use.
    pub formats: FormatsUsed,
    /// How the model types that travel as XML are written, by Rust type name (only those an
    /// XML body or response reaches).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub xml: BTreeMap<String, XmlType>,
    /// The document declares no operations (a description of webhook or notification
    /// payloads): the crate holds every component schema as a model, and no client.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub models_only: bool,
    /// The helpers of the generated runtime module the crate needs, each with the features
    /// of the clients that use it (empty: no particular client, so compiled whatever features
    /// are on). A helper not listed is not emitted.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub helpers: BTreeMap<Helper, BTreeSet<String>>,
}

impl Crate {
    /// Features of the clients that reach a model type; a type no client was found for is
    /// kept for all of them.
    pub fn type_features<'a>(&'a self, def: &'a TypeDef) -> BTreeSet<&'a str> {
        let features = def.features();
        if features.is_empty() {
            self.clients.values().map(|c| c.feature.as_str()).collect()
        } else {
            features.iter().map(String::as_str).collect()
        }
    }
}

/// A helper of the generated `runtime` module (or models) that only some crates, or only some
/// of a crate's clients, need: emitted and gated after [`Crate::helpers`].
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum Helper {
    /// `DEFAULT_API_VERSION`, and the service client's `api_version`: the clients that send
    /// the crate's default api-version.
    DefaultApiVersion,
    /// `pager`: the clients with pageable operations.
    Pager,
    /// `poller` and the status monitor: the clients with long-running operations.
    Poller,
    /// `polled_pager`: the clients with long-running pageable operations.
    PolledPager,
    /// `NextRequest`, the request of a next-page operation (`x-ms-pageable.operationName`):
    /// compiled with every pager, as pagers take one, in crates where some pageable operation
    /// has one.
    NextRequest,
    /// `resolve_link` and `same_origin_link`: pagers' and pollers' clients.
    Links,
    /// `encoded`: the clients with label or matrix array path values.
    Encoded,
    /// `object_fields`: the clients with object parameters.
    ObjectFields,
    /// `object_text`: the clients with object parameters sent as one value.
    ObjectText,
    /// `send`: the clients that read some response whole.
    Send,
    /// `stream`: the clients that hand some response body over as a stream.
    Stream,
    /// `Call::context`: the clients with plain calls (pagers and pollers build their own).
    CallContext,
    /// `xml_date_time`: the clients reaching XML models with date-times.
    XmlDateTime,
    /// `without_key`: the clients reaching discriminated kinds that keep extra properties.
    WithoutKey,
    /// `request_json`: the clients reaching models sent as JSON bodies.
    RequestJson,
    /// `skip_read_only`: the clients reaching models with read-only properties.
    SkipReadOnly,
    /// `Form`: the clients with form bodies.
    Form,
    /// `Form::text`: the clients with text form fields.
    FormText,
    /// `Form::file`: the clients with file form fields.
    FormFile,
    /// `Form::urlencoded`: the clients with URL-encoded form bodies.
    FormUrlencoded,
    /// `Form::multipart`: the clients with multipart form bodies.
    FormMultipart,
}

/// How a model type is written as XML.
#[derive(Clone, Debug, Default, Serialize)]
pub struct XmlType {
    /// The element's name when the value is a whole body: the schema's `xml.name`, else its
    /// definition's name.
    pub root: String,
    /// Each field's XML form, by the field's Rust name.
    pub fields: BTreeMap<String, XmlField>,
}

/// How one field of a model is written as XML.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct XmlField {
    /// The element's (or attribute's) name: the property's `xml.name`, else that of the type
    /// it refers to, else the property's name. For a wrapped array, the wrapper's name.
    pub name: String,
    /// Element, attribute, text or array.
    pub kind: XmlKind,
}

/// The XML forms of a field.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub enum XmlKind {
    /// A child element.
    Element,
    /// An attribute (`xml.attribute`).
    Attribute,
    /// The element's text (`x-ms-text`).
    Text,
    /// An array written as one element per item, each named [`XmlField::name`], with no
    /// element around them.
    List,
    /// An array inside one element ([`XmlField::name`], `xml.wrapped`) holding one `item`
    /// element per item, read and written through the module `helper` of `models`.
    Wrapped {
        /// Name of each item's element.
        item: String,
        /// Rust name of the helper module (one per item name).
        helper: String,
    },
}

/// The body formats besides JSON a crate's operations use, so the manifest enables
/// azure_core's `xml` feature and the runtime carries its text and stream helpers only when
/// needed.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct FormatsUsed {
    /// An XML request or response body: azure_core's `xml` feature.
    pub xml: bool,
    /// A text (`text/plain`) response body: the crate's `TextFormat`.
    pub text: bool,
    /// A response body streamed to the caller.
    pub stream: bool,
}

/// An operation the spec declares that the crate does not carry.
#[derive(Clone, Debug, Serialize)]
pub struct Omitted {
    /// The operationId.
    pub id: String,
    /// Why it is left out, in a sentence.
    pub reason: String,
}

/// Where the service lives and how requests are authorized.
#[derive(Clone, Debug, Serialize)]
pub struct Service {
    /// The tracing namespace (`az.namespace`), e.g. `Microsoft.Web`.
    pub namespace: String,
    /// Endpoint used when the caller gives none and the cloud does not decide it.
    pub default_endpoint: String,
    /// True for Azure Resource Manager: the endpoint and token scope follow the cloud.
    pub arm: bool,
    /// The authorization scheme.
    pub auth: Auth,
    /// For [`Auth::BearerToken`]: the scopes tokens are asked for; empty: `{endpoint
    /// origin}/.default` (Azure's convention, and the cloud's for Resource Manager).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub token_scopes: Vec<String>,
    /// The caller must give the endpoint to `new` (`new(endpoint, ...)`): the spec names no
    /// absolute server URL and the service is not Azure Resource Manager.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub endpoint_argument: bool,
    /// The spec's server URL is relative (`/v1`, `./api`): it is resolved against the endpoint
    /// given to `new`, as a URL resolver would (`endpoint_argument` is then true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative_base: Option<String>,
    /// The variables of the server URL (`{region}`), each a client option with its default;
    /// `default_endpoint` (or `relative_base`) keeps their `{name}` placeholders.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<ServerVariable>,
    /// `x-ms-parameterized-host`: the endpoint is made from this template and its values,
    /// unless the caller gives one in the options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<Host>,
}

/// A variable of the server URL template, set in the client options.
#[derive(Clone, Debug, Serialize)]
pub struct ServerVariable {
    /// Its name in the template (`region` for `{region}`).
    pub wire_name: String,
    /// Rust name of the options field (claimed among the options' own fields).
    pub rust_name: String,
    /// The value used unless the caller sets another.
    pub default: String,
    /// The values it may take (`enum`); empty: any.
    pub values: Vec<String>,
    /// Docs from its description.
    pub docs: String,
}

/// A host template (`x-ms-parameterized-host`) and its parameters.
#[derive(Clone, Debug, Serialize)]
pub struct Host {
    /// The template as the spec writes it, for the docs.
    pub template: String,
    /// The endpoint URL: the scheme (when the template has none), the template's text and
    /// parameters (by wire name), and the base path.
    pub parts: Vec<PathPart>,
    /// Its parameters, in template order: each an argument of `new`, or an option when it has
    /// a default.
    pub params: Vec<HostParam>,
}

/// One parameter of a host template.
#[derive(Clone, Debug, Serialize)]
pub struct HostParam {
    /// Name in the template.
    pub wire_name: String,
    /// Rust name of the argument or option.
    pub rust_name: String,
    /// Docs from the parameter's description.
    pub docs: String,
    /// Its default: the option's default value; `None` makes it an argument of `new`.
    pub default: Option<String>,
    /// `x-ms-skip-url-encoding`: the value is put in the URL as given (it may hold `:` or
    /// `.`), not percent-encoded.
    pub skip_url_encoding: bool,
}

/// How requests are authorized.
#[derive(Clone, Debug, Serialize)]
pub enum Auth {
    /// Bearer tokens from an `azure_core` `TokenCredential`, on every request, for
    /// [`Service::token_scopes`] (none: `{endpoint origin}/.default`).
    BearerToken,
    /// No authorization.
    None,
    /// Any other use of the document's security schemes: several, other kinds (API keys,
    /// HTTP basic, static bearer tokens), or operations that need none (`security: []`). A
    /// small generated policy applies, per request, the first of its operation's requirements
    /// the client has credentials for.
    Schemes(Schemes),
}

/// The security schemes the clients use, and the requirements of the operations that do not
/// state their own.
#[derive(Clone, Debug, Serialize)]
pub struct Schemes {
    /// The schemes the requirements name, in the order they are first named (the document's
    /// requirements, then the operations').
    pub schemes: Vec<Scheme>,
    /// The default requirements (alternatives, each the indexes of the schemes it needs
    /// together); an empty list means no authorization.
    pub default: Vec<Vec<usize>>,
    /// With two or more schemes, the Rust name of the generated struct holding one optional
    /// credential per scheme, which `new` takes; with one, `new` takes its credential.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials_type: Option<String>,
}

/// One security scheme.
#[derive(Clone, Debug, Serialize)]
pub struct Scheme {
    /// Its name in the document (`components.securitySchemes`).
    pub name: String,
    /// Rust name of its credential: the field of the credentials struct, or the argument of
    /// `new` when it is the only scheme.
    pub rust_name: String,
    /// Docs from its description.
    pub docs: String,
    /// What it sends.
    pub kind: SchemeKind,
}

/// What a security scheme sends.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub enum SchemeKind {
    /// An API key (`apiKey`) in a header, query parameter or cookie of this name.
    ApiKey {
        /// Where it goes.
        location: KeyLocation,
        /// The header, query parameter or cookie name.
        name: String,
    },
    /// HTTP `basic`: a user name and a password.
    Basic,
    /// HTTP `bearer`: a static token the caller holds.
    Bearer,
    /// `oauth2` or `openIdConnect`: tokens from a `TokenCredential` for these scopes (none:
    /// `{endpoint origin}/.default`).
    Token {
        /// The scopes to ask for.
        scopes: Vec<String>,
    },
}

/// Where an API key is sent.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum KeyLocation {
    /// A request header.
    Header,
    /// A query parameter (percent-encoded; azure_core's logging redacts it).
    Query,
    /// A cookie.
    Cookie,
}

/// What the README shows and the guide examples run: operations whose arguments are all
/// strings and that need no request body, so placeholders make them compile.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Guide {
    /// A plain call (a `GET` with a response model when there is one): `into_model()` and
    /// reading a `ServiceError`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call: Option<GuideProgram>,
    /// A pageable operation, read by items and by pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pager: Option<GuideProgram>,
    /// A long-running operation, awaited to its end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poller: Option<GuideProgram>,
}

/// One operation of the guide and its example program.
#[derive(Clone, Debug, Serialize)]
pub struct GuideProgram {
    /// The operationId.
    pub operation_id: String,
    /// File stem of its program under `examples/`, e.g. `errors`.
    pub example: String,
}

/// The service client: `new` builds the pipeline (and its token cache) once; each getter
/// returns a group's client sharing it.
#[derive(Clone, Debug, Serialize)]
pub struct ServiceClient {
    /// Rust type name, e.g. `WebClient`.
    pub name: String,
    /// Options type name, e.g. `WebClientOptions`.
    pub options_name: String,
    /// Module file stem, e.g. `web_client`.
    pub module: String,
    /// Docs for the client type.
    pub docs: String,
    /// Values every group's client takes, each with the features of the groups that take it.
    pub fields: Vec<ServiceField>,
    /// One getter per group client.
    pub getters: Vec<Getter>,
}

/// A value the service client holds for the group clients.
#[derive(Clone, Debug, Serialize)]
pub struct ServiceField {
    /// Rust name of the constructor argument and field (as in the group clients).
    pub rust_name: String,
    /// Docs taken from the parameter description.
    pub docs: String,
    /// Features of the group clients that take it.
    pub features: Vec<String>,
}

/// `fn {method}(&self) -> {client}` on the service client.
#[derive(Clone, Debug, Serialize)]
pub struct Getter {
    /// Method name, e.g. `workflow_runs_client`.
    pub method: String,
    /// Key of the client in [`Crate::clients`].
    pub client: String,
}

/// One client: a group of operations sharing the client-level parameters.
#[derive(Clone, Debug, Serialize)]
pub struct Client {
    /// Rust type name, e.g. `WorkflowsClient`.
    pub name: String,
    /// Options type name, e.g. `WorkflowsClientOptions`.
    pub options_name: String,
    /// Module file stem, e.g. `workflows_client`.
    pub module: String,
    /// The cargo feature that compiles this client and all only it needs, e.g. `workflows`
    /// (the module without `_client`; unique, never `default` or a dependency's name).
    pub feature: String,
    /// Docs for the client type.
    pub docs: String,
    /// Parameters held by the client (`x-ms-parameter-location: client`), except `api-version`.
    pub fields: Vec<ClientField>,
    /// The `api-version` the client sends by default: the one most of its operations' files
    /// declare (the latest of those on a tie).
    pub api_version: String,
    /// Operations, in spec order.
    pub operations: Vec<Operation>,
}

/// A value the client holds and every call reuses.
#[derive(Clone, Debug, Serialize)]
pub struct ClientField {
    /// Rust name of the constructor argument and field.
    pub rust_name: String,
    /// Docs taken from the parameter description.
    pub docs: String,
}

/// One HTTP operation.
#[derive(Clone, Debug, Serialize)]
pub struct Operation {
    /// The spec's operationId.
    pub id: String,
    /// Rust method name.
    pub method_name: String,
    /// Options type name, e.g. `WorkflowsClientRegenerateAccessKeyOptions`.
    pub options_name: String,
    /// The tracing span name, `{namespace}.{group}.{operation}`.
    pub span_name: String,
    /// Docs: description or summary.
    pub docs: String,
    /// HTTP method.
    pub http_method: HttpMethod,
    /// The path template, split into literal text and parameters.
    pub path: Vec<PathPart>,
    /// Path, query and header parameters, in spec order.
    pub params: Vec<Param>,
    /// The request body, if any.
    pub body: Option<Body>,
    /// Status codes that mean success.
    pub success_codes: Vec<u16>,
    /// The success response model; `None` when no success response has a body.
    pub success_type: Option<TypeRef>,
    /// The error model from the `default` response, if any.
    pub error_type: Option<TypeRef>,
    /// How the success body is read: a model from JSON or XML, text, or a stream of bytes
    /// (the method then returns the response unread, as an `AsyncResponse`).
    pub response_format: Format,
    /// The `accept` header, from the media types the responses declare, when it is not
    /// `application/json` (the default every request carries).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept: Option<String>,
    /// Success statuses whose bodies differ in type (a model for one, another model or none
    /// for another): one enum the method returns, a variant per status the caller matches on.
    /// `None` when every success status has the body `success_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<StatusEnum>,
    /// Error statuses whose models differ (`x-ms-error-response`, 4xx/5xx and `default`
    /// bodies of different types): one enum decoded from the error by its status. `None` when
    /// the errors share one model (`error_type`) or have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<StatusEnum>,
    /// Plain call, pager (`x-ms-pageable`) or poller (`x-ms-long-running-operation`).
    pub kind: OperationKind,
    /// For [`Auth::Schemes`]: the operation's own security requirements when they differ from
    /// the default ones (alternatives of scheme indexes; empty: no authorization).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security: Option<Vec<Vec<usize>>>,
    /// The typed headers of its success responses, when they declare any and the method
    /// returns the response (plain calls): a trait with one getter per header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_headers: Option<ResponseHeaders>,
    /// Whether the request may be sent again after a failure that leaves unknown whether the
    /// service acted on it (a dropped connection, a 500): true for GET, HEAD, PUT and DELETE, and
    /// for requests that carry a `Repeatability-Request-ID`. Other requests (POST, PATCH) are
    /// retried only when the service says it did not process them (408, 429, 503).
    pub idempotent: bool,
}

/// An enum with one variant per response status (or group of statuses) of an operation.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct StatusEnum {
    /// Rust type name, e.g. `PetsClientGetResponse`.
    pub name: String,
    /// Docs for the type.
    pub docs: String,
    /// Variants, by status.
    pub variants: Vec<StatusVariant>,
}

/// One variant of a [`StatusEnum`].
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct StatusVariant {
    /// Rust variant name, e.g. `Created` (201) or `NotFound` (404).
    pub rust_name: String,
    /// The statuses it stands for; empty: every other status (the spec's `default`).
    pub codes: Vec<u16>,
    /// The body type; `None`: the response has no body.
    pub ty: Option<TypeRef>,
    /// Docs: the status and the response's description.
    pub docs: String,
}

/// The typed headers of an operation's success responses: a trait with one getter per header,
/// implemented on what the method returns (its `Response`, or its per-status enum).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ResponseHeaders {
    /// Rust name of the trait, e.g. `PetsClientGetHeaders`.
    pub trait_name: String,
    /// For an operation whose success responses have no body: the type its `Response` (or
    /// `AsyncResponse`) carries instead of `()`, e.g. `PetsClientDeleteResult`, so that each
    /// such operation's trait is implemented on a type of its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// The headers, in spec order (the first success response's first), each once.
    pub headers: Vec<ResponseHeader>,
}

/// One response header and its getter.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ResponseHeader {
    /// The header name, lowercase.
    pub wire_name: String,
    /// Rust name of the getter (never one of the response's own methods).
    pub getter: String,
    /// The value's type: a scalar, an enumeration, or a list of them (comma-separated); a
    /// map of text for a collection.
    pub ty: TypeRef,
    /// `x-ms-header-collection-prefix`: `wire_name` is a prefix, and the getter gives every
    /// header that starts with it, by the rest of its name (e.g. `x-ms-meta-*`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub collection: bool,
    /// Docs from the header's description.
    pub docs: String,
}

/// How a method returns its result.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub enum OperationKind {
    /// One request, one `Response<T>`.
    Plain,
    /// A `Pager` over the items of every page.
    Pageable(Paging),
    /// A `Poller` that follows `Azure-AsyncOperation` / `Location` until a terminal state.
    LongRunning(LongRunning),
    /// A `HEAD` without a response body that declares a 404 answer: `bool`, whether the
    /// resource exists (any success status is `true`, 404 is `false`).
    Exists,
}

/// How a long-running operation ends and where its final value comes from.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct LongRunning {
    /// The final value's type (the success response model); `None`: the operation has none.
    pub final_type: Option<TypeRef>,
    /// `x-ms-long-running-operation-options.final-state-via`.
    pub final_state_via: FinalStateVia,
}

/// Where the final value of a long-running operation is read once it succeeded.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum FinalStateVia {
    /// Not given: `PUT`/`PATCH` read the original URL, `POST` the `Location` when there is one,
    /// otherwise the last status response.
    Default,
    /// `azure-async-operation`: the body of the last status response.
    AzureAsyncOperation,
    /// `location`: a `GET` of the first response's `Location`.
    Location,
    /// `original-uri`: a `GET` of the operation's own URL.
    OriginalUri,
    /// `operation-location`: the body of the last status response.
    OperationLocation,
}

/// How the pages of a pageable operation are read.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Paging {
    /// Rust name of the page model (the success response type).
    pub page_type: String,
    /// Wire name of the field holding the link to the next page; `None`: one page only.
    pub next_link: Option<String>,
    /// Wire name of the field holding the items (`itemName`, `value` by default).
    pub item_wire: String,
    /// Rust name of that field.
    pub item_field: String,
    /// Type of one item.
    pub item_type: TypeRef,
    /// `x-ms-pageable.operationName`: the operation that fetches the next pages.
    pub next_operation: Option<String>,
    /// The operation is also long-running (`x-ms-long-running-operation`): the pager first
    /// follows it to its end, as a poller would, and its final value (read where this says)
    /// is the first page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub long_running: Option<FinalStateVia>,
    /// The next pages' request, built from `next_operation` when each of its parameters is
    /// a constant, the api-version, a parameter of this operation of the same name or its
    /// `nextLink` path parameter (the page's next link); `None` means a `GET` of the next link.
    pub next_request: Option<NextRequest>,
}

/// The request of a next-page operation (`x-ms-pageable.operationName`).
#[derive(Clone, Debug, Serialize)]
pub struct NextRequest {
    /// Its HTTP method.
    pub http_method: HttpMethod,
    /// Its path template.
    pub path: Vec<PathPart>,
    /// Its parameters, each with the source and Rust name of this operation's value.
    pub params: Vec<Param>,
}

impl Service {
    /// Whether clients take an `azure_core` `TokenCredential` (alone or among their
    /// credentials).
    pub fn takes_token_credential(&self) -> bool {
        match &self.auth {
            Auth::BearerToken => true,
            Auth::None => false,
            Auth::Schemes(s) => s
                .schemes
                .iter()
                .any(|s| matches!(s.kind, SchemeKind::Token { .. })),
        }
    }
}

impl Operation {
    /// Whether the method follows a long-running operation (a poller, or a pager that
    /// polls for its first page): it then uses the status monitor and the polling helpers.
    pub fn polls(&self) -> bool {
        match &self.kind {
            OperationKind::LongRunning(_) => true,
            OperationKind::Pageable(paging) => paging.long_running.is_some(),
            OperationKind::Plain | OperationKind::Exists => false,
        }
    }
}

impl Client {
    /// Whether any of its operations sends the client's `api-version` (one of the client's
    /// fields and options then holds it).
    pub fn sends_api_version(&self) -> bool {
        self.operations
            .iter()
            .flat_map(|o| &o.params)
            .any(|p| p.source == Source::ApiVersion)
    }
}

impl PartialEq for NextRequest {
    fn eq(&self, other: &Self) -> bool {
        self.http_method == other.http_method
            && self.params.len() == other.params.len()
            && self
                .params
                .iter()
                .zip(&other.params)
                .all(|(a, b)| a.wire_name == b.wire_name && a.source == b.source)
    }
}

impl Eq for NextRequest {}

/// HTTP methods the client can send.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum HttpMethod {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
    /// HEAD
    Head,
}

/// A piece of a path template.
#[derive(Clone, Debug, Serialize)]
pub enum PathPart {
    /// Text sent as is.
    Literal(String),
    /// A parameter, by its wire name; its value is percent-encoded as one segment.
    Param(String),
}

/// Where a parameter goes on the wire.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum Location {
    /// A path segment.
    Path,
    /// A query pair.
    Query,
    /// A request header.
    Header,
    /// A field of the form body (`multipart/form-data` or
    /// `application/x-www-form-urlencoded`, see [`Body::form`]).
    Form,
}

/// Where the value of a parameter comes from.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub enum Source {
    /// The client's `api_version`.
    ApiVersion,
    /// A field of the client (`x-ms-parameter-location: client`).
    ClientField(String),
    /// A required argument of the method.
    Argument,
    /// An optional field of the method's options.
    Option,
    /// Always this wire value: a required parameter whose enum has one value (AutoRest's
    /// constant parameters), or the api-version of an operation whose file declares another
    /// version than its client's; the method takes no argument for it.
    Constant(String),
    /// A header the client fills in itself on every request (OASIS repeatable requests).
    Repeatability(Repeatability),
    /// The next link of the page just read: the path parameter of a next-page operation
    /// (`x-ms-pageable.operationName`) that takes it, by AutoRest's convention the one named
    /// `nextLink`. Only in [`NextRequest::params`].
    NextLink,
}

/// The headers of OASIS repeatable requests, which let a service recognise a repeated request.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum Repeatability {
    /// `Repeatability-Request-ID`: a fresh UUID per call, the same on every retry of it.
    RequestId,
    /// `Repeatability-First-Sent`: when the call was first sent, as an RFC 7231 date.
    FirstSent,
}

/// A path, query or header parameter.
#[derive(Clone, Debug, Serialize)]
pub struct Param {
    /// Name on the wire.
    pub wire_name: String,
    /// Rust name of the argument, field or option.
    pub rust_name: String,
    /// Where it is sent.
    pub location: Location,
    /// Where its value comes from.
    pub source: Source,
    /// Its type.
    pub ty: TypeRef,
    /// Docs: description plus documented service constraints.
    pub docs: String,
    /// `x-ms-skip-url-encoding`: the value is sent as given (a path value may then span
    /// several segments), not percent-encoded.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub skip_url_encoding: bool,
    /// The method's local holding the value as text, for a value that is neither a string
    /// nor an enumeration (claimed among the method's arguments and locals); else empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text_local: String,
    /// How the items of an array value are sent (`collectionFormat`, or OpenAPI 3's `style`
    /// and `explode`); `None` for a value that is not an array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<Collection>,
    /// How the fields of an object value are sent (OpenAPI 3's `style` and `explode`); `None`
    /// for a value that is not an object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<ObjectStyle>,
}

impl Param {
    /// Sent as one query pair per item or per field (`multi`, an exploded `form` object,
    /// `deepObject`) rather than as one value.
    pub fn sent_as_pairs(&self) -> bool {
        self.location == Location::Query
            && (self.collection == Some(Collection::Multi)
                || matches!(self.object, Some(ObjectStyle::Pairs | ObjectStyle::Deep)))
    }
}

/// How the fields of an object parameter are written: each field's name and value, in name
/// order, absent fields left out.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub enum ObjectStyle {
    /// One value, `x,1,y,2`, exploded `x=1,y=2`: `simple` (paths, headers), and `form` in the
    /// query when not exploded.
    Joined {
        /// Each field is `name=value`.
        explode: bool,
    },
    /// One query pair per field, `x=1&y=2`: an exploded `form`, the query's default.
    Pairs,
    /// One query pair per field, named after the parameter, `p[x]=1&p[y]=2`: `deepObject`.
    Deep,
    /// A path value in `label` style: `.x,1,y,2`, exploded `.x=1.y=2`.
    Label {
        /// Each field is `.name=value`.
        explode: bool,
    },
    /// A path value in `matrix` style: `;p=x,1,y,2`, exploded `;x=1;y=2`.
    Matrix {
        /// Each field is `;name=value`.
        explode: bool,
    },
}

/// How the items of an array parameter are written.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub enum Collection {
    /// One value, the items joined by this separator: `collectionFormat` `csv` (`,`), `ssv`
    /// (space), `tsv` (tab) and `pipes` (`|`); OpenAPI 3's `form` and `simple` (`,`),
    /// `spaceDelimited` and `pipeDelimited` when not exploded.
    Joined(String),
    /// One `name=value` query pair per item: `collectionFormat: multi`, OpenAPI 3's exploded
    /// `form` (its default for query parameters). No item, no pair.
    Multi,
    /// A path value in `label` style: `.a,b,c`, exploded `.a.b.c`.
    Label {
        /// Each item gets its own `.`.
        explode: bool,
    },
    /// A path value in `matrix` style: `;name=a,b,c`, exploded `;name=a;name=b;name=c`.
    Matrix {
        /// Each item gets its own `;name=`.
        explode: bool,
    },
}

/// A JSON request body.
#[derive(Clone, Debug, Serialize)]
pub struct Body {
    /// The spec's name for the body (`x-ms-requestBody-name`, the Swagger body parameter's
    /// name; `body` when it has none), as x-ms-examples name it.
    pub wire_name: String,
    /// Rust name of the argument.
    pub rust_name: String,
    /// The body type.
    pub ty: TypeRef,
    /// Whether the body must be sent.
    pub required: bool,
    /// Docs for the argument.
    pub docs: String,
    /// Its media type, sent as `content-type` (`application/json` for most bodies).
    pub content_type: String,
    /// How the value is written: JSON or XML from a model, text, or raw bytes
    /// ([`TypeRef::Bytes`], given by the caller, possibly as a stream).
    pub format: Format,
    /// The operation accepts several media types: the argument is this enumeration, one
    /// variant per media type, and the caller's choice decides the `content-type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<BodyChoice>,
    /// A required JSON body whose schema allows one value (a single-value enum, not
    /// `modelAsString: true`): that value's JSON text, always sent; the caller never gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constant: Option<String>,
    /// A form body: its fields are the operation's parameters of [`Location::Form`], each an
    /// argument or option of its own; the body itself is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormKind>,
}

impl Body {
    /// Whether the caller gives the body as an argument of the method (required, not a
    /// constant, not a form).
    pub fn is_argument(&self) -> bool {
        self.required && self.constant.is_none() && self.form.is_none()
    }

    /// Whether the caller gives the body as a field of the method's options (optional, not a
    /// form).
    pub fn is_option(&self) -> bool {
        !self.required && self.form.is_none()
    }
}

/// How the fields of a form body are written.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub enum FormKind {
    /// `application/x-www-form-urlencoded`: `name=value` pairs joined by `&`.
    Urlencoded,
    /// `multipart/form-data`: one part per field (a file's part carries its bytes).
    Multipart,
}

/// A wire format of its own that a scalar has besides plain JSON: one type of the generated
/// `formats` module, in the order that module declares them.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum WireFormat {
    /// `format: date-time`: RFC 3339.
    Rfc3339,
    /// `format: date-time-rfc1123`: the HTTP date.
    Rfc1123,
    /// `format: unixtime`: seconds since 1970.
    UnixTime,
    /// `format: date`.
    Date,
    /// `format: time`.
    Time,
    /// `format: duration`: ISO 8601.
    Duration,
    /// `format: byte`: standard base64.
    Base64,
    /// `format: base64url`: URL-safe base64 without padding.
    Base64Url,
}

impl WireFormat {
    /// The name of its type in the generated `formats` module.
    pub fn name(self) -> &'static str {
        match self {
            WireFormat::Rfc3339 => "Rfc3339",
            WireFormat::Rfc1123 => "Rfc1123",
            WireFormat::UnixTime => "UnixTime",
            WireFormat::Date => "Date",
            WireFormat::Time => "Time",
            WireFormat::Duration => "Duration",
            WireFormat::Base64 => "Base64",
            WireFormat::Base64Url => "Base64Url",
        }
    }
}

/// How a request or response body is written on the wire.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub enum Format {
    /// JSON, from or into a model (`serde_json`).
    #[default]
    Json,
    /// XML, from or into a model (azure_core's `xml` feature, quick-xml).
    Xml,
    /// Text as it is (`text/plain`): a `String`.
    Text,
    /// Raw bytes: a request body the caller gives (bytes or a stream), a response body
    /// streamed to the caller.
    Binary,
}

/// The enumeration a method takes for a body of several media types.
#[derive(Clone, Debug, Serialize)]
pub struct BodyChoice {
    /// Rust type name, e.g. `AnalyzeBodyContent`.
    pub name: String,
    /// One variant per media type, in spec order.
    pub variants: Vec<BodyVariant>,
}

/// One media type of a [`BodyChoice`].
#[derive(Clone, Debug, Serialize)]
pub struct BodyVariant {
    /// Rust variant name, e.g. `Json`, `Pdf`, `OctetStream`.
    pub rust_name: String,
    /// The media type sent as `content-type`.
    pub content_type: String,
    /// How the value is written.
    pub format: Format,
    /// The value's type ([`TypeRef::Bytes`] for raw bytes, [`TypeRef::String`] for text).
    pub ty: TypeRef,
}

/// A reference to a type, as used in fields, parameters and responses.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeRef {
    /// `String`
    String,
    /// `bool`
    Bool,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f32`
    F32,
    /// `f64`
    F64,
    /// `u8` (`format: uint8`)
    U8,
    /// `u16` (`format: uint16`)
    U16,
    /// `u32` (`format: uint32`)
    U32,
    /// `u64` (`format: uint64` or `uint`)
    U64,
    /// A UUID (`format: uuid`, `azure_core::Uuid`).
    Uuid,
    /// Raw bytes (`azure_core::Bytes`): a request body that is not JSON.
    Bytes,
    /// RFC 3339 date-time (`format: date-time`, `azure_core::time::OffsetDateTime`).
    DateTime,
    /// RFC 1123 date-time (`format: date-time-rfc1123` or `date-time-rfc7231`,
    /// `azure_core::time::OffsetDateTime`).
    DateTimeRfc1123,
    /// Seconds since the Unix epoch (`type: integer, format: unixtime`,
    /// `azure_core::time::OffsetDateTime`).
    UnixTime,
    /// A calendar date (`format: date`, `time::Date`).
    Date,
    /// A time of day (`format: time`, `time::Time`).
    Time,
    /// An ISO 8601 duration (`format: duration`, `azure_core::time::Duration`).
    Duration,
    /// Bytes as base64 (`format: byte`, `Vec<u8>`).
    Base64,
    /// Bytes as unpadded URL-safe base64 (`format: base64url`, `Vec<u8>`).
    Base64Url,
    /// An entity tag (`azure_core::http::Etag`): a string `etag` property, and the
    /// `If-Match` / `If-None-Match` request headers.
    Etag,
    /// Any JSON value (`serde_json::Value`).
    Json,
    /// A model type by Rust name.
    Named(String),
    /// A list.
    Vec(Box<TypeRef>),
    /// A map with string keys.
    Map(Box<TypeRef>),
    /// A boxed value: breaks a recursive type's infinite size.
    Box(Box<TypeRef>),
    /// A value that may be `null` (`Option<T>`): an array item or map value whose schema is
    /// `x-nullable` (OpenAPI 3 `nullable`).
    Nullable(Box<TypeRef>),
}

/// A named model type.
#[derive(Clone, Debug, Serialize)]
pub enum TypeDef {
    /// A JSON object.
    Struct(StructDef),
    /// A string enumeration.
    Enum(EnumDef),
    /// Any kind of a discriminated hierarchy (`discriminator`), chosen by its discriminator.
    Union(UnionDef),
}

impl TypeDef {
    /// Where the type is used.
    pub fn usage(&self) -> Usage {
        match self {
            TypeDef::Struct(s) => s.usage,
            TypeDef::Enum(e) => e.usage,
            TypeDef::Union(u) => u.usage,
        }
    }

    /// Features of the clients whose operations reach the type.
    pub fn features(&self) -> &BTreeSet<String> {
        match self {
            TypeDef::Struct(s) => &s.features,
            TypeDef::Enum(e) => &e.features,
            TypeDef::Union(u) => &u.features,
        }
    }
}

/// A value whose type is the base of a discriminated hierarchy: one variant per kind (the
/// base itself and every type derived from it, directly or not), chosen by the value of the
/// discriminator property, plus a fallback that keeps a kind this version does not know.
#[derive(Clone, Debug, Serialize)]
pub struct UnionDef {
    /// Rust name, e.g. `FishUnion`.
    pub name: String,
    /// Docs.
    pub docs: String,
    /// Wire name of the discriminator property, e.g. `fishtype`.
    pub tag: String,
    /// The kinds, base first, then the derived types in spec order.
    pub variants: Vec<UnionVariant>,
    /// Rust name of the variant holding a value of an unknown kind as its JSON object.
    pub unknown: String,
    /// Where the type is used.
    pub usage: Usage,
    /// Features of the clients whose operations reach the type.
    pub features: BTreeSet<String>,
}

/// One kind of a discriminated hierarchy.
#[derive(Clone, Debug, Serialize)]
pub struct UnionVariant {
    /// The discriminator's value for this kind (`x-ms-discriminator-value`, else the
    /// definition's name).
    pub value: String,
    /// Rust variant name.
    pub rust_name: String,
    /// Rust name of the model struct it holds (boxed).
    pub model: String,
}

/// The discriminator a model of a hierarchy writes: its property and this kind's value.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Tag {
    /// Wire name of the discriminator property.
    pub property: String,
    /// This kind's value.
    pub value: String,
}

/// Which way a model travels, so only the needed serde derives are emitted.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Usage {
    /// Sent in a request body.
    pub input: bool,
    /// Received in a response body.
    pub output: bool,
    /// Is itself an operation's request body (so it converts into `RequestContent`).
    pub body: bool,
}

/// A JSON object model.
#[derive(Clone, Debug, Serialize)]
pub struct StructDef {
    /// Rust name.
    pub name: String,
    /// Docs from the schema description.
    pub docs: String,
    /// Fields, in spec order (base type fields first).
    pub fields: Vec<Field>,
    /// Value type of undeclared properties, when the schema allows them.
    pub additional: Option<TypeRef>,
    /// Rust name of the field holding the undeclared properties (`additional_properties`
    /// unless a declared property has that name).
    pub additional_field: String,
    /// For a kind of a discriminated hierarchy: the discriminator it writes (the property is
    /// then not one of its fields; it is decided by the type).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
    /// Where the type is used.
    pub usage: Usage,
    /// Features of the clients whose operations reach the type (through parameters, bodies,
    /// responses, errors and fields): it is compiled when any of them is on.
    pub features: BTreeSet<String>,
}

/// A field of a model.
#[derive(Clone, Debug, Serialize)]
pub struct Field {
    /// Name on the wire.
    pub wire_name: String,
    /// Rust field name.
    pub rust_name: String,
    /// Field type (always wrapped in `Option` when emitted).
    pub ty: TypeRef,
    /// Docs from the property description.
    pub docs: String,
    /// Set by the service only; never serialized.
    pub read_only: bool,
    /// `x-ms-secret`: never shown by `Debug`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
    /// A required property with one allowed value (or of a model whose every property is
    /// such a constant): always sent, whatever the field holds; the caller never sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constant: Option<FieldConstant>,
}

/// How a constant property is written.
#[derive(Clone, Debug, Serialize)]
pub struct FieldConstant {
    /// The value always sent; `None`: the field's model, all constants, at its default.
    pub value: Option<serde_json::Value>,
    /// Name of the model's private associated function that writes it.
    pub writer: String,
}

/// A string enumeration.
#[derive(Clone, Debug, Serialize)]
pub struct EnumDef {
    /// Rust name.
    pub name: String,
    /// Docs from the schema description.
    pub docs: String,
    /// Variants, in spec order.
    pub variants: Vec<Variant>,
    /// `modelAsString: true`: unknown values round-trip through `UnknownValue(String)`.
    pub extensible: bool,
    /// The values are JSON numbers (`integer` or `number`); `wire` is their decimal text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub number: bool,
    /// Where the type is used.
    pub usage: Usage,
    /// Features of the clients whose operations reach the type (through parameters, bodies,
    /// responses, errors and fields): it is compiled when any of them is on.
    pub features: BTreeSet<String>,
}

/// One enum value.
#[derive(Clone, Debug, Serialize)]
pub struct Variant {
    /// The value on the wire.
    pub wire: String,
    /// Rust variant name.
    pub rust_name: String,
    /// Docs (x-ms-enum `values[].description`, or the value itself).
    pub docs: String,
}

/// An example program calling one operation with values from its x-ms-example.
#[derive(Clone, Debug, Serialize)]
pub struct Example {
    /// File stem, e.g. `workflows_regenerate_access_key`.
    pub file_stem: String,
    /// Rust name of the client.
    pub client: String,
    /// The operationId.
    pub operation_id: String,
    /// Values by wire parameter name (body values as JSON).
    pub values: BTreeMap<String, serde_json::Value>,
}

impl TypeRef {
    /// Bytes, or a list of them: what a form field holding files is.
    pub fn is_bytes(&self) -> bool {
        match self {
            TypeRef::Vec(item) => **item == TypeRef::Bytes,
            ty => *ty == TypeRef::Bytes,
        }
    }

    /// A primitive with one text form: a string, number, boolean, UUID, date, time, duration or
    /// bytes (what a path, query or header value can be, besides enums).
    pub fn is_primitive(&self) -> bool {
        matches!(
            self,
            TypeRef::String
                | TypeRef::Bool
                | TypeRef::I32
                | TypeRef::I64
                | TypeRef::F32
                | TypeRef::F64
                | TypeRef::U8
                | TypeRef::U16
                | TypeRef::U32
                | TypeRef::U64
                | TypeRef::Uuid
                | TypeRef::DateTime
                | TypeRef::DateTimeRfc1123
                | TypeRef::UnixTime
                | TypeRef::Date
                | TypeRef::Time
                | TypeRef::Duration
                | TypeRef::Base64
                | TypeRef::Base64Url
        )
    }

    /// The wire format of the scalar inside this type (through `Vec`, `Map` and `Box`), when
    /// it has one besides plain JSON.
    pub fn format(&self) -> Option<WireFormat> {
        match self {
            TypeRef::DateTime => Some(WireFormat::Rfc3339),
            TypeRef::DateTimeRfc1123 => Some(WireFormat::Rfc1123),
            TypeRef::UnixTime => Some(WireFormat::UnixTime),
            TypeRef::Date => Some(WireFormat::Date),
            TypeRef::Time => Some(WireFormat::Time),
            TypeRef::Duration => Some(WireFormat::Duration),
            TypeRef::Base64 => Some(WireFormat::Base64),
            TypeRef::Base64Url => Some(WireFormat::Base64Url),
            TypeRef::Vec(inner)
            | TypeRef::Map(inner)
            | TypeRef::Box(inner)
            | TypeRef::Nullable(inner) => inner.format(),
            _ => None,
        }
    }

    /// This type without the `null`s its items may hold (`Vec<Option<T>>` -> `Vec<T>`): a
    /// path, query or header value cannot carry a `null`.
    pub fn without_nulls(&self) -> TypeRef {
        match self {
            TypeRef::Nullable(inner) => inner.without_nulls(),
            TypeRef::Vec(inner) => TypeRef::Vec(Box::new(inner.without_nulls())),
            TypeRef::Map(inner) => TypeRef::Map(Box::new(inner.without_nulls())),
            TypeRef::Box(inner) => TypeRef::Box(Box::new(inner.without_nulls())),
            other => other.clone(),
        }
    }
}

impl Host {
    /// The parameters without a default, in template order: the arguments of `new`, after the
    /// credential and before the clients' fields.
    pub fn arguments(&self) -> impl Iterator<Item = &HostParam> {
        self.params.iter().filter(|p| p.default.is_none())
    }

    /// The parameters with a default, each a field of the client options, with its default.
    pub fn options(&self) -> impl Iterator<Item = (&HostParam, &str)> {
        self.params
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (p, d)))
    }
}

impl Service {
    /// The host template's arguments of `new` (none without a template).
    pub fn host_arguments(&self) -> impl Iterator<Item = &HostParam> {
        self.host.iter().flat_map(Host::arguments)
    }
}

impl Crate {
    /// Finds an operation by operationId.
    pub fn operation(&self, id: &str) -> Option<(&Client, &Operation)> {
        self.clients
            .values()
            .flat_map(|c| c.operations.iter().map(move |o| (c, o)))
            .find(|(_, o)| o.id == id)
    }
}
