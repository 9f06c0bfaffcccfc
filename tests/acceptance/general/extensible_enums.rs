//! `extensible-enums-swagger.json`: `modelAsString: true` enumerations keep values the spec
//! does not list, and send them back as received.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_extensible_enums_swagger::{models::*, *};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        enum_expected => ["expectedEnum"],
        enum_unexpected => ["unexpectedEnum"],
        enum_allowed_value => ["allowedValueEnum"],
        enum_round_trip => ["roundTripEnum"],
    ]
}

fn client(env: &Env) -> PetClient {
    PetClient::new(Some(PetClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn enum_expected(env: Arc<Env>) -> Outcome {
    let pet = client(&env)
        .get_by_pet_id("tommy", None)
        .await?
        .into_model()?;
    assert_eq!(pet.name.as_deref(), Some("Tommy Tomson"));
    assert_eq!(pet.days_of_week, Some(DaysOfWeekExtensibleEnum::Monday));
    assert_eq!(pet.int_enum, Some(IntEnum::V1));
    Ok(())
}

async fn enum_unexpected(env: Arc<Env>) -> Outcome {
    let pet = client(&env)
        .get_by_pet_id("casper", None)
        .await?
        .into_model()?;
    assert_eq!(
        pet.days_of_week,
        Some(DaysOfWeekExtensibleEnum::UnknownValue("Weekend".into()))
    );
    assert_eq!(pet.int_enum, Some(IntEnum::V2));
    Ok(())
}

async fn enum_allowed_value(env: Arc<Env>) -> Outcome {
    let pet = client(&env)
        .get_by_pet_id("scooby", None)
        .await?
        .into_model()?;
    assert_eq!(pet.days_of_week, Some(DaysOfWeekExtensibleEnum::Thursday));
    // `2.1` is not one of the listed values: kept as sent.
    assert_eq!(pet.int_enum, Some(IntEnum::UnknownValue("2.1".into())));
    Ok(())
}

async fn enum_round_trip(env: Arc<Env>) -> Outcome {
    let body = Pet {
        name: Some("Retriever".into()),
        days_of_week: Some(DaysOfWeekExtensibleEnum::UnknownValue("Weekend".into())),
        int_enum: Some(IntEnum::from("3")),
    };
    let pet = client(&env)
        .add_pet(Some(PetClientAddPetOptions {
            pet_param: Some(body.try_into()?),
            ..Default::default()
        }))
        .await?
        .into_model()?;
    assert_eq!(
        pet.days_of_week,
        Some(DaysOfWeekExtensibleEnum::UnknownValue("Weekend".into()))
    );
    assert_eq!(pet.int_enum, Some(IntEnum::V3));
    Ok(())
}
