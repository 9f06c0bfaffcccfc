//! Self-tests of the wire harness, using plain reqwest and raw TLS bytes, so the
//! harness is proven independently of any generated client.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use azure_core::{
    credentials::TokenCredential,
    http::{HttpClient, Method, Request, Url},
};
use std::{sync::Arc, time::Duration};
use tests::{
    https_client, test_pki, CapturedRequest, RecordingCredential, RecordingHttpClient,
    ScriptedResponse, TestPki, WireServer, TEST_TOKEN,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::{
    rustls::{self, pki_types::ServerName},
    TlsConnector,
};

/// Sends `bytes` over a fresh TLS connection to `server` and returns everything it answered.
async fn raw_exchange(server: &WireServer, bytes: &[u8]) -> String {
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(rustls::pki_types::CertificateDer::from(
            test_pki().ca_cert_der.clone(),
        ))
        .unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let tcp = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    let mut tls = TlsConnector::from(Arc::new(config))
        .connect(ServerName::try_from("127.0.0.1").unwrap(), tcp)
        .await
        .unwrap();
    tls.write_all(bytes).await.unwrap();
    tls.flush().await.unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(15), tls.read_to_end(&mut out))
        .await
        .expect("server answered within the timeout")
        .ok();
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn reqwest_request_is_recorded_byte_for_byte_and_scripted_404_is_returned() {
    let server = WireServer::start(|request| {
        ScriptedResponse::json(
            404,
            &serde_json::json!({ "error": { "code": "NotFound", "message": request.path() } }),
        )
        .header("x-ms-request-id", "req-123")
    })
    .await;
    let target = "/a%2Fb/c%20d/%28x%29/100%25/caf%C3%A9?api-version=2024-04-01&x=%2F";
    let response = https_client()
        .post(server.url(target))
        .header("Content-Type", "application/json")
        .header("X-Custom", "  Mixed Case Value")
        .body(r#"{"keyType":"Primary"}"#)
        .send()
        .await
        .unwrap();

    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(
        response.headers().get("x-ms-request-id").unwrap(),
        "req-123"
    );
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "NotFound");
    assert_eq!(
        body["error"]["message"],
        "/a%2Fb/c%20d/%28x%29/100%25/caf%C3%A9"
    );

    let recorded = server.single_request();
    assert_eq!(recorded.method, "POST");
    assert_eq!(recorded.version, "HTTP/1.1");
    assert_eq!(recorded.target, target);
    assert_eq!(recorded.target_bytes, target.as_bytes());
    assert_eq!(recorded.path(), "/a%2Fb/c%20d/%28x%29/100%25/caf%C3%A9");
    assert_eq!(recorded.query(), Some("api-version=2024-04-01&x=%2F"));
    assert_eq!(
        recorded.query_pairs(),
        vec![
            ("api-version".to_string(), "2024-04-01".to_string()),
            ("x".to_string(), "%2F".to_string())
        ]
    );
    assert_eq!(recorded.header("content-type"), Some("application/json"));
    assert_eq!(recorded.header("X-CUSTOM"), Some("Mixed Case Value"));
    assert_eq!(recorded.header("content-length"), Some("21"));
    assert_eq!(
        recorded.header("host"),
        Some(format!("127.0.0.1:{}", server.port()).as_str())
    );
    assert!(recorded
        .header_names()
        .iter()
        .all(|name| name.chars().all(|c| !c.is_ascii_uppercase())));
    assert_eq!(recorded.body, br#"{"keyType":"Primary"}"#);
    assert_eq!(
        recorded.body_json().unwrap(),
        serde_json::json!({ "keyType": "Primary" })
    );
    assert!(
        server.protocol_errors().is_empty(),
        "{:?}",
        server.protocol_errors()
    );
}

#[tokio::test]
async fn several_requests_through_one_pooled_client_each_get_their_scripted_response() {
    let server = WireServer::with_responses([
        ScriptedResponse::ok().body("first"),
        ScriptedResponse::new(201).body("second"),
        ScriptedResponse::new(503).body("third"),
    ])
    .await;
    let client = https_client();
    let mut seen = Vec::new();
    for i in 0..4 {
        let response = client
            .get(server.url(&format!("/n/{i}")))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        seen.push((status, response.text().await.unwrap()));
    }
    assert_eq!(
        seen,
        vec![
            (200, "first".to_string()),
            (201, "second".to_string()),
            (503, "third".to_string()),
            (500, "wire harness: no scripted response left".to_string()),
        ]
    );
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/n/0", "/n/1", "/n/2", "/n/3"]);
    assert!(server.requests().iter().all(|r| r.body.is_empty()));
}

#[tokio::test]
async fn raw_request_with_chunked_body_and_odd_headers_is_recorded_as_sent() {
    let server = WireServer::start(|_| ScriptedResponse::new(202).header("X-Echo", "yes")).await;
    let answer = raw_exchange(
        &server,
        b"PATCH /p/%2e%2E/x?q=a+b&q=%20 HTTP/1.1\r\n\
          Host: 127.0.0.1\r\n\
          X-First:\t tab and space \t\r\n\
          x-first: second\r\n\
          Transfer-Encoding: chunked\r\n\
          \r\n\
          5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 202 Accepted\r\n"), "{answer}");
    assert!(answer.contains("\r\nX-Echo: yes\r\n"), "{answer}");
    assert!(answer.contains("\r\ncontent-length: 0\r\n"), "{answer}");
    assert!(answer.contains("\r\nconnection: close\r\n"), "{answer}");

    let recorded = server.single_request();
    assert_eq!(recorded.method, "PATCH");
    assert_eq!(recorded.target, "/p/%2e%2E/x?q=a+b&q=%20");
    assert_eq!(
        recorded.headers,
        vec![
            ("host".to_string(), "127.0.0.1".to_string()),
            ("x-first".to_string(), "tab and space".to_string()),
            ("x-first".to_string(), "second".to_string()),
            ("transfer-encoding".to_string(), "chunked".to_string()),
        ]
    );
    assert_eq!(
        recorded.header_values("X-First"),
        ["tab and space", "second"]
    );
    assert_eq!(recorded.body_text(), "hello world");
}

#[tokio::test]
async fn oversized_and_malformed_requests_are_rejected_without_reaching_the_handler() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;

    let mut huge = b"GET / HTTP/1.1\r\nx-big: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 70 * 1024));
    huge.extend_from_slice(b"\r\n\r\n");
    let answer = raw_exchange(&server, &huge).await;
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");

    let answer = raw_exchange(
        &server,
        b"POST / HTTP/1.1\r\ncontent-length: 999999999\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");

    let answer = raw_exchange(&server, b"NOT A REQUEST LINE\r\n\r\n").await;
    assert!(answer.starts_with("HTTP/1.1 400 "), "{answer}");

    assert_eq!(server.request_count(), 0);
    assert_eq!(
        server.protocol_errors().len(),
        3,
        "{:?}",
        server.protocol_errors()
    );
}

#[tokio::test]
async fn a_client_trusting_another_ca_is_refused_and_the_server_stops_when_dropped() {
    let server = WireServer::start(|_| ScriptedResponse::ok()).await;
    let other = TestPki::generate().unwrap();
    let stranger = reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_der(&other.ca_cert_der).unwrap()])
        .no_proxy()
        .build()
        .unwrap();
    let error = stranger.get(server.url("/")).send().await.unwrap_err();
    assert!(error.is_connect() || error.is_request(), "{error:?}");
    assert_eq!(server.request_count(), 0);

    // The harness client does get through.
    assert_eq!(
        https_client()
            .get(server.url("/"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    let addr = server.addr();
    drop(server);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test]
async fn recording_credential_records_scopes_and_hides_the_token() {
    let credential = RecordingCredential::new();
    let token = credential
        .get_token(&["https://example.invalid/.default"], None)
        .await
        .unwrap();
    assert_eq!(token.token.secret(), TEST_TOKEN);
    let remaining = token.expires_on - azure_core::time::OffsetDateTime::now_utc();
    assert!(
        remaining > azure_core::time::Duration::minutes(55),
        "{remaining}"
    );
    assert!(
        remaining <= azure_core::time::Duration::hours(1),
        "{remaining}"
    );
    credential.get_token(&["a", "b"], None).await.unwrap();
    assert_eq!(
        credential.requested_scopes(),
        vec![
            vec!["https://example.invalid/.default".to_string()],
            vec!["a".to_string(), "b".to_string()]
        ]
    );
    let debug = format!("{credential:?}");
    assert!(!debug.contains(TEST_TOKEN), "{debug}");
    assert!(debug.contains("redacted"), "{debug}");
}

#[tokio::test]
async fn recording_http_client_records_and_answers_without_network() {
    let client = RecordingHttpClient::new(|request: &CapturedRequest| {
        ScriptedResponse::json(409, &serde_json::json!({ "seen": request.url.as_str() }))
            .header("X-Ms-Request-Id", "rid")
    });
    let mut request = Request::new(
        Url::parse("https://management.usgovcloudapi.net/a%2Fb?api-version=1").unwrap(),
        Method::Put,
    );
    request.insert_header("x-test", "v");
    request.set_body(r#"{"k":1}"#);
    let response = client.execute_request(&request).await.unwrap();
    assert_eq!(u16::from(response.status()), 409);
    assert_eq!(
        response
            .headers()
            .get_optional_str(&"x-ms-request-id".into()),
        Some("rid")
    );

    let recorded = client.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].method, Method::Put);
    assert_eq!(
        recorded[0].url.as_str(),
        "https://management.usgovcloudapi.net/a%2Fb?api-version=1"
    );
    assert_eq!(recorded[0].header("X-Test"), Some("v"));
    assert_eq!(
        recorded[0].body_json().unwrap(),
        serde_json::json!({ "k": 1 })
    );
}
