//! Scripted HTTP responses shared by [`WireServer`](crate::WireServer) and
//! [`RecordingHttpClient`](crate::RecordingHttpClient).

/// A response the test scripts: status, headers (in order) and body bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptedResponse {
    /// HTTP status code.
    pub status: u16,
    /// Response headers, written in this order, exactly as given.
    pub headers: Vec<(String, String)>,
    /// Response body bytes.
    pub body: Vec<u8>,
    /// A fault the server plays instead of (or before) answering normally.
    pub fault: Option<Fault>,
}

/// Network faults the [`WireServer`](crate::WireServer) can play after reading a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Close the connection without answering.
    Close,
    /// Write the status line, the headers (with the full `content-length`) and half of the
    /// body, then close the connection.
    CloseMidBody,
    /// Wait this long, then answer.
    Stall(std::time::Duration),
}

impl ScriptedResponse {
    /// A response with `status`, no headers and an empty body.
    pub fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            fault: None,
        }
    }

    /// `200 OK` with an empty body.
    pub fn ok() -> Self {
        Self::new(200)
    }

    /// A response with `status` and a JSON body (`content-type: application/json`).
    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        Self::new(status)
            .header("content-type", "application/json")
            .body(body.to_string())
    }

    /// Adds a header (appended after the existing ones).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Plays `fault` instead of (or before) answering.
    pub fn fault(mut self, fault: Fault) -> Self {
        self.fault = Some(fault);
        self
    }

    /// Replaces the body.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }
}
