//! `url-multi-collectionFormat.json`: `collectionFormat: multi`, one `name=value` pair per item.

use crate::support::{Env, Outcome, Scenario};
use crate::{client, scenarios};
use autorest_url_multi_collection_format::{models::*, *};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        multi => ["UrlQueriesArrayMultiValid", "UrlQueriesArrayMultiNull", "UrlQueriesArrayMultiEmpty"],
    ]
}

async fn multi(env: Arc<Env>) -> Outcome {
    let client = client!(QueryOperationsClient, QueryOperationsClientOptions, env);
    let valid = QueryOperationsClientQueriesArrayStringMultiValidOptions {
        array_query: Some(
            ["ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", "", ""]
                .map(String::from)
                .to_vec(),
        ),
        ..Default::default()
    };
    client.queries_array_string_multi_valid(Some(valid)).await?;
    client.queries_array_string_multi_null(None).await?;
    // No item, no pair.
    let empty = QueryOperationsClientQueriesArrayStringMultiEmptyOptions {
        array_query: Some(Vec::new()),
        ..Default::default()
    };
    client.queries_array_string_multi_empty(Some(empty)).await?;
    Ok(())
}
