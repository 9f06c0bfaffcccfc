//! `body-array.json`: arrays of every primitive type and format, of models, arrays and
//! dictionaries, both ways. Items the spec marks `x-nullable` are `Option`s and a `null` one
//! decodes as `None`; a `null` item elsewhere, an item of another type and a missing body are
//! `DataConversion` errors.

use super::primitives::{json, undecodable};
use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_body_array::{models::*, *};
use azure_core::time::Duration;
use std::collections::HashMap;
use std::sync::Arc;
use time::macros::{date, datetime};

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        arrays_basic => ["getArrayEmpty", "putArrayEmpty", "getArrayNull", "getArrayInvalid"],
        arrays_of_numbers => [
            "getArrayBooleanValid", "putArrayBooleanValid", "getArrayBooleanWithNull",
            "getArrayBooleanWithString", "getArrayIntegerValid", "putArrayIntegerValid",
            "getArrayIntegerWithNull", "getArrayIntegerWithString", "getArrayLongValid",
            "putArrayLongValid", "getArrayLongWithNull", "getArrayLongWithString",
            "getArrayFloatValid", "putArrayFloatValid", "getArrayFloatWithNull",
            "getArrayFloatWithString", "getArrayDoubleValid", "putArrayDoubleValid",
            "getArrayDoubleWithNull", "getArrayDoubleWithString",
        ],
        arrays_of_strings => [
            "getArrayStringValid", "putArrayStringValid", "getArrayStringWithNull",
            "getArrayStringWithNumber", "getArrayEnumValid", "putArrayEnumValid",
            "getArrayStringEnumValid", "putArrayStringEnumValid", "getArrayUuidValid",
            "putArrayUuidValid", "getArrayUuidWithInvalidChars",
        ],
        arrays_of_dates => [
            "getArrayDateValid", "putArrayDateValid", "getArrayDateWithNull",
            "getArrayDateWithInvalidChars", "getArrayDateTimeValid", "putArrayDateTimeValid",
            "getArrayDateTimeWithNull", "getArrayDateTimeWithInvalidChars",
            "getArrayDateTimeRfc1123Valid", "putArrayDateTimeRfc1123Valid",
            "getArrayDurationValid", "putArrayDurationValid",
        ],
        arrays_of_bytes => [
            "getArrayByteValid", "putArrayByteValid", "getArrayByteWithNull", "getArrayBase64Url",
        ],
        arrays_of_models => [
            "getArrayComplexNull", "getArrayComplexEmpty", "getArrayComplexItemNull",
            "getArrayComplexItemEmpty", "getArrayComplexValid", "putArrayComplexValid",
        ],
        arrays_of_arrays => [
            "getArrayArrayNull", "getArrayArrayEmpty", "getArrayArrayItemNull",
            "getArrayArrayItemEmpty", "getArrayArrayValid", "putArrayArrayValid",
        ],
        arrays_of_dictionaries => [
            "getArrayDictionaryNull", "getArrayDictionaryEmpty", "getArrayDictionaryItemNull",
            "getArrayDictionaryItemEmpty", "getArrayDictionaryValid", "putArrayDictionaryValid",
        ],
    ]
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

async fn arrays_basic(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    assert!(client.array_get_empty(None).await?.into_model()?.is_empty());
    client
        .array_put_empty(json(&Vec::<String>::new()), None)
        .await?;
    undecodable(client.array_get_null(None).await?);
    undecodable(client.array_get_invalid(None).await?);
    Ok(())
}

async fn arrays_of_numbers(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    let booleans = vec![true, false, false, true];
    assert_eq!(
        client.array_get_boolean_tfft(None).await?.into_model()?,
        booleans
    );
    client.array_put_boolean_tfft(json(&booleans), None).await?;
    undecodable(client.array_get_boolean_invalid_null(None).await?);
    undecodable(client.array_get_boolean_invalid_string(None).await?);
    let integers = vec![1, -1, 3, 300];
    assert_eq!(
        client.array_get_integer_valid(None).await?.into_model()?,
        integers
    );
    client
        .array_put_integer_valid(json(&integers), None)
        .await?;
    undecodable(client.array_get_int_invalid_null(None).await?);
    undecodable(client.array_get_int_invalid_string(None).await?);
    let longs = vec![1_i64, -1, 3, 300];
    assert_eq!(
        client.array_get_long_valid(None).await?.into_model()?,
        longs
    );
    client.array_put_long_valid(json(&longs), None).await?;
    undecodable(client.array_get_long_invalid_null(None).await?);
    undecodable(client.array_get_long_invalid_string(None).await?);
    let floats = vec![0.0_f32, -0.01, -1.2e20];
    assert_eq!(
        client.array_get_float_valid(None).await?.into_model()?,
        floats
    );
    client.array_put_float_valid(json(&floats), None).await?;
    undecodable(client.array_get_float_invalid_null(None).await?);
    undecodable(client.array_get_float_invalid_string(None).await?);
    let doubles = vec![0.0_f64, -0.01, -1.2e20];
    assert_eq!(
        client.array_get_double_valid(None).await?.into_model()?,
        doubles
    );
    client.array_put_double_valid(json(&doubles), None).await?;
    undecodable(client.array_get_double_invalid_null(None).await?);
    undecodable(client.array_get_double_invalid_string(None).await?);
    Ok(())
}

async fn arrays_of_strings(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    let foos = strings(&["foo1", "foo2", "foo3"]);
    assert_eq!(
        client.array_get_string_valid(None).await?.into_model()?,
        foos
    );
    client.array_put_string_valid(json(&foos), None).await?;
    // `x-nullable` items.
    let got = client
        .array_get_string_with_null(None)
        .await?
        .into_model()?;
    assert_eq!(
        got,
        vec![Some("foo".to_string()), None, Some("foo2".to_string())]
    );
    undecodable(client.array_get_string_with_invalid(None).await?);
    let enums = vec![FooEnum::Foo1, FooEnum::Foo2, FooEnum::Foo3];
    assert_eq!(
        client.array_get_enum_valid(None).await?.into_model()?,
        enums
    );
    client.array_put_enum_valid(json(&enums), None).await?;
    // A string enum without `x-ms-enum` is extensible: its known values are variants.
    use ArrayGetStringEnumValidResponseItem as Got;
    let got = client
        .array_get_string_enum_valid(None)
        .await?
        .into_model()?;
    assert_eq!(got, vec![Got::Foo1, Got::Foo2, Got::Foo3]);
    let sent: Vec<ArrayPutStringEnumValidBodyItem> =
        foos.iter().map(|f| f.parse().unwrap()).collect();
    assert_eq!(sent[2], ArrayPutStringEnumValidBodyItem::Foo3);
    client
        .array_put_string_enum_valid(json(&sent), None)
        .await?;
    let uuids: Vec<azure_core::Uuid> = [
        "6dcc7237-45fe-45c4-8a6b-3a8a3f625652",
        "d1399005-30f7-40d6-8da6-dd7c89ad34db",
        "f42f6aa1-a5bc-4ddf-907e-5f915de43205",
    ]
    .iter()
    .map(|u| u.parse().unwrap())
    .collect();
    assert_eq!(
        client.array_get_uuid_valid(None).await?.into_model()?,
        uuids
    );
    client.array_put_uuid_valid(json(&uuids), None).await?;
    undecodable(client.array_get_uuid_invalid_chars(None).await?);
    Ok(())
}

async fn arrays_of_dates(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    let dates = vec![
        date!(2000 - 12 - 01),
        date!(1980 - 01 - 02),
        date!(1492 - 10 - 12),
    ];
    assert_eq!(
        client.array_get_date_valid(None).await?.into_model()?,
        dates
    );
    client.array_put_date_valid(dates, None).await?;
    undecodable(client.array_get_date_invalid_null(None).await?);
    undecodable(client.array_get_date_invalid_chars(None).await?);
    // `2000-12-01t00:00:01z`, `1980-01-02T00:11:35+01:00`, `1492-10-12T10:15:01-08:00`.
    let got = client.array_get_date_time_valid(None).await?.into_model()?;
    assert_eq!(
        got,
        vec![
            datetime!(2000-12-01 00:00:01 UTC),
            datetime!(1980-01-02 00:11:35 +01:00),
            datetime!(1492-10-12 10:15:01 -08:00),
        ]
    );
    let sent = vec![
        datetime!(2000-12-01 00:00:01 UTC),
        datetime!(1980-01-02 00:11:35 UTC),
        datetime!(1492-10-12 10:15:01 UTC),
    ];
    client.array_put_date_time_valid(sent.clone(), None).await?;
    undecodable(client.array_get_date_time_invalid_null(None).await?);
    undecodable(client.array_get_date_time_invalid_chars(None).await?);
    assert_eq!(
        client
            .array_get_date_time_rfc1123_valid(None)
            .await?
            .into_model()?,
        sent
    );
    client.array_put_date_time_rfc1123_valid(sent, None).await?;
    let durations = vec![
        Duration::days(123)
            + Duration::hours(22)
            + Duration::minutes(14)
            + Duration::milliseconds(12_011),
        Duration::days(5) + Duration::hours(1),
    ];
    assert_eq!(
        client.array_get_duration_valid(None).await?.into_model()?,
        durations
    );
    client.array_put_duration_valid(durations, None).await?;
    Ok(())
}

async fn arrays_of_bytes(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    let bytes = vec![vec![255, 255, 255, 250], vec![1, 2, 3], vec![37, 41, 67]];
    assert_eq!(
        client.array_get_byte_valid(None).await?.into_model()?,
        bytes
    );
    client.array_put_byte_valid(bytes, None).await?;
    undecodable(client.array_get_byte_invalid_null(None).await?);
    let texts: Vec<Vec<u8>> = [
        "a string that gets encoded with base64url",
        "test string",
        "Lorem ipsum",
    ]
    .iter()
    .map(|t| t.as_bytes().to_vec())
    .collect();
    assert_eq!(
        client.array_get_base64_url(None).await?.into_model()?,
        texts
    );
    Ok(())
}

fn product(integer: i32, string: &str) -> Product {
    Product {
        integer: Some(integer),
        string: Some(string.to_string()),
    }
}

fn pairs(p: &[Product]) -> Vec<(Option<i32>, Option<String>)> {
    p.iter().map(|p| (p.integer, p.string.clone())).collect()
}

async fn arrays_of_models(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    undecodable(client.array_get_complex_null(None).await?);
    assert!(client
        .array_get_complex_empty(None)
        .await?
        .into_model()?
        .is_empty());
    // `x-nullable` items: the `null` one is `None`.
    let got = client
        .array_get_complex_item_null(None)
        .await?
        .into_model()?;
    let got: Vec<_> = got
        .iter()
        .map(|p| p.as_ref().map(|p| (p.integer, p.string.clone())))
        .collect();
    assert_eq!(
        got,
        vec![
            Some((Some(1), Some("2".to_string()))),
            None,
            Some((Some(5), Some("6".to_string())))
        ]
    );
    let got = client
        .array_get_complex_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        pairs(&got),
        vec![
            (Some(1), Some("2".to_string())),
            (None, None),
            (Some(5), Some("6".to_string()))
        ]
    );
    let products = vec![product(1, "2"), product(3, "4"), product(5, "6")];
    let got = client.array_get_complex_valid(None).await?.into_model()?;
    assert_eq!(pairs(&got), pairs(&products));
    client
        .array_put_complex_valid(json(&products), None)
        .await?;
    Ok(())
}

async fn arrays_of_arrays(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    undecodable(client.array_get_array_null(None).await?);
    assert!(client
        .array_get_array_empty(None)
        .await?
        .into_model()?
        .is_empty());
    let got = client.array_get_array_item_null(None).await?.into_model()?;
    assert_eq!(
        got,
        vec![
            Some(strings(&["1", "2", "3"])),
            None,
            Some(strings(&["7", "8", "9"]))
        ]
    );
    let got = client
        .array_get_array_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(
        got,
        vec![strings(&["1", "2", "3"]), vec![], strings(&["7", "8", "9"])]
    );
    let arrays = vec![
        strings(&["1", "2", "3"]),
        strings(&["4", "5", "6"]),
        strings(&["7", "8", "9"]),
    ];
    assert_eq!(
        client.array_get_array_valid(None).await?.into_model()?,
        arrays
    );
    client.array_put_array_valid(json(&arrays), None).await?;
    Ok(())
}

async fn arrays_of_dictionaries(env: Arc<Env>) -> Outcome {
    let client = client!(ArrayOperationsClient, ArrayOperationsClientOptions, env);
    let map = |entries: &[(&str, &str)]| -> HashMap<String, String> {
        entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    undecodable(client.array_get_dictionary_null(None).await?);
    assert!(client
        .array_get_dictionary_empty(None)
        .await?
        .into_model()?
        .is_empty());
    let one = map(&[("1", "one"), ("2", "two"), ("3", "three")]);
    let seven = map(&[("7", "seven"), ("8", "eight"), ("9", "nine")]);
    let got = client
        .array_get_dictionary_item_null(None)
        .await?
        .into_model()?;
    assert_eq!(got, vec![Some(one.clone()), None, Some(seven.clone())]);
    let got = client
        .array_get_dictionary_item_empty(None)
        .await?
        .into_model()?;
    assert_eq!(got, vec![one, HashMap::new(), seven]);
    let dictionaries = vec![
        map(&[("1", "one"), ("2", "two"), ("3", "three")]),
        map(&[("4", "four"), ("5", "five"), ("6", "six")]),
        map(&[("7", "seven"), ("8", "eight"), ("9", "nine")]),
    ];
    assert_eq!(
        client
            .array_get_dictionary_valid(None)
            .await?
            .into_model()?,
        dictionaries
    );
    client
        .array_put_dictionary_valid(json(&dictionaries), None)
        .await?;
    Ok(())
}
