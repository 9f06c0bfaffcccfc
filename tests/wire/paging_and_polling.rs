//! Pagers (`x-ms-pageable`) and pollers (`x-ms-long-running-operation`) over several pages and
//! polls, against the HTTPS loopback server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use azure_core::{
    error::ErrorKind,
    http::{pager::PagerOptions, poller::PollerOptions, Url},
    time::Duration,
};
use azure_resourcemanager_web_workflows::{clients::*, models::*};
use futures::TryStreamExt;
use serde_json::{json, Value};
use std::{
    sync::{Arc, Mutex},
    time::Instant,
};
use tests::{client_options, RecordedRequest, RecordingCredential, ScriptedResponse, WireServer};

const SUB: &str = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
const WORKFLOW: &str = "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/rg/providers/Microsoft.Web/sites/site/hostruntime/runtime/webhooks/workflow/api/management/workflows/wf";

fn options(server: &WireServer) -> (Arc<RecordingCredential>, String, Url) {
    (
        Arc::new(RecordingCredential::new()),
        SUB.to_string(),
        Url::parse(&server.base_url()).unwrap(),
    )
}

fn runs_client(server: &WireServer) -> WorkflowRunsClient {
    let (credential, sub, endpoint) = options(server);
    let options = WorkflowRunsClientOptions {
        endpoint: Some(endpoint),
        client_options: client_options(),
        ..Default::default()
    };
    WorkflowRunsClient::new(credential, sub, Some(options)).unwrap()
}

fn triggers_client(server: &WireServer) -> WorkflowTriggersClient {
    let (credential, sub, endpoint) = options(server);
    let options = WorkflowTriggersClientOptions {
        endpoint: Some(endpoint),
        client_options: client_options(),
        ..Default::default()
    };
    WorkflowTriggersClient::new(credential, sub, Some(options)).unwrap()
}

fn run(name: &str) -> Value {
    json!({ "id": format!("workflows/wf/runs/{name}"), "name": name, "type": "workflows/runs" })
}

/// Three pages of runs; the server's next links carry their own (wrong) api-version and a
/// skip token that must come back byte for byte.
fn three_pages(request: &RecordedRequest) -> ScriptedResponse {
    let page = match request.query_pairs().iter().find(|(k, _)| k == "page") {
        None => 1,
        Some((_, v)) => v.parse().unwrap(),
    };
    let next =
        |n: u32| format!("/next/runs?page={n}&%24skiptoken=a%2Bb%20c&api-version=1999-01-01");
    match page {
        1 => ScriptedResponse::json(
            200,
            &json!({ "value": [run("r1"), run("r2")], "nextLink": next(2) }),
        ),
        // A relative link resolves against the request URL.
        2 => ScriptedResponse::json(200, &json!({ "value": [run("r3")], "nextLink": next(3) })),
        _ => ScriptedResponse::json(200, &json!({ "value": [run("r4")], "nextLink": null })),
    }
}

fn names(runs: &[WorkflowRun]) -> Vec<String> {
    runs.iter().map(|r| r.name.clone().unwrap()).collect()
}

/// The value the server read back for query parameter `name`.
fn decoded_query(request: &RecordedRequest, name: &str) -> Option<String> {
    let url = Url::parse(&format!("https://x{}", request.target)).unwrap();
    url.query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

#[tokio::test]
async fn pager_follows_next_links_over_three_pages_with_the_clients_api_version() {
    let server = WireServer::start(three_pages).await;
    let client = runs_client(&server);
    let filter = "status eq 'Failed' & x=1 #2 + 100% café";
    let options = WorkflowRunsClientListOptions {
        top: Some(5),
        filter: Some(filter.to_string()),
        ..Default::default()
    };
    let pager = client.list("rg", "site", "wf", Some(options)).unwrap();
    assert_eq!(server.request_count(), 0, "nothing is sent before polling");
    let runs: Vec<WorkflowRun> = pager.try_collect().await.unwrap();
    assert_eq!(names(&runs), ["r1", "r2", "r3", "r4"]);

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[0].method, "GET");
    assert_eq!(requests[0].path(), format!("{WORKFLOW}/runs"));
    assert_eq!(
        decoded_query(&requests[0], "api-version").as_deref(),
        Some("2024-04-01")
    );
    assert_eq!(decoded_query(&requests[0], "$top").as_deref(), Some("5"));
    assert_eq!(
        decoded_query(&requests[0], "$filter").as_deref(),
        Some(filter)
    );
    // `&`, `=`, `#`, `+`, `%`, space and non-ASCII never reach the wire raw.
    let query = requests[0].query().unwrap();
    assert_eq!(query.split('&').count(), 3, "{query}");
    assert!(
        !query.contains(['#', ' ', '\'']) && query.is_ascii(),
        "{query}"
    );
    for (i, request) in requests[1..].iter().enumerate() {
        let page = i + 2;
        assert_eq!(request.method, "GET");
        assert_eq!(
            request.target,
            format!("/next/runs?page={page}&%24skiptoken=a%2Bb%20c&api-version=2024-04-01")
        );
        assert!(request.body.is_empty());
        assert_eq!(request.header("accept"), Some("application/json"));
        assert!(request.header("authorization").is_some());
    }
}

#[tokio::test]
async fn optional_query_parameters_are_sent_only_when_set() {
    let server = WireServer::start(|_| ScriptedResponse::json(200, &json!({ "value": [] }))).await;
    let client = runs_client(&server);
    let runs: Vec<WorkflowRun> = client
        .list("rg", "site", "wf", None)
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert!(runs.is_empty());
    assert_eq!(
        server.single_request().target,
        format!("{WORKFLOW}/runs?api-version=2024-04-01")
    );
}

#[tokio::test]
async fn pager_yields_pages_and_restarts_from_a_continuation() {
    let server = WireServer::start(three_pages).await;
    let client = runs_client(&server);
    let mut pages = client.list("rg", "site", "wf", None).unwrap().into_pages();
    let first = pages
        .try_next()
        .await
        .unwrap()
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(names(&first.value.unwrap()), ["r1", "r2"]);
    let continuation = pages.into_continuation().unwrap();
    assert_eq!(server.request_count(), 1);

    let options = WorkflowRunsClientListOptions {
        method_options: PagerOptions {
            continuation: Some(continuation),
            ..Default::default()
        },
        ..Default::default()
    };
    let rest: Vec<WorkflowRun> = client
        .list("rg", "site", "wf", Some(options))
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(names(&rest), ["r3", "r4"]);
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets.len(), 3);
    assert!(targets[1].starts_with("/next/runs?page=2&"), "{targets:?}");
}

#[tokio::test]
async fn a_page_that_fails_mid_way_is_an_error_not_an_end() {
    let server = WireServer::start(|request: &RecordedRequest| {
        if request.target.contains("page=2") {
            ScriptedResponse::json(
                500,
                &json!({ "error": { "code": "Boom", "message": "page two failed" } }),
            )
        } else {
            three_pages(request)
        }
    })
    .await;
    let client = runs_client(&server);
    let mut pager = client.list("rg", "site", "wf", None).unwrap();
    assert_eq!(
        pager.try_next().await.unwrap().unwrap().name.as_deref(),
        Some("r1")
    );
    assert_eq!(
        pager.try_next().await.unwrap().unwrap().name.as_deref(),
        Some("r2")
    );
    let error = pager.try_next().await.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::HttpResponse { .. }),
        "{error:?}"
    );
    let service = ServiceError::<ErrorResponse>::try_from(error).unwrap();
    assert_eq!(u16::from(service.status), 500);
    assert_eq!(
        service.error.unwrap().error.unwrap().code.as_deref(),
        Some("Boom")
    );
    assert!(pager.try_next().await.unwrap().is_none());
}

#[tokio::test]
async fn a_next_link_to_another_origin_is_not_followed() {
    let server = WireServer::start(|_| {
        ScriptedResponse::json(
            200,
            &json!({ "value": [run("r1")], "nextLink": "https://example.invalid/steal" }),
        )
    })
    .await;
    let client = runs_client(&server);
    let mut pager = client.list("rg", "site", "wf", None).unwrap().into_pages();
    // The page that carried the link arrives first; the refusal comes after it.
    assert!(pager.try_next().await.unwrap().is_some());
    let error = pager.try_next().await.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::DataConversion),
        "{error:?}"
    );
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn post_pager_reads_items_from_inputs_and_follows_next_links_with_get() {
    let server = WireServer::start(|request: &RecordedRequest| {
        let page: u32 = decoded_query(request, "page").map_or(1, |p| p.parse().unwrap());
        let next = (page < 3).then(|| format!("/traces?page={}", page + 1));
        ScriptedResponse::json(
            200,
            &json!({ "inputs": [{ "path": format!("p{page}"), "text": "add(4, 4)", "value": page }], "nextLink": next, "value": "ignored" }),
        )
    })
    .await;
    let (credential, sub, endpoint) = options(&server);
    let client = WorkflowRunActionsClient::new(
        credential,
        sub,
        Some(WorkflowRunActionsClientOptions {
            endpoint: Some(endpoint),
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let traces: Vec<ExpressionRoot> = client
        .list_expression_traces("rg", "site", "wf", "run", "action", None)
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    let paths: Vec<_> = traces.iter().map(|t| t.path.clone().unwrap()).collect();
    assert_eq!(paths, ["p1", "p2", "p3"]);
    assert_eq!(traces[2].value, Some(json!(3)));
    let requests = server.requests();
    assert_eq!(
        requests
            .iter()
            .map(|r| r.method.as_str())
            .collect::<Vec<_>>(),
        ["POST", "GET", "GET"]
    );
    assert_eq!(
        requests[0].target,
        format!("{WORKFLOW}/runs/run/actions/action/listExpressionTraces?api-version=2024-04-01")
    );
    assert_eq!(requests[2].target, "/traces?page=3&api-version=2024-04-01");
}

/// A scripted long-running operation: the first answer, then each poll's answer in order.
fn lro_server_responses(
    responses: Vec<ScriptedResponse>,
) -> impl Fn(&RecordedRequest) -> ScriptedResponse {
    let queue = Mutex::new(responses.into_iter());
    move |_| {
        queue
            .lock()
            .unwrap()
            .next()
            .unwrap_or_else(|| ScriptedResponse::new(599))
    }
}

#[tokio::test]
async fn poller_follows_location_honouring_retry_after_until_done() {
    let server = WireServer::start(lro_server_responses(vec![
        ScriptedResponse::new(202)
            .header("Location", "/status/1?api-version=2024-04-01")
            .header("Retry-After", "1"),
        ScriptedResponse::new(202)
            .header("Location", "/status/2?api-version=2024-04-01")
            .header("Retry-After", "1"),
        ScriptedResponse::new(202).header("retry-after-ms", "10"),
        ScriptedResponse::json(200, &json!({ "name": "history" })),
    ]))
    .await;
    let client = triggers_client(&server);
    let started = Instant::now();
    let response = client
        .begin_run("rg", "site", "wf", "recurrence", None)
        .unwrap()
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(u16::from(response.status()), 200);
    assert!(
        elapsed >= std::time::Duration::from_secs(2),
        "two Retry-After: 1 waits, took {elapsed:?}"
    );
    assert!(
        elapsed < std::time::Duration::from_secs(20),
        "Retry-After honoured, not the 30 s default: {elapsed:?}"
    );

    let requests = server.requests();
    let lines: Vec<String> = requests
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect();
    assert_eq!(
        lines,
        [
            format!("POST {WORKFLOW}/triggers/recurrence/run?api-version=2024-04-01"),
            "GET /status/1?api-version=2024-04-01".to_string(),
            // No new Location: keep polling the last one.
            "GET /status/2?api-version=2024-04-01".to_string(),
            "GET /status/2?api-version=2024-04-01".to_string(),
        ]
    );
    assert!(requests.iter().all(|r| r.header("authorization").is_some()));
}

#[tokio::test]
async fn poller_reads_the_status_of_azure_async_operation_and_yields_each_poll() {
    let server = WireServer::start(lro_server_responses(vec![
        ScriptedResponse::new(202)
            .header("Azure-AsyncOperation", "/operations/op1")
            .header("Location", "/final")
            .header("retry-after-ms", "5"),
        ScriptedResponse::json(200, &json!({ "status": "InProgress" }))
            .header("retry-after-ms", "5"),
        ScriptedResponse::json(200, &json!({ "status": "Running" })).header("retry-after-ms", "5"),
        ScriptedResponse::json(200, &json!({ "status": "Succeeded" })),
    ]))
    .await;
    let client = triggers_client(&server);
    let poller = client.begin_run("rg", "site", "wf", "t", None).unwrap();
    let seen: Vec<(u16, Option<String>)> = poller
        .map_ok(|r| {
            let status = u16::from(r.status());
            (
                status,
                r.into_model().unwrap().status.map(|s| format!("{s:?}")),
            )
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        seen,
        [
            (202, Some("InProgress".to_string())),
            (200, Some("InProgress".to_string())),
            (200, Some("UnknownValue(\"Running\")".to_string())),
            (200, Some("Succeeded".to_string())),
        ]
    );
    let targets: Vec<String> = server
        .requests()
        .into_iter()
        .skip(1)
        .map(|r| r.target)
        .collect();
    assert_eq!(
        targets,
        ["/operations/op1", "/operations/op1", "/operations/op1"]
    );
}

#[tokio::test]
async fn a_failed_operation_is_an_error_with_the_final_status() {
    let server = WireServer::start(lro_server_responses(vec![
        ScriptedResponse::new(202)
            .header("Azure-AsyncOperation", "/operations/op1")
            .header("retry-after-ms", "5"),
        ScriptedResponse::json(
            200,
            &json!({ "status": "Failed", "error": { "code": "TriggerFailed", "message": "no" } }),
        ),
    ]))
    .await;
    let client = triggers_client(&server);
    let error = client
        .begin_run("rg", "site", "wf", "t", None)
        .unwrap()
        .await
        .unwrap_err();
    match error.kind() {
        ErrorKind::HttpResponse {
            status,
            error_code,
            raw_response,
        } => {
            assert_eq!(u16::from(*status), 200);
            assert_eq!(error_code.as_deref(), Some("TriggerFailed"));
            assert!(raw_response.is_some());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn taking_the_first_response_sends_only_the_request_and_can_resume_later() {
    // ARM hands out absolute links; this one names the loopback server itself.
    let count = Mutex::new(0);
    let server = WireServer::start(move |request: &RecordedRequest| {
        let mut count = count.lock().unwrap();
        *count += 1;
        match *count {
            1 => {
                let link = format!("https://{}/histories/h1", request.header("host").unwrap());
                ScriptedResponse::new(202)
                    .header("Location", link)
                    .header("retry-after-ms", "5")
            }
            2 => ScriptedResponse::new(202).header("retry-after-ms", "5"),
            _ => ScriptedResponse::new(200),
        }
    })
    .await;
    let (credential, sub, endpoint) = options(&server);
    let client = WorkflowTriggerHistoriesClient::new(
        credential,
        sub,
        Some(WorkflowTriggerHistoriesClientOptions {
            endpoint: Some(endpoint),
            client_options: client_options(),
            ..Default::default()
        }),
    )
    .unwrap();
    let mut poller = client
        .begin_resubmit("rg", "site", "wf", "t", "h", None)
        .unwrap();
    let first = poller.try_next().await.unwrap().unwrap();
    assert_eq!(u16::from(first.status()), 202);
    let continuation = OperationStatus::continuation(&first).unwrap();
    assert_eq!(
        first.into_model().unwrap().status,
        Some("InProgress".into())
    );
    drop(poller);
    assert_eq!(server.request_count(), 1);
    assert_eq!(server.requests()[0].method, "POST");

    let options = WorkflowTriggerHistoriesClientResubmitOptions {
        continuation: Some(continuation),
        method_options: PollerOptions {
            frequency: Duration::seconds(1),
            ..Default::default()
        },
        ..Default::default()
    };
    let done = client
        .begin_resubmit("rg", "site", "wf", "t", "h", Some(options))
        .unwrap()
        .await
        .unwrap();
    assert_eq!(u16::from(done.status()), 200);
    let lines: Vec<String> = server
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect();
    assert_eq!(lines, ["POST /subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/rg/providers/Microsoft.Web/sites/site/hostruntime/runtime/webhooks/workflow/api/management/workflows/wf/triggers/t/histories/h/resubmit?api-version=2024-04-01", "GET /histories/h1", "GET /histories/h1"]);
}
