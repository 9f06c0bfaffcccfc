//! `header.json`: request headers of every type, and typed response headers read through each
//! operation's `...Headers` trait.

use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_header::{models::*, *};
use azure_core::time::Duration;
use std::sync::Arc;
use time::macros::{date, datetime};

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        header_request_numbers => [
            "HeaderParameterIntegerPositive", "HeaderParameterIntegerNegative",
            "HeaderParameterLongPositive", "HeaderParameterLongNegative",
            "HeaderParameterFloatPositive", "HeaderParameterFloatNegative",
            "HeaderParameterDoublePositive", "HeaderParameterDoubleNegative",
            "HeaderParameterBoolTrue", "HeaderParameterBoolFalse",
        ],
        header_request_texts => [
            "HeaderParameterStringValid", "HeaderParameterStringNull", "HeaderParameterStringEmpty",
            "HeaderParameterEnumValid", "HeaderParameterEnumNull", "HeaderParameterExistingKey",
        ],
        header_request_formats => [
            "HeaderParameterDateValid", "HeaderParameterDateMin", "HeaderParameterDateTimeValid",
            "HeaderParameterDateTimeMin", "HeaderParameterDateTimeRfc1123Valid",
            "HeaderParameterDateTimeRfc1123Min", "HeaderParameterDurationValid",
            "HeaderParameterBytesValid",
        ],
        header_response_numbers => [
            "HeaderResponseIntegerPositive", "HeaderResponseIntegerNegative",
            "HeaderResponseLongPositive", "HeaderResponseLongNegative",
            "HeaderResponseFloatPositive", "HeaderResponseFloatNegative",
            "HeaderResponseDoublePositive", "HeaderResponseDoubleNegative",
            "HeaderResponseBoolTrue", "HeaderResponseBoolFalse",
        ],
        header_response_texts => [
            "HeaderResponseStringValid", "HeaderResponseStringNull", "HeaderResponseStringEmpty",
            "HeaderResponseEnumValid", "HeaderResponseEnumNull", "HeaderResponseExistingKey",
            "HeaderResponseProtectedKey",
        ],
        header_response_formats => [
            "HeaderResponseDateValid", "HeaderResponseDateMin", "HeaderResponseDateTimeValid",
            "HeaderResponseDateTimeMin", "HeaderResponseDateTimeRfc1123Valid",
            "HeaderResponseDateTimeRfc1123Min", "HeaderResponseDurationValid",
            "HeaderResponseBytesValid",
        ],
    ]
}

/// The server's multi-byte text (written with escapes: the compatibility ideographs in it
/// would not survive Unicode normalization of this file).
const MULTIBYTE: &str =
    "\u{554a}\u{9f44}\u{4e02}\u{72db}\u{72dc}\u{f9f1}\u{f92c}\u{f9f1}\u{fa0c}\u{fa29}";

/// `P123DT22H14M12.011S`.
fn duration() -> Duration {
    Duration::days(123)
        + Duration::hours(22)
        + Duration::minutes(14)
        + Duration::milliseconds(12_011)
}

fn header(env: &Env) -> azure_core::Result<HeaderOperationsClient> {
    Ok(client!(
        HeaderOperationsClient,
        HeaderOperationsClientOptions,
        env
    ))
}

async fn header_request_numbers(env: Arc<Env>) -> Outcome {
    let client = header(&env)?;
    client.header_param_integer("positive", 1, None).await?;
    client.header_param_integer("negative", -2, None).await?;
    client.header_param_long("positive", 105, None).await?;
    client.header_param_long("negative", -2, None).await?;
    client.header_param_float("positive", 0.07, None).await?;
    client.header_param_float("negative", -3.0, None).await?;
    client.header_param_double("positive", 7e120, None).await?;
    client.header_param_double("negative", -3.0, None).await?;
    client.header_param_bool("true", true, None).await?;
    client.header_param_bool("false", false, None).await?;
    Ok(())
}

async fn header_request_texts(env: Arc<Env>) -> Outcome {
    let client = header(&env)?;
    let text = HeaderOperationsClientHeaderParamStringOptions {
        value: Some("The quick brown fox jumps over the lazy dog".to_string()),
        ..Default::default()
    };
    client.header_param_string("valid", Some(text)).await?;
    // An unset optional header is not sent.
    client.header_param_string("null", None).await?;
    let empty = HeaderOperationsClientHeaderParamStringOptions {
        value: Some(String::new()),
        ..Default::default()
    };
    client.header_param_string("empty", Some(empty)).await?;
    let grey = HeaderOperationsClientHeaderParamEnumOptions {
        value: Some(GreyscaleColors::Grey),
        ..Default::default()
    };
    client.header_param_enum("valid", Some(grey)).await?;
    client.header_param_enum("null", None).await?;
    // A declared `User-Agent` is sent as given, over azure_core's own.
    client.header_param_existing_key("overwrite", None).await?;
    // A `Content-Type` header parameter on a request without a body is sent as given
    // (`HeaderParameterProtectedKey`, counted under `/report/optional`: the server's 200 is
    // the assertion).
    client.header_param_protected_key("text/html", None).await?;
    Ok(())
}

async fn header_request_formats(env: Arc<Env>) -> Outcome {
    let client = header(&env)?;
    client
        .header_param_date("valid", date!(2010 - 01 - 01), None)
        .await?;
    client
        .header_param_date("min", date!(0001 - 01 - 01), None)
        .await?;
    client
        .header_param_datetime("valid", datetime!(2010-01-01 12:34:56 UTC), None)
        .await?;
    client
        .header_param_datetime("min", datetime!(0001-01-01 00:00:00 UTC), None)
        .await?;
    let valid = HeaderOperationsClientHeaderParamDatetimeRfc1123Options {
        value: Some(datetime!(2010-01-01 12:34:56 UTC)),
        ..Default::default()
    };
    client
        .header_param_datetime_rfc1123("valid", Some(valid))
        .await?;
    let min = HeaderOperationsClientHeaderParamDatetimeRfc1123Options {
        value: Some(datetime!(0001-01-01 00:00:00 UTC)),
        ..Default::default()
    };
    client
        .header_param_datetime_rfc1123("min", Some(min))
        .await?;
    client
        .header_param_duration("valid", duration(), None)
        .await?;
    client
        .header_param_byte("valid", MULTIBYTE.as_bytes().to_vec(), None)
        .await?;
    Ok(())
}

async fn header_response_numbers(env: Arc<Env>) -> Outcome {
    let client = header(&env)?;
    let got = client.header_response_integer("positive", None).await?;
    assert_eq!(got.value()?, Some(1));
    let got = client.header_response_integer("negative", None).await?;
    assert_eq!(got.value()?, Some(-2));
    let got = client.header_response_long("positive", None).await?;
    assert_eq!(got.value()?, Some(105));
    let got = client.header_response_long("negative", None).await?;
    assert_eq!(got.value()?, Some(-2));
    let got = client.header_response_float("positive", None).await?;
    assert_eq!(got.value()?, Some(0.07));
    let got = client.header_response_float("negative", None).await?;
    assert_eq!(got.value()?, Some(-3.0));
    let got = client.header_response_double("positive", None).await?;
    assert_eq!(got.value()?, Some(7e120));
    let got = client.header_response_double("negative", None).await?;
    assert_eq!(got.value()?, Some(-3.0));
    let got = client.header_response_bool("true", None).await?;
    assert_eq!(got.value()?, Some(true));
    let got = client.header_response_bool("false", None).await?;
    assert_eq!(got.value()?, Some(false));
    Ok(())
}

async fn header_response_texts(env: Arc<Env>) -> Outcome {
    let client = header(&env)?;
    let valid = client.header_response_string("valid", None).await?;
    assert_eq!(
        valid.value()?.as_deref(),
        Some("The quick brown fox jumps over the lazy dog")
    );
    // Express writes a `null` header value as the text `null`; the header is there, so its
    // text is what it holds.
    let null = client.header_response_string("null", None).await?;
    assert_eq!(null.value()?.as_deref(), Some("null"));
    let empty = client.header_response_string("empty", None).await?;
    assert_eq!(empty.value()?.as_deref(), Some(""));
    let grey = client.header_response_enum("valid", None).await?;
    assert_eq!(grey.value()?, Some(GreyscaleColors::Grey));
    // An empty value holds no enum value: absent.
    let none = client.header_response_enum("null", None).await?;
    assert_eq!(none.value()?, None);
    let existing = client.header_response_existing_key(None).await?;
    assert_eq!(existing.user_agent()?.as_deref(), Some("overwrite"));
    let protected = client.header_response_protected_key(None).await?;
    let content_type = protected.content_type()?.unwrap_or_default();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    Ok(())
}

async fn header_response_formats(env: Arc<Env>) -> Outcome {
    let client = header(&env)?;
    let got = client.header_response_date("valid", None).await?;
    assert_eq!(got.value()?, Some(date!(2010 - 01 - 01)));
    let got = client.header_response_date("min", None).await?;
    assert_eq!(got.value()?, Some(date!(0001 - 01 - 01)));
    let got = client.header_response_datetime("valid", None).await?;
    assert_eq!(got.value()?, Some(datetime!(2010-01-01 12:34:56 UTC)));
    let got = client.header_response_datetime("min", None).await?;
    assert_eq!(got.value()?, Some(datetime!(0001-01-01 00:00:00 UTC)));
    let got = client
        .header_response_datetime_rfc1123("valid", None)
        .await?;
    assert_eq!(got.value()?, Some(datetime!(2010-01-01 12:34:56 UTC)));
    let got = client.header_response_datetime_rfc1123("min", None).await?;
    assert_eq!(got.value()?, Some(datetime!(0001-01-01 00:00:00 UTC)));
    let got = client.header_response_duration("valid", None).await?;
    assert_eq!(got.value()?, Some(duration()));
    let got = client.header_response_byte("valid", None).await?;
    assert_eq!(got.value()?.as_deref(), Some(MULTIBYTE.as_bytes()));
    Ok(())
}
