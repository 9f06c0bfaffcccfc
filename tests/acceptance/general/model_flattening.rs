//! `model-flattening.json`: resources whose `properties` are marked `x-ms-client-flatten`
//! (kept as a nested model: the wire is the same), in arrays, dictionaries and collections,
//! and a product whose capacity is a constant.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_model_flattening::{models::*, *};
use azure_core::http::RequestContent;
use std::collections::HashMap;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        flatten_array => ["getModelFlattenArray", "putModelFlattenArray"],
        flatten_dictionary => ["getModelFlattenDictionary", "putModelFlattenDictionary"],
        flatten_resource_collection => [
            "getModelFlattenResourceCollection",
            "putModelFlattenResourceCollection",
        ],
        flatten_simple_product => [
            "putModelFlattenCustomBase",
            "postModelFlattenCustomParameter",
            "putModelFlattenCustomGroupedParameter",
        ],
    ]
}

fn client(env: &Env) -> AutoRestResourceFlatteningTestServiceClient {
    AutoRestResourceFlatteningTestServiceClient::new(Some(
        AutoRestResourceFlatteningTestServiceClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

fn json<T: serde::Serialize>(value: &T) -> azure_core::Result<RequestContent<T>> {
    Ok(azure_core::json::to_json(value)?.into())
}

fn tags() -> HashMap<String, String> {
    [("tag1", "value1"), ("tag2", "value3")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// `Resource1` as the server sends it.
fn assert_first(p: &FlattenedProduct) {
    assert_eq!(p.id.as_deref(), Some("1"));
    assert_eq!(p.type_.as_deref(), Some("Microsoft.Web/sites"));
    assert_eq!(p.tags, Some(tags()));
    let properties = p.properties.as_ref().unwrap();
    assert_eq!(properties.p_name.as_deref(), Some("Product1"));
    assert_eq!(
        properties.provisioning_state_values,
        Some(FlattenedProductPropertiesProvisioningStateValues::Ok)
    );
}

fn product(location: &str, tags: Option<HashMap<String, String>>, name: &str) -> FlattenedProduct {
    FlattenedProduct {
        location: Some(location.into()),
        tags,
        properties: Some(FlattenedProductProperties {
            p_name: Some(name.into()),
            type_: Some("Flat".into()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

async fn flatten_array(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let products = c.get_array(None).await?.into_model()?;
    assert_eq!(products.len(), 3);
    assert_first(&products[0]);
    assert_eq!(products[2].name.as_deref(), Some("Resource3"));
    let body = vec![
        Resource {
            location: Some("West US".into()),
            tags: Some(tags()),
            ..Default::default()
        },
        Resource {
            location: Some("Building 44".into()),
            ..Default::default()
        },
    ];
    c.put_array(Some(
        AutoRestResourceFlatteningTestServiceClientPutArrayOptions {
            resource_array: Some(json(&body)?),
            ..Default::default()
        },
    ))
    .await?;
    Ok(())
}

fn dictionary() -> HashMap<String, FlattenedProduct> {
    [
        (
            "Resource1".to_string(),
            product("West US", Some(tags()), "Product1"),
        ),
        (
            "Resource2".to_string(),
            product("Building 44", None, "Product2"),
        ),
    ]
    .into_iter()
    .collect()
}

async fn flatten_dictionary(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let products = c.get_dictionary(None).await?.into_model()?;
    assert_eq!(products.len(), 3);
    assert_first(&products["Product1"]);
    c.put_dictionary(Some(
        AutoRestResourceFlatteningTestServiceClientPutDictionaryOptions {
            resource_dictionary: Some(json(&dictionary())?),
            ..Default::default()
        },
    ))
    .await?;
    Ok(())
}

async fn flatten_resource_collection(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let collection = c.get_resource_collection(None).await?.into_model()?;
    assert_first(&collection.dictionaryofresources.as_ref().unwrap()["Product1"]);
    assert_eq!(collection.arrayofresources.as_ref().map(Vec::len), Some(3));
    assert_eq!(
        collection
            .productresource
            .as_ref()
            .and_then(|p| p.name.as_deref()),
        Some("Resource7")
    );
    let body = ResourceCollection {
        arrayofresources: Some(vec![
            product("West US", Some(tags()), "Product1"),
            product("East US", None, "Product2"),
        ]),
        dictionaryofresources: Some(dictionary()),
        productresource: Some(product("India", None, "Azure")),
    };
    c.put_resource_collection(Some(
        AutoRestResourceFlatteningTestServiceClientPutResourceCollectionOptions {
            resource_complex_object: Some(body.try_into()?),
            ..Default::default()
        },
    ))
    .await?;
    Ok(())
}

fn simple(generic: Option<&str>) -> SimpleProduct {
    SimpleProduct {
        product_id: Some("123".into()),
        description: Some("product description".into()),
        details: Some(SimpleProductProperties {
            max_product_display_name: Some("max name".into()),
            // `max_product_capacity` is a constant (`Large`): sent without being set.
            max_product_image: Some(ProductUrl {
                odata_value: Some("http://foo".into()),
                generic_value: generic.map(str::to_string),
            }),
            ..Default::default()
        }),
    }
}

async fn flatten_simple_product(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let answer = c
        .put_simple_product(Some(
            AutoRestResourceFlatteningTestServiceClientPutSimpleProductOptions {
                simple_body_product: Some(simple(Some("https://generic")).try_into()?),
                ..Default::default()
            },
        ))
        .await?
        .into_model()?;
    let details = answer.details.unwrap();
    assert_eq!(
        details.capacity,
        Some(SimpleProductPropertiesMaxProductCapacity::Large)
    );
    let answer = c
        .post_flattened_simple_product(Some(
            AutoRestResourceFlatteningTestServiceClientPostFlattenedSimpleProductOptions {
                simple_body_product: Some(simple(None).try_into()?),
                ..Default::default()
            },
        ))
        .await?
        .into_model()?;
    assert_eq!(answer.product_id.as_deref(), Some("123"));
    let answer = c
        .put_simple_product_with_grouping(
            "groupproduct",
            Some(
                AutoRestResourceFlatteningTestServiceClientPutSimpleProductWithGroupingOptions {
                    simple_body_product: Some(simple(None).try_into()?),
                    ..Default::default()
                },
            ),
        )
        .await?
        .into_model()?;
    assert_eq!(
        answer.details.and_then(|d| d.max_product_display_name),
        Some("max name".into())
    );
    Ok(())
}
