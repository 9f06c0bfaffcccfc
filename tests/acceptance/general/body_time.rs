//! `body-time.json`: `format: time` as `time::Time`, both ways.

use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_time::*;
use std::sync::Arc;
use time::macros::time;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![times => ["BodyTimeGet", "BodyTimePut"]]
}

async fn times(env: Arc<Env>) -> Outcome {
    let client = client!(
        AutoRestTimeTestServiceClient,
        AutoRestTimeTestServiceClientOptions,
        env
    );
    assert_eq!(client.time_get(None).await?.into_model()?, time!(11:34:56));
    let answer = client.time_put(time!(08:07:56), None).await?.into_model()?;
    assert_eq!(answer, "Nice job posting time");
    Ok(())
}
