//! `body-binary.json`: raw bytes sent with their declared media type (JSON bytes and
//! `application/octet-stream`), and an error answering a streamed download.

use crate::support::{Env, Outcome, Scenario};
use autorest_body_binary::models::ErrorModel;
use autorest_body_binary::*;
use azure_core::error::ErrorKind;
use azure_core::http::{RequestContent, StatusCode};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        binary_file => ["BodyBinaryFile"],
        binary_octet => ["BodyBinaryOctet"],
        binary_error => ["BodyBinaryError"],
    ]
}

fn client(env: &Env) -> azure_core::Result<BinaryWithContentTypeApplicationJsonClient> {
    BinaryWithContentTypeApplicationJsonClient::new(Some(
        BinaryWithContentTypeApplicationJsonClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
}

/// A file body whose media type is JSON: the bytes go as given, as `application/json`.
async fn binary_file(env: Arc<Env>) -> Outcome {
    let body = RequestContent::from_static(br#"{ "more": "cowbell" }"#);
    let answer = client(&env)?.upload_client().file(body, None).await?;
    assert_eq!(answer.status(), StatusCode::Ok);
    Ok(())
}

async fn binary_octet(env: Arc<Env>) -> Outcome {
    let body = RequestContent::from((0u8..=255).collect::<Vec<u8>>());
    let answer = client(&env)?.upload_client().binary(body, None).await?;
    assert_eq!(answer.status(), StatusCode::Ok);
    Ok(())
}

/// A download that fails: the error carries the status and the decoded error model.
async fn binary_error(env: Arc<Env>) -> Outcome {
    let error = client(&env)?
        .download_client()
        .error_stream(None)
        .await
        .expect_err("the server answers 400");
    assert!(matches!(
        error.kind(),
        ErrorKind::HttpResponse {
            status: StatusCode::BadRequest,
            ..
        }
    ));
    let model = ErrorModel::try_from(error)?;
    assert_eq!(model.status, Some(400));
    assert_eq!(model.message.as_deref(), Some("I failed on purpose"));
    Ok(())
}
