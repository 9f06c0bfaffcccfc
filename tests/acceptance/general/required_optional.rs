//! `required-optional.json`: required parameters are arguments (a call without one does not
//! compile, so the server's "client failed to throw" routes are never reached), optional ones
//! live in the options and are left out of the request when unset.

use crate::scenarios;
use crate::support::{Env, Outcome, Scenario};
use autorest_required_optional::{models::*, *};
use azure_core::http::StatusCode;
use std::sync::Arc;

pub fn scenarios() -> Vec<Scenario> {
    scenarios![
        optional_query_unset => ["OptionalImplicitQuery"],
        optional_header_unset => ["OptionalImplicitHeader"],
        optional_body_unset => ["OptionalImplicitBody"],
        optional_global_query_unset => ["OptionalGlobalQuery"],
        optional_explicit_unset => ["GeneralOptional"],
        optional_binary_bodies => [
            "ImplicitOptionalBinaryBody",
            "ExplicitOptionalBinaryBody",
            "ExplicitRequiredBinaryBody",
        ],
    ]
}

fn client(env: &Env) -> AutoRestRequiredOptionalTestServiceClient {
    AutoRestRequiredOptionalTestServiceClient::new(Some(
        AutoRestRequiredOptionalTestServiceClientOptions {
            endpoint: Some(env.endpoint()),
            client_options: env.options(),
            ..Default::default()
        },
    ))
    .unwrap()
}

async fn optional_query_unset(env: Arc<Env>) -> Outcome {
    let r = client(&env).implicit_put_optional_query(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn optional_header_unset(env: Arc<Env>) -> Outcome {
    let r = client(&env).implicit_put_optional_header(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn optional_body_unset(env: Arc<Env>) -> Outcome {
    // No body at all (the server checks the request's body is empty).
    let r = client(&env).implicit_put_optional_body(None).await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn optional_global_query_unset(env: Arc<Env>) -> Outcome {
    let r = client(&env)
        .implicit_get_optional_global_query(None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn optional_explicit_unset(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    // Optional body parameters, properties and headers, each left unset.
    assert_eq!(
        c.explicit_post_optional_integer_parameter(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    assert_eq!(
        c.explicit_post_optional_integer_header(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    assert_eq!(
        c.explicit_post_optional_string_parameter(None)
            .await?
            .status(),
        StatusCode::Ok
    );
    // An optional array header left unset is not sent (the server checks it is absent).
    assert_eq!(
        c.explicit_post_optional_array_header(None).await?.status(),
        StatusCode::Ok
    );
    let wrapper = IntOptionalWrapper::default();
    let r = c
        .explicit_post_optional_integer_property(Some(
            AutoRestRequiredOptionalTestServiceClientExplicitPostOptionalIntegerPropertyOptions {
                body_parameter: Some(wrapper.try_into()?),
                ..Default::default()
            },
        ))
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}

async fn optional_binary_bodies(env: Arc<Env>) -> Outcome {
    let c = client(&env);
    c.implicit_put_optional_binary_body(None).await?;
    c.explicit_put_optional_binary_body(None).await?;
    let bytes = azure_core::Bytes::from_static(&[1, 2, 3]);
    let r = c
        .explicit_put_required_binary_body(bytes.into(), None)
        .await?;
    assert_eq!(r.status(), StatusCode::Ok);
    Ok(())
}
