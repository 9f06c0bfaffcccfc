//! `body-formdata-urlencoded.json`: `formData` fields sent as an
//! `application/x-www-form-urlencoded` body: enumerations, a number, an optional field, a
//! constant field the client fills in, and a field renamed by `x-ms-client-name`.

use crate::support::{Env, Outcome, Scenario};
use autorest_body_formdata_urlencoded::{models::*, *};
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    // `UpdatePetWithForm` and `UrlEncodedDataWithPartialConstantBody` are counted under
    // `/report/optional`, not `/report`; the server checks each body field by field.
    crate::scenarios![update_pet_with_form => [], partial_constant_body => []]
}

fn pets(env: &Env) -> azure_core::Result<FormsdataurlencodedClient> {
    FormsdataurlencodedClient::new(Some(FormsdataurlencodedClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
}

async fn update_pet_with_form(env: Arc<Env>) -> Outcome {
    let options = FormsdataurlencodedClientFormdataurlencodedUpdatePetWithFormOptions {
        name: Some("Fido".into()),
        ..Default::default()
    };
    let r = pets(&env)?
        .formdataurlencoded_update_pet_with_form(1, PetType::Dog, PetFood::Meat, 42, Some(options))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn partial_constant_body(env: Arc<Env>) -> Outcome {
    // `grant_type` has one allowed value: no argument.
    let client = BodyFormsDataUrlEncodedClient::new(Some(BodyFormsDataUrlEncodedClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))?;
    // `access_token` is named `aad_access_token` in Rust (`x-ms-client-name`).
    let r = client
        .formdataurlencoded_partial_constant_body("bar", "foo", None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}
