//! `body-boolean.json`: `true` and `false` both ways; a missing and an invalid body.

use super::primitives::undecodable;
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_boolean::*;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        booleans => ["getBoolTrue", "putBoolTrue", "getBoolFalse", "putBoolFalse"],
        boolean_null_and_invalid => ["getBoolNull", "getBoolInvalid"],
    ]
}

async fn booleans(env: Arc<Env>) -> Outcome {
    let client = client!(BoolOperationsClient, BoolOperationsClientOptions, env);
    assert!(client.bool_get_true(None).await?.into_model()?);
    // A body with one allowed value is sent by the client.
    client.bool_put_true(None).await?;
    assert!(!client.bool_get_false(None).await?.into_model()?);
    client.bool_put_false(None).await?;
    Ok(())
}

async fn boolean_null_and_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(BoolOperationsClient, BoolOperationsClientOptions, env);
    // An empty body is no `bool`, nor is `true1`.
    undecodable(client.bool_get_null(None).await?);
    undecodable(client.bool_get_invalid(None).await?);
    Ok(())
}
