//! Wire tests for the seed operation `Workflows_RegenerateAccessKey`.
//!
//! Every test drives the generated `WorkflowsClient` over real HTTPS to the
//! loopback [`WireServer`] (or, for real Azure hosts, through the in-process
//! [`RecordingHttpClient`]) and asserts what went over the wire.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use azure_core::{
    cloud::CloudConfiguration,
    error::ErrorKind,
    http::{ClientOptions, RequestContent, StatusCode, Url},
};
use azure_resourcemanager_web_workflows::{
    models::{ErrorResponse, KeyType, RegenerateActionParameter, ServiceError},
    WorkflowsClient, WorkflowsClientOptions,
};
use serde_json::{json, Value};
use std::sync::Arc;
use tests::{
    client_options, RecordedRequest, RecordingCredential, RecordingHttpClient, ScriptedResponse,
    WireServer, TEST_TOKEN,
};

const SUBSCRIPTION_ID: &str = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
const DEFAULT_API_VERSION: &str = "2024-04-01";
/// `azsdk-rust-{crate name}/`: azure_core 1.1's `UserAgentPolicy` strips the crate
/// name's `azure_` prefix (as for every Azure SDK crate, e.g.
/// `azsdk-rust-security_keyvault_secrets/`), so the crate
/// `azure_resourcemanager_web_workflows` is reported as `resourcemanager_web_workflows`.
const USER_AGENT_PREFIX: &str = "azsdk-rust-resourcemanager_web_workflows/";

/// The path the contract prescribes, from already-encoded segments.
fn expected_path(subscription: &str, resource_group: &str, site: &str, workflow: &str) -> String {
    format!(
        "/subscriptions/{subscription}/resourceGroups/{resource_group}/providers/Microsoft.Web/sites/{site}\
         /hostruntime/runtime/webhooks/workflow/api/management/workflows/{workflow}/regenerateAccessKey"
    )
}

fn example() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../specs/web-2024-04-01/examples/Workflows_RegenerateAccessKey.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn key_type_from_wire(value: &str) -> KeyType {
    match value {
        "NotSpecified" => KeyType::NotSpecified,
        "Primary" => KeyType::Primary,
        "Secondary" => KeyType::Secondary,
        other => KeyType::UnknownValue(other.to_string()),
    }
}

fn primary() -> RequestContent<RegenerateActionParameter> {
    RegenerateActionParameter {
        key_type: Some(KeyType::Primary),
    }
    .try_into()
    .unwrap()
}

/// A client pointed at `server` with the harness transport and `RecordingCredential`.
fn client_for(
    server: &WireServer,
    subscription_id: &str,
    api_version: Option<&str>,
) -> (WorkflowsClient, Arc<RecordingCredential>) {
    let credential = Arc::new(RecordingCredential::new());
    let mut options = WorkflowsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        ..Default::default()
    };
    if let Some(api_version) = api_version {
        options.api_version = api_version.to_string();
    }
    let client = WorkflowsClient::new(
        credential.clone(),
        subscription_id.to_string(),
        Some(options),
    )
    .unwrap();
    (client, credential)
}

fn assert_single_header(request: &RecordedRequest, name: &str, expected: &str) {
    assert_eq!(
        request.header_values(name),
        [expected],
        "header {name} in {:?}",
        request.headers
    );
}

fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.iter().map(|group| group.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|group| group.chars().all(|c| c.is_ascii_hexdigit()))
}

#[tokio::test]
async fn x_ms_example_regenerate_access_key_goes_over_the_wire_exactly() {
    let example = example();
    let parameters = &example["parameters"];
    let (status_text, response) = example["responses"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .unwrap();
    let status: u16 = status_text.parse().unwrap();
    let mut scripted = ScriptedResponse::new(status);
    if let Some(body) = response.get("body") {
        scripted = ScriptedResponse::json(status, body);
    }
    let server = WireServer::with_responses([scripted]).await;

    let subscription_id = parameters["subscriptionId"].as_str().unwrap();
    let resource_group = parameters["resourceGroupName"].as_str().unwrap();
    let site = parameters["name"].as_str().unwrap();
    let workflow = parameters["workflowName"].as_str().unwrap();
    let api_version = parameters["api-version"].as_str().unwrap();
    let body_json = &parameters["keyType"];
    let key_type = body_json["keyType"].as_str().map(key_type_from_wire);

    let (client, credential) = client_for(&server, subscription_id, Some(api_version));
    let body: RequestContent<RegenerateActionParameter> =
        RegenerateActionParameter { key_type }.try_into().unwrap();
    let response = client
        .regenerate_access_key(resource_group, site, workflow, body, None)
        .await
        .unwrap();
    assert_eq!(u16::from(response.status()), status);

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    let path = expected_path(subscription_id, resource_group, site, workflow);
    assert_eq!(request.path(), path);
    assert_eq!(
        request.query(),
        Some(format!("api-version={api_version}").as_str())
    );
    assert_eq!(request.target, format!("{path}?api-version={api_version}"));
    assert_eq!(
        request.query_pairs(),
        vec![("api-version".to_string(), api_version.to_string())]
    );
    assert_single_header(&request, "authorization", &format!("Bearer {TEST_TOKEN}"));
    assert_single_header(&request, "content-type", "application/json");
    assert_single_header(&request, "accept", "application/json");
    assert_eq!(
        request.header("content-length"),
        Some(request.body.len().to_string().as_str())
    );
    let user_agent = request.header("user-agent").unwrap_or_default();
    assert!(
        user_agent.starts_with(USER_AGENT_PREFIX),
        "user-agent {user_agent:?}"
    );
    assert!(request.header("x-ms-client-request-id").is_some());
    assert_eq!(request.body_json().unwrap(), *body_json);
    assert_eq!(request.body_text(), r#"{"keyType":"Primary"}"#);

    let scope = format!("https://127.0.0.1:{}/.default", server.port());
    let scopes = credential.requested_scopes();
    assert!(!scopes.is_empty());
    assert!(
        scopes.iter().all(|call| *call == [scope.clone()]),
        "{scopes:?}"
    );
    assert!(
        server.protocol_errors().is_empty(),
        "{:?}",
        server.protocol_errors()
    );
}

#[tokio::test]
async fn path_values_are_percent_encoded_as_single_segments() {
    // (raw value, expected encoding): every byte except ASCII letters, digits and
    // `-._~` is escaped with uppercase hex, UTF-8 for non-ASCII.
    let cases = [
        ("x/../../other", "x%2F..%2F..%2Fother"),
        ("a b", "a%20b"),
        ("(x)", "%28x%29"),
        ("100%", "100%25"),
        ("café-ü", "caf%C3%A9-%C3%BC"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("a?b#c&d=e+f", "a%3Fb%23c%26d%3De%2Bf"),
        ("Az09-._~", "Az09-._~"),
        ("...", "..."),
        (".x", ".x"),
    ];
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);
    for (raw, _) in cases {
        client
            .regenerate_access_key(raw, raw, raw, primary(), None)
            .await
            .unwrap_or_else(|error| panic!("{raw:?}: {error:?}"));
    }
    // The subscription id (a client parameter) is encoded the same way.
    let (odd_subscription, _) = client_for(&server, "sub/1 x%", None);
    odd_subscription
        .regenerate_access_key("rg", "site", "wf", primary(), None)
        .await
        .unwrap();

    let requests = server.requests();
    assert_eq!(requests.len(), cases.len() + 1);
    for ((raw, encoded), request) in cases.iter().zip(&requests) {
        let expected = format!(
            "{}?api-version={DEFAULT_API_VERSION}",
            expected_path(SUBSCRIPTION_ID, encoded, encoded, encoded)
        );
        assert_eq!(request.target, expected, "value {raw:?}");
        assert_eq!(request.target_bytes, expected.as_bytes(), "value {raw:?}");
    }
    assert_eq!(
        requests[cases.len()].target,
        format!(
            "{}?api-version={DEFAULT_API_VERSION}",
            expected_path("sub%2F1%20x%25", "rg", "site", "wf")
        )
    );
}

#[tokio::test]
async fn user_agent_and_client_request_id_are_well_formed() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);
    for _ in 0..2 {
        client
            .regenerate_access_key("rg", "site", "wf", primary(), None)
            .await
            .unwrap();
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 2);

    let manifest = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/Cargo.toml"
    ))
    .unwrap();
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap();

    let mut ids = Vec::new();
    for request in &requests {
        let user_agent = request.header("user-agent").unwrap();
        assert_eq!(request.header_values("user-agent").len(), 1);
        let rest = user_agent
            .strip_prefix(USER_AGENT_PREFIX)
            .unwrap_or_else(|| panic!("user-agent {user_agent:?}"));
        let (agent_version, platform) = rest.split_once(' ').unwrap();
        assert_eq!(agent_version, version, "user-agent {user_agent:?}");
        assert!(
            platform.starts_with('(')
                && platform.ends_with(')')
                && platform.matches("; ").count() == 2,
            "user-agent {user_agent:?}"
        );

        assert_eq!(request.header_values("x-ms-client-request-id").len(), 1);
        let id = request.header("x-ms-client-request-id").unwrap();
        assert!(is_uuid(id), "x-ms-client-request-id {id:?}");
        ids.push(id.to_string());
    }
    assert_ne!(ids[0], ids[1], "each call gets its own client request id");
}

async fn assert_error_response_decoded(status: u16, code: &str, message: &str, request_id: &str) {
    let body = json!({ "error": { "code": code, "message": message } });
    let header_value = request_id.to_string();
    let server = WireServer::start(move |_| {
        ScriptedResponse::json(status, &body).header("x-ms-request-id", header_value.as_str())
    })
    .await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);

    let error = client
        .regenerate_access_key("rg", "site", "wf", primary(), None)
        .await
        .unwrap_err();
    assert_eq!(error.http_status(), Some(StatusCode::from(status)));
    match error.kind() {
        ErrorKind::HttpResponse {
            status: kind_status,
            raw_response,
            ..
        } => {
            assert_eq!(u16::from(*kind_status), status);
            assert!(raw_response.is_some());
        }
        other => panic!("expected HttpResponse, got {other:?}"),
    }
    let decoded = ErrorResponse::try_from(error).unwrap();
    let properties = decoded.error.unwrap();
    assert_eq!(properties.code.as_deref(), Some(code));
    assert_eq!(properties.message.as_deref(), Some(message));

    let error = client
        .regenerate_access_key("rg", "site", "wf", primary(), None)
        .await
        .unwrap_err();
    let service = ServiceError::<ErrorResponse>::try_from(error).unwrap();
    assert_eq!(u16::from(service.status), status);
    assert_eq!(service.request_id.as_deref(), Some(request_id));
    assert_eq!(service.error_code.as_deref(), Some(code));
    assert_eq!(
        serde_json::from_slice::<Value>(&service.raw_body).unwrap(),
        json!({ "error": { "code": code, "message": message } })
    );
    let inner = service.error.unwrap().error.unwrap();
    assert_eq!(inner.code.as_deref(), Some(code));
    assert_eq!(inner.message.as_deref(), Some(message));
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn status_400_error_response_is_decoded() {
    assert_error_response_decoded(
        400,
        "InvalidKeyType",
        "The key type 'Tertiary' is not valid.",
        "3f1d2c9e-0000-4000-8000-000000000400",
    )
    .await;
}

#[tokio::test]
async fn status_404_error_response_is_decoded() {
    assert_error_response_decoded(
        404,
        "ResourceNotFound",
        "The workflow 'wf' was not found.",
        "3f1d2c9e-0000-4000-8000-000000000404",
    )
    .await;
}

#[tokio::test]
async fn status_500_with_non_json_body_keeps_the_raw_body() {
    const BODY: &str = "<html>upstream exploded</html>";
    let server = WireServer::start(|_| {
        ScriptedResponse::new(500)
            .header("content-type", "text/html")
            .header("x-ms-request-id", "rid-500")
            .body(BODY)
    })
    .await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);
    let error = client
        .regenerate_access_key("rg", "site", "wf", primary(), None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::HttpResponse { status, .. } if *status == StatusCode::InternalServerError
        ),
        "{error:?}"
    );
    let service = ServiceError::<ErrorResponse>::try_from(error).unwrap();
    assert_eq!(service.status, StatusCode::InternalServerError);
    assert_eq!(&service.raw_body[..], BODY.as_bytes());
    assert!(service.error.is_none());
    assert_eq!(service.request_id.as_deref(), Some("rid-500"));
    // Status 500 is not retried: retries are off and exactly one request arrived.
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn empty_required_path_parameters_fail_before_any_request() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);
    let cases = [
        (
            ("", "site", "wf"),
            ["resource_group_name", "resourceGroupName"],
        ),
        (("rg", "", "wf"), ["name", "name"]),
        (("rg", "site", ""), ["workflow_name", "workflowName"]),
    ];
    for ((resource_group, site, workflow), names) in cases {
        let error = client
            .regenerate_access_key(resource_group, site, workflow, primary(), None)
            .await
            .unwrap_err();
        let text = format!("{error}");
        assert!(
            names.iter().any(|name| text.contains(name)),
            "error {text:?} should name one of {names:?}"
        );
    }
    // `name` is a substring of the other two names: make sure the right one is blamed.
    let error = client
        .regenerate_access_key("rg", "", "wf", primary(), None)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        !error.contains("workflow_name") && !error.contains("resource_group_name"),
        "{error:?}"
    );
    assert_eq!(server.request_count(), 0);
    assert_eq!(server.connection_count(), 0);
}

#[tokio::test]
async fn dot_segment_values_are_refused_before_any_request() {
    // URL parsers collapse `.` and `..` segments (even percent-encoded), so such a
    // value would address a different resource; the client must refuse it.
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);
    for value in [".", ".."] {
        for (resource_group, site, workflow, param) in [
            (value, "site", "wf", "resource_group_name"),
            ("rg", value, "wf", "`name`"),
            ("rg", "site", value, "workflow_name"),
        ] {
            let error = client
                .regenerate_access_key(resource_group, site, workflow, primary(), None)
                .await
                .unwrap_err()
                .to_string();
            assert!(error.contains(param), "{value:?} in {param}: {error:?}");
        }
    }
    assert_eq!(server.request_count(), 0);
    assert_eq!(server.connection_count(), 0);
}

#[tokio::test]
async fn one_character_resource_group_name_is_sent() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);
    client
        .regenerate_access_key("a", "site", "wf", primary(), None)
        .await
        .unwrap();
    assert_eq!(
        server.single_request().target,
        format!(
            "{}?api-version={DEFAULT_API_VERSION}",
            expected_path(SUBSCRIPTION_ID, "a", "site", "wf")
        )
    );
}

#[tokio::test]
async fn api_version_override_is_sent() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, Some("2099-01-01-preview"));
    client
        .regenerate_access_key("rg", "site", "wf", primary(), None)
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(request.query(), Some("api-version=2099-01-01-preview"));
    assert_eq!(
        request.path(),
        expected_path(SUBSCRIPTION_ID, "rg", "site", "wf")
    );
}

#[tokio::test]
async fn default_api_version_is_2024_04_01() {
    assert_eq!(
        WorkflowsClientOptions::default().api_version,
        DEFAULT_API_VERSION
    );
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let (client, _) = client_for(&server, SUBSCRIPTION_ID, None);
    client
        .regenerate_access_key("rg", "site", "wf", primary(), None)
        .await
        .unwrap();
    assert_eq!(
        server.single_request().query(),
        Some("api-version=2024-04-01")
    );
}

/// Sends one call through `RecordingHttpClient` with `cloud` and no endpoint override.
async fn through_cloud(cloud: Option<CloudConfiguration>, expected_endpoint: &str) {
    let recorder = RecordingHttpClient::with_responses([ScriptedResponse::ok()]);
    let credential = Arc::new(RecordingCredential::new());
    let options = WorkflowsClientOptions {
        client_options: ClientOptions {
            cloud: cloud.map(Arc::new),
            ..recorder.client_options()
        },
        ..Default::default()
    };
    let client = WorkflowsClient::new(
        credential.clone(),
        SUBSCRIPTION_ID.to_string(),
        Some(options),
    )
    .unwrap();
    assert_eq!(
        client.endpoint().as_str().trim_end_matches('/'),
        expected_endpoint
    );
    client
        .regenerate_access_key("rg", "site", "wf", primary(), None)
        .await
        .unwrap();

    let requests = recorder.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, azure_core::http::Method::Post);
    assert_eq!(
        request.url.as_str(),
        format!(
            "{expected_endpoint}{}?api-version={DEFAULT_API_VERSION}",
            expected_path(SUBSCRIPTION_ID, "rg", "site", "wf")
        )
    );
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {TEST_TOKEN}").as_str())
    );
    assert_eq!(
        request.body_json().unwrap(),
        json!({ "keyType": "Primary" })
    );
    let scope = format!("{expected_endpoint}/.default");
    let scopes = credential.requested_scopes();
    assert!(!scopes.is_empty());
    assert!(
        scopes.iter().all(|call| *call == [scope.clone()]),
        "{scopes:?}"
    );
}

#[tokio::test]
async fn government_cloud_uses_its_arm_endpoint_and_scope() {
    through_cloud(
        Some(CloudConfiguration::AzureGovernment),
        "https://management.usgovcloudapi.net",
    )
    .await;
}

#[tokio::test]
async fn china_cloud_uses_its_arm_endpoint_and_scope() {
    through_cloud(
        Some(CloudConfiguration::AzureChina),
        "https://management.chinacloudapi.cn",
    )
    .await;
}

#[tokio::test]
async fn public_cloud_is_the_default() {
    through_cloud(None, "https://management.azure.com").await;
}
