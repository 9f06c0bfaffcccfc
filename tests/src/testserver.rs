//! The AutoRest test server: Microsoft's acceptance suite for AutoRest generators.
//!
//! [`TestServer::start`] gives a running server:
//!
//! * when `AUTOREST_TESTSERVER_URL` is set, the server at that URL (started by someone else and
//!   left running);
//! * otherwise the npm package `@microsoft.azure/autorest.testserver` at [`VERSION`], installed
//!   on first use into `<target>/autorest-testserver/<VERSION>/` (installs of parallel test
//!   binaries are serialized by a lock folder and published by an atomic rename, so a half
//!   installed package is never used), started with `node` on a free loopback port.
//!
//! A server this harness started is stopped when the [`TestServer`] is dropped. `node` runs
//! under a small `sh` that holds the read end of a pipe from this process and stops `node` as
//! soon as that pipe closes: on drop, and also when the test process dies without unwinding,
//! so no `node` process outlives the test run.
//!
//! The server counts every scenario a client did right; [`TestServer::report`] reads the
//! counters (`/report/azure` for the Azure scenarios, `/report` for the others).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// The pinned version of `@microsoft.azure/autorest.testserver`.
pub const VERSION: &str = "3.3.51";

/// The npm package name.
pub const PACKAGE: &str = "@microsoft.azure/autorest.testserver";

/// The variable naming an already running server (e.g. `http://localhost:3000`).
pub const URL_VARIABLE: &str = "AUTOREST_TESTSERVER_URL";

/// How long the first `npm install` may take.
const INSTALL_TIMEOUT: Duration = Duration::from_secs(600);

/// How long the server may take to answer after it was started.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A running test server; stops it on drop when this harness started it.
#[derive(Debug)]
pub struct TestServer {
    url: String,
    process: Option<(Child, Option<ChildStdin>)>,
    /// The server's coverage output and log, removed once it stopped.
    scratch: Option<PathBuf>,
}

impl TestServer {
    /// The server at `AUTOREST_TESTSERVER_URL`, or a fresh one (installed on first use).
    pub fn start() -> Result<TestServer, String> {
        if let Some(url) = std::env::var(URL_VARIABLE)
            .ok()
            .filter(|u| !u.trim().is_empty())
        {
            let url = url.trim().trim_end_matches('/').to_string();
            let (host, port) = host_and_port(&url)?;
            wait_until_answering(&host, port, Duration::from_secs(10))
                .map_err(|e| format!("{URL_VARIABLE}={url}: {e}"))?;
            return Ok(TestServer {
                url,
                process: None,
                scratch: None,
            });
        }
        let package = install()?;
        let port = free_port()?;
        let coverage = package
            .join("coverage-runs")
            .join(format!("{}-{port}", std::process::id()));
        std::fs::create_dir_all(&coverage)
            .map_err(|e| format!("cannot create {}: {e}", coverage.display()))?;
        let cli = package
            .join("node_modules")
            .join(PACKAGE)
            .join("dist/cli/cli.js");
        // `sh` starts node, then waits for its stdin (a pipe from this process) to close, and
        // then stops node: on drop, or when this process ends in any way.
        let script = r#"node "$0" run --port "$1" --coverageDirectory "$2" >"$2/server.log" 2>&1 &
child=$!
trap 'kill "$child" 2>/dev/null; exit 0' TERM INT
cat >/dev/null
kill "$child" 2>/dev/null
wait "$child" 2>/dev/null
exit 0"#;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(&cli)
            .arg(port.to_string())
            .arg(&coverage)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start `sh` for the test server: {e}"))?;
        let stdin = child.stdin.take();
        let server = TestServer {
            url: format!("http://127.0.0.1:{port}"),
            process: Some((child, stdin)),
            scratch: Some(coverage.clone()),
        };
        if let Err(e) = wait_until_answering("127.0.0.1", port, START_TIMEOUT) {
            let log = std::fs::read_to_string(coverage.join("server.log")).unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(20).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "the test server did not answer on port {port}: {e}\n{}",
                tail.join("\n")
            ));
        }
        Ok(server)
    }

    /// The server's base URL, without a trailing `/` (e.g. `http://127.0.0.1:41234`).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The base URL as an `azure_core` URL.
    pub fn endpoint(&self) -> azure_core::http::Url {
        azure_core::http::Url::parse(&self.url)
            .unwrap_or_else(|e| panic!("the test server URL {} does not parse: {e}", self.url))
    }

    /// The `host:port` part of the URL.
    pub fn authority(&self) -> &str {
        self.url
            .split_once("://")
            .map_or(self.url.as_str(), |(_, rest)| rest)
    }

    /// The scenario counters at `path` (`/report/azure` or `/report`): scenario name -> count.
    pub fn report(&self, path: &str) -> Result<BTreeMap<String, u64>, String> {
        let (host, port) = host_and_port(&self.url)?;
        let body = http_get(&host, port, path)?;
        serde_json::from_str(&body).map_err(|e| format!("{path} is not a JSON object: {e}"))
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some((mut child, stdin)) = self.process.take() {
            // Closing the pipe makes `sh` stop node and exit.
            drop(stdin);
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                match child.try_wait() {
                    Ok(Some(_)) | Err(_) => break,
                    Ok(None) if Instant::now() >= deadline => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break;
                    }
                    Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        }
        if let Some(scratch) = self.scratch.take() {
            let _ = std::fs::remove_dir_all(scratch);
        }
    }
}

/// The install folder: `$CARGO_TARGET_DIR` (or the workspace's `target/`) +
/// `autorest-testserver/<VERSION>`.
pub fn install_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("autorest-testserver").join(VERSION)
}

/// Installs the pinned package unless it is there, and returns its folder.
pub fn install() -> Result<PathBuf, String> {
    let dir = install_dir();
    let done = |d: &Path| {
        d.join("node_modules")
            .join(PACKAGE)
            .join("dist/cli/cli.js")
            .is_file()
    };
    if done(&dir) {
        return Ok(dir);
    }
    let parent = dir
        .parent()
        .ok_or_else(|| format!("{} has no parent folder", dir.display()))?;
    std::fs::create_dir_all(parent)
        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let _lock = DirLock::acquire(&parent.join(format!("{VERSION}.lock")), INSTALL_TIMEOUT)?;
    if done(&dir) {
        return Ok(dir);
    }
    let staging = parent.join(format!("{VERSION}.staging-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)
        .map_err(|e| format!("cannot create {}: {e}", staging.display()))?;
    let output = Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--prefix",
        ])
        .arg(&staging)
        .arg(format!("{PACKAGE}@{VERSION}"))
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run npm (is Node.js installed?): {e}"))?;
    if !output.status.success() || !done(&staging) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(format!(
            "`npm install {PACKAGE}@{VERSION}` failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&staging, &dir).map_err(|e| {
        format!(
            "cannot move {} to {}: {e}",
            staging.display(),
            dir.display()
        )
    })?;
    Ok(dir)
}

/// A lock held by creating a folder (atomic on every platform); a lock older than the install
/// timeout is taken as left behind by a killed process and broken.
struct DirLock(PathBuf);

impl DirLock {
    fn acquire(path: &Path, timeout: Duration) -> Result<DirLock, String> {
        let start = Instant::now();
        loop {
            match std::fs::create_dir(path) {
                Ok(()) => return Ok(DirLock(path.to_path_buf())),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let stale = std::fs::metadata(path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > timeout);
                    if stale {
                        let _ = std::fs::remove_dir(path);
                        continue;
                    }
                    if start.elapsed() > timeout {
                        return Err(format!("timed out waiting for the lock {}", path.display()));
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(e) => return Err(format!("cannot create the lock {}: {e}", path.display())),
            }
        }
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| format!("cannot bind a loopback port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("cannot read the bound port: {e}"))
}

fn host_and_port(url: &str) -> Result<(String, u16), String> {
    let parsed = azure_core::http::Url::parse(url).map_err(|e| format!("bad URL {url}: {e}"))?;
    let host = parsed
        .host_str()
        .ok_or_else(|| format!("{url} has no host"))?
        .to_string();
    let port = parsed
        .port_or_known_default()
        .ok_or_else(|| format!("{url} has no port"))?;
    Ok((host, port))
}

fn wait_until_answering(host: &str, port: u16, timeout: Duration) -> Result<(), String> {
    let start = Instant::now();
    loop {
        match http_get(host, port, "/report/azure") {
            Ok(_) => return Ok(()),
            Err(e) if start.elapsed() > timeout => return Err(e),
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// A minimal blocking `GET` (HTTP/1.0, the connection closes after the answer): the harness
/// talks to the server before and after the async clients run.
fn http_get(host: &str, port: u16, path: &str) -> Result<String, String> {
    let mut stream =
        TcpStream::connect((host, port)).map_err(|e| format!("cannot connect: {e}"))?;
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n"
    )
    .map_err(|e| format!("cannot send: {e}"))?;
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .map_err(|e| format!("cannot read the answer: {e}"))?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| "the answer has no header end".to_string())?;
    let status = head.split_whitespace().nth(1).unwrap_or_default();
    if status != "200" {
        return Err(format!("GET {path} answered {status}"));
    }
    Ok(body.to_string())
}
