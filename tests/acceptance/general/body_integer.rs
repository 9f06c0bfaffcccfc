//! `body-integer.json`: `int32` and `int64` at their limits, over- and underflow, and
//! `unixtime` as an `OffsetDateTime`.

use super::primitives::{json, undecodable};
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_integer::*;
use azure_core::time::OffsetDateTime;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        integer_limits => ["putIntegerMax", "putIntegerMin", "putLongMax", "putLongMin"],
        integer_invalid => [
            "getIntegerNull", "getIntegerInvalid", "getIntegerOverflow", "getIntegerUnderflow",
            "getLongOverflow", "getLongUnderflow",
        ],
        unix_time => ["getUnixTime", "putUnixTime", "getInvalidUnixTime", "getNullUnixTime"],
    ]
}

async fn integer_limits(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestIntegerTestServiceClient,
        AutoRestIntegerTestServiceClientOptions,
        env
    );
    client.int_put_max32(json(&i32::MAX), None).await?;
    client.int_put_min32(json(&i32::MIN), None).await?;
    client.int_put_max64(json(&i64::MAX), None).await?;
    client.int_put_min64(json(&i64::MIN), None).await?;
    Ok(())
}

async fn integer_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestIntegerTestServiceClient,
        AutoRestIntegerTestServiceClientOptions,
        env
    );
    undecodable(client.int_get_null(None).await?);
    undecodable(client.int_get_invalid(None).await?);
    // 2147483656 does not fit an `i32`, 9223372036854775910 no `i64`: the widths are kept.
    undecodable(client.int_get_overflow_int32(None).await?);
    undecodable(client.int_get_underflow_int32(None).await?);
    undecodable(client.int_get_overflow_int64(None).await?);
    undecodable(client.int_get_underflow_int64(None).await?);
    Ok(())
}

async fn unix_time(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestIntegerTestServiceClient,
        AutoRestIntegerTestServiceClientOptions,
        env
    );
    let april_2016 = OffsetDateTime::from_unix_timestamp(1_460_505_600).unwrap();
    let got = client.int_get_unix_time(None).await?.into_model()?;
    assert_eq!(got, april_2016);
    assert_eq!(
        (got.year(), u8::from(got.month()), got.day()),
        (2016, 4, 13)
    );
    client.int_put_unix_time_date(april_2016, None).await?;
    undecodable(client.int_get_invalid_unix_time(None).await?);
    undecodable(client.int_get_null_unix_time(None).await?);
    Ok(())
}
