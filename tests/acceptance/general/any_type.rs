//! `any-type.json` and `object-type.json`: schemas that say nothing about their value (`{}`,
//! `type: object` without properties) are any JSON value, both ways.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use azure_core::http::{RequestContent, StatusCode};
use serde_json::{json, Value};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        anything_string => ["GetStringAsAnything", "PutStringAsAnything"],
        anything_object => ["GetObjectAsAnything", "PutObjectAsAnything"],
        anything_array => ["GetArrayAsAnything", "PutArrayAsAnything"],
        object_type_round_trip => ["ObjectTypeResponse", "ObjectTypePut"],
        object_type_error => ["ObjectTypeErrorResponse"],
    ]
}

fn anything(env: &Env) -> autorest_any_type::AnythingClientClient {
    autorest_any_type::AnythingClientClient::new(Some(
        autorest_any_type::AnythingClientClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

fn object_type(env: &Env) -> autorest_object_type::ObjectTypeClientClient {
    autorest_object_type::ObjectTypeClientClient::new(Some(
        autorest_object_type::ObjectTypeClientClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

fn content(value: Value) -> azure_core::Result<RequestContent<Value>> {
    Ok(azure_core::json::to_json(&value)?.into())
}

async fn anything_string(env: Arc<Env>) -> Outcome {
    let c = anything(&env);
    let value = c.get_string(None).await?.into_model()?;
    assert_eq!(value, json!("anything"));
    c.put_string(content(value)?, None).await?;
    Ok(())
}

async fn anything_object(env: Arc<Env>) -> Outcome {
    let c = anything(&env);
    let value = c.get_object(None).await?.into_model()?;
    assert_eq!(
        value,
        json!({"message": "An object was successfully returned"})
    );
    c.put_object(content(json!({"foo": "bar"}))?, None).await?;
    Ok(())
}

async fn anything_array(env: Arc<Env>) -> Outcome {
    let c = anything(&env);
    let value = c.get_array(None).await?.into_model()?;
    assert_eq!(value, json!(["foo", "bar"]));
    c.put_array(content(value)?, None).await?;
    Ok(())
}

async fn object_type_round_trip(env: Arc<Env>) -> Outcome {
    let c = self::object_type(&env);
    let value = c.get(None).await?.into_model()?;
    assert_eq!(
        value,
        json!({"message": "An object was successfully returned"})
    );
    let r = c.put(content(json!({"foo": "bar"}))?, None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn object_type_error(env: Arc<Env>) -> Outcome {
    let error = self::object_type(&env)
        .put(content(json!({"should": "fail"}))?, None)
        .await
        .unwrap_err();
    let service = autorest_object_type::models::ServiceError::<Value>::try_from(error)?;
    assert_eq!(service.status, StatusCode::BadRequest);
    assert_eq!(
        service.error,
        Some(json!({"message": "The object you passed was incorrect"}))
    );
    Ok(())
}
