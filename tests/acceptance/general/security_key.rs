//! `security-key.json`: an `apiKey` security scheme in a header.

use crate::support::{Env, Outcome, Scenario};
use autorest_security_key::*;
use azure_core::credentials::Secret;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![security_key_in_header => ["SecurityKey"]]
}

async fn security_key_in_header(env: Arc<Env>) -> Outcome {
    // The server checks the `security-key` header; `new` takes the key as a `Secret`.
    let client = AutorestSecurityKeyClient::new(
        Secret::new("123456789"),
        Some(AutorestSecurityKeyClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }),
    )?;
    let response = client.head(None).await?;
    assert_eq!(u16::from(response.status()), 200);
    Ok(())
}
