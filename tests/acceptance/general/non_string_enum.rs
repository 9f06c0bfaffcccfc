//! `non-string-enum.json` and `client-enum.json`: enumerations of integers and of numbers
//! (sent and read as JSON numbers), and a client-level enum parameter with one value (a
//! constant the client always sends).

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_non_string_enum::{models::*, *};
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        int_enum => ["NonStringEnumsGetInt", "NonStringEnumsPostInt"],
        float_enum => ["NonStringEnumsGetFloat", "NonStringEnumsPostFloat"],
        client_enum_constant => ["ClientWithEnumParam"],
    ]
}

fn client(env: &Env) -> NonStringEnumsClient {
    NonStringEnumsClient::new(Some(NonStringEnumsClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))
    .unwrap()
}

async fn int_enum(env: Arc<Env>) -> Outcome {
    let c = client(&env).int_client();
    assert_eq!(c.get(None).await?.into_model()?, IntEnum::V429);
    let answer = c
        .put(Some(IntClientPutOptions {
            input: Some(IntEnum::V200.try_into()?),
            ..Default::default()
        }))
        .await?
        .into_model()?;
    assert_eq!(answer, "Nice job posting an int enum");
    Ok(())
}

async fn float_enum(env: Arc<Env>) -> Outcome {
    let c = client(&env).float_client();
    assert_eq!(c.get(None).await?.into_model()?, FloatEnum::V429Point1);
    let answer = c
        .put(Some(FloatClientPutOptions {
            input: Some(FloatEnum::V200Point4.try_into()?),
            ..Default::default()
        }))
        .await?
        .into_model()?;
    assert_eq!(answer, "Nice job posting a float enum");
    Ok(())
}

async fn client_enum_constant(env: Arc<Env>) -> Outcome {
    use autorest_client_enum::*;
    let client = ClientWithEnumClient::new(Some(ClientWithEnumClientOptions {
        endpoint: Some(env.endpoint()),
        client_options: env.options(),
        ..Default::default()
    }))?;
    let r = client.head(None).await?;
    assert_eq!(r.status(), azure_core::http::StatusCode::Ok);
    Ok(())
}
