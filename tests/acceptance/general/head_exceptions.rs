//! `head-exceptions.json`: HEAD operations that declare no 404, so a 404 is an error.

use crate::support::{Env, Outcome, Scenario};
use autorest_head_exceptions::*;
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        head_exceptions => ["HttpSuccess200Head", "HttpSuccess204Head", "HttpSuccess404Head"],
    ]
}

async fn head_exceptions(env: Arc<Env>) -> Outcome {
    let c = HttpSuccessOperationsClient::new(Some(HttpSuccessOperationsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))?;
    assert_eq!(
        c.head_exception_head200(None).await?.status(),
        StatusCode::Ok
    );
    assert_eq!(
        c.head_exception_head204(None).await?.status(),
        StatusCode::NoContent
    );
    let e = c.head_exception_head404(None).await.unwrap_err();
    assert_eq!(e.http_status(), Some(StatusCode::NotFound));
    Ok(())
}
