//! `merge-patch.json`: a JSON body of media type `application/merge-patch+json`.

use crate::support::{Env, Outcome, Scenario};
use autorest_merge_patch::*;
use azure_core::http::{RequestContent, StatusCode};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![merge_patch_object => ["PassMergePatchObject"]]
}

async fn merge_patch_object(env: Arc<Env>) -> Outcome {
    let client = MergePatchJsonClientClient::new(Some(MergePatchJsonClientClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))?;
    // The server checks the media type and the length of `{"foo": "bar"}` as written there.
    let body: RequestContent<serde_json::Value> =
        RequestContent::from_static(b"{\"foo\": \"bar\"}");
    let response = client.patch_single(body, None).await?;
    assert_eq!(response.status(), StatusCode::Ok);
    Ok(())
}
