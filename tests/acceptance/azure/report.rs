//! `azure-report.json`: the server's own Azure coverage report, read through a generated
//! client (the runner reads the same report to count the scenarios).

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_azure_report::*;
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    // The report counts no scenario of its own.
    scenarios![get_report => []]
}

async fn get_report(env: Arc<Env>) -> Outcome {
    let client = AutoRestReportServiceForAzureClient::new(Some(
        AutoRestReportServiceForAzureClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))?;
    let r = client.get_report(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    let report = r.into_model()?;
    // Every Azure counter, by name, with how often it was done right so far.
    assert_eq!(report.len(), 145, "{report:?}");
    for counter in [
        "PagingMultipleLRO",
        "LROPutInlineComplete",
        "SubscriptionIdAndApiVersion",
    ] {
        assert!(report.get(counter).is_some_and(|n| *n >= 0), "{counter}");
    }
    Ok(())
}
