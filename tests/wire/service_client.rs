//! The service client: one `WebClient` made once hands out the operation groups' clients,
//! which share its pipeline, so a program that uses three groups asks its credential for a
//! token once.

use azure_core::http::Url;
use azure_resourcemanager_web_workflows::{
    models::{KeyType, RegenerateActionParameter},
    WebClient, WebClientOptions, WorkflowRunsClient, WorkflowRunsClientOptions,
    WorkflowVersionsClient, WorkflowVersionsClientOptions, WorkflowsClient, WorkflowsClientOptions,
};
use serde_json::json;
use std::sync::Arc;
use tests::{client_options, RecordingCredential, ScriptedResponse, WireServer, TEST_TOKEN};

const SUBSCRIPTION_ID: &str = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";

fn responses() -> [ScriptedResponse; 3] {
    [
        ScriptedResponse::ok(),
        ScriptedResponse::json(200, &json!({ "name": "run-1" })),
        ScriptedResponse::json(200, &json!({ "name": "version-1" })),
    ]
}

#[tokio::test]
async fn three_groups_through_one_service_client_request_one_token() {
    let server = WireServer::with_responses(responses()).await;
    let credential = Arc::new(RecordingCredential::new());
    // As the crate README shows it, with the loopback server as the endpoint.
    let client = WebClient::new(
        credential.clone(),
        SUBSCRIPTION_ID.to_string(),
        Some(WebClientOptions {
            endpoint: Some(Url::parse(&server.base_url()).unwrap()),
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let body = RegenerateActionParameter {
        key_type: Some(KeyType::Primary),
    };
    client
        .workflows_client()
        .regenerate_access_key("rg", "site", "wf", body.try_into().unwrap(), None)
        .await
        .unwrap();
    let run = client
        .workflow_runs_client()
        .get("rg", "site", "wf", "run-1", None)
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(run.name.as_deref(), Some("run-1"));
    let version = client
        .workflow_versions_client()
        .get("rg", "site", "wf", "version-1", None)
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(version.name.as_deref(), Some("version-1"));

    assert_eq!(credential.call_count(), 1, "one token for the three groups");
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(
            request.header_values("authorization"),
            [format!("Bearer {TEST_TOKEN}").as_str()]
        );
        assert!(request.path().starts_with(&format!(
            "/subscriptions/{SUBSCRIPTION_ID}/resourceGroups/rg/"
        )));
    }
    assert!(requests[0]
        .path()
        .ends_with("/workflows/wf/regenerateAccessKey"));
    assert!(requests[1].path().ends_with("/workflows/wf/runs/run-1"));
    assert!(requests[2]
        .path()
        .ends_with("/workflows/wf/versions/version-1"));
    // The group clients carry the service client's settings.
    assert_eq!(client.workflows_client().endpoint(), client.endpoint());
}

/// The same calls through three clients made on their own: three pipelines, three tokens.
/// This is what the service client saves.
#[tokio::test]
async fn three_clients_made_apart_request_three_tokens() {
    let server = WireServer::with_responses(responses()).await;
    let credential = Arc::new(RecordingCredential::new());
    let endpoint = Some(Url::parse(&server.base_url()).unwrap());
    let workflows = WorkflowsClient::new(
        credential.clone(),
        SUBSCRIPTION_ID.into(),
        Some(WorkflowsClientOptions {
            endpoint: endpoint.clone(),
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let runs = WorkflowRunsClient::new(
        credential.clone(),
        SUBSCRIPTION_ID.into(),
        Some(WorkflowRunsClientOptions {
            endpoint: endpoint.clone(),
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let versions = WorkflowVersionsClient::new(
        credential.clone(),
        SUBSCRIPTION_ID.into(),
        Some(WorkflowVersionsClientOptions {
            endpoint,
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let body = RegenerateActionParameter {
        key_type: Some(KeyType::Primary),
    };
    workflows
        .regenerate_access_key("rg", "site", "wf", body.try_into().unwrap(), None)
        .await
        .unwrap();
    runs.get("rg", "site", "wf", "run-1", None).await.unwrap();
    versions
        .get("rg", "site", "wf", "version-1", None)
        .await
        .unwrap();
    assert_eq!(credential.call_count(), 3);
}

#[tokio::test]
async fn the_api_version_set_on_the_service_client_reaches_every_group() {
    let server = WireServer::with_responses(responses()).await;
    let client = WebClient::new(
        Arc::new(RecordingCredential::new()),
        SUBSCRIPTION_ID.into(),
        Some(WebClientOptions {
            endpoint: Some(Url::parse(&server.base_url()).unwrap()),
            client_options: client_options(),
            api_version: "2023-12-01".into(),
            ..Default::default()
        }),
    )
    .unwrap();
    let body = RegenerateActionParameter {
        key_type: Some(KeyType::Secondary),
    };
    client
        .workflows_client()
        .regenerate_access_key("rg", "site", "wf", body.try_into().unwrap(), None)
        .await
        .unwrap();
    client
        .workflow_runs_client()
        .get("rg", "site", "wf", "run-1", None)
        .await
        .unwrap();
    for request in server.requests().iter().take(2) {
        assert_eq!(request.query(), Some("api-version=2023-12-01"));
    }
}
