//! The generated client under network and service faults, on the HTTPS loopback server: how
//! many attempts the server saw, how long failing took, and that pagers and pollers end without
//! losing items. Retry delays are configured short (or `Retry-After` is 0 or 1) so the whole
//! suite takes a few seconds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use azure_core::{
    error::ErrorKind,
    http::{
        pager::PagerOptions, ClientOptions, ExponentialRetryOptions, FixedRetryOptions,
        RetryOptions, Url,
    },
    time::Duration,
};
use azure_resourcemanager_web_workflows::{clients::*, models::*};
use futures::{StreamExt, TryStreamExt};
use serde_json::{json, Value};
use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc,
    },
    time::Instant,
};
use tests::{
    client_options, transport, Fault, RecordedRequest, RecordingCredential, ScriptedResponse,
    WireServer,
};

const SUB: &str = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";

/// Retries as azure_core's fixed policy makes them, with 3 retries 20 ms apart.
fn quick_retries() -> ClientOptions {
    ClientOptions {
        transport: Some(transport()),
        retry: RetryOptions::fixed(FixedRetryOptions {
            delay: Duration::milliseconds(20),
            max_retries: 3,
            max_total_elapsed: Duration::seconds(10),
        }),
        ..Default::default()
    }
}

fn runs_client(server: &WireServer, client_options: ClientOptions) -> WorkflowRunsClient {
    let options = WorkflowRunsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options,
        ..Default::default()
    };
    WorkflowRunsClient::new(
        Arc::new(RecordingCredential::new()),
        SUB.to_string(),
        Some(options),
    )
    .unwrap()
}

fn triggers_client(server: &WireServer) -> WorkflowTriggersClient {
    let options = WorkflowTriggersClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        ..Default::default()
    };
    WorkflowTriggersClient::new(
        Arc::new(RecordingCredential::new()),
        SUB.to_string(),
        Some(options),
    )
    .unwrap()
}

fn run(name: &str) -> Value {
    json!({ "id": format!("workflows/wf/runs/{name}"), "name": name })
}

/// A server that answers the n-th request with `script(n)` (n from 0).
async fn scripted(
    script: impl Fn(usize) -> ScriptedResponse + Send + Sync + 'static,
) -> WireServer {
    let seen = AtomicUsize::new(0);
    WireServer::start(move |_| script(seen.fetch_add(1, Ordering::SeqCst))).await
}

/// The `std::io::ErrorKind` of the I/O error at the root of `error`, if any.
fn io_kind(error: &azure_core::Error) -> Option<std::io::ErrorKind> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = source {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        source = current.source();
    }
    None
}

fn status_of(error: &azure_core::Error) -> Option<u16> {
    match error.kind() {
        ErrorKind::HttpResponse { status, .. } => Some(u16::from(*status)),
        _ => None,
    }
}

#[tokio::test]
async fn a_post_whose_connection_drops_after_sending_arrives_once() {
    let server = WireServer::start(|_| ScriptedResponse::ok().fault(Fault::Close)).await;
    let client = runs_client(&server, quick_retries());
    let error = client
        .cancel("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Io, "{error:?}");
    assert_eq!(
        server.request_count(),
        1,
        "a POST is never repeated blindly"
    );
    assert_eq!(server.requests()[0].method, "POST");
}

#[tokio::test]
async fn a_get_whose_connection_drops_is_retried_by_the_policy_and_fails_within_its_budget() {
    let server = WireServer::start(|_| ScriptedResponse::ok().fault(Fault::Close)).await;
    let client = runs_client(&server, quick_retries());
    let started = Instant::now();
    let error = client
        .get("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(error.kind(), &ErrorKind::Io, "{error:?}");
    assert_eq!(server.request_count(), 4, "the first attempt and 3 retries");
    assert!(
        elapsed < std::time::Duration::from_secs(2),
        "3 retries 20 ms apart took {elapsed:?}"
    );
}

#[tokio::test]
async fn with_the_default_retry_policy_a_dropped_get_fails_at_the_call_deadline() {
    let server = WireServer::start(|_| ScriptedResponse::ok().fault(Fault::Close)).await;
    let options = ClientOptions {
        transport: Some(transport()),
        retry: RetryOptions::exponential(ExponentialRetryOptions::default()),
        ..Default::default()
    };
    let client = runs_client(&server, options);
    let started = Instant::now();
    let options = WorkflowRunsClientGetOptions {
        timeout: Some(Duration::milliseconds(1500)),
        ..Default::default()
    };
    let error = client
        .get("rg", "site", "wf", "run", Some(options))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(
        io_kind(&error),
        Some(std::io::ErrorKind::TimedOut),
        "{error}"
    );
    // How many attempts fit depends on the machine's speed (the back-off is 0.4 s, then 0.8 s,
    // each plus up to 0.256 s), so the test asserts what holds on any machine: at least one
    // retry was sent, the error counts the attempts the server saw (one more may have been
    // cut off in flight by the deadline), and the call ended at its deadline, not at the 60 s
    // default budget.
    let message = error.to_string();
    assert!(message.contains("timed out after 1500 ms"), "{message}");
    let reported: usize = message
        .split_once(" attempts; the last failed with")
        .and_then(|(before, _)| before.rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("no attempt count in: {message}"));
    let seen = server.request_count();
    assert!(reported >= 2, "{reported} attempts: no retry was sent");
    assert!(
        (reported..=reported + 1).contains(&seen),
        "the error counts {reported} attempts, the server saw {seen}"
    );
    assert!(
        elapsed >= std::time::Duration::from_millis(1500)
            && elapsed < std::time::Duration::from_secs(15),
        "{elapsed:?}"
    );
}

/// The budget the README states for the defaults: a GET whose connection drops, retried by
/// azure_core's default exponential policy, fails at the client's default 60 s deadline. Takes a
/// minute, so CI skips it: `cargo test -p tests --test wire default_budget -- --ignored`.
#[tokio::test]
#[ignore = "takes the full 60 s default budget"]
async fn the_default_budget_for_a_dropped_get_is_the_60_s_deadline() {
    let server = WireServer::start(|_| ScriptedResponse::ok().fault(Fault::Close)).await;
    let options = ClientOptions {
        transport: Some(transport()),
        ..Default::default()
    };
    let client = runs_client(&server, options);
    let started = Instant::now();
    let error = client
        .get("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(
        io_kind(&error),
        Some(std::io::ErrorKind::TimedOut),
        "{error}"
    );
    assert!(
        error.to_string().contains("timed out after 60 s"),
        "{error}"
    );
    assert!(
        elapsed >= std::time::Duration::from_secs(60)
            && elapsed < std::time::Duration::from_secs(61),
        "{elapsed:?}"
    );
    // Back-off 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 25.6 s (each plus up to 0.256 s): 8 attempts.
    assert_eq!(server.request_count(), 8, "{error}");
}

#[tokio::test]
async fn a_body_cut_mid_way_is_retried_for_a_get_and_not_for_a_post() {
    let server =
        WireServer::start(|_| ScriptedResponse::json(200, &run("r1")).fault(Fault::CloseMidBody))
            .await;
    let client = runs_client(&server, quick_retries());
    let error = client
        .get("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Io, "{error:?}");
    assert_eq!(server.request_count(), 4);

    let server =
        WireServer::start(|_| ScriptedResponse::json(200, &run("r1")).fault(Fault::CloseMidBody))
            .await;
    let client = runs_client(&server, quick_retries());
    let error = client
        .cancel("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Io, "{error:?}");
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_post_is_retried_on_503_after_its_retry_after() {
    let server = scripted(|n| match n {
        0 => ScriptedResponse::new(503).header("Retry-After", "1"),
        _ => ScriptedResponse::ok(),
    })
    .await;
    let client = runs_client(&server, quick_retries());
    let started = Instant::now();
    let response = client
        .cancel("rg", "site", "wf", "run", None)
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(server.request_count(), 2);
    assert!(
        elapsed >= std::time::Duration::from_secs(1) && elapsed < std::time::Duration::from_secs(3),
        "Retry-After: 1 honoured, not the 20 ms policy delay: {elapsed:?}"
    );
}

#[tokio::test]
async fn a_post_is_retried_on_429_and_408_but_not_on_500() {
    let server = scripted(|n| match n {
        0 => ScriptedResponse::new(429).header("Retry-After", "0"),
        1 => ScriptedResponse::new(408),
        _ => ScriptedResponse::ok(),
    })
    .await;
    let client = runs_client(&server, quick_retries());
    client
        .cancel("rg", "site", "wf", "run", None)
        .await
        .unwrap();
    assert_eq!(server.request_count(), 3);

    // A 500 may come after the service acted: returned as it is, not repeated.
    let server =
        WireServer::start(|_| ScriptedResponse::json(500, &json!({ "error": { "code": "Boom" } })))
            .await;
    let client = runs_client(&server, quick_retries());
    let error = client
        .cancel("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    assert_eq!(status_of(&error), Some(500), "{error:?}");
    assert_eq!(server.request_count(), 1);

    // The same 500 on a GET is retried by the policy.
    let server = WireServer::start(|_| ScriptedResponse::new(500)).await;
    let client = runs_client(&server, quick_retries());
    let error = client
        .get("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    assert_eq!(status_of(&error), Some(500), "{error:?}");
    assert_eq!(server.request_count(), 4);
}

#[tokio::test]
async fn a_stall_ends_at_the_calls_deadline_or_the_clients() {
    let stall = || {
        ScriptedResponse::json(200, &run("r1"))
            .fault(Fault::Stall(std::time::Duration::from_secs(5)))
    };
    let server = WireServer::start(move |_| stall()).await;
    let client = runs_client(&server, client_options());
    let options = WorkflowRunsClientGetOptions {
        timeout: Some(Duration::milliseconds(300)),
        ..Default::default()
    };
    let started = Instant::now();
    let error = client
        .get("rg", "site", "wf", "run", Some(options))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(error.kind(), &ErrorKind::Io);
    assert_eq!(io_kind(&error), Some(std::io::ErrorKind::TimedOut));
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("GET {}/subscriptions/{SUB}/", server.base_url()))
            && message.ends_with("/runs/run timed out after 300 ms (1 attempt; no response yet)"),
        "{message}"
    );
    assert!(
        elapsed >= std::time::Duration::from_millis(300)
            && elapsed < std::time::Duration::from_millis(1300),
        "{elapsed:?}"
    );
    assert_eq!(server.request_count(), 1);

    // The client-level default applies when the call sets none.
    let options = WorkflowRunsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        timeout: Some(Duration::milliseconds(200)),
        ..Default::default()
    };
    let client = WorkflowRunsClient::new(
        Arc::new(RecordingCredential::new()),
        SUB.into(),
        Some(options),
    )
    .unwrap();
    let started = Instant::now();
    let error = client
        .get("rg", "site", "wf", "run", None)
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("timed out after 200 ms"),
        "{error}"
    );
    assert!(started.elapsed() < std::time::Duration::from_millis(1200));
    assert_eq!(server.request_count(), 2);
}

/// Page 1 links to page 2, which links to `loop_to`.
fn looping_pages(loop_to: &'static str) -> impl Fn(&RecordedRequest) -> ScriptedResponse {
    move |request| {
        if request.target.starts_with("/page2") {
            ScriptedResponse::json(200, &json!({ "value": [run("r3")], "nextLink": loop_to }))
        } else {
            ScriptedResponse::json(
                200,
                &json!({ "value": [run("r1"), run("r2")], "nextLink": "/page2?x=1" }),
            )
        }
    }
}

async fn collect(
    pager: azure_core::http::Pager<WorkflowRunListResult>,
) -> (Vec<String>, Option<azure_core::Error>) {
    let mut names = Vec::new();
    let mut items = pager;
    while let Some(item) = items.next().await {
        match item {
            Ok(run) => names.push(run.name.unwrap()),
            Err(error) => {
                assert!(
                    items.next().await.is_none(),
                    "the pager ends after its error"
                );
                return (names, Some(error));
            }
        }
    }
    (names, None)
}

#[tokio::test]
async fn a_self_referencing_next_link_ends_the_pager_after_its_items() {
    let server = WireServer::start(looping_pages("/page2?x=1")).await;
    let client = runs_client(&server, client_options());
    let (names, error) = collect(client.list("rg", "site", "wf", None).unwrap()).await;
    assert_eq!(names, ["r1", "r2", "r3"]);
    let error = error.expect("the loop is an error");
    assert_eq!(error.kind(), &ErrorKind::DataConversion);
    assert!(error.to_string().contains("already followed"), "{error}");
    assert_eq!(server.request_count(), 2);

    // A link back to the first page (with another api-version) is a loop too.
    let server = WireServer::start(looping_pages(
        "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/rg/providers/Microsoft.Web/sites/site/hostruntime/runtime/webhooks/workflow/api/management/workflows/wf/runs?api-version=1999-01-01",
    ))
    .await;
    let client = runs_client(&server, client_options());
    let (names, error) = collect(client.list("rg", "site", "wf", None).unwrap()).await;
    assert_eq!(names, ["r1", "r2", "r3"]);
    assert!(error.is_some());
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_cross_origin_next_link_is_refused_after_the_pages_items() {
    let server = WireServer::start(|_| {
        ScriptedResponse::json(
            200,
            &json!({ "value": [run("r1"), run("r2")], "nextLink": "https://example.invalid/steal" }),
        )
    })
    .await;
    let client = runs_client(&server, client_options());
    let (names, error) = collect(client.list("rg", "site", "wf", None).unwrap()).await;
    assert_eq!(names, ["r1", "r2"], "no item of the page is lost");
    let error = error.expect("the link is refused");
    assert!(error.to_string().contains("another origin"), "{error}");
    assert_eq!(server.request_count(), 1);

    // Page by page: the page, then the error.
    let mut pages = client
        .list(
            "rg",
            "site",
            "wf",
            Some(WorkflowRunsClientListOptions {
                method_options: PagerOptions::default(),
                ..Default::default()
            }),
        )
        .unwrap()
        .into_pages();
    let page = pages.try_next().await.unwrap().unwrap();
    assert_eq!(page.into_model().unwrap().value.unwrap().len(), 2);
    assert!(pages.try_next().await.is_err());
    assert!(pages.try_next().await.unwrap().is_none());
}

#[tokio::test]
async fn a_poller_that_never_finishes_ends_at_its_ceiling() {
    let server = scripted(|n| {
        let answer = match n {
            0 => ScriptedResponse::new(202),
            _ => ScriptedResponse::json(200, &json!({ "status": "Running" })),
        };
        answer
            .header("Azure-AsyncOperation", "/operations/1")
            .header("retry-after-ms", "100")
    })
    .await;
    let client = triggers_client(&server);
    let options = WorkflowTriggersClientRunOptions {
        polling_timeout: Some(Duration::milliseconds(500)),
        ..Default::default()
    };
    let started = Instant::now();
    let error = client
        .begin_run("rg", "site", "wf", "recurrence", Some(options))
        .unwrap()
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(
        io_kind(&error),
        Some(std::io::ErrorKind::TimedOut),
        "{error}"
    );
    assert!(
        error.to_string().contains("did not finish within 500 ms"),
        "{error}"
    );
    let requests = server.request_count();
    assert!(
        (4..=7).contains(&requests),
        "{requests} requests in {elapsed:?}"
    );
    assert!(
        elapsed >= std::time::Duration::from_millis(500)
            && elapsed < std::time::Duration::from_millis(1500),
        "{elapsed:?}"
    );

    // A Retry-After past the ceiling is cut to it: no hour-long wait.
    let server = WireServer::start(|_| {
        ScriptedResponse::new(202)
            .header("Location", "/operations/2")
            .header("Retry-After", "3600")
    })
    .await;
    let client = triggers_client(&server);
    let options = WorkflowTriggersClientRunOptions {
        polling_timeout: Some(Duration::milliseconds(300)),
        ..Default::default()
    };
    let started = Instant::now();
    let error = client
        .begin_run("rg", "site", "wf", "recurrence", Some(options))
        .unwrap()
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("did not finish within 300 ms"),
        "{error}"
    );
    assert!(started.elapsed() < std::time::Duration::from_millis(1300));
    assert_eq!(
        server.request_count(),
        1,
        "the ceiling came before the first poll"
    );
}

#[tokio::test]
async fn a_poller_ends_on_every_terminal_status_in_any_case() {
    for (status, ok) in [
        ("succeeded", true),
        ("FAILED", false),
        ("Canceled", false),
        ("Cancelled", false),
    ] {
        let server = scripted(move |n| match n {
            0 => ScriptedResponse::new(202)
                .header("Azure-AsyncOperation", "/operations/1")
                .header("retry-after-ms", "10"),
            1 => ScriptedResponse::json(200, &json!({ "status": "Running" }))
                .header("retry-after-ms", "10"),
            _ => ScriptedResponse::json(200, &json!({ "status": status })),
        })
        .await;
        let client = triggers_client(&server);
        let result = client
            .begin_run("rg", "site", "wf", "recurrence", None)
            .unwrap()
            .await;
        assert_eq!(result.is_ok(), ok, "{status}: {result:?}");
        assert_eq!(server.request_count(), 3, "{status}");
    }
}
