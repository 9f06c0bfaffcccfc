//! `body-duration.json`: `format: duration` (ISO 8601) as `azure_core::time::Duration`.

use super::primitives::undecodable;
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_duration::*;
use azure_core::time::Duration;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        durations => ["getDurationPositive", "putDurationPositive"],
        durations_invalid => ["getDurationNull", "getDurationInvalid"],
    ]
}

async fn durations(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestDurationTestServiceClient,
        AutoRestDurationTestServiceClientOptions,
        env
    );
    // `P3Y6M4DT12H30M5S`: years of 365 days and months of 30 days.
    let got = client
        .duration_get_positive_duration(None)
        .await?
        .into_model()?;
    let expected = Duration::days(3 * 365 + 6 * 30 + 4)
        + Duration::hours(12)
        + Duration::minutes(30)
        + Duration::seconds(5);
    assert_eq!(got, expected);
    // Sent as `P123DT22H14M12.011S`.
    let sent = Duration::days(123)
        + Duration::hours(22)
        + Duration::minutes(14)
        + Duration::milliseconds(12_011);
    client.duration_put_positive_duration(sent, None).await?;
    Ok(())
}

async fn durations_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestDurationTestServiceClient,
        AutoRestDurationTestServiceClientOptions,
        env
    );
    undecodable(client.duration_get_null(None).await?);
    let invalid = undecodable(client.duration_get_invalid(None).await?);
    assert!(invalid.contains("123ABC"), "{invalid}");
    Ok(())
}
