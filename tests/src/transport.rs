//! An `azure_core` transport whose `reqwest` client trusts only the test CA.

use crate::pki::test_pki;
use azure_core::http::{ClientOptions, RetryOptions, Transport};
use std::{sync::Arc, time::Duration};

/// Connect timeout of the harness `reqwest` client.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Whole-request timeout of the harness `reqwest` client.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// A `reqwest` client that trusts only the test CA (no system or built-in
/// roots), ignores proxy environment variables, does not follow redirects and
/// times out instead of hanging.
pub fn https_client() -> reqwest::Client {
    let ca = reqwest::Certificate::from_der(&test_pki().ca_cert_der)
        .expect("load the wire-test CA into reqwest");
    reqwest::Client::builder()
        .tls_certs_only([ca])
        .no_proxy()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("build the wire-test reqwest client")
}

/// An `azure_core` [`Transport`] over [`https_client()`].
pub fn transport() -> Transport {
    Transport::new(Arc::new(https_client()))
}

/// [`ClientOptions`] using [`transport()`] with retries disabled.
///
/// `azure_core`'s default retry policy keeps retrying a refused connection or
/// a failed TLS handshake for about a minute, which looks like a hung test.
pub fn client_options() -> ClientOptions {
    ClientOptions {
        transport: Some(transport()),
        retry: RetryOptions::none(),
        ..Default::default()
    }
}
