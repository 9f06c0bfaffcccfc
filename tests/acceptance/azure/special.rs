//! `azure-special-properties.json`: subscription ids and api-versions from the client or the
//! method, `x-ms-client-request-id`, custom request-id headers, OData query options.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_azure_special_properties::{models::*, *};
use azure_core::http::{request::options::ClientRequestId, ClientMethodOptions, StatusCode};
use std::sync::Arc;

const SUBSCRIPTION: &str = "1234-5678-9012-3456";
const REQUEST_ID: &str = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        subscription_method_global => ["AzureSubscriptionMethodGlobalValid"],
        subscription_method_global_not_provided => ["AzureSubscriptionMethodGlobalNotProvidedValid"],
        subscription_path_global => ["AzureSubscriptionPathGlobalValid"],
        subscription_swagger_global => ["AzureSubscriptionSwaggerGlobalValid"],
        subscription_method_local => ["AzureSubscriptionMethodLocalValid"],
        subscription_path_local => ["AzureSubscriptionPathLocalValid"],
        subscription_swagger_local => ["AzureSubscriptionSwaggerLocalValid"],
        api_version_global => [
            "AzureApiVersionMethodGlobalValid",
            "AzureApiVersionMethodGlobalNotProvidedValid",
            "AzureApiVersionPathGlobalValid",
            "AzureApiVersionSwaggerGlobalValid",
        ],
        api_version_local => [
            "AzureApiVersionMethodLocalValid",
            "AzureApiVersionPathLocalValid",
            "AzureApiVersionSwaggerLocalValid",
        ],
        api_version_local_null => ["AzureApiVersionMethodLocalNull"],
        odata_filter => ["AzureODataFilter"],
        skip_url_encoding_path => [
            "AzureMethodPathUrlEncoding",
            "AzurePathPathUrlEncoding",
            "AzureSwaggerPathUrlEncoding",
        ],
        skip_url_encoding_query => [
            "AzureMethodQueryUrlEncoding",
            "AzurePathQueryUrlEncoding",
            "AzureSwaggerQueryUrlEncoding",
        ],
        skip_url_encoding_query_null => ["AzureMethodQueryUrlEncodingNull"],
        client_request_id_default => ["AzureXmsRequestClientIdNull"],
        client_request_id_overwrite => ["AzureXmsRequestClientOverwrite"],
        client_request_id_in_error => ["AzureRequestClientIdInError"],
        client_request_id_via_parameter => ["AzureXmsRequestClientOverwriteViaParameter"],
        custom_named_request_id => ["AzureXmsCustomNamedRequestId"],
        custom_named_request_id_grouped => ["AzureXmsCustomNamedRequestIdParameterGroup"],
    ]
}

fn credentials_client(env: &Env) -> SubscriptionInCredentialsOperationsClient {
    SubscriptionInCredentialsOperationsClient::new(Some(
        SubscriptionInCredentialsOperationsClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

fn method_client(env: &Env) -> SubscriptionInMethodOperationsClient {
    SubscriptionInMethodOperationsClient::new(Some(SubscriptionInMethodOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn subscription_method_global(env: Arc<Env>) -> Outcome {
    let r = credentials_client(&env)
        .subscription_in_credentials_post_method_global_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn subscription_method_global_not_provided(env: Arc<Env>) -> Outcome {
    let r = credentials_client(&env)
        .subscription_in_credentials_post_method_global_not_provided_vali(SUBSCRIPTION, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn subscription_path_global(env: Arc<Env>) -> Outcome {
    let r = credentials_client(&env)
        .subscription_in_credentials_post_path_global_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn subscription_swagger_global(env: Arc<Env>) -> Outcome {
    let r = credentials_client(&env)
        .subscription_in_credentials_post_swagger_global_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn subscription_method_local(env: Arc<Env>) -> Outcome {
    let r = method_client(&env)
        .subscription_in_method_post_method_local_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn subscription_path_local(env: Arc<Env>) -> Outcome {
    let r = method_client(&env)
        .subscription_in_method_post_path_local_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn subscription_swagger_local(env: Arc<Env>) -> Outcome {
    let r = method_client(&env)
        .subscription_in_method_post_swagger_local_valid(SUBSCRIPTION, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn api_version_global(env: Arc<Env>) -> Outcome {
    let client =
        ApiVersionDefaultOperationsClient::new(Some(ApiVersionDefaultOperationsClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }))?;
    assert_eq!(
        client
            .api_version_default_get_method_global_valid(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    assert_eq!(
        client
            .api_version_default_get_method_global_not_provided_valid(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    assert_eq!(
        client
            .api_version_default_get_path_global_valid(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    assert_eq!(
        client
            .api_version_default_get_swagger_global_valid(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    Ok(())
}

fn local_client(env: &Env) -> ApiVersionLocalOperationsClient {
    ApiVersionLocalOperationsClient::new(Some(ApiVersionLocalOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn api_version_local(env: Arc<Env>) -> Outcome {
    // The method's own api-version (`x-ms-api-version: false`) is the constant `2.0`.
    let client = local_client(&env);
    let r = client
        .api_version_local_get_method_local_valid(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let r = client.api_version_local_get_path_local_valid(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let r = client
        .api_version_local_get_swagger_local_valid(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn api_version_local_null(env: Arc<Env>) -> Outcome {
    // An optional api-version of the method's own, not given: no query at all.
    let r = local_client(&env)
        .api_version_local_get_method_local_null(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn odata_filter(env: Arc<Env>) -> Outcome {
    let client = OdataOperationsClient::new(Some(OdataOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))?;
    let r = client
        .odata_get_with_filter(Some(OdataOperationsClientOdataGetWithFilterOptions {
            filter: Some("id gt 5 and name eq 'foo'".into()),
            top: Some(10),
            orderby: Some("id".into()),
            ..Default::default()
        }))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

/// Method options whose context carries a client request id (azure_core's request-id policy
/// sends it as `x-ms-client-request-id` instead of a fresh one).
fn with_request_id<'a>(id: &str) -> MethodOptions<'a> {
    let mut method_options = ClientMethodOptions::default();
    method_options
        .context
        .insert(ClientRequestId::new(id.to_string()));
    MethodOptions {
        method_options,
        ..Default::default()
    }
}

async fn client_request_id_default(env: Arc<Env>) -> Outcome {
    // azure_core always sends an `x-ms-client-request-id`; the scenario counts a request that
    // has none, so this one is sent with the policy's header removed by a per-call policy.
    let client = credentials_client_without_request_id(&env);
    let r = client.x_ms_client_request_id_get(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    assert_eq!(
        r.headers()
            .get_optional_str(&azure_core::http::headers::HeaderName::from_static(
                "x-ms-request-id"
            )),
        Some("123")
    );
    Ok(())
}

fn credentials_client_without_request_id(env: &Env) -> SubscriptionInCredentialsOperationsClient {
    let mut client_options = env.options();
    client_options
        .per_try_policies
        .push(Arc::new(crate::support::RemoveHeader(
            "x-ms-client-request-id",
        )));
    SubscriptionInCredentialsOperationsClient::new(Some(
        SubscriptionInCredentialsOperationsClientOptions {
            endpoint: Some(env.endpoint()),
            client_options,
            ..Default::default()
        },
    ))
    .unwrap()
}

async fn client_request_id_overwrite(env: Arc<Env>) -> Outcome {
    let r = credentials_client(&env)
        .x_ms_client_request_id_get(Some(with_request_id(REQUEST_ID)))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn client_request_id_in_error(env: Arc<Env>) -> Outcome {
    // Any other id is answered with 400: the error carries the service's request id.
    let error = credentials_client(&env)
        .x_ms_client_request_id_get(Some(with_request_id("my-own-id")))
        .await
        .unwrap_err();
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
    Ok(())
}

async fn client_request_id_via_parameter(env: Arc<Env>) -> Outcome {
    let r = credentials_client(&env)
        .x_ms_client_request_id_param_get(REQUEST_ID, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

fn header_client(env: &Env) -> HeaderOperationsClient {
    HeaderOperationsClient::new(Some(HeaderOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn custom_named_request_id(env: Arc<Env>) -> Outcome {
    let client = header_client(&env);
    let r = client
        .header_custom_named_request_id(REQUEST_ID, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let exists = client
        .header_custom_named_request_id_head(REQUEST_ID, None)
        .await?;
    assert!(exists, "a HEAD answered 200 exists");
    Ok(())
}

async fn custom_named_request_id_grouped(env: Arc<Env>) -> Outcome {
    let r = header_client(&env)
        .header_custom_named_request_id_param_grouping(REQUEST_ID, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

fn skip_client(env: &Env) -> SkipUrlEncodingOperationsClient {
    SkipUrlEncodingOperationsClient::new(Some(SkipUrlEncodingOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn skip_url_encoding_path(env: Arc<Env>) -> Outcome {
    // `x-ms-skip-url-encoding`: the value's slashes reach the server as path separators.
    let client = skip_client(&env);
    let value = "path1/path2/path3";
    let r = client
        .skip_url_encoding_get_method_path_valid(value, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let r = client
        .skip_url_encoding_get_path_path_valid(value, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let r = client
        .skip_url_encoding_get_swagger_path_valid(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn skip_url_encoding_query(env: Arc<Env>) -> Outcome {
    // The value's `&` and `=` reach the server unescaped: three query parameters.
    let client = skip_client(&env);
    let value = "value1&q2=value2&q3=value3";
    let r = client
        .skip_url_encoding_get_method_query_valid(value, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let r = client
        .skip_url_encoding_get_path_query_valid(value, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let r = client
        .skip_url_encoding_get_swagger_query_valid(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn skip_url_encoding_query_null(env: Arc<Env>) -> Outcome {
    let r = skip_client(&env)
        .skip_url_encoding_get_method_query_null(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}
