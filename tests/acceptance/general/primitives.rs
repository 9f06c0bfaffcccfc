//! Helpers of the modules of the test server's primitive-type files: clients on the test
//! server, JSON request bodies and the expectation that a body fails to decode.

use azure_core::http::{RequestContent, Response};
use serde::Serialize;

/// A client of `$client` (with options `$options`) talking to the test server.
#[macro_export]
macro_rules! client {
    ($client:ident, $options:ident, $env:expr) => {
        $client::new(Some($options {
            endpoint: Some($env.endpoint()),
            client_options: $env.options(),
            ..Default::default()
        }))?
    };
}

/// `value` as a JSON request body.
pub fn json<T: Serialize>(value: &T) -> RequestContent<T> {
    RequestContent::from(serde_json::to_vec(value).unwrap())
}

/// Asserts the response arrived (200) and its body does not decode as `T`, returning the
/// error's message.
pub fn undecodable<T, F>(response: Response<T, F>) -> String
where
    T: azure_core::http::DeserializeWith<F>,
    F: azure_core::http::Format,
{
    assert_eq!(response.status(), azure_core::http::StatusCode::Ok);
    match response.into_model() {
        Ok(_) => panic!("the body decoded, but it is not a valid value"),
        Err(e) => {
            assert_eq!(
                *e.kind(),
                azure_core::error::ErrorKind::DataConversion,
                "{e}"
            );
            e.to_string()
        }
    }
}
