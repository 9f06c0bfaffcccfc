//! The acceptance suite: the generated clients of the AutoRest test server's Swagger files
//! (`tests/autorest/`) against the live test server, which checks every request and counts each
//! scenario done right.
//!
//! One binary with its own runner (`harness = false`), so the order is explicit: start (or
//! find) the server, run every scenario (a few at a time), then read the server's two reports
//! and print `azure scenarios: N of 145` (`/report/azure`, the Azure half, module `azure`) and
//! `scenarios: N of 631` (`/report`, the general half, module `general`). Each scenario asserts what came back (status, model, headers,
//! pages, the poller's final value) and names the server counters it must raise; the runner
//! checks that each of those counters went up, so the server itself confirms every claim.
//!
//! Filter: `cargo test -p tests --test acceptance -- NAME` runs the scenarios whose name
//! contains NAME. The server is the one at `AUTOREST_TESTSERVER_URL` when that is set.

// Test code: a failed expectation panics, which the runner reports as that scenario's failure.
// Options are built with `..Default::default()` so that new fields do not break them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::needless_update
)]

mod azure;
mod general;
mod support;

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;
use support::{Env, Scenario};
use tests::testserver::TestServer;

/// Scenarios run at once: enough to hide the server's latency, few enough for 2 cores.
const CONCURRENCY: usize = 8;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // libtest flags cargo may pass (`--nocapture`, `--quiet`, ...) are accepted and ignored.
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if args.iter().any(|a| a == "--list") {
        for s in all_scenarios() {
            println!("{}: test", s.name);
        }
        return ExitCode::SUCCESS;
    }
    let selected: Vec<Scenario> = all_scenarios()
        .into_iter()
        .filter(|s| filters.is_empty() || filters.iter().any(|f| s.name.contains(f.as_str())))
        .collect();
    let started = Instant::now();
    let server = match TestServer::start() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot start the AutoRest test server: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let before = reports(&server).unwrap_or_default();
    let env = Arc::new(Env::new(&server));
    println!(
        "\nrunning {} acceptance scenarios against {}",
        selected.len(),
        server.url()
    );
    let results = runtime.block_on(support::run_all(env, &selected, CONCURRENCY));
    let after = match reports(&server) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut failed = 0;
    let mut passed = 0;
    for (scenario, outcome) in selected.iter().zip(&results) {
        let outcome = outcome
            .clone()
            .and_then(|()| raised(scenario, &before, &after));
        match outcome {
            Ok(()) => {
                passed += 1;
                println!("test {} ... ok", scenario.name);
            }
            Err(e) => {
                failed += 1;
                println!(
                    "test {} ... FAILED\n    {}",
                    scenario.name,
                    e.replace('\n', "\n    ")
                );
            }
        }
    }
    for (label, report) in [
        ("azure scenarios", &after.azure),
        ("scenarios", &after.general),
    ] {
        print_coverage(label, report, filters.is_empty());
    }
    println!(
        "\ntest result: {}. {passed} passed; {failed} failed; 0 ignored; 0 measured; 0 filtered out; finished in {:.2}s\n",
        if failed == 0 { "ok" } else { "FAILED" },
        started.elapsed().as_secs_f64()
    );
    drop(server);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Every scenario of both halves.
fn all_scenarios() -> Vec<Scenario> {
    let mut all = azure::scenarios();
    all.extend(general::scenarios());
    all
}

/// The server's two sets of counters. Their names do not overlap, so a scenario names its
/// counters without saying which half they belong to.
#[derive(Default)]
struct Reports {
    /// `/report/azure`: the Azure half.
    azure: BTreeMap<String, u64>,
    /// `/report`: the general half.
    general: BTreeMap<String, u64>,
}

impl Reports {
    fn get(&self, counter: &str) -> Option<u64> {
        self.azure
            .get(counter)
            .or_else(|| self.general.get(counter))
            .copied()
    }
}

fn reports(server: &TestServer) -> Result<Reports, String> {
    let read = |path: &str| {
        server
            .report(path)
            .map_err(|e| format!("cannot read {path}: {e}"))
    };
    Ok(Reports {
        azure: read("/report/azure")?,
        general: read("/report")?,
    })
}

/// Prints `LABEL: N of TOTAL` and, for a full run, the counters nothing raised.
fn print_coverage(label: &str, report: &BTreeMap<String, u64>, full_run: bool) {
    let covered = report.values().filter(|&&n| n > 0).count();
    println!("\n{label}: {covered} of {}", report.len());
    let missing: Vec<&str> = report
        .iter()
        .filter(|(_, &n)| n == 0)
        .map(|(k, _)| k.as_str())
        .collect();
    if !missing.is_empty() && full_run {
        println!("not covered: {}", missing.join(", "));
    }
}

/// Every counter the scenario names went up during the run.
fn raised(scenario: &Scenario, before: &Reports, after: &Reports) -> Result<(), String> {
    let mut not = Vec::new();
    for name in scenario.covers {
        let was = before.get(name).unwrap_or(0);
        match after.get(name) {
            Some(now) if now > was => {}
            Some(_) => not.push(format!("{name} (the server did not count it)")),
            None => not.push(format!("{name} (no such counter in either report)")),
        }
    }
    if not.is_empty() {
        Ok(())
    } else {
        Err(format!("not confirmed by the server: {}", not.join(", ")))
    }
}
