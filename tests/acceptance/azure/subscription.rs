//! `subscriptionId-apiVersion.json`: a subscription id in the path and the api-version query.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_subscription_id_api_version::*;
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![get_sample_resource_group => ["SubscriptionIdAndApiVersion"]]
}

async fn get_sample_resource_group(env: Arc<Env>) -> Outcome {
    let client = MicrosoftAzureTestUrlClient::new(Some(MicrosoftAzureTestUrlClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))?;
    let r = client
        .group_get_sample_resource_group("subscription-1", "testgroup101", None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let group = r.into_model()?;
    assert_eq!(group.name.as_deref(), Some("testgroup101"));
    assert_eq!(group.location.as_deref(), Some("West US"));
    Ok(())
}
