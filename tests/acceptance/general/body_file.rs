//! `body-file.json`: file downloads read as streams, a 3000 MiB one included, counted chunk by
//! chunk and never held whole.

use crate::support::{Env, Outcome, Scenario};
use autorest_body_file::*;
use azure_core::http::StatusCode;
use futures::StreamExt;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        file_nonempty => ["FileStreamNonempty"],
        file_very_large => ["FileStreamVeryLarge"],
        file_empty => ["FileStreamEmpty"],
    ]
}

fn client(env: &Env) -> azure_core::Result<FilesClient> {
    FilesClient::new(Some(FilesClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
}

/// The server's `sample.png` (8725 bytes), collected.
async fn file_nonempty(env: Arc<Env>) -> Outcome {
    let response = client(&env)?.files_get_file(None).await?;
    assert_eq!(response.status(), StatusCode::Ok);
    let bytes = response.into_body().collect().await?;
    assert_eq!(bytes.len(), 8725);
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    Ok(())
}

/// 3000 MiB of zeros, read chunk by chunk: the client holds one chunk at a time.
async fn file_very_large(env: Arc<Env>) -> Outcome {
    let response = client(&env)?.files_get_file_large(None).await?;
    assert_eq!(response.status(), StatusCode::Ok);
    let mut body = response.into_body();
    let (mut total, mut largest) = (0usize, 0usize);
    while let Some(chunk) = body.next().await {
        let chunk = chunk?;
        total += chunk.len();
        largest = largest.max(chunk.len());
    }
    assert_eq!(total, 3000 * 1024 * 1024);
    assert!(largest <= 16 * 1024 * 1024, "a chunk of {largest} bytes");
    Ok(())
}

async fn file_empty(env: Arc<Env>) -> Outcome {
    let response = client(&env)?.files_get_empty_file(None).await?;
    assert_eq!(response.status(), StatusCode::Ok);
    assert!(response.into_body().collect().await?.is_empty());
    Ok(())
}
