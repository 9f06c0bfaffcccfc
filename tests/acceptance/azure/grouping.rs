//! `azure-parameter-grouping.json`: parameters grouped by `x-ms-parameter-grouping`.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_azure_parameter_grouping::{models::*, *};
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        post_required => ["postParameterGroupingRequiredParameters"],
        post_optional => ["postParameterGroupingOptionalParameters"],
        post_reserved_words => ["PostParameterGroupingWithReservedWords"],
        post_multiple_groups => ["postParameterGroupingMultipleParameterGroups"],
        post_shared_group => ["postParameterGroupingSharedParameterGroupObject"],
        put_group_with_constant => ["PutParameterGroupingConstant"],
    ]
}

fn client(env: &Env) -> AutoRestParameterGroupingTestServiceClient {
    AutoRestParameterGroupingTestServiceClient::new(Some(
        AutoRestParameterGroupingTestServiceClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

async fn post_required(env: Arc<Env>) -> Outcome {
    let r = client(&env)
        .parameter_grouping_post_required(
            "path",
            1234.try_into()?,
            Some(
                AutoRestParameterGroupingTestServiceClientParameterGroupingPostRequiredOptions {
                    custom_header: Some("header".into()),
                    query: Some(21),
                    ..Default::default()
                },
            ),
        )
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn post_optional(env: Arc<Env>) -> Outcome {
    let r = client(&env)
        .parameter_grouping_post_optional(Some(
            AutoRestParameterGroupingTestServiceClientParameterGroupingPostOptionalOptions {
                custom_header: Some("header".into()),
                query: Some(21),
                ..Default::default()
            },
        ))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn post_reserved_words(env: Arc<Env>) -> Outcome {
    let r = client(&env)
        .parameter_grouping_post_reserved_words(Some(
            AutoRestParameterGroupingTestServiceClientParameterGroupingPostReservedWordsOptions {
                from: Some("bob".into()),
                accept: Some("yes".into()),
                ..Default::default()
            },
        ))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn post_multiple_groups(env: Arc<Env>) -> Outcome {
    let r = client(&env)
        .parameter_grouping_post_multi_param_groups(Some(
            AutoRestParameterGroupingTestServiceClientParameterGroupingPostMultiParamGroupsOptions {
                header_one: Some("header".into()),
                query_one: Some(21),
                header_two: Some("header2".into()),
                query_two: Some(42),
                ..Default::default()
            },
        ))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn post_shared_group(env: Arc<Env>) -> Outcome {
    let r = client(&env)
        .parameter_grouping_post_shared_parameter_group_object(Some(
            AutoRestParameterGroupingTestServiceClientParameterGroupingPostSharedParameterGroupObjectOptions {
                header_one: Some("header".into()),
                query_one: Some(21),
                ..Default::default()
            },
        ))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn put_group_with_constant(env: Arc<Env>) -> Outcome {
    let client =
        FileAndDirectoryOperationsClient::new(Some(FileAndDirectoryOperationsClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        }))?;
    let r = client
        .parameter_grouping_group_with_constant(Some(
            FileAndDirectoryOperationsClientParameterGroupingGroupWithConstantOptions {
                grouped_constant: Some(EncryptionAlgorithmType::Foo),
                grouped_parameter: Some("bar".into()),
                ..Default::default()
            },
        ))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}
