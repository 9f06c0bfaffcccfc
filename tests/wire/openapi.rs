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
