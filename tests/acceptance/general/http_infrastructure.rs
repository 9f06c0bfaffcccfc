//! `httpInfrastructure.json`: every status code, declared redirects, retries under the
//! project's retry rules, and different bodies (and error models) per status.

use crate::support::{Env, Outcome, Scenario};
use autorest_http_infrastructure::models::*;
use autorest_http_infrastructure::*;
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        success => [
            "HttpSuccess200Head", "HttpSuccess200Get", "HttpSuccess200Put", "HttpSuccess200Post",
            "HttpSuccess200Patch", "HttpSuccess200Delete", "HttpSuccess201Put", "HttpSuccess201Post",
            "HttpSuccess202Put", "HttpSuccess202Post", "HttpSuccess202Patch", "HttpSuccess202Delete",
            "HttpSuccess204Head", "HttpSuccess204Put", "HttpSuccess204Post", "HttpSuccess204Patch",
            "HttpSuccess204Delete", "HttpSuccess404Head",
        ],
        redirects => [
            "HttpRedirect300Head", "HttpRedirect300Get", "HttpRedirect301Head", "HttpRedirect301Get",
            "HttpRedirect301Put", "HttpRedirect302Head", "HttpRedirect302Get", "HttpRedirect302Patch",
            "HttpRedirect303Post", "HttpRedirect307Head", "HttpRedirect307Get", "HttpRedirect307Put",
            "HttpRedirect307Post", "HttpRedirect307Patch", "HttpRedirect307Delete",
        ],
        client_failures => [
            "HttpClientFailure400Head", "HttpClientFailure400Get", "HttpClientFailure400Put",
            "HttpClientFailure400Post", "HttpClientFailure400Patch", "HttpClientFailure400Delete",
            "HttpClientFailure401Head", "HttpClientFailure402Get", "HttpClientFailure403Get",
            "HttpClientFailure404Put", "HttpClientFailure405Patch", "HttpClientFailure406Post",
            "HttpClientFailure407Delete", "HttpClientFailure409Put", "HttpClientFailure410Head",
            "HttpClientFailure411Get", "HttpClientFailure412Get", "HttpClientFailure413Put",
            "HttpClientFailure414Patch", "HttpClientFailure415Post", "HttpClientFailure416Get",
            "HttpClientFailure417Delete", "HttpClientFailure429Head",
        ],
        server_failures => [
            "HttpServerFailure501Head", "HttpServerFailure501Get", "HttpServerFailure505Post",
            "HttpServerFailure505Delete",
        ],
        retries => [
            "HttpRetry408Head", "HttpRetry500Put", "HttpRetry502Get", "HttpRetry503Post",
            "HttpRetry503Delete", "HttpRetry504Put",
        ],
        retries_not_repeated => [],
        error_bodies => [
            "ResponsesScenarioEmptyErrorBody", "ResponsesScenarioNoModelErrorBody",
            "ResponsesScenarioNoModelEmptyBody",
        ],
        model_or_none => [
            "ResponsesScenarioA200MatchingModel", "ResponsesScenarioA201DefaultNoModel",
            "ResponsesScenarioA202DefaultNoModel", "ResponsesScenarioA204MatchingNoModel",
            "ResponsesScenarioA400DefaultModel",
        ],
        two_models => [
            "ResponsesScenarioB200MatchingModel", "ResponsesScenarioB201MatchingModel",
            "ResponsesScenarioB400DefaultModel",
        ],
        error_model_per_status => [
            "ResponsesScenarioC200MatchingModel", "ResponsesScenarioC201MatchingModel",
            "ResponsesScenarioC404MatchingModel", "ResponsesScenarioC400DefaultModel",
        ],
        no_bodies => [
            "ResponsesScenarioD202MatchingNoModel", "ResponsesScenarioD204MatchingNoModel",
            "ResponsesScenarioD400DefaultModel", "ResponsesScenarioE202MatchingInvalid",
            "ResponsesScenarioE204MatchingNoModel", "ResponsesScenarioE400DefaultNoModel",
            "ResponsesScenarioE400DefaultInvalid",
        ],
        default_bodies => [
            "ResponsesScenarioF200DefaultModel", "ResponsesScenarioF200DefaultNone",
            "ResponsesScenarioF400DefaultModel", "ResponsesScenarioF400DefaultNone",
            "ResponsesScenarioG200DefaultInvalid", "ResponsesScenarioG200DefaultNoModel",
            "ResponsesScenarioG400DefaultInvalid", "ResponsesScenarioG400DefaultNoModel",
        ],
        one_model => [
            "ResponsesScenarioH200MatchingNone", "ResponsesScenarioH200MatchingModel",
            "ResponsesScenarioH200MatchingInvalid", "ResponsesScenarioH400NonMatchingNone",
            "ResponsesScenarioH400NonMatchingModel", "ResponsesScenarioH400NonMatchingInvalid",
            "ResponsesScenarioH202NonMatchingModel",
        ],
    ]
}

fn service(
    env: &Env,
    client_options: azure_core::http::ClientOptions,
) -> AutoRestHttpInfrastructureTestClient {
    AutoRestHttpInfrastructureTestClient::new(Some(AutoRestHttpInfrastructureTestClientOptions {
        endpoint: Some(env.endpoint()),
        client_options,
        ..Default::default()
    }))
    .unwrap()
}

/// The status of an `HttpResponse` error, or a panic naming what came back instead.
fn status_of<T: std::fmt::Debug>(result: azure_core::Result<T>) -> u16 {
    match result {
        Err(e) => u16::from(
            e.http_status()
                .unwrap_or_else(|| panic!("not an HTTP error: {e}")),
        ),
        Ok(v) => panic!("expected an error status, got {v:?}"),
    }
}

/// The error body decoded as `E` (with its status and raw body) through `ServiceError`.
fn service_error<T: std::fmt::Debug, E: serde::de::DeserializeOwned>(
    result: azure_core::Result<T>,
) -> ServiceError<E> {
    match result {
        Err(e) => ServiceError::<E>::try_from(e).unwrap(),
        Ok(v) => panic!("expected an error status, got {v:?}"),
    }
}

async fn success(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).http_success_operations_client();
    let ok = StatusCode::Ok;
    assert_eq!(c.http_success_head200(None).await?.status(), ok);
    assert!(c.http_success_get200(None).await?.into_model()?);
    assert_eq!(c.http_success_put200(None).await?.status(), ok);
    assert_eq!(c.http_success_post200(None).await?.status(), ok);
    assert_eq!(c.http_success_patch200(None).await?.status(), ok);
    assert_eq!(c.http_success_delete200(None).await?.status(), ok);
    assert_eq!(
        c.http_success_put201(None).await?.status(),
        StatusCode::Created
    );
    assert_eq!(
        c.http_success_post201(None).await?.status(),
        StatusCode::Created
    );
    for status in [
        c.http_success_put202(None).await?.status(),
        c.http_success_post202(None).await?.status(),
        c.http_success_patch202(None).await?.status(),
        c.http_success_delete202(None).await?.status(),
    ] {
        assert_eq!(status, StatusCode::Accepted);
    }
    for status in [
        c.http_success_head204(None).await?.status(),
        c.http_success_put204(None).await?.status(),
        c.http_success_patch204(None).await?.status(),
        c.http_success_delete204(None).await?.status(),
    ] {
        assert_eq!(status, StatusCode::NoContent);
    }
    // `HttpSuccess_post204` is its own group (its operationId starts with a capital).
    let post204 = service(&env, env.options()).http_success_client();
    assert_eq!(post204.post204(None).await?.status(), StatusCode::NoContent);
    // A HEAD that declares 404 answers whether the resource exists.
    assert!(!c.http_success_head404(None).await?);
    Ok(())
}

async fn redirects(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).http_redirect_operations_client();
    // A declared redirect is an answer the caller gets, with its `Location` (read by the
    // operation's typed getter), not followed.
    match c.http_redirects_get300(None).await? {
        HttpRedirectOperationsClientHttpRedirectsGet300Response::MultipleChoices(r) => {
            assert_eq!(u16::from(r.status()), 300);
            assert_eq!(r.into_model()?, vec!["/http/success/get/200".to_string()]);
        }
        other => panic!("expected the 300 answer, got {other:?}"),
    }
    let r = c.http_redirects_head300(None).await?;
    assert_eq!(u16::from(r.status()), 300);
    assert_eq!(r.location()?.as_deref(), Some("/http/success/head/200"));
    macro_rules! redirected {
        ($call:expr, $code:expr) => {{
            let r = $call.await?;
            assert_eq!(u16::from(r.status()), $code);
            r.location()?.expect("a redirect carries its location")
        }};
    }
    redirected!(c.http_redirects_head301(None), 301);
    let to = redirected!(c.http_redirects_put301(None), 301);
    assert_eq!(to, "/http/failure/500");
    redirected!(c.http_redirects_head302(None), 302);
    redirected!(c.http_redirects_patch302(None), 302);
    let to = redirected!(c.http_redirects_post303(None), 303);
    assert_eq!(to, "/http/success/get/200");
    redirected!(c.http_redirects_head307(None), 307);
    redirected!(c.http_redirects_get307(None), 307);
    redirected!(c.http_redirects_post307(None), 307);
    redirected!(c.http_redirects_patch307(None), 307);
    redirected!(c.http_redirects_delete307(None), 307);
    let g = service(&env, env.options()).http_operation_operations_client();
    assert_eq!(
        u16::from(g.http_redirects_get301(None).await?.status()),
        301
    );
    assert_eq!(
        u16::from(g.http_redirects_get302(None).await?.status()),
        302
    );
    let put307 = service(&env, env.options()).http_redirects_client();
    assert_eq!(u16::from(put307.put307(None).await?.status()), 307);
    Ok(())
}

async fn client_failures(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).http_client_failure_operations_client();
    let statuses = [
        (status_of(c.http_client_failure_head400(None).await), 400),
        (status_of(c.http_client_failure_get400(None).await), 400),
        (status_of(c.http_client_failure_put400(None).await), 400),
        (status_of(c.http_client_failure_post400(None).await), 400),
        (status_of(c.http_client_failure_patch400(None).await), 400),
        (status_of(c.http_client_failure_delete400(None).await), 400),
        (status_of(c.http_client_failure_head401(None).await), 401),
        (status_of(c.http_client_failure_get402(None).await), 402),
        (status_of(c.http_client_failure_get403(None).await), 403),
        (status_of(c.http_client_failure_put404(None).await), 404),
        (status_of(c.http_client_failure_patch405(None).await), 405),
        (status_of(c.http_client_failure_post406(None).await), 406),
        (status_of(c.http_client_failure_delete407(None).await), 407),
        (status_of(c.http_client_failure_put409(None).await), 409),
        (status_of(c.http_client_failure_head410(None).await), 410),
        (status_of(c.http_client_failure_get411(None).await), 411),
        (status_of(c.http_client_failure_get412(None).await), 412),
        (status_of(c.http_client_failure_put413(None).await), 413),
        (status_of(c.http_client_failure_patch414(None).await), 414),
        (status_of(c.http_client_failure_post415(None).await), 415),
        (status_of(c.http_client_failure_get416(None).await), 416),
        (status_of(c.http_client_failure_delete417(None).await), 417),
        (status_of(c.http_client_failure_head429(None).await), 429),
    ];
    for (got, want) in statuses {
        assert_eq!(got, want);
    }
    Ok(())
}

async fn server_failures(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).http_server_failure_operations_client();
    assert_eq!(status_of(c.http_server_failure_head501(None).await), 501);
    assert_eq!(status_of(c.http_server_failure_get501(None).await), 501);
    assert_eq!(status_of(c.http_server_failure_post505(None).await), 505);
    assert_eq!(status_of(c.http_server_failure_delete505(None).await), 505);
    Ok(())
}

async fn retries(env: Arc<Env>) -> Outcome {
    // The server fails the first request and counts the retry; the retry policy resends
    // idempotent requests on 408, 500, 502, 503 and 504, and a POST on 503.
    let c = service(&env, env.retrying_options()).http_retry_operations_client();
    assert_eq!(c.http_retry_head408(None).await?.status(), StatusCode::Ok);
    assert_eq!(c.http_retry_put500(None).await?.status(), StatusCode::Ok);
    assert_eq!(c.http_retry_get502(None).await?.status(), StatusCode::Ok);
    assert_eq!(c.http_retry_post503(None).await?.status(), StatusCode::Ok);
    assert_eq!(c.http_retry_delete503(None).await?.status(), StatusCode::Ok);
    assert_eq!(c.http_retry_put504(None).await?.status(), StatusCode::Ok);
    Ok(())
}

/// `HttpRetry500Patch` and `HttpRetry504Patch`: a PATCH the service may have acted on is not
/// sent again (only 408, 429 and 503 say it was not processed), so the 500 and 504 are what
/// the caller gets and the server counts nothing.
async fn retries_not_repeated(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.retrying_options()).http_retry_operations_client();
    assert_eq!(status_of(c.http_retry_patch500(None).await), 500);
    assert_eq!(status_of(c.http_retry_patch504(None).await), 504);
    Ok(())
}

async fn error_bodies(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).http_failure_operations_client();
    // The declared `default` model, decoded from the 400's body.
    let e = ErrorModel::try_from(c.http_failure_get_empty_error(None).await.unwrap_err())?;
    assert_eq!(e.message.as_deref(), Some(""));
    // No error model declared: the status and the raw body are kept.
    let e = service_error::<_, serde_json::Value>(c.http_failure_get_no_model_error(None).await);
    assert_eq!(u16::from(e.status), 400);
    assert_eq!(
        e.error,
        Some(serde_json::json!({"message": "NoErrorModel"}))
    );
    let e = service_error::<_, serde_json::Value>(c.http_failure_get_no_model_empty(None).await);
    assert_eq!(u16::from(e.status), 400);
    assert!(e.raw_body.is_empty());
    Ok(())
}

async fn model_or_none(env: Arc<Env>) -> Outcome {
    use MultipleResponseOperationsClientMultipleResponsesGet200Model204NoModelDefaultError200ValidResponse as A200;
    use MultipleResponseOperationsClientMultipleResponsesGet200Model204NoModelDefaultError204ValidResponse as A204;
    let c = service(&env, env.options()).multiple_response_operations_client();
    match c
        .multiple_responses_get200_model204_no_model_default_error200_val(None)
        .await?
    {
        A200::Ok(r) => assert_eq!(r.into_model()?.status_code.as_deref(), Some("200")),
        other => panic!("expected 200, got {other:?}"),
    }
    match c
        .multiple_responses_get200_model204_no_model_default_error204_val(None)
        .await?
    {
        A204::NoContent(r) => assert_eq!(r.status(), StatusCode::NoContent),
        other => panic!("expected 204, got {other:?}"),
    }
    // 201 and 202 are not declared: errors, whose body is the `default` model's shape.
    let e = service_error::<_, ErrorModel>(
        c.multiple_responses_get200_model204_no_model_default_error201_inv(None)
            .await,
    );
    assert_eq!(u16::from(e.status), 201);
    assert_eq!(
        status_of(
            c.multiple_responses_get200_model204_no_model_default_error202_non(None)
                .await
        ),
        202
    );
    let e = service_error::<_, ErrorModel>(
        c.multiple_responses_get200_model204_no_model_default_error400_val(None)
            .await,
    );
    assert_eq!(u16::from(e.status), 400);
    assert_eq!(
        e.error.and_then(|e| e.message).as_deref(),
        Some("client error")
    );
    Ok(())
}

async fn two_models(env: Arc<Env>) -> Outcome {
    use MultipleResponseOperationsClientMultipleResponsesGet200Model201ModelDefaultError200ValidResponse as B200;
    use MultipleResponseOperationsClientMultipleResponsesGet200Model201ModelDefaultError201ValidResponse as B201;
    let c = service(&env, env.options()).multiple_response_operations_client();
    match c
        .multiple_responses_get200_model201_model_default_error200_valid(None)
        .await?
    {
        B200::Ok(r) => assert_eq!(r.into_model()?.status_code.as_deref(), Some("200")),
        other => panic!("expected 200, got {other:?}"),
    }
    match c
        .multiple_responses_get200_model201_model_default_error201_valid(None)
        .await?
    {
        B201::Created(r) => {
            let b = r.into_model()?;
            assert_eq!(b.status_code.as_deref(), Some("201"));
            assert_eq!(b.text_status_code.as_deref(), Some("Created"));
        }
        other => panic!("expected 201, got {other:?}"),
    }
    let e = ErrorModel::try_from(
        c.multiple_responses_get200_model201_model_default_error400_valid(None)
            .await
            .unwrap_err(),
    )?;
    assert_eq!(e.message.as_deref(), Some("client error"));
    Ok(())
}

async fn error_model_per_status(env: Arc<Env>) -> Outcome {
    use MultipleResponseOperationsClientMultipleResponsesGet200ModelA201ModelC404ModelDDefaultError200VaResponse as C200;
    use MultipleResponseOperationsClientMultipleResponsesGet200ModelA201ModelC404ModelDDefaultError201VaResponse as C201;
    use MultipleResponseOperationsClientMultipleResponsesGet200ModelA201ModelC404ModelDDefaultError400VaError as C400;
    use MultipleResponseOperationsClientMultipleResponsesGet200ModelA201ModelC404ModelDDefaultError404VaError as C404;
    let c = service(&env, env.options()).multiple_response_operations_client();
    match c
        .multiple_responses_get200_model_a201_model_c404_model_d_default(None)
        .await?
    {
        C200::Ok(r) => assert_eq!(r.into_model()?.status_code.as_deref(), Some("200")),
        other => panic!("expected 200, got {other:?}"),
    }
    match c
        .multiple_responses_get200_model_a201_model_c404_model_d_default_2(None)
        .await?
    {
        C201::Created(r) => assert_eq!(r.into_model()?.http_code.as_deref(), Some("201")),
        other => panic!("expected 201, got {other:?}"),
    }
    // The 404's own model, and the `default` model for any other status.
    let e = c
        .multiple_responses_get200_model_a201_model_c404_model_d_default_3(None)
        .await
        .unwrap_err();
    match C404::try_from(e)? {
        C404::NotFound(d) => assert_eq!(d.http_status_code.as_deref(), Some("404")),
        other => panic!("expected the 404 model, got {other:?}"),
    }
    let e = c
        .multiple_responses_get200_model_a201_model_c404_model_d_default_4(None)
        .await
        .unwrap_err();
    match C400::try_from(e)? {
        C400::Default(e) => assert_eq!(e.message.as_deref(), Some("client error")),
        other => panic!("expected the default model, got {other:?}"),
    }
    Ok(())
}

async fn no_bodies(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).multiple_response_operations_client();
    assert_eq!(
        c.multiple_responses_get202_none204_none_default_error202_none(None)
            .await?
            .status(),
        StatusCode::Accepted
    );
    assert_eq!(
        c.multiple_responses_get202_none204_none_default_error204_none(None)
            .await?
            .status(),
        StatusCode::NoContent
    );
    let e = ErrorModel::try_from(
        c.multiple_responses_get202_none204_none_default_error400_valid(None)
            .await
            .unwrap_err(),
    )?;
    assert_eq!(e.message.as_deref(), Some("client error"));
    // A body where none is declared is not read.
    assert_eq!(
        c.multiple_responses_get202_none204_none_default_none202_invalid(None)
            .await?
            .status(),
        StatusCode::Accepted
    );
    assert_eq!(
        c.multiple_responses_get202_none204_none_default_none204_none(None)
            .await?
            .status(),
        StatusCode::NoContent
    );
    let e = service_error::<_, serde_json::Value>(
        c.multiple_responses_get202_none204_none_default_none400_none(None)
            .await,
    );
    assert_eq!(u16::from(e.status), 400);
    assert!(e.raw_body.is_empty());
    let e = service_error::<_, serde_json::Value>(
        c.multiple_responses_get202_none204_none_default_none400_invalid(None)
            .await,
    );
    assert_eq!(u16::from(e.status), 400);
    assert_eq!(e.error, Some(serde_json::json!({"property": "value"})));
    Ok(())
}

async fn default_bodies(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).multiple_response_operations_client();
    let a = c
        .multiple_responses_get_default_model_a200_valid(None)
        .await?
        .into_model()?;
    assert_eq!(a.status_code.as_deref(), Some("200"));
    // A 200 without the declared body: the call succeeds, the model cannot be read.
    let r = c
        .multiple_responses_get_default_model_a200_none(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    assert!(r.into_model().is_err());
    // The server answers the "valid" 400 without a body and the "none" one with an
    // unrelated body: the `default` model is read where there is one.
    let e = service_error::<_, A>(
        c.multiple_responses_get_default_model_a400_valid(None)
            .await,
    );
    assert_eq!(u16::from(e.status), 400);
    assert!(e.error.is_none());
    let e = service_error::<_, A>(c.multiple_responses_get_default_model_a400_none(None).await);
    assert_eq!(u16::from(e.status), 400);
    assert_eq!(e.error.map(|a| a.status_code), Some(None));
    assert_eq!(
        c.multiple_responses_get_default_none200_invalid(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    assert_eq!(
        c.multiple_responses_get_default_none200_none(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    let e = service_error::<_, serde_json::Value>(
        c.multiple_responses_get_default_none400_invalid(None).await,
    );
    assert_eq!(e.error, Some(serde_json::json!({"statusCode": "200"})));
    assert_eq!(
        status_of(c.multiple_responses_get_default_none400_none(None).await),
        400
    );
    Ok(())
}

async fn one_model(env: Arc<Env>) -> Outcome {
    let c = service(&env, env.options()).multiple_response_operations_client();
    let r = c.multiple_responses_get200_model_a200_none(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    assert!(r.into_model().is_err());
    let a = c
        .multiple_responses_get200_model_a200_valid(None)
        .await?
        .into_model()?;
    assert_eq!(a.status_code.as_deref(), Some("200"));
    // Unknown properties are ignored: the model reads with its field unset.
    let a = c
        .multiple_responses_get200_model_a200_invalid(None)
        .await?
        .into_model()?;
    assert_eq!(a.status_code, None);
    for result in [
        c.multiple_responses_get200_model_a400_none(None).await,
        c.multiple_responses_get200_model_a400_valid(None).await,
        c.multiple_responses_get200_model_a400_invalid(None).await,
    ] {
        assert_eq!(status_of(result), 400);
    }
    // 202 is not declared: an error, even with a body of the success model's shape.
    let e = service_error::<_, A>(c.multiple_responses_get200_model_a202_valid(None).await);
    assert_eq!(u16::from(e.status), 202);
    assert_eq!(e.error.and_then(|a| a.status_code).as_deref(), Some("200"));
    Ok(())
}
