//! Wire tests for the clients generated from the OpenAPI 3.0 documents in `specs/peers/`: at
//! least one operation of each, over real HTTPS to the loopback [`WireServer`].

use azure_core::{error::ErrorKind, http::StatusCode, time::OffsetDateTime, Uuid};
use serde_json::json;
use tests::{client_options, ScriptedResponse, WireServer};

#[tokio::test]
async fn keeper_report_start_sends_the_authorization_header_and_a_json_body() {
    use keeper_client::{
        models::{ReportId, ReportStartBody},
        KeeperClient, KeeperClientOptions,
    };
    let server = WireServer::with_responses([ScriptedResponse::json(
        201,
        &json!({ "existed_already": true }),
    )])
    .await;
    let options = KeeperClientOptions {
        client_options: client_options(),
        ..Default::default()
    };
    let client = KeeperClient::new(&server.base_url(), Some(options)).unwrap();
    let time = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    let body = ReportStartBody {
        id: Some(ReportId {
            host: Some("h1".into()),
            job: Some("backup".into()),
            pid: Some(u64::MAX),
            time: Some(time),
            uuid: Some("u-1".into()),
        }),
        script: Some("run.sh".into()),
        start_time: Some(time),
    };
    let response = client
        .report_start("Bearer secret", body.try_into().unwrap(), None)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::Created);
    let result = response.into_model().unwrap();
    assert_eq!(result.existed_already, Some(true));

    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/report/start");
    assert_eq!(request.header_values("authorization"), ["Bearer secret"]);
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.body_json().unwrap(),
        json!({
            "id": { "host": "h1", "job": "backup", "pid": u64::MAX, "time": "2023-11-14T22:13:20Z", "uuid": "u-1" },
            "script": "run.sh",
            "start_time": "2023-11-14T22:13:20Z"
        })
    );
}

#[tokio::test]
async fn keeper_status_other_than_201_is_an_http_response_error() {
    use keeper_client::{KeeperClient, KeeperClientOptions};
    let server = WireServer::with_responses([ScriptedResponse::new(200)]).await;
    let options = KeeperClientOptions {
        client_options: client_options(),
        ..Default::default()
    };
    let client = KeeperClient::new(&server.base_url(), Some(options)).unwrap();
    let error = client.ping("Bearer x", None).await.unwrap_err();
    assert!(matches!(
        error.kind(),
        ErrorKind::HttpResponse {
            status: StatusCode::Ok,
            ..
        }
    ));
}

#[tokio::test]
async fn keeper_refuses_an_endpoint_that_is_not_http() {
    use keeper_client::KeeperClient;
    assert!(KeeperClient::new("ftp://example.com", None).is_err());
    assert!(KeeperClient::new("not a url", None).is_err());
}

#[tokio::test]
async fn buildomat_task_events_get_encodes_the_path_and_sends_a_u64_query() {
    use buildomat_client::{
        models::BuildomatClientTaskEventsGetOptions, BuildomatClient, BuildomatClientOptions,
    };
    let server = WireServer::with_responses([ScriptedResponse::json(
        200,
        &json!([{ "payload": "p", "seq": 18_446_744_073_709_551_615u64, "stream": "stdout", "time": "2024-01-02T03:04:05Z" }]),
    )])
    .await;
    let client = BuildomatClient::new(
        &format!("{}/base/", server.base_url()),
        Some(BuildomatClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let options = BuildomatClientTaskEventsGetOptions {
        minseq: Some(42),
        ..Default::default()
    };
    let events = client
        .task_events_get("a/b c", Some(options))
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].seq, Some(u64::MAX));
    let request = server.single_request();
    assert_eq!(request.method, "GET");
    assert_eq!(request.target, "/base/v1/tasks/a%2Fb%20c/events?minseq=42");
}

#[tokio::test]
async fn buildomat_text_plain_body_is_sent_as_text() {
    use buildomat_client::{
        models::BuildomatClientWhoamiPutNameOptions, BuildomatClient, BuildomatClientOptions,
    };
    let server = WireServer::with_responses([ScriptedResponse::ok()]).await;
    let client = BuildomatClient::new(
        &server.base_url(),
        Some(BuildomatClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let options = BuildomatClientWhoamiPutNameOptions {
        body: Some("new name".to_string()),
        ..Default::default()
    };
    client.whoami_put_name(Some(options)).await.unwrap();
    let request = server.single_request();
    assert_eq!(request.method, "PUT");
    assert_eq!(request.target, "/v1/whoami/name");
    assert_eq!(request.header("content-type"), Some("text/plain"));
    assert_eq!(request.body, b"new name");
}

#[tokio::test]
async fn buildomat_operation_without_responses_accepts_any_2xx_and_keeps_the_body() {
    use buildomat_client::{BuildomatClient, BuildomatClientOptions};
    let server = WireServer::with_responses([
        ScriptedResponse::new(206).body("partial"),
        ScriptedResponse::new(404),
    ])
    .await;
    let client = BuildomatClient::new(
        &server.base_url(),
        Some(BuildomatClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let response = client.task_output_download("o1", "t1", None).await.unwrap();
    assert_eq!(u16::from(response.status()), 206);
    let body = response.into_body();
    assert_eq!(body.as_ref(), b"partial");
    let error = client
        .task_output_download("o1", "t1", None)
        .await
        .unwrap_err();
    assert!(matches!(
        error.kind(),
        ErrorKind::HttpResponse {
            status: StatusCode::NotFound,
            ..
        }
    ));
    assert_eq!(server.requests()[0].target, "/v1/tasks/t1/outputs/o1");
}

#[tokio::test]
async fn propolis_snapshot_request_sends_uuids_and_decodes_4xx_error_model() {
    use propolis_server_client::{
        models::{ErrorModel, ServiceError},
        OxidePropolisServerClient, OxidePropolisServerClientOptions,
    };
    let server = WireServer::with_responses([
        ScriptedResponse::json(200, &serde_json::Value::Null),
        ScriptedResponse::json(
            409,
            &json!({ "error_code": "Busy", "message": "try later", "request_id": "r-9" }),
        ),
    ])
    .await;
    let client = OxidePropolisServerClient::new(
        &server.base_url(),
        Some(OxidePropolisServerClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let disk = Uuid::parse_str("1f0e8e4c-7d5b-4b8a-9f36-4b2c9b7e0a11").unwrap();
    let snapshot = Uuid::parse_str("00000000-0000-0000-0000-0000000000ff").unwrap();
    let response = client
        .instance_issue_crucible_snapshot_request(disk, snapshot, None)
        .await
        .unwrap();
    assert_eq!(response.into_model().unwrap(), serde_json::Value::Null);
    assert_eq!(
        server.requests()[0].target,
        "/instance/disk/1f0e8e4c-7d5b-4b8a-9f36-4b2c9b7e0a11/snapshot/00000000-0000-0000-0000-0000000000ff"
    );
    assert_eq!(server.requests()[0].method, "POST");

    let error = client
        .instance_issue_crucible_snapshot_request(disk, snapshot, None)
        .await
        .unwrap_err();
    let service = ServiceError::<ErrorModel>::try_from(error).unwrap();
    assert_eq!(service.status, StatusCode::Conflict);
    let model = service.error.unwrap();
    assert_eq!(model.error_code.as_deref(), Some("Busy"));
    assert_eq!(model.request_id.as_deref(), Some("r-9"));
}

#[tokio::test]
async fn param_collision_arguments_named_like_locals_reach_the_wire() {
    use param_collision_client::{
        ParameterNameCollisionTestClient, ParameterNameCollisionTestClientOptions,
    };
    let server = WireServer::with_responses([ScriptedResponse::ok()]).await;
    let client = ParameterNameCollisionTestClient::new(
        &server.base_url(),
        Some(ParameterNameCollisionTestClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    client
        .key_get(true, false, true, false, true, false, None)
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(request.path(), "/key/true");
    assert_eq!(
        request.query_pairs(),
        [
            ("url".to_string(), "false".to_string()),
            ("request".to_string(), "true".to_string()),
            ("response".to_string(), "false".to_string()),
            ("result".to_string(), "true".to_string()),
            ("client".to_string(), "false".to_string()),
        ]
    );
}

#[tokio::test]
async fn param_overrides_operation_level_key_is_a_bool_and_unset_options_are_not_sent() {
    use param_overrides_json_client::{
        models::ParameterOverrideTestClientKeyGetOptions, ParameterOverrideTestClient,
        ParameterOverrideTestClientOptions,
    };
    let server = WireServer::with_responses([ScriptedResponse::ok(), ScriptedResponse::ok()]).await;
    let client = ParameterOverrideTestClient::new(
        &server.base_url(),
        Some(ParameterOverrideTestClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let options = ParameterOverrideTestClientKeyGetOptions {
        key: Some(true),
        unique_key: Some("a&b".into()),
        ..Default::default()
    };
    client.key_get(Some(options)).await.unwrap();
    client.key_get(None).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests[0].target, "/key?key=true&uniqueKey=a%26b");
    assert_eq!(requests[1].target, "/key");
}

#[tokio::test]
async fn param_overrides_yaml_client_sends_the_same_request() {
    use param_overrides_yaml_client::{
        models::ParameterOverrideTestClientKeyGetOptions, ParameterOverrideTestClient,
        ParameterOverrideTestClientOptions,
    };
    let server = WireServer::with_responses([ScriptedResponse::ok()]).await;
    let client = ParameterOverrideTestClient::new(
        &server.base_url(),
        Some(ParameterOverrideTestClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let options = ParameterOverrideTestClientKeyGetOptions {
        key: Some(false),
        ..Default::default()
    };
    client.key_get(Some(options)).await.unwrap();
    assert_eq!(server.single_request().target, "/key?key=false");
}

#[tokio::test]
async fn cli_gen_optional_body_is_sent_only_when_given() {
    use cli_gen_client::{
        models::{CliGenTestClientUnoOptions, UnoBody},
        CliGenTestClient, CliGenTestClientOptions,
    };
    let server =
        WireServer::with_responses([ScriptedResponse::ok(), ScriptedResponse::new(204)]).await;
    let client = CliGenTestClient::new(
        &server.base_url(),
        Some(CliGenTestClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let options = CliGenTestClientUnoOptions {
        body: Some(
            UnoBody {
                gateway: Some("gw-body".into()),
            }
            .try_into()
            .unwrap(),
        ),
        ..Default::default()
    };
    client.uno("gw 1", Some(options)).await.unwrap();
    client.uno("gw 2", None).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].target, "/uno?gateway=gw+1");
    assert_eq!(requests[0].header("content-type"), Some("application/json"));
    assert_eq!(
        requests[0].body_json().unwrap(),
        json!({ "gateway": "gw-body" })
    );
    assert_eq!(requests[1].target, "/uno?gateway=gw+2");
    assert!(requests[1].body.is_empty());
    assert_eq!(requests[1].header("content-type"), None);
}

#[tokio::test]
async fn propolis_enum_body_is_sent_as_a_json_string() {
    use propolis_server_client::{
        models::InstanceStateRequested, OxidePropolisServerClient, OxidePropolisServerClientOptions,
    };
    let server = WireServer::with_responses([ScriptedResponse::new(204)]).await;
    let client = OxidePropolisServerClient::new(
        &server.base_url(),
        Some(OxidePropolisServerClientOptions {
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    client
        .instance_state_put(
            InstanceStateRequested::MigrateStart.try_into().unwrap(),
            None,
        )
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(request.method, "PUT");
    assert_eq!(request.target, "/instance/state");
    assert_eq!(request.body_text(), "\"MigrateStart\"");
}
