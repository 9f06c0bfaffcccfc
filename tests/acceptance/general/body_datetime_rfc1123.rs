//! `body-datetime-rfc1123.json`: `format: date-time-rfc1123` as `OffsetDateTime`, both ways.

use super::primitives::undecodable;
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_datetime_rfc1123::*;
use std::sync::Arc;
use time::macros::datetime;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        rfc1123 => [
            "putDateTimeRfc1123Max", "getDateTimeRfc1123MaxUtcLowercase",
            "getDateTimeRfc1123MaxUtcUppercase", "getDateTimeRfc1123MinUtc", "putDateTimeRfc1123Min",
        ],
        rfc1123_invalid => [
            "getDateTimeRfc1123Null", "getDateTimeRfc1123Invalid", "getDateTimeRfc1123Overflow",
            "getDateTimeRfc1123Underflow",
        ],
    ]
}

async fn rfc1123(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestRfc1123DateTimeTestServiceClient,
        AutoRestRfc1123DateTimeTestServiceClientOptions,
        env
    );
    let max = datetime!(9999-12-31 23:59:59 UTC);
    let min = datetime!(0001-01-01 00:00:00 UTC);
    client
        .datetimerfc1123_put_utc_max_date_time(max, None)
        .await?;
    // `fri, 31 dec 9999 23:59:59 gmt`: case does not matter.
    assert_eq!(
        client
            .datetimerfc1123_get_utc_lowercase_max_date_time(None)
            .await?
            .into_model()?,
        max
    );
    assert_eq!(
        client
            .datetimerfc1123_get_utc_uppercase_max_date_time(None)
            .await?
            .into_model()?,
        max
    );
    assert_eq!(
        client
            .datetimerfc1123_get_utc_min_date_time(None)
            .await?
            .into_model()?,
        min
    );
    client
        .datetimerfc1123_put_utc_min_date_time(min, None)
        .await?;
    Ok(())
}

async fn rfc1123_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestRfc1123DateTimeTestServiceClient,
        AutoRestRfc1123DateTimeTestServiceClientOptions,
        env
    );
    undecodable(client.datetimerfc1123_get_null(None).await?);
    undecodable(client.datetimerfc1123_get_invalid(None).await?);
    // Year 10000 and day 0 are out of range.
    undecodable(client.datetimerfc1123_get_overflow(None).await?);
    undecodable(client.datetimerfc1123_get_underflow(None).await?);
    Ok(())
}
