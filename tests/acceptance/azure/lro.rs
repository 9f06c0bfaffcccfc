//! `lro.json`: long-running operations. Each scenario awaits the poller and checks the final
//! value (or the error for the operations that fail); the server counts a scenario when the
//! client polled the right links in the right order and fetched the final value from the right
//! place.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_lro::{models::*, *};
use azure_core::http::{poller::PollerOptions, request::options::ClientRequestId, StatusCode};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        put_200_succeeded => ["LROPutInlineComplete"],
        put_201_succeeded => ["LROPutInlineComplete201"],
        put_200_succeeded_no_state => ["LROPut200InlineCompleteNoState"],
        patch_201_retry_with_async_header => ["LROPatch201WithAsyncHeader"],
        patch_202_retry_with_async_and_location_header => ["LROPatch202WithAsyncAndLocationHeader"],
        post_202_list => ["LROPostAndGetList"],
        put_202_retry_200 => ["LROPut202Retry200"],
        put_201_creating_succeeded_200 => ["LROPutSucceededWithBody"],
        put_200_updating_succeeded_204 => ["LROPutSucceededNoBody"],
        put_201_creating_failed_200 => ["LROPutFailed"],
        put_200_accepted_canceled_200 => ["LROPutCanceled"],
        put_no_header_in_retry => ["LROPutNoHeaderInRetry"],
        put_async_retry_succeeded => ["LROPutAsyncRetrySucceeded"],
        put_async_no_retry_succeeded => ["LROPutAsyncNoRetrySucceeded"],
        put_async_retry_failed => ["LROPutAsyncRetryFailed"],
        put_async_no_retry_canceled => ["LROPutAsyncNoRetryCanceled"],
        put_async_no_header_in_retry => ["LROPutAsyncNoHeaderInRetry"],
        put_non_resource => ["LROPutNonResourceInRetry"],
        put_async_non_resource => ["LROPutNonResourceAsyncInRetry"],
        put_sub_resource => ["LROPutSubResourceInRetry"],
        put_async_sub_resource => ["LROPutSubResourceAsyncInRetry"],
        delete_provisioning_succeeded => ["LRODeleteProvisioningSucceededWithBody"],
        delete_provisioning_failed => ["LRODeleteProvisioningFailed"],
        delete_provisioning_canceled => ["LRODeleteProvisioningCanceled"],
        delete_204_succeeded => ["LRODeleteInlineComplete"],
        delete_202_retry_200 => ["LRODelete200"],
        delete_202_no_retry_204 => ["LRODelete204"],
        delete_no_header_in_retry => ["LRODeleteNoHeaderInRetry"],
        delete_async_no_header_in_retry => ["LRODeleteAsyncNoHeaderInRetry"],
        delete_async_retry_succeeded => ["LRODeleteAsyncRetrySucceeded"],
        delete_async_no_retry_succeeded => ["LRODeleteAsyncNoRetrySucceeded"],
        delete_async_retry_failed => ["LRODeleteAsyncRetryFailed"],
        delete_async_retry_canceled => ["LRODeleteAsyncRetryCanceled"],
        post_200_with_payload => ["LROPost200"],
        post_202_retry_200 => ["LROPostSuccededWithBody"],
        post_202_no_retry_204 => ["LROPostSuccededNoBody"],
        post_double_headers_final_location_get => [
            "LROPostDoubleHeadersFinalLocationPost",
            "LROPostDoubleHeadersFinalLocationAsync",
            "LROPostDoubleHeadersFinalLocationGet",
        ],
        post_double_headers_final_azure_header_get => ["LROPostDoubleHeadersFinalAzureHeaderGet"],
        post_double_headers_final_azure_header_get_default => [
            "LROPostDoubleHeadersFinalAzureHeaderGetDefault"
        ],
        post_async_retry_succeeded => ["LROPostAsyncRetrySucceeded"],
        post_async_no_retry_succeeded => ["LROPostAsyncNoRetrySucceeded"],
        post_async_retry_failed => ["LROPostAsyncRetryFailed"],
        post_async_retry_canceled => ["LROPostAsyncRetryCanceled"],
        retry_put_201_creating_succeeded_200 => ["LRORetryPutSucceededWithBody"],
        retry_put_async_relative_retry_succeeded => [
            "LRORetryErrorPutAsyncSucceeded",
            "LRORetryErrorPutAsyncSucceededPolling",
        ],
        retry_delete_provisioning_202_accepted_200_succeeded => [
            "LRORetryErrorDelete202Accepted200Succeeded"
        ],
        retry_delete_202_retry_200 => ["LRORetryErrorDelete202Retry200Succeeded"],
        retry_delete_async_relative_retry_succeeded => ["LRORetryErrorDeleteAsyncRetrySucceeded"],
        // The server expects a POST answered 500 to be sent again; the client does not repeat
        // a POST the service may have acted on, so these end with the 500 and count nothing.
        retry_post_202_retry_200 => [],
        retry_post_async_relative_retry_succeeded => [],
        sad_put_non_retry_400 => ["LRONonRetryPut400"],
        sad_put_non_retry_201_creating_400 => ["LRONonRetryPut201Creating400"],
        sad_put_non_retry_201_creating_400_invalid_json => ["LRONonRetryPut201Creating400InvalidJson"],
        sad_put_async_relative_retry_400 => ["LRONonRetryPutAsyncRetry400"],
        sad_delete_non_retry_400 => ["LRONonRetryDelete400"],
        sad_delete_202_non_retry_400 => ["LRONonRetryDelete202Retry400"],
        sad_delete_async_relative_retry_400 => ["LRONonRetryDeleteAsyncRetry400"],
        sad_post_non_retry_400 => ["LRONonRetryPost400"],
        sad_post_202_non_retry_400 => ["LRONonRetryPost202Retry400"],
        sad_post_async_relative_retry_400 => ["LRONonRetryPostAsyncRetry400"],
        sad_put_error_201_no_provisioning_state_payload => ["LROErrorPut201NoProvisioningStatePayload"],
        sad_put_async_relative_retry_no_status => ["LROErrorPutAsyncNoPollingStatus"],
        sad_put_async_relative_retry_no_status_payload => ["LROErrorPutAsyncNoPollingStatusPayload"],
        sad_delete_204_succeeded => ["LROErrorDeleteNoLocation"],
        sad_delete_async_relative_retry_no_status => ["LROErrorDeleteAsyncNoPollingStatus"],
        sad_post_202_no_location => ["LROErrorPostNoLocation"],
        sad_post_async_relative_retry_no_payload => ["LROErrorPostAsyncNoPollingPayload"],
        sad_put_200_invalid_json => ["LROErrorPut200InvalidJson"],
        sad_put_async_relative_retry_invalid_header => ["LROErrorPutAsyncInvalidHeader"],
        sad_put_async_relative_retry_invalid_json_polling => ["LROErrorPutAsyncInvalidJsonPolling"],
        sad_delete_202_retry_invalid_header => ["LROErrorDelete202RetryInvalidHeader"],
        sad_delete_async_relative_retry_invalid_header => ["LROErrorDeleteAsyncInvalidHeader"],
        sad_delete_async_relative_retry_invalid_json_polling => ["LROErrorDeleteAsyncInvalidJsonPolling"],
        sad_post_202_retry_invalid_header => ["LROErrorPost202RetryInvalidHeader"],
        sad_post_async_relative_retry_invalid_header => ["LROErrorPostAsyncInvalidHeader"],
        sad_post_async_relative_retry_invalid_json_polling => ["LROErrorPostAsyncInvalidJsonPolling"],
        custom_header_put_async_retry_succeeded => ["CustomHeaderPutAsyncSucceded"],
        custom_header_put_201_creating_succeeded_200 => ["CustomHeaderPutSucceeded"],
        custom_header_post_202_retry_200 => ["CustomHeaderPostSucceeded"],
        custom_header_post_async_retry_succeeded => ["CustomHeaderPostAsyncSucceded"],
    ]
}

fn lros(env: &Env) -> LrOsClient {
    LrOsClient::new(Some(LrOsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

/// The retry scenarios fail a request with 500 once: azure_core's retry policy is on.
fn retrys(env: &Env) -> LroRetrysClient {
    LroRetrysClient::new(Some(LroRetrysClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.retrying_options(),
        ..Default::default()
    }))
    .unwrap()
}

fn sads(env: &Env) -> LrosaDsClient {
    LrosaDsClient::new(Some(LrosaDsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

fn custom_header(env: &Env) -> LrOsCustomHeaderClient {
    LrOsCustomHeaderClient::new(Some(LrOsCustomHeaderClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

/// Poller options that poll every second (azure_core's least) when the service gives no
/// `Retry-After`, instead of the default 30 seconds.
fn fast<'a>() -> PollerOptions<'a> {
    PollerOptions {
        frequency: azure_core::time::Duration::seconds(1),
        ..Default::default()
    }
}

/// A product whose provisioning state is `state`, named `foo`.
fn assert_product(product: &Product, state: &str) {
    assert_eq!(product.name.as_deref(), Some("foo"), "{product:?}");
    let actual = product
        .properties
        .as_ref()
        .and_then(|p| p.provisioning_state.as_deref());
    assert_eq!(actual, Some(state), "{product:?}");
}

/// Expects the operation to end in an error; returns it.
fn failed<T: std::fmt::Debug>(result: azure_core::Result<T>) -> azure_core::Error {
    match result {
        Ok(value) => panic!("expected the operation to fail, it gave {value:?}"),
        Err(e) => e,
    }
}

/// An operation that ended `Failed` or `Canceled`: an `HttpResponse` error with that code.
fn assert_ended(error: &azure_core::Error, state: &str) {
    match error.kind() {
        azure_core::error::ErrorKind::HttpResponse { error_code, .. } => {
            assert_eq!(error_code.as_deref(), Some(state), "{error:?}")
        }
        other => panic!("expected an HttpResponse error, got {other:?}"),
    }
}

async fn put_200_succeeded(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put200_succeeded(Some(LrOsClientPut200SucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_201_succeeded(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put201_succeeded(Some(LrOsClientPut201SucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_200_succeeded_no_state(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put200_succeeded_no_state(Some(LrOsClientPut200SucceededNoStateOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(product.id.as_deref(), Some("100"));
    assert!(product.properties.is_none());
    Ok(())
}

async fn patch_201_retry_with_async_header(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_patch201_retry_with_async_header(Some(
            LrOsClientPatch201RetryWithAsyncHeaderOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn patch_202_retry_with_async_and_location_header(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_patch202_retry_with_async_and_location_header(Some(
            LrOsClientPatch202RetryWithAsyncAndLocationHeaderOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn post_202_list(env: Arc<Env>) -> Outcome {
    let products = lros(&env)
        .begin_post202_list(Some(LrOsClientPost202ListOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(products.len(), 1);
    assert_eq!(products[0].name.as_deref(), Some("foo"));
    Ok(())
}

async fn put_202_retry_200(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put202_retry200(Some(LrOsClientPut202Retry200Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(product.id.as_deref(), Some("100"));
    assert_eq!(product.name.as_deref(), Some("foo"));
    Ok(())
}

async fn put_201_creating_succeeded_200(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put201_creating_succeeded200(Some(LrOsClientPut201CreatingSucceeded200Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_200_updating_succeeded_204(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put200_updating_succeeded204(Some(LrOsClientPut200UpdatingSucceeded204Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_201_creating_failed_200(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_put201_creating_failed200(Some(LrOsClientPut201CreatingFailed200Options {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Failed");
    Ok(())
}

async fn put_200_accepted_canceled_200(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_put200_acceptedcanceled200(Some(LrOsClientPut200Acceptedcanceled200Options {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Canceled");
    Ok(())
}

async fn put_no_header_in_retry(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put_no_header_in_retry(Some(LrOsClientPutNoHeaderInRetryOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_async_retry_succeeded(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put_async_retry_succeeded(Some(LrOsClientPutAsyncRetrySucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_async_no_retry_succeeded(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put_async_no_retry_succeeded(Some(LrOsClientPutAsyncNoRetrySucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_async_retry_failed(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_put_async_retry_failed(Some(LrOsClientPutAsyncRetryFailedOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Failed");
    Ok(())
}

async fn put_async_no_retry_canceled(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_put_async_no_retrycanceled(Some(LrOsClientPutAsyncNoRetrycanceledOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Canceled");
    Ok(())
}

async fn put_async_no_header_in_retry(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_put_async_no_header_in_retry(Some(LrOsClientPutAsyncNoHeaderInRetryOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn put_non_resource(env: Arc<Env>) -> Outcome {
    let sku = lros(&env)
        .begin_put_non_resource(Some(LrOsClientPutNonResourceOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(sku.name.as_deref(), Some("sku"));
    assert_eq!(sku.id.as_deref(), Some("100"));
    Ok(())
}

async fn put_async_non_resource(env: Arc<Env>) -> Outcome {
    let sku = lros(&env)
        .begin_put_async_non_resource(Some(LrOsClientPutAsyncNonResourceOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(sku.name.as_deref(), Some("sku"));
    assert_eq!(sku.id.as_deref(), Some("100"));
    Ok(())
}

async fn put_sub_resource(env: Arc<Env>) -> Outcome {
    let sub = lros(&env)
        .begin_put_sub_resource(Some(LrOsClientPutSubResourceOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(sub.id.as_deref(), Some("100"));
    let state = sub.properties.and_then(|p| p.provisioning_state);
    assert_eq!(state.as_deref(), Some("Succeeded"));
    Ok(())
}

async fn put_async_sub_resource(env: Arc<Env>) -> Outcome {
    let sub = lros(&env)
        .begin_put_async_sub_resource(Some(LrOsClientPutAsyncSubResourceOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(sub.id.as_deref(), Some("100"));
    let state = sub.properties.and_then(|p| p.provisioning_state);
    assert_eq!(state.as_deref(), Some("Succeeded"));
    Ok(())
}

async fn delete_provisioning_succeeded(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_delete_provisioning202_accepted200_succeeded(Some(
            LrOsClientDeleteProvisioning202Accepted200SucceededOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn delete_provisioning_failed(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_delete_provisioning202_deleting_failed200(Some(
                LrOsClientDeleteProvisioning202DeletingFailed200Options {
                    method_options: fast(),
                    ..Default::default()
                },
            ))?
            .await,
    );
    assert_ended(&error, "Failed");
    Ok(())
}

async fn delete_provisioning_canceled(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_delete_provisioning202_deletingcanceled200(Some(
                LrOsClientDeleteProvisioning202Deletingcanceled200Options {
                    method_options: fast(),
                    ..Default::default()
                },
            ))?
            .await,
    );
    assert_ended(&error, "Canceled");
    Ok(())
}

async fn delete_204_succeeded(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_delete204_succeeded(Some(LrOsClientDelete204SucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

async fn delete_202_retry_200(env: Arc<Env>) -> Outcome {
    // The spec promises a product, but the service ends with an empty 200.
    let response = lros(&env)
        .begin_delete202_retry200(Some(LrOsClientDelete202Retry200Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

async fn delete_202_no_retry_204(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_delete202_no_retry204(Some(LrOsClientDelete202NoRetry204Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

async fn delete_no_header_in_retry(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_delete_no_header_in_retry(Some(LrOsClientDeleteNoHeaderInRetryOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

async fn delete_async_no_header_in_retry(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_delete_async_no_header_in_retry(Some(LrOsClientDeleteAsyncNoHeaderInRetryOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert!(response.status().is_success());
    Ok(())
}

async fn delete_async_retry_succeeded(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_delete_async_retry_succeeded(Some(LrOsClientDeleteAsyncRetrySucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

async fn delete_async_no_retry_succeeded(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_delete_async_no_retry_succeeded(Some(
            LrOsClientDeleteAsyncNoRetrySucceededOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

async fn delete_async_retry_failed(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_delete_async_retry_failed(Some(LrOsClientDeleteAsyncRetryFailedOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Failed");
    Ok(())
}

async fn delete_async_retry_canceled(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_delete_async_retrycanceled(Some(LrOsClientDeleteAsyncRetrycanceledOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Canceled");
    Ok(())
}

async fn post_200_with_payload(env: Arc<Env>) -> Outcome {
    let sku = lros(&env)
        .begin_post200_with_payload(Some(LrOsClientPost200WithPayloadOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_eq!(sku.id.as_deref(), Some("1"));
    assert_eq!(sku.name.as_deref(), Some("product"));
    Ok(())
}

async fn post_202_retry_200(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_post202_retry200(Some(LrOsClientPost202Retry200Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

async fn post_202_no_retry_204(env: Arc<Env>) -> Outcome {
    let response = lros(&env)
        .begin_post202_no_retry204(Some(LrOsClientPost202NoRetry204Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

async fn post_double_headers_final_location_get(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_post_double_headers_final_location_get(Some(
            LrOsClientPostDoubleHeadersFinalLocationGetOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_eq!(product.id.as_deref(), Some("100"));
    assert_eq!(product.name.as_deref(), Some("foo"));
    Ok(())
}

async fn post_double_headers_final_azure_header_get(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_post_double_headers_final_azure_header_get(Some(
            LrOsClientPostDoubleHeadersFinalAzureHeaderGetOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_eq!(product.id.as_deref(), Some("100"));
    Ok(())
}

async fn post_double_headers_final_azure_header_get_default(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_post_double_headers_final_azure_header_get_default(Some(
            LrOsClientPostDoubleHeadersFinalAzureHeaderGetDefaultOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_eq!(product.id.as_deref(), Some("100"));
    assert_eq!(product.name.as_deref(), Some("foo"));
    Ok(())
}

async fn post_async_retry_succeeded(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_post_async_retry_succeeded(Some(LrOsClientPostAsyncRetrySucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn post_async_no_retry_succeeded(env: Arc<Env>) -> Outcome {
    let product = lros(&env)
        .begin_post_async_no_retry_succeeded(Some(LrOsClientPostAsyncNoRetrySucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn post_async_retry_failed(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_post_async_retry_failed(Some(LrOsClientPostAsyncRetryFailedOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Failed");
    Ok(())
}

async fn post_async_retry_canceled(env: Arc<Env>) -> Outcome {
    let error = failed(
        lros(&env)
            .begin_post_async_retrycanceled(Some(LrOsClientPostAsyncRetrycanceledOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    assert_ended(&error, "Canceled");
    Ok(())
}

async fn retry_put_201_creating_succeeded_200(env: Arc<Env>) -> Outcome {
    let product = retrys(&env)
        .begin_put201_creating_succeeded200(Some(
            LroRetrysClientPut201CreatingSucceeded200Options {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn retry_put_async_relative_retry_succeeded(env: Arc<Env>) -> Outcome {
    let product = retrys(&env)
        .begin_put_async_relative_retry_succeeded(Some(
            LroRetrysClientPutAsyncRelativeRetrySucceededOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn retry_delete_provisioning_202_accepted_200_succeeded(env: Arc<Env>) -> Outcome {
    let product = retrys(&env)
        .begin_delete_provisioning202_accepted200_succeeded(Some(
            LroRetrysClientDeleteProvisioning202Accepted200SucceededOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn retry_delete_202_retry_200(env: Arc<Env>) -> Outcome {
    let response = retrys(&env)
        .begin_delete202_retry200(Some(LroRetrysClientDelete202Retry200Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

async fn retry_delete_async_relative_retry_succeeded(env: Arc<Env>) -> Outcome {
    let response = retrys(&env)
        .begin_delete_async_relative_retry_succeeded(Some(
            LroRetrysClientDeleteAsyncRelativeRetrySucceededOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

/// A POST answered 500 is not repeated, even with a retry policy on: the 500 is the outcome.
fn assert_not_repeated(result: azure_core::Result<impl std::fmt::Debug>) {
    match result {
        Err(error) => assert_eq!(
            error.http_status(),
            Some(StatusCode::InternalServerError),
            "{error:?}"
        ),
        Ok(value) => panic!("a POST answered 500 was repeated: {value:?}"),
    }
}

async fn retry_post_202_retry_200(env: Arc<Env>) -> Outcome {
    let result = retrys(&env)
        .begin_post202_retry200(Some(LroRetrysClientPost202Retry200Options {
            method_options: fast(),
            ..Default::default()
        }))?
        .await;
    assert_not_repeated(result);
    Ok(())
}

async fn retry_post_async_relative_retry_succeeded(env: Arc<Env>) -> Outcome {
    let result = retrys(&env)
        .begin_post_async_relative_retry_succeeded(Some(
            LroRetrysClientPostAsyncRelativeRetrySucceededOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await;
    assert_not_repeated(result);
    Ok(())
}

/// The operation fails with HTTP 400, on the first request or on a poll.
fn assert_bad_request(error: &azure_core::Error) {
    assert_eq!(
        error.http_status(),
        Some(StatusCode::BadRequest),
        "{error:?}"
    );
}

async fn sad_put_non_retry_400(env: Arc<Env>) -> Outcome {
    assert_bad_request(&failed(
        sads(&env)
            .begin_put_non_retry400(Some(LrosaDsClientPutNonRetry400Options {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    ));
    Ok(())
}

async fn sad_put_non_retry_201_creating_400(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_put_non_retry201_creating400(Some(
        LrosaDsClientPutNonRetry201Creating400Options {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    assert_bad_request(&failed(poller.await));
    Ok(())
}

async fn sad_put_non_retry_201_creating_400_invalid_json(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_put_non_retry201_creating400_invalid_json(Some(
        LrosaDsClientPutNonRetry201Creating400InvalidJsonOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    assert_bad_request(&failed(poller.await));
    Ok(())
}

async fn sad_put_async_relative_retry_400(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_put_async_relative_retry400(Some(
        LrosaDsClientPutAsyncRelativeRetry400Options {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    assert_bad_request(&failed(poller.await));
    Ok(())
}

async fn sad_delete_non_retry_400(env: Arc<Env>) -> Outcome {
    assert_bad_request(&failed(
        sads(&env)
            .begin_delete_non_retry400(Some(LrosaDsClientDeleteNonRetry400Options {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    ));
    Ok(())
}

async fn sad_delete_202_non_retry_400(env: Arc<Env>) -> Outcome {
    assert_bad_request(&failed(
        sads(&env)
            .begin_delete202_non_retry400(Some(LrosaDsClientDelete202NonRetry400Options {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    ));
    Ok(())
}

async fn sad_delete_async_relative_retry_400(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_delete_async_relative_retry400(Some(
        LrosaDsClientDeleteAsyncRelativeRetry400Options {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    assert_bad_request(&failed(poller.await));
    Ok(())
}

async fn sad_post_non_retry_400(env: Arc<Env>) -> Outcome {
    assert_bad_request(&failed(
        sads(&env)
            .begin_post_non_retry400(Some(LrosaDsClientPostNonRetry400Options {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    ));
    Ok(())
}

async fn sad_post_202_non_retry_400(env: Arc<Env>) -> Outcome {
    assert_bad_request(&failed(
        sads(&env)
            .begin_post202_non_retry400(Some(LrosaDsClientPost202NonRetry400Options {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    ));
    Ok(())
}

async fn sad_post_async_relative_retry_400(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_post_async_relative_retry400(Some(
        LrosaDsClientPostAsyncRelativeRetry400Options {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    assert_bad_request(&failed(poller.await));
    Ok(())
}

async fn sad_put_error_201_no_provisioning_state_payload(env: Arc<Env>) -> Outcome {
    // 201 with an empty body and nothing to poll: done, but there is no product to read.
    let response = sads(&env)
        .begin_put_error201_no_provisioning_state_payload(Some(
            LrosaDsClientPutError201NoProvisioningStatePayloadOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?;
    assert_eq!(response.status(), StatusCode::Created);
    assert!(response.into_model().is_err());
    Ok(())
}

async fn sad_put_async_relative_retry_no_status(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_put_async_relative_retry_no_status(Some(
        LrosaDsClientPutAsyncRelativeRetryNoStatusOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_put_async_relative_retry_no_status_payload(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_put_async_relative_retry_no_status_payload(Some(
        LrosaDsClientPutAsyncRelativeRetryNoStatusPayloadOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_delete_204_succeeded(env: Arc<Env>) -> Outcome {
    let response = sads(&env)
        .begin_delete204_succeeded(Some(LrosaDsClientDelete204SucceededOptions {
            method_options: fast(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::NoContent);
    Ok(())
}

async fn sad_delete_async_relative_retry_no_status(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_delete_async_relative_retry_no_status(Some(
        LrosaDsClientDeleteAsyncRelativeRetryNoStatusOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_post_202_no_location(env: Arc<Env>) -> Outcome {
    failed(
        sads(&env)
            .begin_post202_no_location(Some(LrosaDsClientPost202NoLocationOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await,
    );
    Ok(())
}

async fn sad_post_async_relative_retry_no_payload(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_post_async_relative_retry_no_payload(Some(
        LrosaDsClientPostAsyncRelativeRetryNoPayloadOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_put_200_invalid_json(env: Arc<Env>) -> Outcome {
    failed(
        sads(&env)
            .begin_put200_invalid_json(Some(LrosaDsClientPut200InvalidJsonOptions {
                method_options: fast(),
                ..Default::default()
            }))?
            .await
            .and_then(|r| r.into_model()),
    );
    Ok(())
}

async fn sad_put_async_relative_retry_invalid_header(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_put_async_relative_retry_invalid_header(Some(
        LrosaDsClientPutAsyncRelativeRetryInvalidHeaderOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_put_async_relative_retry_invalid_json_polling(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_put_async_relative_retry_invalid_json_polling(Some(
        LrosaDsClientPutAsyncRelativeRetryInvalidJsonPollingOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_delete_202_retry_invalid_header(env: Arc<Env>) -> Outcome {
    failed(
        sads(&env)
            .begin_delete202_retry_invalid_header(Some(
                LrosaDsClientDelete202RetryInvalidHeaderOptions {
                    method_options: fast(),
                    ..Default::default()
                },
            ))?
            .await,
    );
    Ok(())
}

async fn sad_delete_async_relative_retry_invalid_header(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_delete_async_relative_retry_invalid_header(Some(
        LrosaDsClientDeleteAsyncRelativeRetryInvalidHeaderOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_delete_async_relative_retry_invalid_json_polling(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_delete_async_relative_retry_invalid_json_polling(Some(
        LrosaDsClientDeleteAsyncRelativeRetryInvalidJsonPollingOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_post_202_retry_invalid_header(env: Arc<Env>) -> Outcome {
    failed(
        sads(&env)
            .begin_post202_retry_invalid_header(Some(
                LrosaDsClientPost202RetryInvalidHeaderOptions {
                    method_options: fast(),
                    ..Default::default()
                },
            ))?
            .await,
    );
    Ok(())
}

async fn sad_post_async_relative_retry_invalid_header(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_post_async_relative_retry_invalid_header(Some(
        LrosaDsClientPostAsyncRelativeRetryInvalidHeaderOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

async fn sad_post_async_relative_retry_invalid_json_polling(env: Arc<Env>) -> Outcome {
    let poller = sads(&env).begin_post_async_relative_retry_invalid_json_polling(Some(
        LrosaDsClientPostAsyncRelativeRetryInvalidJsonPollingOptions {
            method_options: fast(),
            ..Default::default()
        },
    ))?;
    failed(poller.await);
    Ok(())
}

const REQUEST_ID: &str = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

/// [`fast()`] options whose context sends `REQUEST_ID` as `x-ms-client-request-id` on the
/// first request and on every poll.
fn fast_with_request_id<'a>() -> PollerOptions<'a> {
    let mut options = fast();
    options
        .context
        .insert(ClientRequestId::new(REQUEST_ID.to_string()));
    options
}

async fn custom_header_put_async_retry_succeeded(env: Arc<Env>) -> Outcome {
    let product = custom_header(&env)
        .begin_put_async_retry_succeeded(Some(
            LrOsCustomHeaderClientPutAsyncRetrySucceededOptions {
                method_options: fast_with_request_id(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn custom_header_put_201_creating_succeeded_200(env: Arc<Env>) -> Outcome {
    let product = custom_header(&env)
        .begin_put201_creating_succeeded200(Some(
            LrOsCustomHeaderClientPut201CreatingSucceeded200Options {
                method_options: fast_with_request_id(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_product(&product, "Succeeded");
    Ok(())
}

async fn custom_header_post_202_retry_200(env: Arc<Env>) -> Outcome {
    let response = custom_header(&env)
        .begin_post202_retry200(Some(LrOsCustomHeaderClientPost202Retry200Options {
            method_options: fast_with_request_id(),
            ..Default::default()
        }))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}

async fn custom_header_post_async_retry_succeeded(env: Arc<Env>) -> Outcome {
    let response = custom_header(&env)
        .begin_post_async_retry_succeeded(Some(
            LrOsCustomHeaderClientPostAsyncRetrySucceededOptions {
                method_options: fast_with_request_id(),
                ..Default::default()
            },
        ))?
        .await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}
