//! An in-process [`HttpClient`] that records requests and answers from a
//! script, for tests whose endpoint is a real Azure host. It never resolves
//! a name or opens a socket.

use crate::response::ScriptedResponse;
use azure_core::http::{
    headers::Headers, request::Body, AsyncRawResponse, ClientOptions, HttpClient, Method, Request,
    RetryOptions, Transport, Url,
};
use futures::AsyncReadExt;
use std::{
    collections::VecDeque,
    fmt,
    sync::{Arc, Mutex, MutexGuard},
};

/// One request as handed to the transport by the `azure_core` pipeline.
#[derive(Clone, Debug)]
pub struct CapturedRequest {
    /// The HTTP method.
    pub method: Method,
    /// The full request URL.
    pub url: Url,
    /// The headers, sorted by (lowercase) name; `azure_core` keeps no order.
    pub headers: Vec<(String, String)>,
    /// The body bytes (a streaming body is read to the end).
    pub body: Vec<u8>,
}

impl CapturedRequest {
    /// The value of header `name` (matched case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(header, _)| *header == name)
            .map(|(_, value)| value.as_str())
    }

    /// The body parsed as JSON.
    pub fn body_json(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::from_slice(&self.body)
    }
}

type Handler = dyn Fn(&CapturedRequest) -> ScriptedResponse + Send + Sync;

/// An [`HttpClient`] that records every request and answers with a scripted
/// response, without any network I/O.
pub struct RecordingHttpClient {
    handler: Box<Handler>,
    requests: Mutex<Vec<CapturedRequest>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl fmt::Debug for RecordingHttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordingHttpClient")
            .field("requests", &lock(&self.requests).len())
            .finish()
    }
}

impl RecordingHttpClient {
    /// A client answering every request with `handler(&request)`.
    pub fn new<F>(handler: F) -> Arc<Self>
    where
        F: Fn(&CapturedRequest) -> ScriptedResponse + Send + Sync + 'static,
    {
        Arc::new(Self {
            handler: Box::new(handler),
            requests: Mutex::new(Vec::new()),
        })
    }

    /// A client answering the n-th request with the n-th response, then `500`.
    pub fn with_responses(responses: impl IntoIterator<Item = ScriptedResponse>) -> Arc<Self> {
        let queue = Mutex::new(responses.into_iter().collect::<VecDeque<_>>());
        Self::new(move |_| {
            lock(&queue).pop_front().unwrap_or_else(|| {
                ScriptedResponse::new(500).body("recording client: no scripted response left")
            })
        })
    }

    /// Every request recorded so far.
    pub fn requests(&self) -> Vec<CapturedRequest> {
        lock(&self.requests).clone()
    }

    /// A [`Transport`] sending through this client.
    pub fn transport(self: &Arc<Self>) -> Transport {
        Transport::new(self.clone())
    }

    /// [`ClientOptions`] with this client as transport and retries disabled.
    pub fn client_options(self: &Arc<Self>) -> ClientOptions {
        ClientOptions {
            transport: Some(self.transport()),
            retry: RetryOptions::none(),
            ..Default::default()
        }
    }
}

#[async_trait::async_trait]
impl HttpClient for RecordingHttpClient {
    async fn execute_request(&self, request: &Request) -> azure_core::Result<AsyncRawResponse> {
        let body = match request.body() {
            Body::Bytes(bytes) => bytes.to_vec(),
            Body::SeekableStream(stream) => {
                let mut stream = stream.clone();
                stream.reset().await?;
                let mut body = Vec::new();
                stream.read_to_end(&mut body).await.map_err(|error| {
                    azure_core::Error::with_error(
                        azure_core::error::ErrorKind::Io,
                        error,
                        "recording client: reading a streaming request body",
                    )
                })?;
                body
            }
        };
        let mut headers: Vec<(String, String)> = request
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_ascii_lowercase(),
                    value.as_str().to_string(),
                )
            })
            .collect();
        headers.sort();
        let captured = CapturedRequest {
            method: request.method(),
            url: request.url().clone(),
            headers,
            body,
        };
        lock(&self.requests).push(captured.clone());

        let response = (self.handler)(&captured);
        let mut response_headers = Headers::new();
        for (name, value) in response.headers {
            response_headers.insert(name.to_ascii_lowercase(), value);
        }
        Ok(AsyncRawResponse::from_bytes(
            response.status.into(),
            response_headers,
            response.body,
        ))
    }
}
