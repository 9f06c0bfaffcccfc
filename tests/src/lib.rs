//! HTTPS loopback wire-test harness for the generated Azure clients.
//!
//! The harness lets a test drive a generated client against a real HTTPS
//! server bound to `127.0.0.1` and inspect the request *exactly* as it went
//! over the wire:
//!
//! * [`pki`]: a throw-away test CA and a leaf certificate for `127.0.0.1`
//!   and `localhost`, generated at run time with `rcgen`.
//! * [`server::WireServer`]: a hand-rolled HTTP/1.1-over-TLS server that
//!   records every request (method, raw request target, headers in order,
//!   body) and answers from a test-provided handler.
//! * [`transport()`] / [`client_options()`]: an `azure_core` transport
//!   whose `reqwest` client trusts only the test CA, and client options with
//!   retries disabled.
//! * [`credential::RecordingCredential`]: a fixed-token `TokenCredential`
//!   that records the scopes it was asked for.
//! * [`recording_client::RecordingHttpClient`]: an in-process `HttpClient`
//!   for tests whose endpoint is a real Azure host; it never touches the
//!   network.

// Harness setup failures (PKI generation, binding a loopback port, building the
// reqwest client) are test-infrastructure bugs: failing the test loudly is intended.
#![allow(clippy::expect_used, clippy::panic)]

pub mod credential;
pub mod pki;
pub mod recording_client;
pub mod response;
pub mod server;
pub mod testserver;
pub mod transport;

pub use credential::{RecordingCredential, TEST_TOKEN};
pub use pki::{test_pki, TestPki};
pub use recording_client::{CapturedRequest, RecordingHttpClient};
pub use response::{Fault, ScriptedResponse};
pub use server::{RecordedRequest, WireServer};
pub use transport::{client_options, https_client, transport};

/// The one-segment encoding the generated clients promise for path values: every byte but
/// ASCII letters, digits and `-._~` as `%XX` (uppercase hex). Tests build expected paths with it.
pub fn percent_encode_segment(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
