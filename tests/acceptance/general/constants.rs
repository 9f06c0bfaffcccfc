//! `constants.json` and `validation.json`: constants (required parameters and properties with
//! one allowed value) are never asked of the caller and always sent; service constraints
//! (`pattern`, `maximum`, `maxItems`...) are documented, not enforced.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        constants_of_the_client => ["ConstantClientProperties"],
        constant_in_path => ["ConstantsInPath"],
        constants_in_body => ["ConstantsInBody"],
    ]
}

async fn constants_of_the_client(env: Arc<Env>) -> Outcome {
    use autorest_constants::*;
    // The path, query and header constants are neither arguments nor options.
    let client = AutoRestSwaggerConstantServiceClient::new(Some(
        AutoRestSwaggerConstantServiceClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))?;
    let r = client.contants_put_client_constants(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

fn validation(env: &Env) -> autorest_validation::AutoRestValidationTestClient {
    autorest_validation::AutoRestValidationTestClient::new(Some(
        autorest_validation::AutoRestValidationTestClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

async fn constant_in_path(env: Arc<Env>) -> Outcome {
    let r = validation(&env).get_with_constant_in_path(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn constants_in_body(env: Arc<Env>) -> Outcome {
    use autorest_validation::models::*;
    // Only what is not constant is given: `constString`, `constInt`, `child.constProperty`
    // and the all-constant `constChild` are filled in by the model.
    let body = Product {
        child: Some(ChildProduct {
            count: Some(1),
            ..Default::default()
        }),
        ..Default::default()
    };
    let echo = validation(&env)
        .post_with_constant_in_body(Some(
            AutoRestValidationTestClientPostWithConstantInBodyOptions {
                body: Some(body.try_into()?),
                ..Default::default()
            },
        ))
        .await?
        .into_model()?;
    let child = echo.const_child.unwrap();
    assert_eq!(
        child.const_property2.as_ref().map(|c| c.as_str()),
        Some("constant2")
    );
    assert_eq!(echo.child.unwrap().count, Some(1));
    Ok(())
}
