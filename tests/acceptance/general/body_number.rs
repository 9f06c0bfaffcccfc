//! `body-number.json`: `float` as `f32` and `double` as `f64`, big and small, both ways.

use super::primitives::{json, undecodable};
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_number::*;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        floats => [
            "getFloatBigScientificNotation", "putFloatBigScientificNotation",
            "getFloatSmallScientificNotation", "putFloatSmallScientificNotation",
        ],
        doubles => [
            "getDoubleBigScientificNotation", "putDoubleBigScientificNotation",
            "getDoubleSmallScientificNotation", "putDoubleSmallScientificNotation",
            "getDoubleBigPositiveDecimal", "putDoubleBigPositiveDecimal",
            "getDoubleBigNegativeDecimal", "putDoubleBigNegativeDecimal",
        ],
        number_invalid => ["getNumberNull", "getFloatInvalid", "getDoubleInvalid"],
    ]
}

async fn floats(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestNumberTestServiceClient,
        AutoRestNumberTestServiceClientOptions,
        env
    );
    let big: f32 = client.number_get_big_float(None).await?.into_model()?;
    assert_eq!(big, 3.402823e20);
    client
        .number_put_big_float(json(&3.402823e20_f32), None)
        .await?;
    let small: f64 = client.number_get_small_float(None).await?.into_model()?;
    assert_eq!(small, 3.402823e-20);
    client
        .number_put_small_float(json(&3.402823e-20), None)
        .await?;
    Ok(())
}

async fn doubles(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestNumberTestServiceClient,
        AutoRestNumberTestServiceClientOptions,
        env
    );
    let big: f64 = client.number_get_big_double(None).await?.into_model()?;
    assert_eq!(big, 2.5976931e101);
    client
        .number_put_big_double(json(&2.5976931e101), None)
        .await?;
    let small: f64 = client.number_get_small_double(None).await?.into_model()?;
    assert_eq!(small, 2.5976931e-101);
    client
        .number_put_small_double(json(&2.5976931e-101), None)
        .await?;
    let positive = client
        .number_get_big_double_positive_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(positive, 99999999.99);
    client
        .number_put_big_double_positive_decimal(json(&99999999.99), None)
        .await?;
    let negative = client
        .number_get_big_double_negative_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(negative, -99999999.99);
    client
        .number_put_big_double_negative_decimal(json(&-99999999.99), None)
        .await?;
    Ok(())
}

async fn number_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestNumberTestServiceClient,
        AutoRestNumberTestServiceClientOptions,
        env
    );
    undecodable(client.number_get_null(None).await?);
    undecodable(client.number_get_invalid_float(None).await?);
    undecodable(client.number_get_invalid_double(None).await?);
    Ok(())
}
