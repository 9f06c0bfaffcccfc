//! `custom-baseUrl.json`, `custom-baseUrl-more-options.json` and `parameterized-endpoint.json`:
//! endpoints made from `x-ms-parameterized-host` templates and their values.

use crate::support::{Env, Outcome, Scenario};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        custom_base_uri => ["CustomBaseUri"],
        custom_base_uri_more_options => ["CustomBaseUriMoreOptions"],
        parameterized_endpoint => ["GetParameterizedHostWithNameEndpoint"],
    ]
}

/// The server's host and `:port`, to split between a template's values.
fn host_and_port(env: &Env) -> (String, String) {
    let url = env.endpoint();
    (
        url.host_str().unwrap().to_string(),
        format!(":{}", url.port().unwrap()),
    )
}

async fn custom_base_uri(env: Arc<Env>) -> Outcome {
    use autorest_custom_base_url::*;
    let (host, port) = host_and_port(&env);
    // `{accountName}{host}` with the scheme in front (the spec lists none: https).
    let client = PathOperationsClient::new(
        &host,
        Some(PathOperationsClientOptions {
            host: port.clone(),
            client_options: env.options(),
            ..Default::default()
        }),
    )?;
    assert_eq!(client.endpoint().as_str(), format!("https://{host}{port}/"));
    // The `host` value defaults to the spec's `host`.
    let default = PathOperationsClient::new("account.", None)?;
    assert_eq!(default.endpoint().as_str(), "https://account.host/");
    // The test server speaks http: the endpoint option overrides the template.
    let client = PathOperationsClient::new(
        &host,
        Some(PathOperationsClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }),
    )?;
    assert_eq!(
        client.paths_get_empty(None).await?.status(),
        azure_core::http::StatusCode::Ok
    );
    Ok(())
}

async fn custom_base_uri_more_options(env: Arc<Env>) -> Outcome {
    use autorest_custom_base_url_more_options::*;
    let (host, port) = host_and_port(&env);
    // `{vault}{secret}{dnsSuffix}` without a scheme prefix: the vault value carries it.
    let (vault, secret) = host.split_at(host.len() / 2);
    let client = PathOperationsClient::new(
        &format!("http://{vault}"),
        secret,
        Some(PathOperationsClientOptions {
            dns_suffix: port.clone(),
            client_options: env.options(),
            ..Default::default()
        }),
    )?;
    assert_eq!(client.endpoint().as_str(), format!("http://{host}{port}/"));
    let response = client
        .paths_get_empty(
            "key1",
            "test12",
            Some(models::PathOperationsClientPathsGetEmptyOptions {
                key_version: Some("v1".into()),
                ..Default::default()
            }),
        )
        .await?;
    assert_eq!(response.status(), azure_core::http::StatusCode::Ok);
    Ok(())
}

async fn parameterized_endpoint(env: Arc<Env>) -> Outcome {
    use autorest_parameterized_endpoint::*;
    // `{endpoint}` is the whole URL: the endpoint argument of `new`.
    let client = ParmaterizedEndpointClientClient::new(
        env.endpoint().as_str(),
        Some(ParmaterizedEndpointClientClientOptions {
            client_options: env.options(),
            ..Default::default()
        }),
    )?;
    assert_eq!(
        client.get(None).await?.status(),
        azure_core::http::StatusCode::Ok
    );
    Ok(())
}
