//! `body-byte.json`: `format: byte` (base64) as `Vec<u8>`, both ways.

use super::primitives::undecodable;
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_byte::*;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        bytes => ["getByteEmpty", "getByteNonAscii", "putByteNonAscii"],
        bytes_invalid => ["getByteNull", "getByteInvalid"],
    ]
}

const NON_ASCII: [u8; 10] = [255, 254, 253, 252, 251, 250, 249, 248, 247, 246];

async fn bytes(env: Arc<Env>) -> Outcome {
    let client = client!(ByteOperationsClient, ByteOperationsClientOptions, env);
    assert!(client.byte_get_empty(None).await?.into_model()?.is_empty());
    let got = client.byte_get_non_ascii(None).await?.into_model()?;
    assert_eq!(got, NON_ASCII.to_vec());
    client.byte_put_non_ascii(NON_ASCII.to_vec(), None).await?;
    Ok(())
}

async fn bytes_invalid(env: Arc<Env>) -> Outcome {
    let client = client!(ByteOperationsClient, ByteOperationsClientOptions, env);
    undecodable(client.byte_get_null(None).await?);
    undecodable(client.byte_get_invalid(None).await?);
    Ok(())
}
