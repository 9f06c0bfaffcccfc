//! `client_load CALLS CONCURRENCY`: the generated client's throughput on loopback, for
//! `cargo xtask bench`. One shared `WorkflowRunsClient` sends `CALLS` `get` calls, at most
//! `CONCURRENCY` at a time, to the HTTPS loopback server, and every response is decoded. Prints
//! one JSON object: calls, concurrency, errors, seconds, calls per second and the process's peak
//! resident memory (client and loopback server together) in MB.

// A failed setup (runtime, server, client) is a broken benchmark: failing loudly is intended.
#![allow(clippy::expect_used)]

use azure_core::http::Url;
use azure_resourcemanager_web_workflows::{WorkflowRunsClient, WorkflowRunsClientOptions};
use futures::StreamExt;
use std::{process::ExitCode, sync::Arc, time::Instant};
use tests::{client_options, RecordingCredential, ScriptedResponse, WireServer};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed: Option<(usize, usize)> = match args.as_slice() {
        [calls, concurrency] => calls.parse().ok().zip(concurrency.parse().ok()),
        _ => None,
    };
    let Some((calls, concurrency)) = parsed.filter(|(c, n)| *c > 0 && *n > 0) else {
        eprintln!("usage: client_load CALLS CONCURRENCY");
        return ExitCode::from(2);
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("build the Tokio runtime");
    let (errors, seconds) = runtime.block_on(load(calls, concurrency));
    let peak_mb = peak_rss_kb().map(|kb| kb as f64 / 1024.0);
    println!(
        "{}",
        serde_json::json!({
            "calls": calls,
            "concurrency": concurrency,
            "errors": errors,
            "seconds": seconds,
            "calls_per_second": calls as f64 / seconds,
            "peak_rss_mb": peak_mb,
        })
    );
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Sends the calls; returns how many failed and the wall time in seconds.
async fn load(calls: usize, concurrency: usize) -> (usize, f64) {
    let body = serde_json::json!({
        "id": "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Web/sites/site/workflows/wf/runs/run",
        "name": "run",
        "type": "Microsoft.Web/sites/workflows/runs",
        "properties": { "status": "Succeeded", "correlation": { "clientTrackingId": "abc" } }
    });
    let server = WireServer::start(move |_| ScriptedResponse::json(200, &body)).await;
    let options = WorkflowRunsClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).expect("the server's URL")),
        client_options: client_options(),
        ..Default::default()
    };
    let client = WorkflowRunsClient::new(
        Arc::new(RecordingCredential::new()),
        "sub".into(),
        Some(options),
    )
    .expect("create the client");
    let started = Instant::now();
    let errors = futures::stream::iter(0..calls)
        .map(|_| async {
            match client.get("rg", "site", "wf", "run", None).await {
                Ok(response) => response.into_model().is_err(),
                Err(_) => true,
            }
        })
        .buffer_unordered(concurrency)
        .filter(|failed| std::future::ready(*failed))
        .count()
        .await;
    (errors, started.elapsed().as_secs_f64())
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
