//! `body-complex.json`: models of every shape: plain, primitives, arrays, dictionaries,
//! inheritance (`allOf`), discriminated hierarchies (nested, recursive, with extra properties,
//! with a dotted discriminator) and read-only properties.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_body_complex::{models::*, *};
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        basic_valid => ["getComplexBasicValid", "putComplexBasicValid"],
        basic_empty => ["getComplexBasicEmpty"],
        basic_null => ["getComplexBasicNull"],
        basic_not_provided => ["getComplexBasicNotProvided"],
        basic_invalid => ["getComplexBasicInvalid"],
        primitive_int => ["getComplexPrimitiveInteger", "putComplexPrimitiveInteger"],
        primitive_long => ["getComplexPrimitiveLong", "putComplexPrimitiveLong"],
        primitive_float => ["getComplexPrimitiveFloat", "putComplexPrimitiveFloat"],
        primitive_double => ["getComplexPrimitiveDouble", "putComplexPrimitiveDouble"],
        primitive_bool => ["getComplexPrimitiveBool", "putComplexPrimitiveBool"],
        primitive_string => ["getComplexPrimitiveString", "putComplexPrimitiveString"],
        primitive_date => ["getComplexPrimitiveDate", "putComplexPrimitiveDate"],
        primitive_date_time => ["getComplexPrimitiveDateTime", "putComplexPrimitiveDateTime"],
        primitive_date_time_rfc1123 => [
            "getComplexPrimitiveDateTimeRfc1123",
            "putComplexPrimitiveDateTimeRfc1123",
        ],
        primitive_duration => ["getComplexPrimitiveDuration", "putComplexPrimitiveDuration"],
        primitive_byte => ["getComplexPrimitiveByte", "putComplexPrimitiveByte"],
        array_empty => ["getComplexArrayEmpty", "putComplexArrayEmpty"],
        array_not_provided => ["getComplexArrayNotProvided"],
        array_valid_with_null => ["getComplexArrayValid"],
        dictionary_empty => ["getComplexDictionaryEmpty", "putComplexDictionaryEmpty"],
        dictionary_null => ["getComplexDictionaryNull"],
        dictionary_not_provided => ["getComplexDictionaryNotProvided"],
        dictionary_valid_with_null => ["getComplexDictionaryValid"],
        inheritance => ["getComplexInheritanceValid", "putComplexInheritanceValid"],
        polymorphism_valid => ["getComplexPolymorphismValid", "putComplexPolymorphismValid"],
        polymorphism_complicated => [
            "getComplexPolymorphismComplicated",
            "putComplexPolymorphismComplicated",
        ],
        polymorphism_missing_discriminator => ["putComplexPolymorphismNoDiscriminator"],
        polymorphism_dot_syntax => ["getComplexPolymorphismDotSyntax"],
        polymorphism_composed => [
            "getComposedWithDiscriminator",
            "getComposedWithoutDiscriminator",
        ],
        polymorphic_recursive => [
            "getComplexPolymorphicRecursiveValid",
            "putComplexPolymorphicRecursiveValid",
        ],
        read_only => ["getComplexReadOnlyPropertyValid", "putComplexReadOnlyPropertyValid"],
    ]
}

fn client(env: &Env) -> AutoRestComplexTestServiceClient {
    AutoRestComplexTestServiceClient::new(Some(AutoRestComplexTestServiceClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn basic_valid(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let basic = c.basic_get_valid(None).await?.into_model()?;
    assert_eq!(basic.id, Some(2));
    assert_eq!(basic.name.as_deref(), Some("abc"));
    assert_eq!(basic.color, Some(CmykColors::Yellow));
    let body = Basic {
        id: Some(2),
        name: Some("abc".into()),
        color: Some(CmykColors::Magenta),
    };
    let r = c.basic_put_valid(body.try_into()?, None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn basic_empty(env: Arc<Env>) -> Outcome {
    let basic = client(&env).basic_get_empty(None).await?.into_model()?;
    assert_eq!((basic.id, basic.name, basic.color), (None, None, None));
    Ok(())
}

async fn basic_null(env: Arc<Env>) -> Outcome {
    let basic = client(&env).basic_get_null(None).await?.into_model()?;
    assert_eq!((basic.id, basic.name), (None, None));
    Ok(())
}

async fn basic_not_provided(env: Arc<Env>) -> Outcome {
    // A 200 without a body: the status is the answer; decoding nothing is an error.
    let r = client(&env).basic_get_not_provided(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    assert!(r.into_model().is_err());
    Ok(())
}

async fn basic_invalid(env: Arc<Env>) -> Outcome {
    // `"id": "a"` is no integer: decoding fails with an error, not a panic.
    let r = client(&env).basic_get_invalid(None).await?;
    assert!(r.into_model().is_err());
    Ok(())
}

async fn primitive_int(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.primitive_get_int(None).await?.into_model()?;
    assert_eq!((v.field1, v.field2), (Some(-1), Some(2)));
    c.primitive_put_int(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_long(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.primitive_get_long(None).await?.into_model()?;
    assert_eq!(
        (v.field1, v.field2),
        (Some(1_099_511_627_775), Some(-999_511_627_788))
    );
    c.primitive_put_long(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_float(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.primitive_get_float(None).await?.into_model()?;
    assert_eq!((v.field1, v.field2), (Some(1.05), Some(-0.003)));
    c.primitive_put_float(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_double(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.primitive_get_double(None).await?.into_model()?;
    assert_eq!(v.field1, Some(3e-100));
    assert_eq!(
        v.field_56_zeros_after_the_dot_and_negative_zero_before_dot_and_th,
        Some(-5e-57)
    );
    c.primitive_put_double(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_bool(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.primitive_get_bool(None).await?.into_model()?;
    assert_eq!((v.field_true, v.field_false), (Some(true), Some(false)));
    c.primitive_put_bool(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_string(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.primitive_get_string(None).await?.into_model()?;
    assert_eq!(v.field.as_deref(), Some("goodrequest"));
    assert_eq!(v.empty.as_deref(), Some(""));
    assert_eq!(v.null, None);
    c.primitive_put_string(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_date(env: Arc<Env>) -> Outcome {
    use time::{Date, Month};
    let c = client(&env);
    let v = c.primitive_get_date(None).await?.into_model()?;
    assert_eq!(
        v.field,
        Some(Date::from_calendar_date(1, Month::January, 1).unwrap())
    );
    assert_eq!(
        v.leap,
        Some(Date::from_calendar_date(2016, Month::February, 29).unwrap())
    );
    c.primitive_put_date(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_date_time(env: Arc<Env>) -> Outcome {
    use time::macros::datetime;
    let c = client(&env);
    let v = c.primitive_get_date_time(None).await?.into_model()?;
    assert_eq!(v.field, Some(datetime!(0001-01-01 00:00:00 UTC)));
    assert_eq!(v.now, Some(datetime!(2015-05-18 18:38:00 UTC)));
    c.primitive_put_date_time(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_date_time_rfc1123(env: Arc<Env>) -> Outcome {
    use time::macros::datetime;
    let c = client(&env);
    let v = c
        .primitive_get_date_time_rfc1123(None)
        .await?
        .into_model()?;
    assert_eq!(v.field, Some(datetime!(0001-01-01 00:00:00 UTC)));
    assert_eq!(v.now, Some(datetime!(2015-05-18 11:38:00 UTC)));
    c.primitive_put_date_time_rfc1123(v.try_into()?, None)
        .await?;
    Ok(())
}

async fn primitive_duration(env: Arc<Env>) -> Outcome {
    use azure_core::time::Duration;
    let c = client(&env);
    let v = c.primitive_get_duration(None).await?.into_model()?;
    let expected = Duration::days(123)
        + Duration::hours(22)
        + Duration::minutes(14)
        + Duration::milliseconds(12_011);
    assert_eq!(v.field, Some(expected));
    c.primitive_put_duration(v.try_into()?, None).await?;
    Ok(())
}

async fn primitive_byte(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.primitive_get_byte(None).await?.into_model()?;
    assert_eq!(
        v.field.as_deref(),
        Some(&[255, 254, 253, 252, 0, 250, 249, 248, 247, 246][..])
    );
    c.primitive_put_byte(v.try_into()?, None).await?;
    Ok(())
}

async fn array_empty(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.array_get_empty(None).await?.into_model()?;
    assert_eq!(v.array, Some(Vec::new()));
    c.array_put_empty(v.try_into()?, None).await?;
    Ok(())
}

async fn array_not_provided(env: Arc<Env>) -> Outcome {
    let v = client(&env)
        .array_get_not_provided(None)
        .await?
        .into_model()?;
    assert_eq!(v.array, None);
    Ok(())
}

async fn dictionary_empty(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let v = c.dictionary_get_empty(None).await?.into_model()?;
    assert_eq!(v.default_program, Some(Default::default()));
    c.dictionary_put_empty(v.try_into()?, None).await?;
    Ok(())
}

/// The `Valid` answers hold a `null` item where the document declares a plain (not
/// `x-nullable`) string: the body is not the model, and decoding says so.
async fn array_valid_with_null(env: Arc<Env>) -> Outcome {
    let error = super::primitives::undecodable(client(&env).array_get_valid(None).await?);
    assert!(error.contains("null"), "{error}");
    Ok(())
}

async fn dictionary_valid_with_null(env: Arc<Env>) -> Outcome {
    let error = super::primitives::undecodable(client(&env).dictionary_get_valid(None).await?);
    assert!(error.contains("null"), "{error}");
    Ok(())
}

async fn dictionary_null(env: Arc<Env>) -> Outcome {
    let v = client(&env).dictionary_get_null(None).await?.into_model()?;
    assert_eq!(v.default_program, None);
    Ok(())
}

async fn dictionary_not_provided(env: Arc<Env>) -> Outcome {
    let v = client(&env)
        .dictionary_get_not_provided(None)
        .await?
        .into_model()?;
    assert_eq!(v.default_program, None);
    Ok(())
}

async fn inheritance(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let siamese = c.inheritance_get_valid(None).await?.into_model()?;
    assert_eq!(siamese.breed.as_deref(), Some("persian"));
    assert_eq!(siamese.id, Some(2));
    let hates = siamese.hates.clone().unwrap();
    assert_eq!(hates[1].food.as_deref(), Some("french fries"));
    c.inheritance_put_valid(siamese.try_into()?, None).await?;
    Ok(())
}

/// The siblings the valid and complicated salmons share: a shark, a sawshark and a goblin
/// shark (its `x-ms-discriminator-value` is `goblin`) with a color the enum does not list.
fn assert_siblings(siblings: &[FishUnion]) {
    let [FishUnion::Shark(shark), FishUnion::Sawshark(saw), FishUnion::Goblinshark(goblin)] =
        siblings
    else {
        panic!("expected shark, sawshark, goblin: {siblings:?}");
    };
    assert_eq!(shark.age, Some(6));
    assert_eq!(shark.species.as_deref(), Some("predator"));
    assert_eq!(saw.age, Some(105));
    // `//////4=` on the wire.
    assert_eq!(saw.picture.as_deref(), Some(&[255, 255, 255, 255, 254][..]));
    assert_eq!(goblin.jawsize, Some(5));
    assert_eq!(
        goblin.color,
        Some(GoblinSharkColor::UnknownValue("pinkish-gray".into()))
    );
}

async fn polymorphism_valid(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let fish = c.polymorphism_get_valid(None).await?.into_model()?;
    let FishUnion::Salmon(salmon) = &fish else {
        panic!("expected a salmon: {fish:?}");
    };
    assert_eq!(salmon.location.as_deref(), Some("alaska"));
    assert_eq!(salmon.iswild, Some(true));
    assert_eq!(salmon.length, Some(1.0));
    assert_siblings(salmon.siblings.as_deref().unwrap());
    // Sent back as decoded: each kind writes its own discriminator.
    c.polymorphism_put_valid(fish.try_into()?, None).await?;
    Ok(())
}

async fn polymorphism_complicated(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let salmon = c.polymorphism_get_complicated(None).await?.into_model()?;
    let SalmonUnion::SmartSalmon(smart) = &salmon else {
        panic!("expected a smart salmon: {salmon:?}");
    };
    assert_eq!(smart.location.as_deref(), Some("alaska"));
    // Undeclared properties are kept, and the discriminator is not one of them.
    let extra = &smart.additional_properties;
    assert_eq!(extra.len(), 5, "{extra:?}");
    assert_eq!(extra["additionalProperty1"], serde_json::json!(1));
    assert_eq!(
        extra["additionalProperty4"],
        serde_json::json!({"a": 1, "b": 2})
    );
    assert_siblings(smart.siblings.as_deref().unwrap());
    c.polymorphism_put_complicated(salmon.try_into()?, None)
        .await?;
    Ok(())
}

async fn polymorphism_missing_discriminator(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let body = Salmon {
        location: Some("alaska".into()),
        iswild: Some(true),
        species: Some("king".into()),
        length: Some(1.0),
        siblings: Some(vec![
            Shark {
                age: Some(6),
                birthday: Some(azure_core::time::parse_rfc3339("2012-01-05T01:00:00Z")?),
                length: Some(20.0),
                species: Some("predator".into()),
                ..Default::default()
            }
            .into(),
            Sawshark {
                age: Some(105),
                birthday: Some(azure_core::time::parse_rfc3339("1900-01-05T01:00:00Z")?),
                length: Some(10.0),
                picture: Some(vec![255, 255, 255, 255, 254]),
                species: Some("dangerous".into()),
                ..Default::default()
            }
            .into(),
            Goblinshark {
                age: Some(1),
                birthday: Some(azure_core::time::parse_rfc3339("2015-08-08T00:00:00Z")?),
                length: Some(30.0),
                species: Some("scary".into()),
                jawsize: Some(5),
                color: Some("pinkish-gray".into()),
                ..Default::default()
            }
            .into(),
        ]),
    };
    // A `Salmon` built by hand writes `fishtype: salmon`; the answer has no discriminator, so
    // it is read as the declared type.
    let answer = c
        .polymorphism_put_missing_discriminator(SalmonUnion::from(body).try_into()?, None)
        .await?
        .into_model()?;
    let SalmonUnion::Salmon(salmon) = &answer else {
        panic!("expected the declared salmon: {answer:?}");
    };
    assert_eq!(salmon.location.as_deref(), Some("alaska"));
    assert_siblings(salmon.siblings.as_deref().unwrap());
    Ok(())
}

async fn polymorphism_dot_syntax(env: Arc<Env>) -> Outcome {
    let fish = client(&env)
        .polymorphism_get_dot_syntax(None)
        .await?
        .into_model()?;
    let DotFishUnion::DotSalmon(salmon) = &fish else {
        panic!("expected a dot salmon: {fish:?}");
    };
    assert_eq!(salmon.location.as_deref(), Some("sweden"));
    Ok(())
}

async fn polymorphism_composed(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    for market in [
        c.polymorphism_get_composed_with_discriminator(None)
            .await?
            .into_model()?,
        c.polymorphism_get_composed_without_discriminator(None)
            .await?
            .into_model()?,
    ] {
        assert_eq!(
            market
                .sample_salmon
                .as_ref()
                .and_then(|s| s.location.as_deref()),
            Some("sweden")
        );
        assert_eq!(market.salmons.as_ref().map(Vec::len), Some(2));
        let fishes = market.fishes.as_deref().unwrap();
        assert_eq!(fishes.len(), 2);
        // With a discriminator the fish is a dot salmon; without one, the declared base.
        match market.sample_fish.as_ref().unwrap() {
            DotFishUnion::DotSalmon(s) => assert_eq!(s.location.as_deref(), Some("australia")),
            DotFishUnion::DotFish(f) => assert_eq!(f.species.as_deref(), Some("king")),
            other => panic!("unexpected fish {other:?}"),
        }
    }
    Ok(())
}

async fn polymorphic_recursive(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let fish = c.polymorphicrecursive_get_valid(None).await?.into_model()?;
    let FishUnion::Salmon(salmon) = &fish else {
        panic!("expected a salmon: {fish:?}");
    };
    let siblings = salmon.siblings.as_deref().unwrap();
    let FishUnion::Shark(shark) = &siblings[0] else {
        panic!("expected a shark: {siblings:?}");
    };
    let nested = shark.siblings.as_deref().unwrap();
    let FishUnion::Salmon(inner) = &nested[0] else {
        panic!("expected a salmon: {nested:?}");
    };
    assert_eq!(inner.location.as_deref(), Some("atlantic"));
    c.polymorphicrecursive_put_valid(fish.try_into()?, None)
        .await?;
    Ok(())
}

async fn read_only(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let obj = c.readonlyproperty_get_valid(None).await?.into_model()?;
    assert_eq!(obj.id.as_deref(), Some("1234"));
    assert_eq!(obj.size, Some(2));
    // The read-only `id` is left out of the request body.
    c.readonlyproperty_put_valid(obj.try_into()?, None).await?;
    Ok(())
}
