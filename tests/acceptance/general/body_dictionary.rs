//! `body-dictionary.json`: dictionaries (`additionalProperties`) of every primitive type and
//! format, of models, arrays and dictionaries, both ways. Values the spec marks `x-nullable`
//! are `Option`s and a `null` one decodes as `None`; a `null` value elsewhere, a value of
//! another type, invalid JSON and a missing body are `DataConversion` errors.

use super::primitives::{json, undecodable};
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_dictionary::{models::*, *};
use azure_core::time::Duration;
use std::collections::HashMap;
use std::sync::Arc;
use time::macros::{date, datetime};

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        dictionaries_basic => [
            "getDictionaryNull", "getDictionaryEmpty", "putDictionaryEmpty", "getDictionaryInvalid",
            "getDictionaryNullValue", "getDictionaryNullkey", "getDictionaryKeyEmptyString",
        ],
        dictionaries_of_numbers => [
            "getDictionaryBooleanValid", "putDictionaryBooleanValid", "getDictionaryBooleanWithNull",
            "getDictionaryBooleanWithString", "getDictionaryIntegerValid", "putDictionaryIntegerValid",
            "getDictionaryIntegerWithNull", "getDictionaryIntegerWithString", "getDictionaryLongValid",
            "putDictionaryLongValid", "getDictionaryLongWithNull", "getDictionaryLongWithString",
            "getDictionaryFloatValid", "putDictionaryFloatValid", "getDictionaryFloatWithNull",
            "getDictionaryFloatWithString", "getDictionaryDoubleValid", "putDictionaryDoubleValid",
            "getDictionaryDoubleWithNull", "getDictionaryDoubleWithString",
        ],
        dictionaries_of_strings => [
            "getDictionaryStringValid", "putDictionaryStringValid", "getDictionaryStringWithNull",
            "getDictionaryStringWithNumber",
        ],
        dictionaries_of_dates => [
            "getDictionaryDateValid", "putDictionaryDateValid", "getDictionaryDateWithNull",
            "getDictionaryDateWithInvalidChars", "getDictionaryDateTimeValid",
            "putDictionaryDateTimeValid", "getDictionaryDateTimeWithNull",
            "getDictionaryDateTimeWithInvalidChars", "getDictionaryDateTimeRfc1123Valid",
            "putDictionaryDateTimeRfc1123Valid", "getDictionaryDurationValid",
            "putDictionaryDurationValid",
        ],
        dictionaries_of_bytes => [
            "getDictionaryByteValid", "putDictionaryByteValid", "getDictionaryByteWithNull",
            "getDictionaryBase64Url",
        ],
        dictionaries_of_models => [
            "getDictionaryComplexNull", "getDictionaryComplexEmpty", "getDictionaryComplexItemNull",
            "getDictionaryComplexItemEmpty", "getDictionaryComplexValid", "putDictionaryComplexValid",
        ],
        dictionaries_of_arrays => [
            "getDictionaryArrayNull", "getDictionaryArrayEmpty", "getDictionaryArrayItemNull",
            "getDictionaryArrayItemEmpty", "getDictionaryArrayValid", "putDictionaryArrayValid",
        ],
        dictionaries_of_dictionaries => [
            "getDictionaryDictionaryNull", "getDictionaryDictionaryEmpty",
            "getDictionaryDictionaryItemNull", "getDictionaryDictionaryItemEmpty",
            "getDictionaryDictionaryValid", "putDictionaryDictionaryValid",
        ],
    ]
}

/// `{"0": a, "1": b, ...}`.
fn indexed<T: Clone>(values: &[T]) -> HashMap<String, T> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (i.to_string(), v.clone()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn map(entries: &[(&str, &str)]) -> HashMap<String, String> {
    entries
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn widget(integer: i32, string: &str) -> Widget {
    Widget {
        integer: Some(integer),
        string: Some(string.to_string()),
    }
}

/// A widget's fields, to compare.
fn fields(w: &Widget) -> (Option<i32>, Option<String>) {
    (w.integer, w.string.clone())
}

async fn dictionaries_basic(env: Arc<Env>) -> Outcome {
    let client = client!(
        DictionaryOperationsClient,
        DictionaryOperationsClientOptions,
        env
    );
    undecodable(client.dictionary_get_null(None).await?);
    assert!(client
        .dictionary_get_empty(None)
        .await?
        .into_model()?
        .is_empty());
    client
        .dictionary_put_empty(json(&HashMap::<String, String>::new()), None)
        .await?;
    // The values are not `x-nullable`: a `null` one fails the dictionary.
    let client = client!(
        AutoRestSwaggerBatDictionaryServiceClient,
        AutoRestSwaggerBatDictionaryServiceClientOptions,
        env
    );
    undecodable(client.dictionary_get_invalid(None).await?);
    undecodable(client.dictionary_get_null_value(None).await?);
    // `{null : "val1"}` is not JSON.
    undecodable(client.dictionary_get_null_key(None).await?);
    let empty_key = client
        .dictionary_get_empty_string_key(None)
        .await?
        .into_model()?;
    assert_eq!(empty_key, map(&[("", "val1")]));
    Ok(())
}

async fn dictionaries_of_numbers(env: Arc<Env>) -> Outcome {
    let client = client!(
        DictionaryOperationsClient,
        DictionaryOperationsClientOptions,
        env
    );
    let booleans = indexed(&[true, false, false, true]);
    assert_eq!(
        client
            .dictionary_get_boolean_tfft(None)
            .await?
            .into_model()?,
        booleans
    );
    client
        .dictionary_put_boolean_tfft(json(&booleans), None)
        .await?;
    undecodable(client.dictionary_get_boolean_invalid_null(None).await?);
    undecodable(client.dictionary_get_boolean_invalid_string(None).await?);
    let integers = indexed(&[1, -1, 3, 300]);
    assert_eq!(
        client
            .dictionary_get_integer_valid(None)
            .await?
            .into_model()?,
        integers
    );
    client
        .dictionary_put_integer_valid(json(&integers), None)
        .await?;
    undecodable(client.dictionary_get_int_invalid_null(None).await?);
    undecodable(client.dictionary_get_int_invalid_string(None).await?);
    let longs = indexed(&[1_i64, -1, 3, 300]);
    assert_eq!(
        client.dictionary_get_long_valid(None).await?.into_model()?,
        longs
    );
    client.dictionary_put_long_valid(json(&longs), None).await?;
    undecodable(client.dictionary_get_long_invalid_null(None).await?);
    undecodable(client.dictionary_get_long_invalid_string(None).await?);
    let floats = indexed(&[0.0_f32, -0.01, -1.2e20]);
    assert_eq!(
        client
            .dictionary_get_float_valid(None)
            .await?
            .into_model()?,
        floats
    );
    client
        .dictionary_put_float_valid(json(&floats), None)
        .await?;
    undecodable(client.dictionary_get_float_invalid_null(None).await?);
    undecodable(client.dictionary_get_float_invalid_string(None).await?);
    let doubles = indexed(&[0.0_f64, -0.01, -1.2e20]);
    assert_eq!(
        client
            .dictionary_get_double_valid(None)
            .await?
            .into_model()?,
        doubles
    );
    client
        .dictionary_put_double_valid(json(&doubles), None)
        .await?;
    undecodable(client.dictionary_get_double_invalid_null(None).await?);
    undecodable(client.dictionary_get_double_invalid_string(None).await?);
    Ok(())
}

async fn dictionaries_of_strings(env: Arc<Env>) -> Outcome {
    let client = client!(
        DictionaryOperationsClient,
        DictionaryOperationsClientOptions,
        env
    );
    let foos = indexed(&strings(&["foo1", "foo2", "foo3"]));
    assert_eq!(
        client
            .dictionary_get_string_valid(None)
            .await?
            .into_model()?,
        foos
    );
    client
        .dictionary_put_string_valid(json(&foos), None)
        .await?;
    undecodable(client.dictionary_get_string_with_null(None).await?);
    undecodable(client.dictionary_get_string_with_invalid(None).await?);
    Ok(())
}

async fn dictionaries_of_dates(env: Arc<Env>) -> Outcome {
    let client = client!(
        DictionaryOperationsClient,
        DictionaryOperationsClientOptions,
        env
    );
    let dates = indexed(&[
        date!(2000 - 12 - 01),
        date!(1980 - 01 - 02),
        date!(1492 - 10 - 12),
    ]);
    assert_eq!(
        client.dictionary_get_date_valid(None).await?.into_model()?,
        dates
    );
    client.dictionary_put_date_valid(dates, None).await?;
    undecodable(client.dictionary_get_date_invalid_null(None).await?);
    undecodable(client.dictionary_get_date_invalid_chars(None).await?);
    // `2000-12-01t00:00:01z`, `1980-01-02T00:11:35+01:00`, `1492-10-12T10:15:01-08:00`: each
    // keeps its offset; the server wants the same instants back in UTC.
    let got = client
        .dictionary_get_date_time_valid(None)
        .await?
        .into_model()?;
    let offsets = indexed(&[
        datetime!(2000-12-01 00:00:01 UTC),
        datetime!(1980-01-02 00:11:35 +01:00),
        datetime!(1492-10-12 10:15:01 -08:00),
    ]);
    assert_eq!(got, offsets);
    assert_eq!(got["2"].offset(), offsets["2"].offset());
    let utc: HashMap<String, _> = got
        .into_iter()
        .map(|(k, v)| (k, v.to_offset(time::UtcOffset::UTC)))
        .collect();
    assert_eq!(utc["1"], datetime!(1980-01-01 23:11:35 UTC));
    client.dictionary_put_date_time_valid(utc, None).await?;
    undecodable(client.dictionary_get_date_time_invalid_null(None).await?);
    undecodable(client.dictionary_get_date_time_invalid_chars(None).await?);
    let rfc1123 = indexed(&[
        datetime!(2000-12-01 00:00:01 UTC),
        datetime!(1980-01-02 00:11:35 UTC),
        datetime!(1492-10-12 10:15:01 UTC),
    ]);
    assert_eq!(
        client
            .dictionary_get_date_time_rfc1123_valid(None)
            .await?
            .into_model()?,
        rfc1123
    );
    client
        .dictionary_put_date_time_rfc1123_valid(rfc1123, None)
        .await?;
    let durations = indexed(&[
        Duration::days(123)
            + Duration::hours(22)
            + Duration::minutes(14)
            + Duration::milliseconds(12_011),
        Duration::days(5) + Duration::hours(1),
    ]);
    assert_eq!(
        client
            .dictionary_get_duration_valid(None)
            .await?
            .into_model()?,
        durations
    );
    client
        .dictionary_put_duration_valid(durations, None)
        .await?;
    Ok(())
}

async fn dictionaries_of_bytes(env: Arc<Env>) -> Outcome {
    let client = client!(
        DictionaryOperationsClient,
        DictionaryOperationsClientOptions,
        env
    );
    let bytes = indexed(&[vec![255_u8, 255, 255, 250], vec![1, 2, 3], vec![37, 41, 67]]);
    assert_eq!(
        client.dictionary_get_byte_valid(None).await?.into_model()?,
        bytes
    );
    client.dictionary_put_byte_valid(bytes, None).await?;
    undecodable(client.dictionary_get_byte_invalid_null(None).await?);
    let texts = indexed(&[
        b"a string that gets encoded with base64url".to_vec(),
        b"test string".to_vec(),
        b"Lorem ipsum".to_vec(),
    ]);
    assert_eq!(
        client.dictionary_get_base64_url(None).await?.into_model()?,
        texts
    );
    Ok(())
}

async fn dictionaries_of_models(env: Arc<Env>) -> Outcome {
    // Tagged `Dictionary Operations`, not `Dictionary operations`: a group of its own.
    let client = client!(
        DictionaryOperations2Client,
        DictionaryOperations2ClientOptions,
        env
    );
    // The dictionary itself is `x-nullable`, but an empty body is no JSON value at all.
    undecodable(client.dictionary_get_complex_null(None).await?);
    assert!(client
        .dictionary_get_complex_empty(None)
        .await?
        .into_model()?
        .is_empty());
    // `x-nullable` values: the `null` one is `None`.
    let got = client
        .dictionary_get_complex_item_null(None)
        .await?
        .into_model()?;
    let got: HashMap<String, _> = got
        .iter()
        .map(|(k, w)| (k.clone(), w.as_ref().map(fields)))
        .collect();
    assert_eq!(
        got,
        indexed(&[
            Some((Some(1), Some("2".to_string()))),
            None,
            Some((Some(5), Some("6".to_string())))
        ])
    );
    let got = client
        .dictionary_get_complex_item_empty(None)
        .await?
        .into_model()?;
    let got: HashMap<String, _> = got.iter().map(|(k, w)| (k.clone(), fields(w))).collect();
    assert_eq!(
        got,
        indexed(&[
            (Some(1), Some("2".to_string())),
            (None, None),
            (Some(5), Some("6".to_string()))
        ])
    );
    let widgets = indexed(&[widget(1, "2"), widget(3, "4"), widget(5, "6")]);
    let got = client
        .dictionary_get_complex_valid(None)
        .await?
        .into_model()?;
    let as_fields = |m: &HashMap<String, Widget>| -> HashMap<String, _> {
        m.iter().map(|(k, w)| (k.clone(), fields(w))).collect()
    };
    assert_eq!(as_fields(&got), as_fields(&widgets));
    client
        .dictionary_put_complex_valid(json(&widgets), None)
        .await?;
    Ok(())
}

async fn dictionaries_of_arrays(env: Arc<Env>) -> Outcome {
    // Tagged `Dictionary Operations`, not `Dictionary operations`: a group of its own.
    let client = client!(
        DictionaryOperations2Client,
        DictionaryOperations2ClientOptions,
        env
    );
    undecodable(client.dictionary_get_array_null(None).await?);
    assert!(client
        .dictionary_get_array_empty(None)
        .await?
        .into_model()?
        .is_empty());
    let got = client
        .dictionary_get_array_item_null(None)
        .await?
        .into_model()?;
    assert_eq!(
        got,
        indexed(&[
            Some(strings(&["1", "2", "3"])),
            None,
            Some(strings(&["7", "8", "9"]))
        ])
    );
    let got = client
        .dictionary_get_array_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        got,
        indexed(&[strings(&["1", "2", "3"]), vec![], strings(&["7", "8", "9"])])
    );
    let arrays = indexed(&[
        strings(&["1", "2", "3"]),
        strings(&["4", "5", "6"]),
        strings(&["7", "8", "9"]),
    ]);
    assert_eq!(
        client
            .dictionary_get_array_valid(None)
            .await?
            .into_model()?,
        arrays
    );
    client
        .dictionary_put_array_valid(json(&arrays), None)
        .await?;
    Ok(())
}

async fn dictionaries_of_dictionaries(env: Arc<Env>) -> Outcome {
    // Tagged `Dictionary Operations`, not `Dictionary operations`: a group of its own.
    let client = client!(
        DictionaryOperations2Client,
        DictionaryOperations2ClientOptions,
        env
    );
    undecodable(client.dictionary_get_dictionary_null(None).await?);
    assert!(client
        .dictionary_get_dictionary_empty(None)
        .await?
        .into_model()?
        .is_empty());
    let one = map(&[("1", "one"), ("2", "two"), ("3", "three")]);
    let four = map(&[("4", "four"), ("5", "five"), ("6", "six")]);
    let seven = map(&[("7", "seven"), ("8", "eight"), ("9", "nine")]);
    let got = client
        .dictionary_get_dictionary_item_null(None)
        .await?
        .into_model()?;
    assert_eq!(
        got,
        indexed(&[Some(one.clone()), None, Some(seven.clone())])
    );
    let got = client
        .dictionary_get_dictionary_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(got, indexed(&[one.clone(), HashMap::new(), seven.clone()]));
    let dictionaries = indexed(&[one, four, seven]);
    assert_eq!(
        client
            .dictionary_get_dictionary_valid(None)
            .await?
            .into_model()?,
        dictionaries
    );
    client
        .dictionary_put_dictionary_valid(json(&dictionaries), None)
        .await?;
    Ok(())
}
