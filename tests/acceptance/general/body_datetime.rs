//! `body-datetime.json`: `format: date-time` (RFC 3339) as `OffsetDateTime`, in either case,
//! with offsets kept, both ways.

use super::primitives::undecodable;
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_datetime::*;
use azure_core::time::OffsetDateTime;
use std::sync::Arc;
use time::{macros::datetime, UtcOffset};

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        date_time_max => [
            "putDateTimeMaxUtc", "getDateTimeMaxUtcLowercase", "getDateTimeMaxUtcUppercase",
            "getDateTimeMaxLocalPositiveOffsetLowercase", "getDateTimeMaxLocalPositiveOffsetUppercase",
            "getDateTimeMaxLocalNegativeOffsetLowercase", "getDateTimeMaxLocalNegativeOffsetUppercase",
        ],
        date_time_min => [
            "getDateTimeMinUtc", "putDateTimeMinUtc", "getDateTimeMinLocalPositiveOffset",
            "getDateTimeMinLocalNegativeOffset", "getDateTimeMinLocalNoOffset",
        ],
        date_time_invalid => [
            "getDateTimeNull", "getDateTimeInvalid", "getDateTimeOverflow", "getDateTimeUnderflow",
        ],
    ]
}

fn at(value: OffsetDateTime, hours: i8) -> OffsetDateTime {
    value.replace_offset(UtcOffset::from_hms(hours, 0, 0).unwrap())
}

async fn date_time_max(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestDateTimeTestServiceClient,
        AutoRestDateTimeTestServiceClientOptions,
        env
    );
    let max = datetime!(9999-12-31 23:59:59.999 UTC);
    client.datetime_put_utc_max_date_time(max, None).await?;
    // `9999-12-31t23:59:59.999z`: lowercase `t` and `z` are read too.
    assert_eq!(
        client
            .datetime_get_utc_lowercase_max_date_time(None)
            .await?
            .into_model()?,
        max
    );
    assert_eq!(
        client
            .datetime_get_utc_uppercase_max_date_time(None)
            .await?
            .into_model()?,
        max
    );
    let plus_14 = at(max, 14);
    let minus_14 = at(max, -14);
    let got = client
        .datetime_get_local_positive_offset_lowercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_eq!((got, got.offset()), (plus_14, plus_14.offset()));
    let got = client
        .datetime_get_local_positive_offset_uppercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_eq!((got, got.offset()), (plus_14, plus_14.offset()));
    let got = client
        .datetime_get_local_negative_offset_lowercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_eq!((got, got.offset()), (minus_14, minus_14.offset()));
    let got = client
        .datetime_get_local_negative_offset_uppercase_max_date_time(None)
        .await?
        .into_model()?;
    assert_eq!((got, got.offset()), (minus_14, minus_14.offset()));
    Ok(())
}

async fn date_time_min(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestDateTimeTestServiceClient,
        AutoRestDateTimeTestServiceClientOptions,
        env
    );
    let min = datetime!(0001-01-01 00:00:00 UTC);
    assert_eq!(
        client
            .datetime_get_utc_min_date_time(None)
            .await?
            .into_model()?,
        min
    );
    client.datetime_put_utc_min_date_time(min, None).await?;
    let got = client
        .datetime_get_local_positive_offset_min_date_time(None)
        .await?
        .into_model()?;
    assert_eq!(got.offset(), UtcOffset::from_hms(14, 0, 0).unwrap());
    assert_eq!(got, at(min, 14));
    let got = client
        .datetime_get_local_negative_offset_min_date_time(None)
        .await?
        .into_model()?;
    assert_eq!(got, at(min, -14));
    // No offset: read as UTC.
    assert_eq!(
        client
            .datetime_get_local_no_offset_min_date_time(None)
            .await?
            .into_model()?,
        min
    );
    Ok(())
}

async fn date_time_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestDateTimeTestServiceClient,
        AutoRestDateTimeTestServiceClientOptions,
        env
    );
    undecodable(client.datetime_get_null(None).await?);
    undecodable(client.datetime_get_invalid(None).await?);
    // `9999-12-31T23:59:59.999-14:00` is a valid date-time (in year 10000 in UTC): it is read
    // with its offset.
    let overflow = client.datetime_get_overflow(None).await?.into_model()?;
    assert_eq!(overflow, at(datetime!(9999-12-31 23:59:59.999 UTC), -14));
    undecodable(client.datetime_get_underflow(None).await?);
    Ok(())
}
