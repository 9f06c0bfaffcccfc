//! Models as users handle them: read-only properties never reach a request, whatever features
//! are on, yet every model serializes in full (to log or store a response); enums parse from
//! and print as their wire values.

use azure_core::{error::ErrorKind, http::Url, time::OffsetDateTime};
use azure_resourcemanager_web_workflows::{
    models::{DayOfWeek, KeyType, Workflow, WorkflowProperties, WorkflowRun, WorkflowState},
    WorkflowRunsClient, WorkflowRunsClientOptions, WorkflowsClient, WorkflowsClientOptions,
};
use serde_json::{json, Value};
use std::{convert::Infallible, str::FromStr, sync::Arc};
use tests::{client_options, RecordingCredential, ScriptedResponse, WireServer};

const SUBSCRIPTION_ID: &str = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";

/// A workflow with every read-only property set, as a user might copy it from a response.
fn workflow_with_read_only_values() -> Workflow {
    Workflow {
        id: Some(
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/site/workflows/wf"
                .into(),
        ),
        name: Some("wf".into()),
        type_: Some("Microsoft.Web/sites/workflows".into()),
        location: Some("westeurope".into()),
        properties: Some(WorkflowProperties {
            state: Some(WorkflowState::Enabled),
            version: Some("08585.1".into()),
            provisioning_state: Some("Succeeded".into()),
            created_time: Some(OffsetDateTime::UNIX_EPOCH),
            changed_time: Some(OffsetDateTime::UNIX_EPOCH),
            ..Default::default()
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn read_only_properties_never_reach_a_request_but_a_user_serialization_keeps_them() {
    let workflow = workflow_with_read_only_values();
    // Serialized by the user (for logging, say): everything it holds.
    let logged = serde_json::to_value(&workflow).unwrap();
    assert_eq!(
        logged,
        json!({
            "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/site/workflows/wf",
            "name": "wf",
            "type": "Microsoft.Web/sites/workflows",
            "location": "westeurope",
            "properties": {
                "provisioningState": "Succeeded",
                "createdTime": "1970-01-01T00:00:00Z",
                "changedTime": "1970-01-01T00:00:00Z",
                "state": "Enabled",
                "version": "08585.1"
            }
        })
    );

    // Sent: none of the read-only properties, at any depth.
    let server = WireServer::with_responses([ScriptedResponse::ok()]).await;
    let client = WorkflowsClient::new(
        Arc::new(RecordingCredential::new()),
        SUBSCRIPTION_ID.into(),
        Some(WorkflowsClientOptions {
            endpoint: Some(Url::parse(&server.base_url()).unwrap()),
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    client
        .validate(
            "rg",
            "site",
            "wf",
            workflow.clone().try_into().unwrap(),
            None,
        )
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(
        request.body_json().unwrap(),
        json!({ "location": "westeurope", "properties": { "state": "Enabled" } })
    );

    // Serializing for the request left no trace: the user's next serialization is whole.
    assert_eq!(serde_json::to_value(&workflow).unwrap(), logged);
}

#[tokio::test]
async fn a_response_model_serializes_with_every_property_it_received() {
    let body = json!({
        "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/site/workflows/wf/runs/r1",
        "name": "r1",
        "type": "Microsoft.Web/sites/workflows/runs",
        "properties": { "status": "Succeeded", "correlation": { "clientTrackingId": "t-1" } }
    });
    let server = WireServer::with_responses([ScriptedResponse::json(200, &body)]).await;
    let client = WorkflowRunsClient::new(
        Arc::new(RecordingCredential::new()),
        SUBSCRIPTION_ID.into(),
        Some(WorkflowRunsClientOptions {
            endpoint: Some(Url::parse(&server.base_url()).unwrap()),
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let run: WorkflowRun = client
        .get("rg", "site", "wf", "r1", None)
        .await
        .unwrap()
        .into_model()
        .unwrap();
    let text = serde_json::to_string(&run).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), body);
}

#[test]
fn extensible_enums_parse_any_value_and_print_their_wire_value() {
    let parsed: Result<KeyType, Infallible> = KeyType::from_str("Primary");
    assert_eq!(parsed, Ok(KeyType::Primary));
    assert_eq!(
        "Tertiary".parse::<KeyType>(),
        Ok(KeyType::UnknownValue("Tertiary".into()))
    );
    assert_eq!(KeyType::Secondary.as_ref(), "Secondary");
    assert_eq!(KeyType::UnknownValue("x".into()).to_string(), "x");
    assert_eq!(
        serde_json::to_value(KeyType::NotSpecified).unwrap(),
        json!("NotSpecified")
    );
}

#[test]
fn fixed_enums_parse_their_values_and_refuse_others() {
    assert_eq!("Monday".parse::<DayOfWeek>().unwrap(), DayOfWeek::Monday);
    let error = "Funday".parse::<DayOfWeek>().unwrap_err();
    assert_eq!(*error.kind(), ErrorKind::DataConversion);
    assert_eq!(error.to_string(), "`Funday` is not a value of `DayOfWeek`");
    // Wire values are case-sensitive, as on the wire.
    assert!("monday".parse::<DayOfWeek>().is_err());
    assert_eq!(DayOfWeek::Saturday.as_ref(), "Saturday");
    assert_eq!(format!("{}", DayOfWeek::Sunday), "Sunday");
    assert_eq!(
        serde_json::to_value(DayOfWeek::Friday).unwrap(),
        json!("Friday")
    );
    for day in [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ] {
        assert_eq!(day.parse::<DayOfWeek>().unwrap().to_string(), day);
    }
}
