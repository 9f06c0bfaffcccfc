//! `reserved-words.json` and `incorrect-error-response.json`: names that are Rust keywords or
//! shadow what generated code uses (`import`, `json`, `content`, `url`, `enum`), and an error
//! answer whose body is not the declared error model.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use azure_core::http::{RequestContent, StatusCode};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        reserved_operation_group_import => ["reservedWordsOperationGroupImport"],
        reserved_body_named_content => ["reservedWordsBodyNamedContent"],
        reserved_body_named_json => ["reservedWordsBodyNamedJson"],
        reserved_header_enum => ["reservedWordsHeaderEnum"],
        reserved_url_header_query => ["reservedWordsUrlHeaderQuery"],
        reserved_body_named_data => ["reservedWordsBodyNamedData"],
        reserved_body_named_files => ["reservedWordsBodyNamedFiles"],
        incorrect_error_body => ["verifyIncorrectErrorParsing"],
    ]
}

fn reserved(env: &Env) -> autorest_reserved_words::ReservedWordsClientClient {
    autorest_reserved_words::ReservedWordsClientClient::new(Some(
        autorest_reserved_words::ReservedWordsClientClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

async fn reserved_operation_group_import(env: Arc<Env>) -> Outcome {
    let r = reserved(&env).import_operation_one("foo", None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn reserved_body_named_content(env: Arc<Env>) -> Outcome {
    let body: RequestContent<azure_core::Bytes, azure_core::http::NoFormat> =
        azure_core::Bytes::from_static(b"hello, world").into();
    let r = reserved(&env)
        .operation_with_content_param(body, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn reserved_body_named_json(env: Arc<Env>) -> Outcome {
    let json = azure_core::json::to_json(&serde_json::json!({"hello": "world"}))?;
    let r = reserved(&env)
        .operation_with_json_param(json.into(), None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn reserved_header_enum(env: Arc<Env>) -> Outcome {
    let r = reserved(&env)
        .reserved_enum(autorest_reserved_words::models::MyEnum::Import, None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn reserved_url_header_query(env: Arc<Env>) -> Outcome {
    // `url`, `headerParameters` and `queryParameters` (a `multi` array: one pair per item).
    let options =
        autorest_reserved_words::models::ReservedWordsClientClientOperationWithUrlOptions {
            query_parameters: Some(vec!["one".into(), "two".into()]),
            ..Default::default()
        };
    let r = reserved(&env)
        .operation_with_url("foo", "x-ms-header", Some(options))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn reserved_body_named_data(env: Arc<Env>) -> Outcome {
    // Two `formData` fields of an `application/x-www-form-urlencoded` body.
    let r = reserved(&env)
        .operation_with_data_param("hello", "world", None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn reserved_body_named_files(env: Arc<Env>) -> Outcome {
    // A file and a text field of a `multipart/form-data` body.
    let r = reserved(&env)
        .operation_with_files_param(
            azure_core::Bytes::from_static(b"hello, files"),
            "my.txt",
            None,
        )
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn incorrect_error_body(env: Arc<Env>) -> Outcome {
    use autorest_incorrect_error_response::*;
    let client =
        IncorrectReturnedErrorModelClient::new(Some(IncorrectReturnedErrorModelClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }))?;
    // A 444 with an HTML body: an error that keeps the status and the raw body; decoding the
    // declared error model from it fails cleanly.
    let error = client
        .get_incorrect_error_from_server(None)
        .await
        .unwrap_err();
    let service = models::ServiceError::<serde_json::Value>::try_from(error)?;
    assert_eq!(u16::from(service.status), 444);
    assert_eq!(&service.raw_body[..], b"foobar");
    assert!(service.error.is_none());
    Ok(())
}
