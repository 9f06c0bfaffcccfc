//! `body-string.json`: strings, enumerations, and `byte`/`base64url` strings as `Vec<u8>`.

use super::primitives::{json, undecodable};
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_string::{models::*, *};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        strings => [
            "getStringNull", "getStringEmpty", "getStringMultiByteCharacters",
            "getStringWithLeadingAndTrailingWhitespace", "getStringNotProvided",
        ],
        put_strings => [
            "putStringNull", "putStringEmpty", "putStringMultiByteCharacters",
            "putStringWithLeadingAndTrailingWhitespace",
        ],
        enumerations => [
            "getEnumNotExpandable", "putEnumNotExpandable", "getEnumReferenced", "putEnumReferenced",
        ],
        referenced_constant => ["getEnumReferencedConstant", "putEnumReferencedConstant"],
        base64_strings => [
            "getStringBase64Encoded", "getStringBase64UrlEncoded", "putStringBase64UrlEncoded",
            "getStringNullBase64UrlEncoding",
        ],
    ]
}

const WHITESPACE: &str =
    "    Now is the time for all good men to come to the aid of their country    ";

async fn strings(env: Arc<Env>) -> Outcome {
    let client = client!(StringOperationsClient, StringOperationsClientOptions, env);
    // No body is no `String`.
    undecodable(client.string_get_null(None).await?);
    undecodable(client.string_get_not_provided(None).await?);
    // Single-value enums of the spec: the values are the constants.
    client.string_get_empty(None).await?.into_model()?;
    client.string_get_mbcs(None).await?.into_model()?;
    let whitespace = client.string_get_whitespace(None).await?.into_model()?;
    assert_eq!(whitespace.to_string(), WHITESPACE);
    Ok(())
}

async fn put_strings(env: Arc<Env>) -> Outcome {
    let client = client!(StringOperationsClient, StringOperationsClientOptions, env);
    // An optional body left out sends nothing.
    client.string_put_null(None).await?;
    // A required body with one allowed value is no argument: the client sends the value.
    client.string_put_empty(None).await?;
    client.string_put_mbcs(None).await?;
    client.string_put_whitespace(None).await?;
    Ok(())
}

async fn referenced_constant(env: Arc<Env>) -> Outcome {
    let client = client!(StringOperationsClient, StringOperationsClientOptions, env);
    let answer = client
        .enum_get_referenced_constant(None)
        .await?
        .into_model()?;
    assert_eq!(answer.field1.as_deref(), Some("Sample String"));
    // The constant property is no value the caller sets: a default model sends it.
    let body = RefColorConstant::default();
    let sent = serde_json::to_value(&body)?;
    assert_eq!(sent, serde_json::json!({ "ColorConstant": "green-color" }));
    client
        .enum_put_referenced_constant(body.try_into()?, None)
        .await?;
    Ok(())
}

async fn enumerations(env: Arc<Env>) -> Outcome {
    let client = client!(StringOperationsClient, StringOperationsClientOptions, env);
    assert_eq!(
        client.enum_get_not_expandable(None).await?.into_model()?,
        Colors::RedColor
    );
    client
        .enum_put_not_expandable(json(&Colors::RedColor), None)
        .await?;
    assert_eq!(
        client.enum_get_referenced(None).await?.into_model()?,
        RefColors::RedColor
    );
    client
        .enum_put_referenced(json(&RefColors::RedColor), None)
        .await?;
    Ok(())
}

async fn base64_strings(env: Arc<Env>) -> Outcome {
    let client = client!(StringOperationsClient, StringOperationsClientOptions, env);
    let text = b"a string that gets encoded with base64".to_vec();
    assert_eq!(
        client.string_get_base64_encoded(None).await?.into_model()?,
        text
    );
    let text = b"a string that gets encoded with base64url".to_vec();
    assert_eq!(
        client
            .string_get_base64_url_encoded(None)
            .await?
            .into_model()?,
        text
    );
    client.string_put_base64_url_encoded(text, None).await?;
    undecodable(client.string_get_null_base64_url_encoded(None).await?);
    Ok(())
}
