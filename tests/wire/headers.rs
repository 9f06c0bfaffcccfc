//! Typed headers over the wire (the `header.json` client against the loopback
//! [`WireServer`]): what the getters give for a header that is absent, empty or undecodable,
//! and a declared `User-Agent` sent as given on every attempt.

use autorest_header::{models::*, HeaderOperationsClient, HeaderOperationsClientOptions};
use azure_core::{
    error::ErrorKind,
    http::{ClientOptions, FixedRetryOptions, RetryOptions, Url},
    time::Duration,
};
use tests::{client_options, transport, ScriptedResponse, WireServer};

fn client(server: &WireServer, client_options: ClientOptions) -> HeaderOperationsClient {
    let options = HeaderOperationsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options,
        ..Default::default()
    };
    HeaderOperationsClient::new(Some(options)).unwrap()
}

/// A client against a server that answers each request with `value: {text}`.
async fn answering(values: &[&str]) -> (WireServer, HeaderOperationsClient) {
    let server = WireServer::with_responses(
        values
            .iter()
            .map(|text| ScriptedResponse::new(200).header("value", *text)),
    )
    .await;
    let client = client(&server, client_options());
    (server, client)
}

/// The message of a `DataConversion` error.
fn conversion_error(error: azure_core::Error) -> String {
    assert!(
        matches!(error.kind(), ErrorKind::DataConversion),
        "expected a DataConversion error, got {error:?}"
    );
    error.to_string()
}

#[tokio::test]
async fn an_absent_header_reads_as_none_for_every_type() {
    let server = WireServer::with_responses((0..5).map(|_| ScriptedResponse::new(200))).await;
    let client = client(&server, client_options());
    let r = client
        .header_response_integer("positive", None)
        .await
        .unwrap();
    assert_eq!(r.value().unwrap(), None);
    let r = client.header_response_string("valid", None).await.unwrap();
    assert_eq!(r.value().unwrap(), None);
    let r = client
        .header_response_datetime("valid", None)
        .await
        .unwrap();
    assert_eq!(r.value().unwrap(), None);
    let r = client.header_response_enum("valid", None).await.unwrap();
    assert_eq!(r.value().unwrap(), None);
    let r = client.header_response_byte("valid", None).await.unwrap();
    assert_eq!(r.value().unwrap(), None);
}

#[tokio::test]
async fn an_empty_value_is_empty_text_but_no_number() {
    let (_server, client) = answering(&["", ""]).await;
    let r = client.header_response_string("empty", None).await.unwrap();
    assert_eq!(r.value().unwrap().as_deref(), Some(""));
    let r = client.header_response_long("empty", None).await.unwrap();
    assert_eq!(r.value().unwrap(), None);
}

#[tokio::test]
async fn an_undecodable_value_is_a_data_conversion_error_naming_the_header() {
    let (_server, client) = answering(&["twelve", "2010-13-45T99:00:00Z", "PURPLE", "yes"]).await;
    let r = client
        .header_response_integer("positive", None)
        .await
        .unwrap();
    let message = conversion_error(r.value().unwrap_err());
    assert!(message.contains("header `value`"), "{message}");
    let r = client
        .header_response_datetime("valid", None)
        .await
        .unwrap();
    let message = conversion_error(r.value().unwrap_err());
    assert!(message.contains("header `value`"), "{message}");
    // `GreyscaleColors` is closed (`modelAsString: false`): an unknown value is an error.
    let r = client.header_response_enum("valid", None).await.unwrap();
    let message = conversion_error(r.value().unwrap_err());
    assert!(message.contains("PURPLE"), "{message}");
    let r = client.header_response_bool("true", None).await.unwrap();
    conversion_error(r.value().unwrap_err());
}

#[tokio::test]
async fn a_declared_user_agent_is_sent_as_given_on_every_attempt() {
    let server =
        WireServer::with_responses([ScriptedResponse::new(503), ScriptedResponse::new(200)]).await;
    let retrying = ClientOptions {
        transport: Some(transport()),
        retry: RetryOptions::fixed(FixedRetryOptions {
            delay: Duration::milliseconds(20),
            max_retries: 2,
            max_total_elapsed: Duration::seconds(10),
        }),
        ..Default::default()
    };
    let client = client(&server, retrying);
    client
        .header_param_existing_key("overwrite", None)
        .await
        .unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.header_values("user-agent"), ["overwrite"]);
    }
}

#[tokio::test]
async fn without_a_declared_user_agent_azure_core_sends_its_own() {
    let server = WireServer::with_responses([ScriptedResponse::new(200)]).await;
    let client = client(&server, client_options());
    client.header_param_bool("true", true, None).await.unwrap();
    let request = server.single_request();
    let agent = request.header("user-agent").unwrap_or_default();
    assert!(agent.starts_with("azsdk-rust-"), "{agent}");
    assert_eq!(request.header("value"), Some("true"));
}

#[tokio::test]
async fn each_page_of_a_pager_reads_its_own_headers() {
    use azure_resourcemanager_alertsmanagement::{
        models::ActionRulesClientListBySubscriptionHeaders, ActionRulesClient,
        ActionRulesClientOptions,
    };
    use futures::TryStreamExt;
    use serde_json::json;
    use std::sync::Arc;
    use tests::RecordingCredential;
    let server = WireServer::with_responses([ScriptedResponse::json(
        200,
        &json!({ "value": [], "nextLink": null }),
    )
    .header("x-ms-request-id", "first-page")])
    .await;
    let options = ActionRulesClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        ..Default::default()
    };
    let client =
        ActionRulesClient::new(Arc::new(RecordingCredential::new()), Some(options)).unwrap();
    let mut pages = client
        .list_by_subscription("sub", None)
        .unwrap()
        .into_pages();
    let page = pages.try_next().await.unwrap().unwrap();
    assert_eq!(
        page.x_ms_request_id().unwrap().as_deref(),
        Some("first-page")
    );
    assert!(pages.try_next().await.unwrap().is_none());
}
