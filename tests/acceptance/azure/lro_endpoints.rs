//! `lro-parameterized-endpoints.json`: long-running operations on a parameterized host whose
//! `Location` is relative to it.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_lro_parameterized_endpoints::*;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        poll_with_parameterized_endpoints => ["LROParameterizedEndpoint"],
        poll_with_constant_parameterized_endpoints => [
            "LROConstantParameterizedPost",
            "LROConstantParameterizedGet",
        ],
    ]
}

/// Poll every second: the service gives no `Retry-After`.
fn fast<'a>() -> azure_core::http::poller::PollerOptions<'a> {
    azure_core::http::poller::PollerOptions {
        frequency: azure_core::time::Duration::seconds(1),
        ..Default::default()
    }
}

fn client(env: &Env) -> LroWithParamaterizedEndpointsClient {
    // The host template `{accountName}{host}` would give `https://local…` (the file lists no
    // scheme); the test server speaks http, so the endpoint option overrides it.
    LroWithParamaterizedEndpointsClient::new(
        "local",
        Some(LroWithParamaterizedEndpointsClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }),
    )
    .unwrap()
}

async fn poll_with_parameterized_endpoints(env: Arc<Env>) -> Outcome {
    let value = client(&env)
        .begin_poll_with_parameterized_endpoints(Some(
            models::LroWithParamaterizedEndpointsClientPollWithParameterizedEndpointsOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_eq!(value, "success");
    Ok(())
}

async fn poll_with_constant_parameterized_endpoints(env: Arc<Env>) -> Outcome {
    let value = client(&env)
        .begin_poll_with_constant_parameterized_endpoints(Some(
            models::LroWithParamaterizedEndpointsClientPollWithConstantParameterizedEndpointsOptions {
                method_options: fast(),
                ..Default::default()
            },
        ))?
        .await?
        .into_model()?;
    assert_eq!(value, "success");
    Ok(())
}
