//! A real HTTPS server on `127.0.0.1` that records requests exactly as sent.
//!
//! The HTTP/1.1 reader is hand-rolled on purpose: nothing between the socket
//! and [`RecordedRequest`] decodes or normalises the request target, reorders
//! headers or rewrites the body. Each connection carries one request; every
//! response says `connection: close` and the server closes the connection
//! after writing it, which is reliable with `reqwest`'s connection pool.
//!
//! Everything is bounded ([`MAX_HEADER_BYTES`], [`MAX_BODY_BYTES`],
//! [`READ_TIMEOUT`], [`WRITE_TIMEOUT`], [`MAX_CONNECTIONS`]) so a broken
//! client cannot hang a test. The server stops when the [`WireServer`] is
//! dropped.

use crate::{
    pki::test_pki,
    response::{Fault, ScriptedResponse},
};
use std::{
    collections::VecDeque,
    fmt,
    net::SocketAddr,
    panic::AssertUnwindSafe,
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex, MutexGuard,
    },
    time::Duration,
};
use tokio::{
    io::{AsyncRead, AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    task::{JoinHandle, JoinSet},
};
use tokio_rustls::{
    rustls::{
        self,
        pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer},
    },
    TlsAcceptor,
};

/// Largest accepted request head (request line plus headers), in bytes.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// Largest accepted request body (after chunked decoding), in bytes.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Time allowed for the TLS handshake, and separately for reading one whole request.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for writing one response.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Most connections served at the same time; further ones are dropped. Above the client
/// benchmark's concurrency of 64, since a closed connection's task lingers while it drains.
pub const MAX_CONNECTIONS: usize = 256;

/// One request as it arrived on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method token, as sent (e.g. `POST`).
    pub method: String,
    /// The raw request target (path and query), byte for byte, not decoded.
    ///
    /// Converted with [`String::from_utf8_lossy`]; see [`Self::target_bytes`]
    /// for the untouched bytes.
    pub target: String,
    /// The raw request target bytes.
    pub target_bytes: Vec<u8>,
    /// The HTTP version token (e.g. `HTTP/1.1`).
    pub version: String,
    /// Header fields in the order sent: names lowercased, values as sent
    /// (surrounding optional whitespace removed, as HTTP defines).
    pub headers: Vec<(String, String)>,
    /// The body bytes (chunked transfer coding removed, if used).
    pub body: Vec<u8>,
    /// Zero-based index of the connection that carried this request.
    pub connection: usize,
}

impl RecordedRequest {
    /// The path part of the raw target (everything before the first `?`).
    pub fn path(&self) -> &str {
        match self.target.split_once('?') {
            Some((path, _)) => path,
            None => &self.target,
        }
    }

    /// The raw query string (after the first `?`), if the target has one.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, query)| query)
    }

    /// The raw query split on `&` and the first `=`, without decoding.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.query()
            .into_iter()
            .flat_map(|query| query.split('&'))
            .filter(|pair| !pair.is_empty())
            .map(|pair| match pair.split_once('=') {
                Some((name, value)) => (name.to_string(), value.to_string()),
                None => (pair.to_string(), String::new()),
            })
            .collect()
    }

    /// The first value of header `name` (matched case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.header_values(name).into_iter().next()
    }

    /// Every value of header `name` (matched case-insensitively), in order.
    pub fn header_values(&self, name: &str) -> Vec<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .filter(|(header, _)| *header == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The header names in the order sent (lowercased, duplicates kept).
    pub fn header_names(&self) -> Vec<&str> {
        self.headers.iter().map(|(name, _)| name.as_str()).collect()
    }

    /// The body as text (lossy UTF-8).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body parsed as JSON.
    pub fn body_json(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::from_slice(&self.body)
    }
}

type Handler = dyn Fn(&RecordedRequest) -> ScriptedResponse + Send + Sync;

struct Shared {
    handler: Box<Handler>,
    requests: Mutex<Vec<RecordedRequest>>,
    errors: Mutex<Vec<String>>,
    connections: AtomicUsize,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Shared {
    fn error(&self, message: String) {
        lock(&self.errors).push(message);
    }
}

/// An HTTPS server on `127.0.0.1:<ephemeral port>`, serving the test PKI's
/// leaf certificate and answering from a test-provided handler.
///
/// Must be started inside a Tokio runtime (e.g. `#[tokio::test]`). Stops
/// accepting and aborts open connections when dropped.
pub struct WireServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept_task: JoinHandle<()>,
}

impl fmt::Debug for WireServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WireServer")
            .field("addr", &self.addr)
            .field("requests", &lock(&self.shared.requests).len())
            .field("connections", &self.connection_count())
            .finish()
    }
}

impl WireServer {
    /// Starts a server that answers every request with `handler(&request)`.
    ///
    /// The request is recorded before the handler runs. A panicking handler
    /// is answered with `500` and noted in [`Self::protocol_errors`].
    pub async fn start<F>(handler: F) -> Self
    where
        F: Fn(&RecordedRequest) -> ScriptedResponse + Send + Sync + 'static,
    {
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind the wire-test server to 127.0.0.1:0");
        let addr = listener
            .local_addr()
            .expect("read the wire-test server's local address");
        let shared = Arc::new(Shared {
            handler: Box::new(handler),
            requests: Mutex::new(Vec::new()),
            errors: Mutex::new(Vec::new()),
            connections: AtomicUsize::new(0),
        });
        let accept_task = tokio::spawn(accept_loop(listener, tls_acceptor(), shared.clone()));
        Self {
            addr,
            shared,
            accept_task,
        }
    }

    /// Starts a server that answers the n-th request with the n-th response.
    ///
    /// Once the queue is empty it answers `500` with a body saying so.
    pub async fn with_responses(responses: impl IntoIterator<Item = ScriptedResponse>) -> Self {
        let queue = Mutex::new(responses.into_iter().collect::<VecDeque<_>>());
        Self::start(move |_| {
            lock(&queue).pop_front().unwrap_or_else(|| {
                ScriptedResponse::new(500).body("wire harness: no scripted response left")
            })
        })
        .await
    }

    /// `https://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> String {
        format!("https://127.0.0.1:{}", self.addr.port())
    }

    /// [`Self::base_url`] followed by `path_and_query` (which should start with `/`).
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{}", self.base_url(), path_and_query)
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request recorded so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// How many requests were recorded so far.
    pub fn request_count(&self) -> usize {
        lock(&self.shared.requests).len()
    }

    /// The only request recorded; panics (with the list) unless there is exactly one.
    pub fn single_request(&self) -> RecordedRequest {
        let requests = self.requests();
        match requests.as_slice() {
            [request] => request.clone(),
            _ => panic!(
                "expected exactly one request, the server recorded {}: {requests:#?}; protocol errors: {:?}",
                requests.len(),
                self.protocol_errors()
            ),
        }
    }

    /// Problems seen on connections: failed handshakes, malformed or
    /// oversized requests, timeouts, handler panics.
    pub fn protocol_errors(&self) -> Vec<String> {
        lock(&self.shared.errors).clone()
    }

    /// How many TCP connections were accepted so far.
    pub fn connection_count(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }
}

impl Drop for WireServer {
    fn drop(&mut self) {
        // Dropping the accept loop drops its JoinSet, which aborts every connection task.
        self.accept_task.abort();
    }
}

fn tls_acceptor() -> TlsAcceptor {
    let pki = test_pki();
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("rustls protocol versions for the wire-test server")
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(pki.leaf_cert_der.clone())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(pki.leaf_key_pkcs8_der.clone())),
        )
        .expect("install the wire-test leaf certificate");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    TlsAcceptor::from(Arc::new(config))
}

async fn accept_loop(listener: TcpListener, acceptor: TlsAcceptor, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _peer)) => stream,
            Err(error) => {
                shared.error(format!("accept failed: {error}"));
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        if connections.len() >= MAX_CONNECTIONS {
            shared.error(format!(
                "more than {MAX_CONNECTIONS} concurrent connections; dropped one"
            ));
            continue;
        }
        let id = shared.connections.fetch_add(1, Ordering::SeqCst);
        connections.spawn(serve_connection(
            stream,
            acceptor.clone(),
            shared.clone(),
            id,
        ));
    }
}

async fn serve_connection(
    stream: TcpStream,
    acceptor: TlsAcceptor,
    shared: Arc<Shared>,
    id: usize,
) {
    let mut tls = match tokio::time::timeout(READ_TIMEOUT, acceptor.accept(stream)).await {
        Ok(Ok(tls)) => tls,
        Ok(Err(error)) => {
            shared.error(format!("connection {id}: TLS handshake failed: {error}"));
            return;
        }
        Err(_) => {
            shared.error(format!("connection {id}: TLS handshake timed out"));
            return;
        }
    };

    let mut buf = Vec::new();
    let response = match tokio::time::timeout(READ_TIMEOUT, read_request(&mut tls, &mut buf)).await
    {
        Err(_) => {
            shared.error(format!(
                "connection {id}: timed out reading the request ({} bytes buffered)",
                buf.len()
            ));
            ScriptedResponse::new(408).body("wire harness: request read timed out")
        }
        Ok(Ok(None)) => return, // closed before sending anything
        Ok(Err(ReadError { status, message })) => {
            shared.error(format!("connection {id}: {message}"));
            ScriptedResponse::new(status).body(format!("wire harness: {message}"))
        }
        Ok(Ok(Some(mut request))) => {
            request.connection = id;
            lock(&shared.requests).push(request.clone());
            match std::panic::catch_unwind(AssertUnwindSafe(|| (shared.handler)(&request))) {
                Ok(response) => response,
                Err(_) => {
                    shared.error(format!(
                        "connection {id}: handler panicked on {} {}",
                        request.method, request.target
                    ));
                    ScriptedResponse::new(500).body("wire harness: handler panicked")
                }
            }
        }
    };

    let mut bytes = serialize_response(&response);
    match response.fault {
        None => {}
        Some(Fault::Close) => return,
        Some(Fault::CloseMidBody) => {
            bytes.truncate(bytes.len() - response.body.len().div_ceil(2));
            let _ = tokio::time::timeout(WRITE_TIMEOUT, async {
                tls.write_all(&bytes).await?;
                tls.flush().await
            })
            .await;
            return;
        }
        Some(Fault::Stall(pause)) => tokio::time::sleep(pause).await,
    }
    let written = tokio::time::timeout(WRITE_TIMEOUT, async {
        tls.write_all(&bytes).await?;
        tls.flush().await?;
        tls.shutdown().await
    })
    .await;
    match written {
        Ok(Ok(())) => {
            // Drain until the peer closes so closing our socket does not reset the connection.
            let _ = tokio::time::timeout(Duration::from_millis(500), async {
                let mut sink = [0_u8; 1024];
                while matches!(tls.read(&mut sink).await, Ok(n) if n > 0) {}
            })
            .await;
        }
        Ok(Err(error)) => shared.error(format!(
            "connection {id}: writing the response failed: {error}"
        )),
        Err(_) => shared.error(format!("connection {id}: writing the response timed out")),
    }
}

fn serialize_response(response: &ScriptedResponse) -> Vec<u8> {
    let has = |name: &str| {
        response
            .headers
            .iter()
            .any(|(header, _)| header.eq_ignore_ascii_case(name))
    };
    let mut out = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason_phrase(response.status)
    )
    .into_bytes();
    for (name, value) in &response.headers {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    if !has("content-length") && !has("transfer-encoding") {
        out.extend_from_slice(format!("content-length: {}\r\n", response.body.len()).as_bytes());
    }
    if !has("connection") {
        out.extend_from_slice(b"connection: close\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&response.body);
    out
}

fn reason_phrase(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// A request that could not be read; answered with `status`.
struct ReadError {
    status: u16,
    message: String,
}

fn bad(status: u16, message: impl Into<String>) -> ReadError {
    ReadError {
        status,
        message: message.into(),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Reads more bytes into `buf`; returns how many (0 at end of stream).
async fn read_more<S: AsyncRead + Unpin>(
    io: &mut S,
    buf: &mut Vec<u8>,
) -> Result<usize, ReadError> {
    let mut chunk = [0_u8; 8192];
    let n = io
        .read(&mut chunk)
        .await
        .map_err(|error| bad(400, format!("read failed: {error}")))?;
    buf.extend_from_slice(&chunk[..n]);
    Ok(n)
}

/// Reads one CRLF-terminated line (without the CRLF), at most `limit` bytes.
async fn read_line<S: AsyncRead + Unpin>(
    io: &mut S,
    buf: &mut Vec<u8>,
    limit: usize,
) -> Result<Vec<u8>, ReadError> {
    loop {
        if let Some(end) = find(buf, b"\r\n") {
            let line = buf[..end].to_vec();
            buf.drain(..end + 2);
            return Ok(line);
        }
        if buf.len() > limit {
            return Err(bad(400, "chunked body line too long"));
        }
        if read_more(io, buf).await? == 0 {
            return Err(bad(400, "connection closed inside a chunked body"));
        }
    }
}

/// Reads until `buf` holds at least `len` bytes.
async fn fill<S: AsyncRead + Unpin>(
    io: &mut S,
    buf: &mut Vec<u8>,
    len: usize,
) -> Result<(), ReadError> {
    while buf.len() < len {
        if read_more(io, buf).await? == 0 {
            return Err(bad(
                400,
                format!("connection closed with {} of {len} body bytes", buf.len()),
            ));
        }
    }
    Ok(())
}

fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b))
}

fn trim_ows(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    bytes
}

async fn read_request<S: AsyncRead + Unpin>(
    io: &mut S,
    buf: &mut Vec<u8>,
) -> Result<Option<RecordedRequest>, ReadError> {
    let head_end = loop {
        if let Some(end) = find(buf, b"\r\n\r\n") {
            break end;
        }
        if buf.len() > MAX_HEADER_BYTES {
            return Err(bad(
                431,
                format!("request head exceeds {MAX_HEADER_BYTES} bytes"),
            ));
        }
        if read_more(io, buf).await? == 0 {
            if buf.is_empty() {
                return Ok(None);
            }
            return Err(bad(400, "connection closed inside the request head"));
        }
    };
    if head_end > MAX_HEADER_BYTES {
        return Err(bad(
            431,
            format!("request head exceeds {MAX_HEADER_BYTES} bytes"),
        ));
    }
    let head = buf[..head_end].to_vec();
    buf.drain(..head_end + 4);

    let mut lines = head
        .split(|b| *b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let request_line = lines.next().unwrap_or_default();
    let parts: Vec<&[u8]> = request_line.split(|b| *b == b' ').collect();
    let [method, target, version] = parts.as_slice() else {
        return Err(bad(
            400,
            format!(
                "malformed request line {:?}",
                String::from_utf8_lossy(request_line)
            ),
        ));
    };
    if !is_token(method) || target.is_empty() || !version.starts_with(b"HTTP/1.") {
        return Err(bad(
            400,
            format!(
                "malformed request line {:?}",
                String::from_utf8_lossy(request_line)
            ),
        ));
    }

    let mut headers = Vec::new();
    for line in lines {
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            return Err(bad(400, "obsolete header line folding"));
        }
        let Some(colon) = line.iter().position(|b| *b == b':') else {
            return Err(bad(
                400,
                format!(
                    "header line without a colon: {:?}",
                    String::from_utf8_lossy(line)
                ),
            ));
        };
        let name = &line[..colon];
        if !is_token(name) {
            return Err(bad(
                400,
                format!("invalid header name {:?}", String::from_utf8_lossy(name)),
            ));
        }
        headers.push((
            String::from_utf8_lossy(name).to_ascii_lowercase(),
            String::from_utf8_lossy(trim_ows(&line[colon + 1..])).into_owned(),
        ));
    }

    let values = |name: &str| {
        headers
            .iter()
            .filter(|(header, _)| header == name)
            .map(|(_, value)| value.as_str())
            .collect::<Vec<_>>()
    };
    let transfer_encoding = values("transfer-encoding");
    let content_length = values("content-length");
    let body = if !transfer_encoding.is_empty() {
        if !content_length.is_empty() {
            return Err(bad(400, "both transfer-encoding and content-length sent"));
        }
        let last = transfer_encoding
            .join(",")
            .rsplit(',')
            .next()
            .map(|coding| coding.trim().to_ascii_lowercase())
            .unwrap_or_default();
        if last != "chunked" {
            return Err(bad(
                400,
                format!("unsupported transfer-encoding {transfer_encoding:?}"),
            ));
        }
        read_chunked(io, buf).await?
    } else if !content_length.is_empty() {
        let first = content_length[0];
        if content_length.iter().any(|value| *value != first) {
            return Err(bad(
                400,
                format!("conflicting content-length {content_length:?}"),
            ));
        }
        let len: usize = first
            .parse()
            .map_err(|_| bad(400, format!("invalid content-length {first:?}")))?;
        if len > MAX_BODY_BYTES {
            return Err(bad(
                413,
                format!("body of {len} bytes exceeds {MAX_BODY_BYTES}"),
            ));
        }
        fill(io, buf, len).await?;
        buf.drain(..len).collect()
    } else {
        Vec::new()
    };

    Ok(Some(RecordedRequest {
        method: String::from_utf8_lossy(method).into_owned(),
        target: String::from_utf8_lossy(target).into_owned(),
        target_bytes: target.to_vec(),
        version: String::from_utf8_lossy(version).into_owned(),
        headers,
        body,
        connection: 0,
    }))
}

async fn read_chunked<S: AsyncRead + Unpin>(
    io: &mut S,
    buf: &mut Vec<u8>,
) -> Result<Vec<u8>, ReadError> {
    const LINE_LIMIT: usize = 4096;
    let mut body = Vec::new();
    loop {
        let line = read_line(io, buf, LINE_LIMIT).await?;
        let size_text = String::from_utf8_lossy(&line);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| bad(400, format!("invalid chunk size {size_text:?}")))?;
        if size == 0 {
            // Trailer section, ended by an empty line.
            let mut trailer_bytes = 0;
            loop {
                let trailer = read_line(io, buf, LINE_LIMIT).await?;
                if trailer.is_empty() {
                    return Ok(body);
                }
                trailer_bytes += trailer.len();
                if trailer_bytes > MAX_HEADER_BYTES {
                    return Err(bad(431, "chunked trailers too large"));
                }
            }
        }
        if body.len().saturating_add(size) > MAX_BODY_BYTES {
            return Err(bad(
                413,
                format!("chunked body exceeds {MAX_BODY_BYTES} bytes"),
            ));
        }
        fill(io, buf, size + 2).await?;
        if &buf[size..size + 2] != b"\r\n" {
            return Err(bad(400, "chunk data not followed by CRLF"));
        }
        body.extend_from_slice(&buf[..size]);
        buf.drain(..size + 2);
    }
}
