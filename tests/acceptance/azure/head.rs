//! `head.json`: HEAD operations.

use crate::support::{Env, Outcome, Scenario};
use autorest_head::*;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    // HEAD counters are in `/report`, not `/report/azure`: these assert the answers only.
    crate::scenarios![head_success => []]
}

async fn head_success(env: Arc<Env>) -> Outcome {
    let client = HttpSuccessOperationsClient::new(Some(HttpSuccessOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))?;
    // A HEAD answers whether the resource exists: 200 and 204 are `true`, 404 `false`.
    assert!(client.http_success_head200(None).await?);
    assert!(client.http_success_head204(None).await?);
    assert!(!client.http_success_head404(None).await?);
    Ok(())
}
