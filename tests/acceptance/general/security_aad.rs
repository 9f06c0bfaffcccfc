//! `security-aad.json`: an `oauth2` (Azure AD) security scheme whose requirement names the
//! scope `https://security.microsoft.com/.default`.
//!
//! The test server speaks plain HTTP, and azure_core's bearer token policy sends tokens over
//! HTTPS only (a rule the clients keep). The client therefore talks to a TLS loopback server
//! of the wire harness that forwards each request, byte for byte, to the test server and its
//! answer back: the test server still sees exactly the request the client made.

use crate::support::{Env, Outcome, Scenario};
use autorest_security_aad::*;
use azure_core::http::Url;
use std::io::{Read, Write};
use std::sync::Arc;
use tests::{RecordedRequest, RecordingCredential, ScriptedResponse, WireServer};

const SCOPE: &str = "https://security.microsoft.com/.default";

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![security_aad_token_for_the_documents_scope => ["SecurityAad"]]
}

async fn security_aad_token_for_the_documents_scope(env: Arc<Env>) -> Outcome {
    let upstream = env.endpoint();
    let proxy = WireServer::start(move |request| forward(&upstream, request)).await;
    // The server expects the scope itself as the token.
    let credential = Arc::new(RecordingCredential::with_token(SCOPE));
    let client = AutorestSecurityAadClient::new(
        credential.clone(),
        Some(AutorestSecurityAadClientOptions {
            endpoint: Some(Url::parse(&proxy.base_url())?),
            client_options: tests::client_options(),
            ..Default::default()
        }),
    )?;
    let response = client.head(None).await?;
    assert_eq!(u16::from(response.status()), 200);
    assert_eq!(credential.requested_scopes(), [[SCOPE]]);
    assert_eq!(
        proxy.single_request().header("authorization"),
        Some(format!("Bearer {SCOPE}").as_str())
    );
    Ok(())
}

/// Sends `request` to `upstream` over plain HTTP/1.1 and returns its answer.
fn forward(upstream: &Url, request: &RecordedRequest) -> ScriptedResponse {
    let host = upstream.host_str().unwrap_or("localhost");
    let port = upstream.port_or_known_default().unwrap_or(80);
    let mut head = format!(
        "{} {} HTTP/1.1\r\nhost: {host}:{port}\r\n",
        request.method, request.target
    );
    for (name, value) in &request.headers {
        if !matches!(name.as_str(), "host" | "connection") {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    head.push_str("connection: close\r\n\r\n");
    let mut stream = std::net::TcpStream::connect((host, port)).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&request.body).unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    let text = String::from_utf8_lossy(&answer);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap();
    let mut response = ScriptedResponse::new(status);
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim().to_ascii_lowercase();
            if !matches!(
                name.as_str(),
                "connection" | "content-length" | "transfer-encoding"
            ) {
                response = response.header(name, value.trim());
            }
        }
    }
    if request.method != "HEAD" {
        response = response.body(body.as_bytes().to_vec());
    }
    response
}
