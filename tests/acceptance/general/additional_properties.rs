//! `additionalProperties.json`: undeclared properties next to declared ones (`true`, typed
//! `object` and `string`, inherited), and a declared property named `additionalProperties`.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_additional_properties::{models::*, *};
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        additional_true => ["additionalPropertiesTrue"],
        additional_true_subclass => ["additionalPropertiesSubclass"],
        additional_object => ["additionalPropertiesTypeObject"],
        additional_string => ["additionalPropertiesTypeString"],
        additional_in_properties => ["additionalPropertiesInProperties"],
        additional_in_properties_and_string => ["additionalPropertiesInPropertiesWithAPTypeString"],
    ]
}

fn client(env: &Env) -> PetsClient {
    PetsClient::new(Some(PetsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

fn extra(pairs: serde_json::Value) -> HashMap<String, serde_json::Value> {
    serde_json::from_value(pairs).unwrap()
}

async fn additional_true(env: Arc<Env>) -> Outcome {
    let body = PetApTrue {
        id: Some(1),
        name: Some("Puppy".into()),
        additional_properties: extra(json!({
            "birthdate": "2017-12-13T02:29:51Z",
            "complexProperty": {"color": "Red"},
        })),
        ..Default::default()
    };
    let pet = client(&env)
        .create_ap_true(body.try_into()?, None)
        .await?
        .into_model()?;
    // The read-only `status` comes back as a field, not as an extra property.
    assert_eq!(pet.status, Some(true));
    assert_eq!(pet.id, Some(1));
    assert_eq!(
        pet.additional_properties["complexProperty"],
        json!({"color": "Red"})
    );
    assert_eq!(pet.additional_properties.len(), 2);
    Ok(())
}

async fn additional_true_subclass(env: Arc<Env>) -> Outcome {
    let body = CatApTrue {
        id: Some(1),
        name: Some("Lisa".into()),
        friendly: Some(true),
        additional_properties: extra(json!({
            "birthdate": "2017-12-13T02:29:51Z",
            "complexProperty": {"color": "Red"},
        })),
        ..Default::default()
    };
    let cat = client(&env)
        .create_cat_ap_true(body.try_into()?, None)
        .await?
        .into_model()?;
    assert_eq!((cat.friendly, cat.status), (Some(true), Some(true)));
    assert_eq!(
        cat.additional_properties["birthdate"],
        json!("2017-12-13T02:29:51Z")
    );
    Ok(())
}

async fn additional_object(env: Arc<Env>) -> Outcome {
    let body = PetApObject {
        id: Some(2),
        name: Some("Hira".into()),
        additional_properties: extra(json!({
            "siblings": [{
                "id": 1,
                "name": "Puppy",
                "birthdate": "2017-12-13T02:29:51Z",
                "complexProperty": {"color": "Red"},
            }],
            "picture": "//////4=",
        })),
        ..Default::default()
    };
    let pet = client(&env)
        .create_ap_object(body.try_into()?, None)
        .await?
        .into_model()?;
    assert_eq!(pet.status, Some(true));
    assert_eq!(pet.additional_properties["picture"], json!("//////4="));
    Ok(())
}

async fn additional_string(env: Arc<Env>) -> Outcome {
    let body = PetApString {
        id: Some(3),
        name: Some("Tommy".into()),
        additional_properties: [("color", "red"), ("weight", "10 kg"), ("city", "Bombay")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Default::default()
    };
    let pet = client(&env)
        .create_ap_string(body.try_into()?, None)
        .await?
        .into_model()?;
    assert_eq!(pet.status, Some(true));
    assert_eq!(pet.additional_properties["weight"], "10 kg");
    assert_eq!(pet.additional_properties.len(), 3);
    Ok(())
}

fn sizes() -> HashMap<String, f64> {
    [("height", 5.61), ("weight", 599.0), ("footsize", 11.5)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

async fn additional_in_properties(env: Arc<Env>) -> Outcome {
    // A declared property called `additionalProperties` is a field like any other.
    let body = PetApInProperties {
        id: Some(4),
        name: Some("Bunny".into()),
        additional_properties: Some(sizes()),
        ..Default::default()
    };
    let pet = client(&env)
        .create_ap_in_properties(body.try_into()?, None)
        .await?
        .into_model()?;
    assert_eq!(pet.additional_properties, Some(sizes()));
    Ok(())
}

async fn additional_in_properties_and_string(env: Arc<Env>) -> Outcome {
    // Both: the declared `additionalProperties` field, and the undeclared string properties
    // in the map, whose field takes the next free name.
    let body = PetApInPropertiesWithApString {
        id: Some(5),
        name: Some("Funny".into()),
        odata_location: Some("westus".into()),
        additional_properties: Some(sizes()),
        additional_properties_2: [
            ("color", "red"),
            ("city", "Seattle"),
            ("food", "tikka masala"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
        ..Default::default()
    };
    let pet = client(&env)
        .create_ap_in_properties_with_ap_string(body.try_into()?, None)
        .await?
        .into_model()?;
    assert_eq!(pet.odata_location.as_deref(), Some("westus"));
    assert_eq!(pet.additional_properties, Some(sizes()));
    assert_eq!(pet.additional_properties_2["food"], "tikka masala");
    Ok(())
}
