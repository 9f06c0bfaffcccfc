//! Wire tests for OpenAPI constructs that real public APIs use: operations without an
//! operationId, relative server URLs and server variables, and every security scheme.

use serde_json::json;
use tests::{client_options, ScriptedResponse, WireServer};

#[tokio::test]
async fn relative_server_url_is_resolved_against_the_endpoint_with_its_variable() {
    use unnamed_relative_client::{NotesServiceClient, NotesServiceClientOptions};
    let server = WireServer::with_responses([
        ScriptedResponse::json(200, &json!([{ "id": "n1", "text": "hello" }])),
        ScriptedResponse::json(200, &json!({ "id": "n/2" })),
        ScriptedResponse::json(200, &json!([])),
    ])
    .await;
    // `./api/{version}` against `…/base/` is `…/base/api/v2`, as a URL resolver makes it.
    let options = NotesServiceClientOptions {
        client_options: client_options(),
        version: "v2".into(),
        ..Default::default()
    };
    let client = NotesServiceClient::new(&server.url("/base/"), Some(options)).unwrap();
    assert_eq!(client.endpoint().as_str(), server.url("/base/api/v2"));
    let notes = client.notes_client();
    let list = notes.get_notes(None).await.unwrap().into_model().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].text.as_deref(), Some("hello"));
    let one = notes
        .get_notes_note_id("n/2", None)
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(one.id.as_deref(), Some("n/2"));
    let tagged = client
        .tags_client()
        .get_tags_tag_notes("red", None)
        .await
        .unwrap();
    assert!(tagged.into_model().unwrap().is_empty());
    let targets: Vec<String> = server.requests().iter().map(|r| r.target.clone()).collect();
    assert_eq!(
        targets,
        [
            "/base/api/v2/notes",
            "/base/api/v2/notes/n%2F2",
            "/base/api/v2/tags/red/notes"
        ]
    );
}

#[tokio::test]
async fn relative_server_url_defaults_its_variable_and_refuses_a_value_outside_its_enum() {
    use unnamed_relative_client::{NotesClient, NotesClientOptions};
    // An absolute path replaces the endpoint's; `./` is relative to its last `/`.
    let client = NotesClient::new("https://api.example.com/docs/openapi.json", None).unwrap();
    assert_eq!(
        client.endpoint().as_str(),
        "https://api.example.com/docs/api/v1"
    );
    let options = NotesClientOptions {
        version: "v3".into(),
        ..Default::default()
    };
    let Err(error) = NotesClient::new("https://api.example.com/", Some(options)) else {
        panic!("a version outside the enum was accepted");
    };
    assert_eq!(
        error.to_string(),
        "server variable `version` cannot be `v3`: expected one of v1, v2"
    );
}

#[tokio::test]
async fn operation_without_an_operation_id_sends_its_method_path_and_body() {
    use unnamed_relative_client::{models::Note, NotesClient, NotesClientOptions};
    let server = WireServer::with_responses([ScriptedResponse::new(201)]).await;
    let options = NotesClientOptions {
        client_options: client_options(),
        ..Default::default()
    };
    let client = NotesClient::new(&server.base_url(), Some(options)).unwrap();
    let note = Note {
        text: Some("buy milk".into()),
        ..Default::default()
    };
    let response = client
        .post_notes(note.try_into().unwrap(), None)
        .await
        .unwrap();
    assert_eq!(u16::from(response.status()), 201);
    let request = server.single_request();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/api/v1/notes");
    assert_eq!(request.body_json().unwrap(), json!({ "text": "buy milk" }));
}

mod auth {
    use auth_schemes_client::{Credentials, VaultClient, VaultClientOptions};
    use azure_core::{credentials::Secret, error::ErrorKind, http::StatusCode};
    use serde_json::json;
    use std::sync::Arc;
    use tests::{client_options, RecordingCredential, ScriptedResponse, WireServer};

    const HEADER_KEY: &str = "hdr-key-7f3a91";
    // `&`, `=`, a space and `+` must be percent-encoded in the query.
    const QUERY_KEY: &str = "q&k=1 +8d2c";
    const QUERY_KEY_SENT: &str = "q%26k%3D1+%2B8d2c";
    const COOKIE_KEY: &str = "cookie-key-55e0";
    const PASSWORD: &str = "pa:ss-0b9e";
    const STATIC_TOKEN: &str = "static-token-c4d1";

    /// A server answering every operation of the Vault document as it expects.
    async fn server() -> WireServer {
        WireServer::start(|request| {
            let empty = request.method == "DELETE"
                || request.path().ends_with("/ping")
                || request.path().ends_with("/health");
            if empty {
                ScriptedResponse::new(204)
            } else {
                ScriptedResponse::json(200, &json!({ "id": "a", "name": "item" }))
            }
        })
        .await
    }

    fn options(server: &WireServer) -> VaultClientOptions {
        // The server URL's `{host}` variable points the client at the loopback server.
        VaultClientOptions {
            client_options: client_options(),
            host: format!("127.0.0.1:{}", server.port()),
            ..Default::default()
        }
    }

    fn every_credential(
        oauth: Arc<RecordingCredential>,
        oidc: Arc<RecordingCredential>,
    ) -> Credentials {
        Credentials {
            key_header: Some(Secret::new(HEADER_KEY)),
            key_query: Some(Secret::new(QUERY_KEY)),
            key_cookie: Some(Secret::new(COOKIE_KEY)),
            basic: Some(("ada".to_string(), Secret::new(PASSWORD))),
            bearer: Some(Secret::new(STATIC_TOKEN)),
            oauth: Some(oauth),
            oidc: Some(oidc),
        }
    }

    /// The auth-related headers of a request: (`x-api-key`, `authorization`, `cookie`).
    fn auth_headers(request: &tests::RecordedRequest) -> [Option<String>; 3] {
        ["x-api-key", "authorization", "cookie"].map(|h| request.header(h).map(str::to_string))
    }

    #[tokio::test]
    async fn each_operation_sends_the_schemes_of_its_first_requirement_the_client_can_meet() {
        let server = server().await;
        let oauth = Arc::new(RecordingCredential::with_token("oauth-token"));
        let oidc = Arc::new(RecordingCredential::with_token("oidc-token"));
        let client = VaultClient::new(
            every_credential(oauth.clone(), oidc.clone()),
            Some(options(&server)),
        )
        .unwrap();
        assert_eq!(
            client.endpoint().as_str(),
            format!("https://127.0.0.1:{}/v2", server.port())
        );
        client.list_items(None).await.unwrap();
        client.get_item("a", None).await.unwrap();
        client.put_item("a", None).await.unwrap();
        client.delete_item("a", None).await.unwrap();
        client.ping_item("a", None).await.unwrap();
        client.get_session(None).await.unwrap();
        client.health(None).await.unwrap();
        client.get_public(None).await.unwrap();
        client.get_me(None).await.unwrap();

        let requests = server.requests();
        let seen: Vec<(String, [Option<String>; 3])> = requests
            .iter()
            .map(|r| (format!("{} {}", r.method, r.target), auth_headers(r)))
            .collect();
        let key = Some(HEADER_KEY.to_string());
        let basic = format!(
            "Basic {}",
            azure_core::base64::encode(format!("ada:{PASSWORD}"))
        );
        let bearer = Some(format!("Bearer {STATIC_TOKEN}"));
        assert_eq!(
            seen,
            [
                // The document's default: the header key (its first alternative).
                ("GET /v2/items".into(), [key.clone(), None, None]),
                // The key in the query, percent-encoded.
                (
                    format!("GET /v2/items/a?api_key={QUERY_KEY_SENT}"),
                    [None, None, None]
                ),
                ("PUT /v2/items/a".into(), [None, Some(basic), None]),
                ("DELETE /v2/items/a".into(), [None, bearer.clone(), None]),
                // Two schemes together.
                ("POST /v2/items/a/ping".into(), [key.clone(), bearer, None]),
                (
                    "GET /v2/session".into(),
                    [None, None, Some(format!("vault_session={COOKIE_KEY}"))]
                ),
                // `security: []`: nothing.
                ("GET /v2/health".into(), [None, None, None]),
                // `[{}, {keyHeader: []}]`: the key, since the client has it.
                ("GET /v2/public".into(), [key, None, None]),
                (
                    "GET /v2/me".into(),
                    [None, Some("Bearer oidc-token".into()), None]
                ),
            ]
        );
        assert_eq!(oidc.requested_scopes(), [["openid", "profile"]]);
        assert_eq!(oauth.call_count(), 0);
    }

    #[tokio::test]
    async fn oauth2_tokens_are_asked_for_the_scopes_the_document_names() {
        let server = server().await;
        let oauth = Arc::new(RecordingCredential::with_token("oauth-token"));
        let credentials = Credentials {
            oauth: Some(oauth.clone()),
            ..Default::default()
        };
        let client = VaultClient::new(credentials, Some(options(&server))).unwrap();
        client.list_items(None).await.unwrap();
        client.list_items(None).await.unwrap();
        let request = &server.requests()[1];
        assert_eq!(request.header("authorization"), Some("Bearer oauth-token"));
        assert_eq!(request.header("x-api-key"), None);
        // One token, cached, for the scopes of the document's requirement.
        assert_eq!(
            oauth.requested_scopes(),
            [["items.read", "https://vault.example.com/items.write"]]
        );
    }

    #[tokio::test]
    async fn a_call_whose_credentials_are_missing_fails_before_sending() {
        let server = server().await;
        let client = VaultClient::new(Credentials::default(), Some(options(&server))).unwrap();
        let error = client.list_items(None).await.unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::Credential), "{error:?}");
        assert_eq!(
            error.to_string(),
            "this operation needs credentials for keyHeader or oauth, and the client was given none of them"
        );
        let error = client.ping_item("a", None).await.unwrap_err();
        assert!(
            error.to_string().contains("keyHeader and bearer"),
            "{error}"
        );
        assert_eq!(server.request_count(), 0);
        // Operations that need none still work, with nothing sent.
        let response = client.health(None).await.unwrap();
        assert_eq!(response.status(), StatusCode::NoContent);
        client.get_public(None).await.unwrap();
        assert!(server
            .requests()
            .iter()
            .all(|r| auth_headers(r) == [None, None, None]));
    }

    #[tokio::test]
    async fn secrets_never_reach_logs_debug_output_or_errors() {
        let logs = crate::robustness::captured_logs();
        let server = server().await;
        let oauth = Arc::new(RecordingCredential::with_token("oauth-token"));
        let oidc = Arc::new(RecordingCredential::with_token("oidc-token"));
        let credentials = every_credential(oauth, oidc);
        let debug_credentials = format!("{credentials:?}");
        let client = VaultClient::new(credentials.clone(), Some(options(&server))).unwrap();
        client.get_item("a", None).await.unwrap();
        client.put_item("a", None).await.unwrap();
        client.get_session(None).await.unwrap();
        client.ping_item("a", None).await.unwrap();
        // A key in the query of a request that cannot be sent: the transport's error quotes
        // the URL.
        let closed = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let unreachable = VaultClient::new(
            credentials,
            Some(VaultClientOptions {
                host: format!("127.0.0.1:{closed}"),
                ..options(&server)
            }),
        )
        .unwrap();
        let error = unreachable.get_item("a", None).await.unwrap_err();
        let error_text = format!("{error} {error:?}");
        assert!(error_text.contains("REDACTED"), "{error_text}");

        // The secrets did go over the wire, so finding them nowhere else means something.
        let requests = server.requests();
        assert_eq!(
            requests[0].query(),
            Some(format!("api_key={QUERY_KEY_SENT}").as_str())
        );
        assert!(requests[1]
            .header("authorization")
            .is_some_and(|h| h.starts_with("Basic ")));
        let basic = azure_core::base64::encode(format!("ada:{PASSWORD}"));
        let logs = logs.lock().unwrap().clone();
        assert!(logs.contains("==> Request"), "nothing was logged:\n{logs}");
        assert!(logs.contains("/v2/items/a"), "{logs}");
        for (what, text) in [
            ("error", &error_text),
            ("Debug output of the credentials", &debug_credentials),
            ("logs", &logs),
        ] {
            for secret in [
                HEADER_KEY,
                QUERY_KEY,
                QUERY_KEY_SENT,
                COOKIE_KEY,
                PASSWORD,
                basic.as_str(),
                STATIC_TOKEN,
            ] {
                assert!(
                    !text.contains(secret),
                    "{secret:?} is in the {what}:\n{text}"
                );
            }
        }
    }
}
