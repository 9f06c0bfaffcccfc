//! No caller input can misroute a request, no secret leaks, and no response body can make
//! the client panic: path values of every awkward shape stay one segment, the query stays
//! exactly what the operation sends, the bearer token never reaches logs, `Debug` output or
//! errors, and error bodies of any shape come back as typed errors with status and raw body.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use azure_core::{
    error::ErrorKind,
    http::{RequestContent, StatusCode, Url},
};
use azure_resourcemanager_web_workflows::{
    models::{ErrorResponse, KeyType, RegenerateActionParameter, ServiceError},
    WorkflowsClient, WorkflowsClientOptions,
};
use std::sync::{Arc, Mutex, OnceLock};
use tests::{
    client_options, percent_encode_segment as encoded, RecordingCredential, ScriptedResponse,
    WireServer, TEST_TOKEN,
};

const SUBSCRIPTION_ID: &str = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
const QUERY: &str = "api-version=2024-04-01";

fn client_for(server: &WireServer, subscription_id: &str) -> WorkflowsClient {
    let options = WorkflowsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        ..Default::default()
    };
    WorkflowsClient::new(
        Arc::new(RecordingCredential::new()),
        subscription_id.to_string(),
        Some(options),
    )
    .unwrap()
}

fn body() -> RequestContent<RegenerateActionParameter> {
    RegenerateActionParameter {
        key_type: Some(KeyType::Primary),
    }
    .try_into()
    .unwrap()
}

fn path_for(subscription: &str, rg: &str, site: &str, workflow: &str) -> String {
    format!(
        "/subscriptions/{subscription}/resourceGroups/{rg}/providers/Microsoft.Web/sites/{site}\
         /hostruntime/runtime/webhooks/workflow/api/management/workflows/{workflow}/regenerateAccessKey"
    )
}

#[tokio::test]
async fn awkward_path_values_never_change_the_path_or_query_structure() {
    let values = [
        "a/../b",
        "%2F",
        "%2E%2E",
        "?",
        "#",
        "a?b=c&d=e",
        "a#b",
        "/",
        "//",
        "./x",
        "x/.",
        "..a",
        "a..",
        "...",
        " ",
        "+",
        "\\",
        "%",
        ";",
        "@",
        ":",
        "\u{0}",
        "\n",
        "\r\n",
        "\t",
        "\u{7f}",
        "\u{1b}[31m",
        "\u{202e}",
        "é",
        "😀",
        "日本",
        "\u{feff}",
    ];
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let client = client_for(&server, SUBSCRIPTION_ID);
    for value in values {
        client
            .regenerate_access_key(value, "site", value, body(), None)
            .await
            .unwrap_or_else(|e| panic!("{value:?}: {e}"));
    }
    let requests = server.requests();
    assert_eq!(requests.len(), values.len());
    for (value, request) in values.iter().zip(&requests) {
        let e = encoded(value);
        let expected = format!("{}?{QUERY}", path_for(SUBSCRIPTION_ID, &e, "site", &e));
        assert_eq!(request.target, expected, "value {value:?}");
        // Structure, independently of the encoding: 17 segments, one query pair.
        assert_eq!(
            request.path().split('/').skip(1).count(),
            17,
            "value {value:?}"
        );
        assert_eq!(
            request.query_pairs(),
            [("api-version".to_string(), "2024-04-01".to_string())],
            "value {value:?}"
        );
        assert!(request.target.is_ascii() && !request.target.contains(char::is_whitespace));
    }
}

#[tokio::test]
async fn client_parameters_are_encoded_and_refused_like_path_arguments() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    for bad in ["", ".", ".."] {
        let error = client_for(&server, bad)
            .regenerate_access_key("rg", "site", "wf", body(), None)
            .await
            .unwrap_err()
            .to_string();
        assert!(error.contains("subscription_id"), "{bad:?}: {error}");
    }
    assert_eq!(server.request_count(), 0);
    client_for(&server, "../x?y#z")
        .regenerate_access_key("rg", "site", "wf", body(), None)
        .await
        .unwrap();
    assert_eq!(
        server.single_request().target,
        format!("{}?{QUERY}", path_for("..%2Fx%3Fy%23z", "rg", "site", "wf"))
    );
}

#[tokio::test]
async fn an_api_version_override_cannot_add_query_parameters() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let options = WorkflowsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        api_version: "2024-04-01&evil=1#frag x".into(),
        ..Default::default()
    };
    let client = WorkflowsClient::new(
        Arc::new(RecordingCredential::new()),
        SUBSCRIPTION_ID.into(),
        Some(options),
    )
    .unwrap();
    client
        .regenerate_access_key("rg", "site", "wf", body(), None)
        .await
        .unwrap();
    let request = server.single_request();
    assert_eq!(
        request.query(),
        Some("api-version=2024-04-01%26evil%3D1%23frag+x")
    );
    // One pair (the harness gives values as sent, still encoded).
    assert_eq!(
        request.query_pairs(),
        [(
            "api-version".to_string(),
            "2024-04-01%26evil%3D1%23frag+x".to_string()
        )]
    );
}

/// Everything any `tracing` span or event records, in this test binary.
pub(crate) fn captured_logs() -> &'static Mutex<String> {
    static LOGS: OnceLock<Mutex<String>> = OnceLock::new();
    static INSTALLED: OnceLock<()> = OnceLock::new();
    let logs = LOGS.get_or_init(|| Mutex::new(String::new()));
    INSTALLED.get_or_init(|| {
        tracing::subscriber::set_global_default(Capture::default()).unwrap();
    });
    logs
}

/// A `tracing` subscriber that writes every field of every span and event to the log.
#[derive(Default)]
struct Capture {
    next_id: std::sync::atomic::AtomicU64,
}

struct Fields<'a>(&'a mut String);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push_str(&format!(" {}={value}", field.name()));
    }
}

impl Capture {
    fn write(&self, line: String) {
        captured_logs().lock().unwrap().push_str(&line);
    }
}

impl tracing::Subscriber for Capture {
    fn register_callsite(
        &self,
        _: &'static tracing::Metadata<'static>,
    ) -> tracing::subscriber::Interest {
        tracing::subscriber::Interest::always()
    }
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::TRACE)
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut line = format!("span {}:", span.metadata().name());
        span.record(&mut Fields(&mut line));
        line.push('\n');
        self.write(line);
        let id = self
            .next_id
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        tracing::span::Id::from_u64(id + 1)
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut line = String::from("record:");
        values.record(&mut Fields(&mut line));
        line.push('\n');
        self.write(line);
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut line = format!(
            "{} {}:",
            event.metadata().level(),
            event.metadata().target()
        );
        event.record(&mut Fields(&mut line));
        line.push('\n');
        self.write(line);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn the_bearer_token_never_reaches_logs_debug_output_or_errors() {
    let logs = captured_logs();
    let server = WireServer::start(|request| {
        if request.path().contains("/sites/denied/") {
            ScriptedResponse::new(401)
                .header("www-authenticate", "Bearer error=\"invalid_token\"")
                .body(r#"{"error":{"code":"InvalidAuthenticationToken","message":"The access token is invalid."}}"#)
        } else {
            ScriptedResponse::ok()
        }
    })
    .await;
    let credential = Arc::new(RecordingCredential::new());
    let options = WorkflowsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        ..Default::default()
    };
    let client = WorkflowsClient::new(
        credential.clone(),
        SUBSCRIPTION_ID.into(),
        Some(options.clone()),
    )
    .unwrap();
    client
        .regenerate_access_key("rg", "site", "wf", body(), None)
        .await
        .unwrap();
    let error = client
        .regenerate_access_key("rg", "denied", "wf", body(), None)
        .await
        .unwrap_err();

    // The token did go over the wire, so finding it nowhere else means something.
    let requests = server.requests();
    let sent = format!("Bearer {TEST_TOKEN}");
    assert!(requests
        .iter()
        .all(|r| r.header("authorization") == Some(sent.as_str())));

    let error_text = format!("{error} {error:?}");
    let service = ServiceError::<ErrorResponse>::try_from(error).unwrap();
    let service_text = format!("{service:?}");
    let debug_text = format!("{options:?} {credential:?}");
    let logs = logs.lock().unwrap().clone();
    assert!(
        logs.contains("==> Request"),
        "no request was logged:\n{logs}"
    );
    assert!(logs.contains("regenerateAccessKey"), "{logs}");
    for (what, text) in [
        ("error", &error_text),
        ("service error", &service_text),
        ("Debug output", &debug_text),
        ("logs", &logs),
    ] {
        assert!(
            !text.contains(TEST_TOKEN),
            "the token is in the {what}:\n{text}"
        );
        assert!(
            !text.to_ascii_lowercase().contains("bearer test"),
            "the token is in the {what}:\n{text}"
        );
    }
    assert_eq!(service.status, StatusCode::Unauthorized);
}

#[tokio::test]
async fn error_bodies_of_any_shape_become_typed_errors_with_status_and_raw_body() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let huge = vec![b'x'; 8 * 1024 * 1024];
    let bodies: Vec<(&str, Vec<u8>, bool)> = vec![
        // (content type, body, decodes as the error model)
        (
            "application/json",
            br#"{"error":{"code":"Gone","message":"m"}}"#.to_vec(),
            true,
        ),
        ("application/json", br#"{"error":5}"#.to_vec(), false),
        (
            "application/json",
            br#"{"error":{"code":5}}"#.to_vec(),
            false,
        ),
        (
            "application/json",
            br#"{"error":{"code":"Trunc","mess"#.to_vec(),
            false,
        ),
        ("application/json", b"".to_vec(), false),
        ("application/json", b"null".to_vec(), false),
        ("application/json", b"[]".to_vec(), false),
        ("application/json", deep.clone().into_bytes(), false),
        ("application/json", vec![0xff, 0xfe, 0x00, 0x7b], false),
        ("text/html", b"<html>bad gateway</html>".to_vec(), false),
        ("application/octet-stream", huge.clone(), false),
    ];
    for status in [400u16, 404, 409, 500, 503] {
        for (content_type, raw, decodes) in &bodies {
            let (ct, raw2) = (content_type.to_string(), raw.clone());
            let server = WireServer::start(move |_| {
                ScriptedResponse::new(status)
                    .header("content-type", ct.clone())
                    .header("x-ms-request-id", "rid")
                    .body(raw2.clone())
            })
            .await;
            let client = client_for(&server, SUBSCRIPTION_ID);
            let error = client
                .regenerate_access_key("rg", "site", "wf", body(), None)
                .await
                .unwrap_err();
            let what = format!("{status} {content_type} {} bytes", raw.len());
            assert!(
                matches!(error.kind(), ErrorKind::HttpResponse { status: s, .. } if u16::from(*s) == status),
                "{what}: {error:?}"
            );
            let _ = format!("{error} {error:?}");
            let service = ServiceError::<ErrorResponse>::try_from(error).unwrap();
            assert_eq!(u16::from(service.status), status, "{what}");
            assert!(
                service.raw_body.as_ref() == raw.as_slice(),
                "{what}: raw body differs"
            );
            assert_eq!(service.request_id.as_deref(), Some("rid"), "{what}");
            assert_eq!(
                service.error.is_some(),
                *decodes,
                "{what}: {:?}",
                service.error
            );
        }
    }
}

#[tokio::test]
async fn an_unexpected_body_on_a_success_response_is_ignored() {
    for raw in [&b"not json"[..], b"{\"truncated", b"\xff\xfe", b""] {
        let server = WireServer::start(move |_| {
            ScriptedResponse::new(200)
                .header("content-type", "application/json")
                .body(raw.to_vec())
        })
        .await;
        let response = client_for(&server, SUBSCRIPTION_ID)
            .regenerate_access_key("rg", "site", "wf", body(), None)
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::Ok);
    }
}
