//! `head.json`: HEAD operations.

use crate::support::{Env, Outcome, Scenario};
use autorest_head::*;
use azure_core::http::StatusCode;
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
    assert_eq!(
        client.http_success_head200(None).await?.status(),
        StatusCode::Ok
    );
    assert_eq!(
        client.http_success_head204(None).await?.status(),
        StatusCode::NoContent
    );
    Ok(())
}
