//! `body-date.json`: `format: date` as `time::Date`, both ways; invalid dates are errors.

use super::primitives::undecodable;
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_date::*;
use std::sync::Arc;
use time::{Date, Month};

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        dates => ["getDateMax", "putDateMax", "getDateMin", "putDateMin"],
        dates_invalid => ["getDateNull", "getDateInvalid", "getDateOverflow", "getDateUnderflow"],
    ]
}

async fn dates(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestDateTestServiceClient,
        AutoRestDateTestServiceClientOptions,
        env
    );
    let max = Date::from_calendar_date(9999, Month::December, 31).unwrap();
    let min = Date::from_calendar_date(1, Month::January, 1).unwrap();
    assert_eq!(client.date_get_max_date(None).await?.into_model()?, max);
    client.date_put_max_date(max, None).await?;
    assert_eq!(client.date_get_min_date(None).await?.into_model()?, min);
    client.date_put_min_date(min, None).await?;
    Ok(())
}

async fn dates_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestDateTestServiceClient,
        AutoRestDateTestServiceClientOptions,
        env
    );
    undecodable(client.date_get_null(None).await?);
    let invalid = undecodable(client.date_get_invalid_date(None).await?);
    assert!(invalid.contains("201O-18-90"), "{invalid}");
    undecodable(client.date_get_overflow_date(None).await?);
    undecodable(client.date_get_underflow_date(None).await?);
    Ok(())
}
