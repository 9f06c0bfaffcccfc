//! The scenario runner and what every scenario needs: client options for the test server.

use azure_core::http::{ClientOptions, FixedRetryOptions, RetryOptions, Transport, Url};
use futures::{FutureExt, StreamExt};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use tests::testserver::TestServer;

/// What a scenario returns: `?` on client errors; a failed `assert!` panics.
pub type Outcome = azure_core::Result<()>;

/// A boxed scenario future.
pub type Run = fn(Arc<Env>) -> Pin<Box<dyn Future<Output = Outcome> + Send>>;

/// One scenario: a name, the server counters it must raise (from either report), and the test.
pub struct Scenario {
    pub name: &'static str,
    pub covers: &'static [&'static str],
    pub run: Run,
}

/// Builds the scenario list: `name => [counters]`, each `name` an `async fn(Arc<Env>) -> Outcome`.
#[macro_export]
macro_rules! scenarios {
    ($($path:path => [$($counter:literal),* $(,)?]),* $(,)?) => {
        vec![$($crate::support::Scenario {
            name: stringify!($path),
            covers: &[$($counter),*],
            run: |env| Box::pin($path(env)),
        }),*]
    };
}

/// The server a scenario talks to.
pub struct Env {
    url: String,
}

impl Env {
    pub fn new(server: &TestServer) -> Env {
        Env {
            url: server.url().to_string(),
        }
    }

    /// The server's base URL.
    pub fn endpoint(&self) -> Url {
        Url::parse(&self.url).unwrap()
    }

    /// Client options with retries off (a refused connection would otherwise be retried for a
    /// minute) and a transport of its own that keeps cookies: the server ties the steps of a
    /// scenario together with a cookie, as a browser session would.
    pub fn options(&self) -> ClientOptions {
        ClientOptions {
            retry: RetryOptions::none(),
            transport: Some(cookie_transport()),
            ..Default::default()
        }
    }

    /// [`Env::options`] with azure_core's retries on (fixed, short delays): for the scenarios
    /// where the server fails a request once on purpose.
    pub fn retrying_options(&self) -> ClientOptions {
        ClientOptions {
            retry: RetryOptions::fixed(FixedRetryOptions {
                delay: azure_core::time::Duration::milliseconds(10),
                max_retries: 3,
                ..Default::default()
            }),
            ..self.options()
        }
    }
}

/// A plain-HTTP `reqwest` transport with a cookie store, no proxy and no redirects.
fn cookie_transport() -> Transport {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap();
    Transport::new(Arc::new(client))
}

/// Runs `scenarios`, `concurrency` at a time; a panic is that scenario's failure.
pub async fn run_all(
    env: Arc<Env>,
    scenarios: &[Scenario],
    concurrency: usize,
) -> Vec<Result<(), String>> {
    let runs = scenarios.iter().map(|s| {
        let env = env.clone();
        let run = s.run;
        async move {
            let result = tokio::time::timeout(
                std::time::Duration::from_secs(60),
                AssertUnwindSafe(run(env)).catch_unwind(),
            )
            .await;
            match result {
                Err(_) => Err("timed out after 60 s".to_string()),
                Ok(Err(panic)) => Err(panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panicked".to_string())),
                Ok(Ok(Err(e))) => Err(format!("error: {e}")),
                Ok(Ok(Ok(()))) => Ok(()),
            }
        }
    });
    futures::stream::iter(runs)
        .buffered(concurrency)
        .collect()
        .await
}

/// A per-try policy that removes one request header (to send what azure_core's standard
/// policies would otherwise always add).
#[derive(Debug)]
pub struct RemoveHeader(pub &'static str);

#[async_trait::async_trait]
impl azure_core::http::policies::Policy for RemoveHeader {
    async fn send(
        &self,
        ctx: &azure_core::http::Context,
        request: &mut azure_core::http::Request,
        next: &[Arc<dyn azure_core::http::policies::Policy>],
    ) -> azure_core::http::policies::PolicyResult {
        request
            .headers_mut()
            .remove(azure_core::http::headers::HeaderName::from_static(self.0));
        match next.split_first() {
            Some((policy, rest)) => policy.send(ctx, request, rest).await,
            None => Err(azure_core::Error::with_message(
                azure_core::error::ErrorKind::Other,
                "RemoveHeader must not be the last policy",
            )),
        }
    }
}
