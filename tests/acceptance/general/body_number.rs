//! `body-number.json`: `float` as `f32` and `double` as `f64`, big and small, both ways.

use super::primitives::{json, undecodable};
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_number::models::*;
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
    // The answers are declared as single-value enums of numbers, matched by value.
    let big = client.number_get_big_float(None).await?.into_model()?;
    assert_eq!(big, NumberGetBigFloatResponse::V3Point402823e20);
    client
        .number_put_big_float(json(&3.402823e20_f32), None)
        .await?;
    let small = client.number_get_small_float(None).await?.into_model()?;
    assert_eq!(small, NumberGetSmallFloatResponse::V3Point402823eminus20);
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
    let big = client.number_get_big_double(None).await?.into_model()?;
    assert_eq!(big, NumberGetBigDoubleResponse::V2Point5976931e101);
    client
        .number_put_big_double(json(&2.5976931e101), None)
        .await?;
    let small = client.number_get_small_double(None).await?.into_model()?;
    assert_eq!(small, NumberGetSmallDoubleResponse::V2Point5976931eminus101);
    client
        .number_put_small_double(json(&2.5976931e-101), None)
        .await?;
    let positive = client
        .number_get_big_double_positive_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(
        positive,
        NumberGetBigDoublePositiveDecimalResponse::V99999999Point99
    );
    // A body with one allowed value is sent by the client.
    client.number_put_big_double_positive_decimal(None).await?;
    let negative = client
        .number_get_big_double_negative_decimal(None)
        .await?
        .into_model()?;
    assert_eq!(
        negative,
        NumberGetBigDoubleNegativeDecimalResponse::Minus99999999Point99
    );
    client.number_put_big_double_negative_decimal(None).await?;
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
