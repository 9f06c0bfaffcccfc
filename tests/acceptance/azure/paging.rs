//! `paging.json` and `custom-baseUrl-paging.json`: pageable operations, their next links and
//! next-page operations, and the items of every page.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_paging::{models::*, *};
use azure_core::http::StatusCode;
use futures::TryStreamExt;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        no_item_name => ["PagingNoItemName"],
        empty_next_link => ["PagingEmptyNextLink"],
        next_link_name_null => ["PagingNextLinkNameNull"],
        single => ["PagingSingle"],
        single_with_body_params => ["PagingSingleWithBodyParams"],
        first_response_empty => ["PagingFirstResponseEmpty"],
        multiple => ["PagingMultiple"],
        multiple_with_query_params => ["PagingMultipleWithQueryParameters"],
        duplicate_params => ["PagingDuplicateParameters"],
        odata_multiple => ["PagingOdataMultiple"],
        multiple_with_offset => ["PagingMultiplePath"],
        multiple_retry_first => ["PagingMultipleRetryFirst"],
        multiple_retry_second => ["PagingMultipleRetrySecond"],
        single_failure => ["PagingSingleFailure"],
        multiple_failure => ["PagingMultipleFailure"],
        multiple_failure_uri => ["PagingMultipleFailureUri"],
        append_api_version => ["PagingWithApiVersionAppend"],
        replace_api_version => ["PagingWithApiVersionReplace"],
        custom_url_partial_next_link => ["PagingCustomUrlPartialNextLink"],
        custom_url_partial_next_link_operation => ["PagingCustomUrlPartialOperationNextLink"],
        fragment => ["PagingFragment"],
        fragment_with_grouping => [],
        item_name_with_client_name => ["PagingReturnModelWithXMSClientName"],
        long_running_pages => ["PagingMultipleLRO"],
    ]
}

fn client(env: &Env) -> PagingClient {
    PagingClient::new(Some(PagingClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

/// The product ids of every item of every page, in order.
async fn ids<S>(pager: S) -> azure_core::Result<Vec<i32>>
where
    S: futures::Stream<Item = azure_core::Result<Product>>,
{
    let items: Vec<Product> = pager.try_collect().await?;
    Ok(items
        .into_iter()
        .map(|p| p.properties.and_then(|p| p.id).unwrap_or(-1))
        .collect())
}

async fn no_item_name(env: Arc<Env>) -> Outcome {
    assert_eq!(ids(client(&env).get_no_item_name_pages(None)?).await?, [1]);
    Ok(())
}

async fn empty_next_link(env: Arc<Env>) -> Outcome {
    assert_eq!(
        ids(client(&env).get_empty_next_link_name_pages(None)?).await?,
        [1]
    );
    Ok(())
}

async fn next_link_name_null(env: Arc<Env>) -> Outcome {
    // The page has a `nextLink` (to a 404), but the operation declares no next link: one page.
    assert_eq!(
        ids(client(&env).get_null_next_link_name_pages(None)?).await?,
        [1]
    );
    Ok(())
}

async fn single(env: Arc<Env>) -> Outcome {
    assert_eq!(ids(client(&env).get_single_pages(None)?).await?, [1]);
    Ok(())
}

async fn single_with_body_params(env: Arc<Env>) -> Outcome {
    let body = BodyParam {
        name: Some("body".into()),
    };
    let pager = client(&env).get_single_pages_with_body_params(body.try_into()?, None)?;
    assert_eq!(ids(pager).await?, [1]);
    Ok(())
}

async fn first_response_empty(env: Arc<Env>) -> Outcome {
    assert_eq!(ids(client(&env).first_response_empty(None)?).await?, [1]);
    Ok(())
}

async fn multiple(env: Arc<Env>) -> Outcome {
    let pager = client(&env).get_multiple_pages(None)?;
    assert_eq!(ids(pager).await?, (1..=10).collect::<Vec<_>>());
    Ok(())
}

async fn multiple_with_query_params(env: Arc<Env>) -> Outcome {
    // The next page comes from the next-page operation (`operationName`), which sends the
    // constant `queryConstant=true` and not the first call's `requiredQueryParameter`.
    let pager = client(&env).get_with_query_params(100, None)?;
    assert_eq!(ids(pager).await?, [1, 2]);
    Ok(())
}

async fn duplicate_params(env: Arc<Env>) -> Outcome {
    let pager = client(&env).duplicate_params(Some(PagingClientDuplicateParamsOptions {
        filter: Some("foo".into()),
        ..Default::default()
    }))?;
    assert_eq!(ids(pager).await?, [1]);
    Ok(())
}

async fn odata_multiple(env: Arc<Env>) -> Outcome {
    let pager = client(&env).get_odata_multiple_pages(None)?;
    assert_eq!(ids(pager).await?, (1..=10).collect::<Vec<_>>());
    Ok(())
}

async fn multiple_with_offset(env: Arc<Env>) -> Outcome {
    let pager = client(&env).get_multiple_pages_with_offset(100, None)?;
    let mut expected = vec![1];
    expected.extend(102..=110);
    assert_eq!(ids(pager).await?, expected);
    Ok(())
}

/// A client whose pipeline retries: the server fails one page with 500 on purpose.
fn retrying_client(env: &Env) -> PagingClient {
    PagingClient::new(Some(PagingClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.retrying_options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn multiple_retry_first(env: Arc<Env>) -> Outcome {
    let pager = retrying_client(&env).get_multiple_pages_retry_first(None)?;
    assert_eq!(ids(pager).await?, (1..=10).collect::<Vec<_>>());
    Ok(())
}

async fn multiple_retry_second(env: Arc<Env>) -> Outcome {
    // Page 2 fails once; the retry gets it (its item has id 1 again), then pages 3 to 10.
    let pager = retrying_client(&env).get_multiple_pages_retry_second(None)?;
    let mut expected = vec![1, 1];
    expected.extend(3..=10);
    assert_eq!(ids(pager).await?, expected);
    Ok(())
}

async fn single_failure(env: Arc<Env>) -> Outcome {
    let error = ids(client(&env).get_single_pages_failure(None)?)
        .await
        .unwrap_err();
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
    Ok(())
}

async fn multiple_failure(env: Arc<Env>) -> Outcome {
    let mut pages = client(&env).get_multiple_pages_failure(None)?.into_pages();
    let first = pages
        .try_next()
        .await?
        .expect("a first page")
        .into_model()?;
    assert_eq!(first.values.map(|v| v.len()), Some(1));
    let error = pages.try_next().await.unwrap_err();
    assert_eq!(error.http_status(), Some(StatusCode::BadRequest));
    Ok(())
}

async fn multiple_failure_uri(env: Arc<Env>) -> Outcome {
    let mut pages = client(&env)
        .get_multiple_pages_failure_uri(None)?
        .into_pages();
    let first = pages
        .try_next()
        .await?
        .expect("a first page")
        .into_model()?;
    assert_eq!(first.next_link.as_deref(), Some("*&*#&$"));
    assert!(
        pages.try_next().await.is_err(),
        "an invalid next link is an error"
    );
    Ok(())
}

async fn append_api_version(env: Arc<Env>) -> Outcome {
    assert_eq!(ids(client(&env).append_api_version(None)?).await?, [1]);
    Ok(())
}

async fn replace_api_version(env: Arc<Env>) -> Outcome {
    assert_eq!(ids(client(&env).replace_api_version(None)?).await?, [1]);
    Ok(())
}

fn custom_client(env: &Env) -> autorest_custom_base_url_paging::PagingClient {
    use autorest_custom_base_url_paging::*;
    // The host template `{accountName}{host}` would give `https://local…` (the file lists no
    // scheme); the test server speaks http, so the endpoint option overrides it.
    PagingClient::new(
        "local",
        Some(PagingClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }),
    )
    .unwrap()
}

async fn custom_ids<S>(pager: S) -> azure_core::Result<Vec<i32>>
where
    S: futures::Stream<Item = azure_core::Result<autorest_custom_base_url_paging::models::Product>>,
{
    let items: Vec<_> = pager.try_collect().await?;
    Ok(items
        .into_iter()
        .map(|p: autorest_custom_base_url_paging::models::Product| {
            p.properties.and_then(|p| p.id).unwrap_or(-1)
        })
        .collect())
}

async fn custom_url_partial_next_link(env: Arc<Env>) -> Outcome {
    let pager = custom_client(&env).get_pages_partial_url(None)?;
    assert_eq!(custom_ids(pager).await?, [1, 2]);
    Ok(())
}

async fn custom_url_partial_next_link_operation(env: Arc<Env>) -> Outcome {
    let pager = custom_client(&env).get_pages_partial_url_operation(None)?;
    assert_eq!(custom_ids(pager).await?, [1, 2]);
    Ok(())
}

async fn fragment(env: Arc<Env>) -> Outcome {
    // Each page's `odata.nextLink` is a fragment (`next?page=2`) that the next-page operation
    // `Paging_nextFragment` (from `x-ms-paths`) takes unescaped into its path, its query kept,
    // with this call's tenant and `api_version`: the server answers 400 to anything else.
    let pager = client(&env).get_multiple_pages_fragment_next_link("1.6", "test_user", None)?;
    assert_eq!(ids(pager).await?, (1..=10).collect::<Vec<_>>());
    Ok(())
}

async fn fragment_with_grouping(env: Arc<Env>) -> Outcome {
    // The same with the values the spec groups (`x-ms-parameter-grouping`); the server
    // counts no scenario for it.
    let pager = client(&env).get_multiple_pages_fragment_with_grouping_next_link(
        "1.6",
        "test_user",
        None,
    )?;
    assert_eq!(ids(pager).await?, (1..=10).collect::<Vec<_>>());
    Ok(())
}

async fn item_name_with_client_name(env: Arc<Env>) -> Outcome {
    // The items (`values` on the wire) are the page model's `indexes` field
    // (`x-ms-client-name: Indexes`).
    let mut pages = client(&env)
        .get_paging_model_with_item_name_with_xms_client_name(None)?
        .into_pages();
    let page: ProductResultValueWithXmsClientName =
        pages.try_next().await?.expect("one page").into_model()?;
    let indexes = page.indexes.expect("the items");
    assert_eq!(indexes.len(), 1);
    assert_eq!(indexes[0].properties.as_ref().and_then(|p| p.id), Some(1));
    assert!(pages.try_next().await?.is_none(), "one page only");
    Ok(())
}

async fn long_running_pages(env: Arc<Env>) -> Outcome {
    // A POST that is long-running and pageable: the pager follows `Azure-AsyncOperation`
    // until `Succeeded`, reads the final value from `Location` (the first page of
    // `/paging/multiple`), then follows the next links: ten pages of one product each.
    let pager = client(&env).begin_get_multiple_pages_lro(None)?;
    assert_eq!(ids(pager).await?, (1..=10).collect::<Vec<_>>());
    Ok(())
}
