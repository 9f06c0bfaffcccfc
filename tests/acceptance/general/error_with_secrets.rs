//! `error-with-secrets.json`: an `apiKey` in the `Authorization` header, and answers (an error
//! and a model) that carry secrets, which neither the error nor the models print.

use crate::support::{Env, Outcome, Scenario};
use autorest_error_with_secrets::{models::*, *};
use azure_core::credentials::Secret;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        error_with_secrets => ["ErrorWithSecrets"],
        request_with_secrets => ["RequestWithSecrets"],
    ]
}

const KEY: &str = "1c88a67921784300a462b2cb61da2339";

fn client(
    env: &Env,
    options: azure_core::http::ClientOptions,
) -> azure_core::Result<ErrorWithSecretsClient> {
    ErrorWithSecretsClient::new(
        Credentials {
            shared_key: Some(Secret::new(format!("SharedKey {KEY}"))),
        },
        Some(ErrorWithSecretsClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: options,
            ..Default::default()
        }),
    )
}

/// Asserts `text` shows none of the secrets the server sends.
fn no_secret(text: &str) {
    assert!(!text.contains(KEY), "a secret is shown: {text}");
    assert!(!text.contains("user@contoso.com"), "PII is shown: {text}");
}

async fn error_with_secrets(env: Arc<Env>) -> Outcome {
    let client = client(&env, env.options())?;
    let error = client.get_error_with_secrets(None).await.unwrap_err();
    assert_eq!(error.http_status().map(u16::from), Some(403));
    // The error's message is the service's (azure_core reads `error.message`, which here
    // names a user); neither its `Display` nor its `Debug` shows the rest of the body (keys,
    // a connection string, the details) or the values of headers not known to be safe.
    let (display, debug) = (format!("{error}"), format!("{error:?}"));
    assert!(display.contains("is unauthorized"), "{display}");
    for text in [&display, &debug] {
        assert!(!text.contains(KEY), "a secret is shown: {text}");
        assert!(
            !text.contains(r#""x-ms-pii": "true""#),
            "a header value is shown: {text}"
        );
    }
    // The body is read on request; here its `details` give `innererror` as text where the
    // document says an object, so it is not the error model, and stays raw.
    let service = ServiceError::<ErrorResponse>::try_from(error)?;
    no_secret(&format!("{service:?}"));
    assert!(service.error.is_none());
    let body: serde_json::Value = serde_json::from_slice(&service.raw_body)?;
    assert_eq!(body["primaryKey"], KEY);
    // A model holding the same values does not print them.
    let model: ErrorResponse = serde_json::from_value(serde_json::json!({
        "error": { "code": "Unauthorized", "message": body["error"]["message"] },
        "primaryKey": KEY,
    }))?;
    assert_eq!(model.additional_properties["primaryKey"], KEY);
    no_secret(&format!("{model:?}"));
    Ok(())
}

/// Adds what the server also wants and the document does not declare: a `key` query pair and
/// a JSON body with the key.
#[derive(Debug)]
struct UndeclaredKey;

#[async_trait::async_trait]
impl azure_core::http::policies::Policy for UndeclaredKey {
    async fn send(
        &self,
        ctx: &azure_core::http::Context,
        request: &mut azure_core::http::Request,
        next: &[Arc<dyn azure_core::http::policies::Policy>],
    ) -> azure_core::http::policies::PolicyResult {
        request.url_mut().query_pairs_mut().append_pair("key", KEY);
        request.insert_header("content-type", "application/json");
        request.set_body(azure_core::Bytes::from(format!(r#"{{"key":"{KEY}"}}"#)));
        let (policy, rest) = next.split_first().expect("a policy after this one");
        policy.send(ctx, request, rest).await
    }
}

async fn request_with_secrets(env: Arc<Env>) -> Outcome {
    let mut options = env.options();
    options.per_call_policies.push(Arc::new(UndeclaredKey));
    let client = client(&env, options)?;
    // The `Authorization` header is the `SharedKey` credential.
    let response = client.create_secret(None).await?;
    no_secret(&format!("{response:?}"));
    let secret = response.into_model()?;
    assert_eq!(secret.key.as_deref(), Some(KEY));
    assert_eq!(secret.value.as_deref(), Some("secret"));
    no_secret(&format!("{secret:?}"));
    Ok(())
}
