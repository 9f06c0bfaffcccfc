//! `xms-error-responses.json`: `x-ms-error-response` answers with their own models per status,
//! next to a success status without a body.

use crate::support::{Env, Outcome, Scenario};
use autorest_xms_error_responses::models::*;
use autorest_xms_error_responses::*;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    crate::scenarios![
        pet_found => ["expectedNoErrors"],
        pet_errors_per_status => [
            "animalNotFoundError", "linkNotFoundError", "stringError", "intError",
        ],
        pet_action_errors => ["expectedNoErrors", "expectedPetSadError", "expectedPetHungryError"],
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

async fn pet_found(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    match c.get_pet_by_id("tommy", None).await? {
        PetClientGetPetByIdResponse::Ok(r) => {
            let pet = r.into_model()?;
            assert_eq!(pet.name.as_deref(), Some("Tommy Tomson"));
            assert_eq!(pet.ani_type.as_deref(), Some("Dog"));
        }
        other => panic!("expected 200, got {other:?}"),
    }
    // 202 is declared without a body: a success of its own.
    let answer = c.get_pet_by_id("django", None).await?;
    assert!(matches!(answer, PetClientGetPetByIdResponse::Accepted(_)));
    assert_eq!(u16::from(answer.status()), 202);
    Ok(())
}

async fn pet_errors_per_status(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let error = |id: &'static str| {
        let c = &c;
        async move {
            let e = c.get_pet_by_id(id, None).await.unwrap_err();
            PetClientGetPetByIdError::try_from(e)
        }
    };
    // A 404 marked `x-ms-error-response` is an error with its model, not a "not found" answer;
    // the model is discriminated (`whatNotFound`), so it decodes as the kind the body names.
    match error("coyoteUgly").await? {
        PetClientGetPetByIdError::NotFound(NotFoundErrorBaseUnion::AnimalNotFound(e)) => {
            assert_eq!(
                e.reason.as_deref(),
                Some("the type of animal requested is not available")
            );
            assert_eq!(e.some_base_prop.as_deref(), Some("problem finding animal"));
        }
        other => panic!("expected the 404 model, got {other:?}"),
    }
    match error("weirdAlYankovic").await? {
        PetClientGetPetByIdError::NotFound(NotFoundErrorBaseUnion::LinkNotFound(e)) => {
            assert_eq!(e.reason.as_deref(), Some("link to pet not found"));
        }
        other => panic!("expected the 404 model, got {other:?}"),
    }
    // The 400's model is a string, the 501's an integer.
    match error("ringo").await? {
        PetClientGetPetByIdError::BadRequest(text) => assert_eq!(text, "ringo is missing"),
        other => panic!("expected the 400 string, got {other:?}"),
    }
    match error("alien123").await? {
        PetClientGetPetByIdError::NotImplemented(code) => assert_eq!(code, 123),
        other => panic!("expected the 501 integer, got {other:?}"),
    }
    // A status the spec does not name (402, text body) stays the plain error.
    let e = c.get_pet_by_id("other", None).await.unwrap_err();
    assert_eq!(e.http_status().map(u16::from), Some(402));
    let e = PetClientGetPetByIdError::try_from(e).unwrap_err();
    let raw = ServiceError::<serde_json::Value>::try_from(e)?;
    assert_eq!(&raw.raw_body[..], b"That's all folks!!");
    Ok(())
}

async fn pet_action_errors(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    let done = c.do_something("stay", None).await?.into_model()?;
    assert_eq!(done.action_response, None);
    // The 500 (`x-ms-error-response`) and `default` share one model.
    // Both are kinds of the discriminated `PetActionError` (`errorType`).
    let sad = PetActionErrorUnion::try_from(c.do_something("jump", None).await.unwrap_err())?;
    let PetActionErrorUnion::PetSadError(sad) = sad else {
        panic!("expected a sad pet: {sad:?}");
    };
    assert_eq!(sad.error_message.as_deref(), Some("casper aint happy"));
    assert_eq!(sad.action_response.as_deref(), Some("grrrr"));
    let e = c.do_something("fetch", None).await.unwrap_err();
    assert_eq!(e.http_status().map(u16::from), Some(404));
    let hungry = PetActionErrorUnion::try_from(e)?;
    let PetActionErrorUnion::PetHungryOrThirstyError(hungry) = hungry else {
        panic!("expected a hungry pet: {hungry:?}");
    };
    assert_eq!(hungry.error_message.as_deref(), Some("scooby is low"));
    Ok(())
}
