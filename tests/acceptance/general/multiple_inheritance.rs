//! `multiple-inheritance.json`: models deriving from several bases (`allOf` with two
//! `$ref`s), each with every base's properties.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_multiple_inheritance::{models::*, *};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        inheritance_pet => ["MultipleInheritancePetGet", "MultipleInheritancePetPut"],
        inheritance_horse => ["MultipleInheritanceHorseGet", "MultipleInheritanceHorsePut"],
        inheritance_feline => ["MultipleInheritanceFelineGet", "MultipleInheritanceFelinePut"],
        inheritance_cat => ["MultipleInheritanceCatGet", "MultipleInheritanceCatPut"],
        inheritance_kitten => ["MultipleInheritanceKittenGet", "MultipleInheritanceKittenPut"],
    ]
}

fn client(env: &Env) -> MultipleInheritanceServiceClientClient {
    MultipleInheritanceServiceClientClient::new(Some(
        MultipleInheritanceServiceClientClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

async fn inheritance_pet(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let pet = c.get_pet(None).await?.into_model()?;
    assert_eq!(pet.name.as_deref(), Some("Peanut"));
    let body = Pet {
        name: Some("Butter".into()),
    };
    let answer = c.put_pet(body.try_into()?, None).await?.into_model()?;
    assert_eq!(answer, "Pet was correct!");
    Ok(())
}

async fn inheritance_horse(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let horse = c.get_horse(None).await?.into_model()?;
    assert_eq!(horse.name.as_deref(), Some("Fred"));
    assert_eq!(horse.is_a_show_horse, Some(true));
    let body = Horse {
        name: Some("General".into()),
        is_a_show_horse: Some(false),
    };
    let answer = c.put_horse(body.try_into()?, None).await?.into_model()?;
    assert_eq!(answer, "Horse was correct!");
    Ok(())
}

async fn inheritance_feline(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let feline = c.get_feline(None).await?.into_model()?;
    assert_eq!((feline.meows, feline.hisses), (Some(true), Some(true)));
    let body = Feline {
        meows: Some(false),
        hisses: Some(true),
    };
    let answer = c.put_feline(body.try_into()?, None).await?.into_model()?;
    assert_eq!(answer, "Feline was correct!");
    Ok(())
}

async fn inheritance_cat(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let cat = c.get_cat(None).await?.into_model()?;
    assert_eq!(cat.name.as_deref(), Some("Whiskers"));
    assert_eq!(
        (cat.likes_milk, cat.meows, cat.hisses),
        (Some(true), Some(true), Some(true))
    );
    let body = Cat {
        name: Some("Boots".into()),
        likes_milk: Some(false),
        meows: Some(true),
        hisses: Some(false),
    };
    let answer = c.put_cat(body.try_into()?, None).await?.into_model()?;
    assert_eq!(answer, "Cat was correct!");
    Ok(())
}

async fn inheritance_kitten(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let kitten = c.get_kitten(None).await?.into_model()?;
    assert_eq!(kitten.name.as_deref(), Some("Gatito"));
    assert_eq!(kitten.eats_mice_yet, Some(false));
    let body = Kitten {
        name: Some("Kitty".into()),
        likes_milk: Some(false),
        meows: Some(true),
        hisses: Some(false),
        eats_mice_yet: Some(true),
    };
    let answer = c.put_kitten(body.try_into()?, None).await?.into_model()?;
    assert_eq!(answer, "Kitten was correct!");
    Ok(())
}
