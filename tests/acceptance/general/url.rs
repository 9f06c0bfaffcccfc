//! `url.json`: values of every type in paths and queries (constants, options left out, dates,
//! bytes, Unix times, enums), arrays in each `collectionFormat`, and path-item parameters.

use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_url::{clients::*, models::*};
use azure_core::time::OffsetDateTime;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        path_constants => [
            "UrlPathsBoolTrue", "UrlPathsBoolFalse", "UrlPathsIntPositive", "UrlPathsIntNegative",
            "UrlPathsLongPositive", "UrlPathsLongNegative", "UrlPathsFloatPositive",
            "UrlPathsFloatNegative", "UrlPathsDoublePositive", "UrlPathsDoubleNegative",
            "UrlPathsStringUnicode", "UrlPathsStringUrlEncoded", "UrlPathsStringUrlNonEncoded",
            "UrlPathsDateValid", "UrlPathsDateTimeValid",
        ],
        path_values => [
            "UrlPathsEnumValid", "UrlPathsByteMultiByte", "UrlPathsStringBase64Url",
            "UrlPathsIntUnixTime", "UrlPathsArrayCSVInPath",
        ],
        path_empty_refused => [],
        query_constants => [
            "UrlQueriesBoolTrue", "UrlQueriesBoolFalse", "UrlQueriesIntPositive",
            "UrlQueriesIntNegative", "UrlQueriesLongPositive", "UrlQueriesLongNegative",
            "UrlQueriesFloatPositive", "UrlQueriesFloatNegative", "UrlQueriesDoublePositive",
            "UrlQueriesDoubleNegative", "UrlQueriesStringUnicode", "UrlQueriesStringUrlEncoded",
            "UrlQueriesStringEmpty", "UrlQueriesByteEmpty", "UrlQueriesDateValid",
            "UrlQueriesDateTimeValid",
        ],
        query_nulls => [
            "UrlQueriesBoolNull", "UrlQueriesIntNull", "UrlQueriesLongNull", "UrlQueriesFloatNull",
            "UrlQueriesDoubleNull", "UrlQueriesStringNull", "UrlQueriesEnumNull",
            "UrlQueriesByteNull", "UrlQueriesDateNull", "UrlQueriesDateTimeNull",
        ],
        query_values => ["UrlQueriesEnumValid", "UrlQueriesByteMultiByte"],
        query_arrays => [
            "UrlQueriesArrayCsvValid", "UrlQueriesArrayCsvNull", "UrlQueriesArrayCsvEmpty",
            "UrlQueriesArrayNoCollectionFormatValid", "UrlQueriesArraySsvValid",
            "UrlQueriesArrayTsvValid", "UrlQueriesArrayPipesValid",
        ],
        path_items => [
            "UrlPathItemGetAll", "UrlPathItemGetGlobalNull", "UrlPathItemGetGlobalAndLocalNull",
            "UrlPathItemGetPathItemAndLocalNull",
        ],
    ]
}

/// The server's multi-byte text (written with escapes: the compatibility ideographs in it
/// would not survive Unicode normalization of this file).
const MULTIBYTE: &str =
    "\u{554a}\u{9f44}\u{4e02}\u{72db}\u{72dc}\u{f9f1}\u{f92c}\u{f9f1}\u{fa0c}\u{fa29}";

/// The array the server expects, first item `first`: the spec's `null` item is sent as an
/// empty one.
fn array(first: &str) -> Vec<String> {
    [first, "begin!*'();:@ &=+$,/?#[]end", "", ""]
        .map(String::from)
        .to_vec()
}

fn paths(env: &Env) -> azure_core::Result<PathOperationsClient> {
    Ok(client!(AutoRestUrlTestClient, AutoRestUrlTestClientOptions, env).path_operations_client())
}

fn queries(env: &Env) -> azure_core::Result<QueryOperationsClient> {
    Ok(client!(AutoRestUrlTestClient, AutoRestUrlTestClientOptions, env).query_operations_client())
}

async fn path_constants(env: Arc<Env>) -> Outcome {
    let client = paths(&env)?;
    client.paths_get_boolean_true(None).await?;
    client.paths_get_boolean_false(None).await?;
    client.paths_get_int_one_million(None).await?;
    client.paths_get_int_negative_one_million(None).await?;
    client.paths_get_ten_billion(None).await?;
    client.paths_get_negative_ten_billion(None).await?;
    client.paths_float_scientific_positive(None).await?;
    client.paths_float_scientific_negative(None).await?;
    client.paths_double_decimal_positive(None).await?;
    client.paths_double_decimal_negative(None).await?;
    client.paths_string_unicode(None).await?;
    client.paths_string_url_encoded(None).await?;
    // `x-ms-skip-url-encoding`: sent as given.
    client.paths_string_url_non_encoded(None).await?;
    client.paths_date_valid(None).await?;
    client.paths_date_time_valid(None).await?;
    Ok(())
}

async fn path_values(env: Arc<Env>) -> Outcome {
    let client = paths(&env)?;
    client.paths_enum_valid(UriColor::GreenColor, None).await?;
    client
        .paths_byte_multi_byte(MULTIBYTE.as_bytes().to_vec(), None)
        .await?;
    // base64url, unpadded: `lorem` is `bG9yZW0`.
    client.paths_base64_url(b"lorem".to_vec(), None).await?;
    let april_2016 = OffsetDateTime::from_unix_timestamp(1_460_505_600).unwrap();
    client.paths_unix_time_url(april_2016, None).await?;
    // The spec files this operation under the queries client.
    queries(&env)?
        .paths_array_csv_in_path(array("ArrayPath1"), None)
        .await?;
    Ok(())
}

/// Empty path values are refused before anything is sent (the project's rule), so
/// `UrlPathsStringEmpty` and `UrlPathsByteEmpty` are not counted.
async fn path_empty_refused(env: Arc<Env>) -> Outcome {
    let client = paths(&env)?;
    let error = client.paths_string_empty(None).await.unwrap_err();
    assert!(error.to_string().contains("cannot be empty"), "{error}");
    let error = client.paths_byte_empty(None).await.unwrap_err();
    assert!(error.to_string().contains("cannot be empty"), "{error}");
    Ok(())
}

async fn query_constants(env: Arc<Env>) -> Outcome {
    // The spec files these two under the paths client.
    paths(&env)?.queries_get_boolean_true(None).await?;
    paths(&env)?.queries_get_boolean_false(None).await?;
    let client = queries(&env)?;
    client.queries_get_int_one_million(None).await?;
    client.queries_get_int_negative_one_million(None).await?;
    client.queries_get_ten_billion(None).await?;
    client.queries_get_negative_ten_billion(None).await?;
    client.queries_float_scientific_positive(None).await?;
    client.queries_float_scientific_negative(None).await?;
    client.queries_double_decimal_positive(None).await?;
    client.queries_double_decimal_negative(None).await?;
    client.queries_string_unicode(None).await?;
    client.queries_string_url_encoded(None).await?;
    client.queries_string_empty(None).await?;
    client.queries_byte_empty(None).await?;
    client.queries_date_valid(None).await?;
    client.queries_date_time_valid(None).await?;
    Ok(())
}

async fn query_nulls(env: Arc<Env>) -> Outcome {
    // An option left `None` sends no pair at all.
    let client = queries(&env)?;
    client.queries_get_boolean_null(None).await?;
    client.queries_get_int_null(None).await?;
    client.queries_get_long_null(None).await?;
    client.queries_float_null(None).await?;
    client.queries_double_null(None).await?;
    client.queries_string_null(None).await?;
    client.queries_enum_null(None).await?;
    client.queries_byte_null(None).await?;
    client.queries_date_null(None).await?;
    client.queries_date_time_null(None).await?;
    Ok(())
}

async fn query_values(env: Arc<Env>) -> Outcome {
    let client = queries(&env)?;
    let options = QueryOperationsClientQueriesEnumValidOptions {
        enum_query: Some(UriColor::GreenColor),
        ..Default::default()
    };
    client.queries_enum_valid(Some(options)).await?;
    let options = QueryOperationsClientQueriesByteMultiByteOptions {
        byte_query: Some(MULTIBYTE.as_bytes().to_vec()),
        ..Default::default()
    };
    client.queries_byte_multi_byte(Some(options)).await?;
    Ok(())
}

async fn query_arrays(env: Arc<Env>) -> Outcome {
    let client = queries(&env)?;
    let csv = QueryOperationsClientQueriesArrayStringCsvValidOptions {
        array_query: Some(array("ArrayQuery1")),
        ..Default::default()
    };
    client.queries_array_string_csv_valid(Some(csv)).await?;
    client.queries_array_string_csv_null(None).await?;
    // An empty array is one empty value: `arrayQuery=`.
    let empty = QueryOperationsClientQueriesArrayStringCsvEmptyOptions {
        array_query: Some(Vec::new()),
        ..Default::default()
    };
    client.queries_array_string_csv_empty(Some(empty)).await?;
    let no_format = QueryOperationsClientQueriesArrayStringNoCollectionFormatEmptyOptions {
        array_query: Some(["hello", "nihao", "bonjour"].map(String::from).to_vec()),
        ..Default::default()
    };
    client
        .queries_array_string_no_collection_format_empty(Some(no_format))
        .await?;
    let ssv = QueryOperationsClientQueriesArrayStringSsvValidOptions {
        array_query: Some(array("ArrayQuery1")),
        ..Default::default()
    };
    client.queries_array_string_ssv_valid(Some(ssv)).await?;
    let tsv = QueryOperationsClientQueriesArrayStringTsvValidOptions {
        array_query: Some(array("ArrayQuery1")),
        ..Default::default()
    };
    client.queries_array_string_tsv_valid(Some(tsv)).await?;
    let pipes = QueryOperationsClientQueriesArrayStringPipesValidOptions {
        array_query: Some(array("ArrayQuery1")),
        ..Default::default()
    };
    client.queries_array_string_pipes_valid(Some(pipes)).await?;
    Ok(())
}

async fn path_items(env: Arc<Env>) -> Outcome {
    let client = queries(&env)?;
    let (global, item, local) = ("globalStringPath", "pathItemStringPath", "localStringPath");
    // Each call sets the query values the scenario names; the others are left out.
    macro_rules! query {
        ($options:ident, $global:expr, $item:expr, $local:expr) => {
            Some($options {
                global_string_query: $global.then(|| "globalStringQuery".to_string()),
                path_item_string_query: $item.then(|| "pathItemStringQuery".to_string()),
                local_string_query: $local.then(|| "localStringQuery".to_string()),
                ..Default::default()
            })
        };
    }
    let all = query!(
        QueryOperationsClientPathItemsGetAllWithValuesOptions,
        true,
        true,
        true
    );
    client
        .path_items_get_all_with_values(item, global, local, all)
        .await?;
    let no_global = query!(
        QueryOperationsClientPathItemsGetGlobalQueryNullOptions,
        false,
        true,
        true
    );
    client
        .path_items_get_global_query_null(item, global, local, no_global)
        .await?;
    let item_only = query!(
        QueryOperationsClientPathItemsGetGlobalAndLocalQueryNullOptions,
        false,
        true,
        false
    );
    client
        .path_items_get_global_and_local_query_null(item, global, local, item_only)
        .await?;
    let global_only = query!(
        QueryOperationsClientPathItemsGetLocalPathItemQueryNullOptions,
        true,
        false,
        false
    );
    client
        .path_items_get_local_path_item_query_null(item, global, local, global_only)
        .await?;
    Ok(())
}
