//! `cargo xtask bench`: generation time per stage and peak memory on the fragment scaled to
//! N = 1, 10 and 30 copies, and the generated crate's size and build cost for N = 1 and 30
//! (for N = 30 also with one client's feature only), and the generated client's throughput and
//! peak memory for 2,000 calls at concurrency 64 on the HTTPS loopback server.
//! Prints a table and writes `target/bench/results.json`.

use azure_codegen::{generate, write, Config};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const SIZES: [usize; 3] = [1, 10, 30];
const COMPILED: [usize; 2] = [1, 30];
/// The client feature of the one-group build of the largest crate (the first copy's
/// `WorkflowsClient`: 4 of its 750 operations).
const ONE_GROUP: &str = "workflows";

struct Options {
    quick: bool,
    runs: usize,
    build_runs: usize,
    instructions: bool,
}

/// Entry point: re-runs itself in release mode when built for debugging.
pub fn bench(args: &[String], root: &Path) -> ExitCode {
    let mut options = Options {
        quick: false,
        runs: 7,
        build_runs: 3,
        instructions: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--runs" => match it.next().and_then(|v| v.parse().ok()) {
                Some(r) if r > 0 => options.runs = r,
                _ => return usage("--runs needs a positive number"),
            },
            "--instructions" => options.instructions = true,
            "--build-runs" => match it.next().and_then(|v| v.parse().ok()) {
                Some(r) if r > 0 => options.build_runs = r,
                _ => return usage("--build-runs needs a positive number"),
            },
            "-h" | "--help" => {
                say!("cargo xtask bench [--quick] [--runs K] [--build-runs B]\n\n  --quick         only N = 1, no compile measurement, 200 client calls at concurrency 16 (what CI runs)\n  --runs K        generation runs per size; the median is reported (default 7)\n  --build-runs B  clean builds of each generated crate; the fastest is reported, and the slowest beside it (default 3)\n  --instructions  also count the instructions rustc executes for the N = 1 crate's clean build (valgrind; about 5 minutes)");
                return ExitCode::SUCCESS;
            }
            other => return usage(&format!("unknown option `{other}`")),
        }
    }
    // Figures come from a release build; the quick check only proves the bench still runs.
    if cfg!(debug_assertions) && !options.quick {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "run",
                "--release",
                "--quiet",
                "--package",
                "xtask",
                "--",
                "bench",
            ])
            .args(args)
            .current_dir(root)
            .status();
        return match status {
            Ok(s) if s.success() => ExitCode::SUCCESS,
            Ok(_) => ExitCode::FAILURE,
            Err(e) => {
                eprintln!("error: cannot run the release build: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match run(&options, root) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("error: {message}; try `cargo xtask bench --help`");
    ExitCode::from(2)
}

fn run(options: &Options, root: &Path) -> Result<(), String> {
    let dir = root.join("target/bench");
    let fragment = root.join("specs/web-2024-04-01");
    let sizes: &[usize] = if options.quick { &SIZES[..1] } else { &SIZES };
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut generation = Vec::new();
    for &n in sizes {
        let spec = crate::synthetic::write(&fragment, &dir.join("spec"), n)?;
        let out = dir.join(format!("crate-{n}"));
        // A fresh process per size, so its peak memory is this size's alone.
        let output = Command::new(&exe)
            .args([
                "bench-one",
                &spec.to_string_lossy(),
                &out.to_string_lossy(),
                &options.runs.to_string(),
                &format!("bench_n{n}"),
            ])
            .output()
            .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
        if !output.status.success() {
            return Err(format!(
                "generation failed for N = {n}: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let mut row: Value = serde_json::from_slice(&output.stdout)
            .map_err(|e| format!("bad bench-one output: {e}"))?;
        row["n"] = json!(n);
        generation.push(row);
    }
    if cfg!(debug_assertions) {
        say!("(debug build: run `cargo xtask bench` for representative figures)");
    }
    print_generation(&generation);
    let mut builds = Vec::new();
    if !options.quick {
        for n in COMPILED {
            builds.push(measure_build(&dir, n, options.build_runs)?);
        }
        print_builds(&builds);
        if options.instructions {
            let row = measure_instructions(&dir, COMPILED[0])?;
            say!(
                "\nrustc instructions, clean debug build of the N = {} crate (callgrind): {:.3} G",
                COMPILED[0],
                f(&row["instructions"]) / 1e9
            );
            if let Some(build) = builds.first_mut() {
                build["instructions"] = row["instructions"].clone();
            }
        }
    }
    let client = measure_client(root, options.quick)?;
    print_client(&client);
    let results = json!({ "generation": generation, "builds": builds, "client": client, "runs": options.runs });
    let path = dir.join("results.json");
    let text = serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    say!("\nwrote {}", path.display());
    Ok(())
}

/// `xtask bench-one SPEC OUT RUNS PACKAGE`: generates `RUNS` times, writes once, prints JSON.
pub fn bench_one(args: &[String]) -> ExitCode {
    let [spec, out, runs, package] = args else {
        eprintln!("usage: xtask bench-one SPEC OUT RUNS PACKAGE");
        return ExitCode::from(2);
    };
    let runs: usize = runs.parse().unwrap_or(1).max(1);
    let config = Config {
        spec: PathBuf::from(spec),
        out: PathBuf::from(out),
        package: package.clone(),
        namespace: Some("Microsoft.Web".into()),
        operations: Vec::new(),
        examples: Vec::new(),
        ..Config::default()
    };
    let mut stages: [Vec<Duration>; 6] = Default::default();
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let generated = match generate(&config) {
            Ok(g) => g,
            Err(d) => {
                eprintln!("{d}");
                return ExitCode::FAILURE;
            }
        };
        let total = start.elapsed();
        let t = generated.timings;
        let _ = std::fs::remove_dir_all(&config.out);
        let write_start = Instant::now();
        if let Err(e) = write::write(&config.out, &generated.files) {
            eprintln!("cannot write {}: {e}", config.out.display());
            return ExitCode::FAILURE;
        }
        let write = write_start.elapsed();
        for (slot, d) in
            stages
                .iter_mut()
                .zip([t.read, t.lower, t.emit, t.format, write, total + write])
        {
            slot.push(d);
        }
        last = Some(generated);
    }
    let Some(generated) = last else {
        return ExitCode::FAILURE;
    };
    if let Err(e) = detach(&config.out) {
        eprintln!("cannot prepare {}: {e}", config.out.display());
        return ExitCode::FAILURE;
    }
    let operations: usize = generated
        .ir
        .clients
        .values()
        .map(|c| c.operations.len())
        .sum();
    let lines: usize = generated
        .files
        .iter()
        .filter(|f| f.path.ends_with(".rs"))
        .map(|f| f.text.lines().count())
        .sum();
    let [read, lower, emit, format, write, total] = stages.map(median_ms);
    let row = json!({
        "operations": operations,
        "types": generated.ir.types.len(),
        "files": generated.files.len(),
        "lines": lines,
        "ms": { "read": read, "lower": lower, "emit": emit, "format": format, "write": write, "total": total },
        "ms_per_operation": total / operations.max(1) as f64,
        "in_process_ms_per_operation": (total - write) / operations.max(1) as f64,
        "peak_rss_mb": peak_rss_kb().map(|kb| kb as f64 / 1024.0),
    });
    say!("{row}");
    ExitCode::SUCCESS
}

/// Makes the written crate its own workspace, so cargo builds it outside ours.
fn detach(dir: &Path) -> std::io::Result<()> {
    let manifest = dir.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest)?;
    text.push_str("\n[workspace]\n");
    std::fs::write(manifest, text)
}

/// Calls and concurrency of the client load: the full run, and the quick check's small one.
const CLIENT_LOAD: (usize, usize) = (2_000, 64);
const CLIENT_LOAD_QUICK: (usize, usize) = (200, 16);

/// The generated client's throughput and peak memory on loopback: `tests`' `client_load`
/// program (release build; the quick check runs a small load in the current profile).
fn measure_client(root: &Path, quick: bool) -> Result<Value, String> {
    let (calls, concurrency) = if quick {
        CLIENT_LOAD_QUICK
    } else {
        CLIENT_LOAD
    };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command.args([
        "run",
        "--quiet",
        "--package",
        "tests",
        "--bin",
        "client_load",
    ]);
    if !cfg!(debug_assertions) {
        command.arg("--release");
    }
    let output = command
        .args(["--", &calls.to_string(), &concurrency.to_string()])
        .current_dir(root)
        .output()
        .map_err(|e| format!("cannot run the client load: {e}"))?;
    let row: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "bad client load output ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    if !output.status.success() {
        return Err(format!("the client load had errors: {row}"));
    }
    Ok(row)
}

fn print_client(row: &Value) {
    say!(
        "\nclient on loopback (one shared WorkflowRunsClient, `get` over HTTPS, one connection per call)"
    );
    say!(
        "{:>6} {:>11} {:>6} {:>9} {:>10} {:>8}",
        "calls",
        "concurrency",
        "errors",
        "seconds",
        "calls/s",
        "peak MB"
    );
    say!(
        "{:>6} {:>11} {:>6} {:>9.2} {:>10.0} {:>8.0}",
        row["calls"].as_u64().unwrap_or(0),
        row["concurrency"].as_u64().unwrap_or(0),
        row["errors"].as_u64().unwrap_or(0),
        f(&row["seconds"]),
        f(&row["calls_per_second"]),
        f(&row["peak_rss_mb"]),
    );
}

fn median_ms(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v.get(v.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Clean debug build and `cargo check` of the generated crate alone (dependencies built and
/// checked first, not counted), timed with `/usr/bin/time -v` for peak memory; for the largest crate also the
/// clean build with only [`ONE_GROUP`]'s feature. Each is run `runs` times, interleaved: on a
/// shared machine one build can take 10 % longer than the next for no reason of its own, so
/// the fastest run is the figure, and the slowest is reported beside it.
fn measure_build(dir: &Path, n: usize, runs: usize) -> Result<Value, String> {
    let package = format!("bench_n{n}");
    let cargo = |args: &[&str]| crate_cargo(dir, n, args);
    // Dependencies, once, untimed: built for `build`, and checked for `check`, which does not
    // reuse built dependencies (it needs their metadata-only check units); without this the
    // first crate's `check` figure included checking every dependency.
    for mode in ["build", "check"] {
        let status = cargo(&[mode, "--quiet"])
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("the N = {n} crate does not {mode}"));
        }
    }
    let mut result = json!({ "n": n, "package": package });
    let one_group = format!("azure_core/default,{ONE_GROUP}");
    let mut builds: Vec<(&str, Vec<&str>)> = vec![
        ("build", vec!["build", "--quiet"]),
        ("check", vec!["check", "--quiet"]),
    ];
    if Some(&n) == COMPILED.last() {
        // azure_core keeps its default features, so no dependency is rebuilt.
        builds.push((
            "build_one_group",
            vec![
                "build",
                "--quiet",
                "--no-default-features",
                "--features",
                &one_group,
            ],
        ));
    }
    let mut times: Vec<(&str, Vec<f64>, Option<f64>)> = Vec::new();
    for _ in 0..runs {
        for (key, args) in &builds {
            clean(dir, n)?;
            let (seconds, peak_mb) = timed(cargo(args))?;
            match times.iter_mut().find(|(k, _, _)| k == key) {
                Some((_, all, peak)) => {
                    all.push(seconds);
                    *peak = match (*peak, peak_mb) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        (a, b) => a.or(b),
                    };
                }
                None => times.push((key, vec![seconds], peak_mb)),
            }
        }
    }
    for (key, all, peak_mb) in times {
        let fastest = all.iter().copied().fold(f64::INFINITY, f64::min);
        let slowest = all.iter().copied().fold(0.0, f64::max);
        result[key] = json!({ "seconds": fastest, "slowest_seconds": slowest, "runs": all, "peak_rss_mb": peak_mb });
    }
    if result.get("build_one_group").is_some() {
        result["one_group"] = json!(ONE_GROUP);
    }
    Ok(result)
}

/// `cargo ARGS` on the N = `n` generated crate, in the bench's own target folder.
fn crate_cargo(dir: &Path, n: usize, args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command
        .args(args)
        .arg("--manifest-path")
        .arg(dir.join(format!("crate-{n}/Cargo.toml")))
        .env("CARGO_TARGET_DIR", dir.join("target"));
    command
}

/// Removes the N = `n` crate's own build output (not its dependencies'), so the next build
/// of it is clean.
fn clean(dir: &Path, n: usize) -> Result<(), String> {
    let package = format!("bench_n{n}");
    let status = crate_cargo(dir, n, &["clean", "--quiet", "-p", &package])
        .status()
        .map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo clean -p {package} failed"))
    }
}

/// Instructions rustc executes for a clean debug build of the N = `n` crate alone (its
/// dependencies are built already), counted by valgrind's callgrind: seconds vary by a tenth
/// from one build to the next on a shared machine, this count by well under 1 %. Cargo runs
/// rustc through a wrapper script that starts it under valgrind.
fn measure_instructions(dir: &Path, n: usize) -> Result<Value, String> {
    let logs = dir.join("callgrind");
    let _ = std::fs::remove_dir_all(&logs);
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;
    let wrapper = logs.join("rustc-under-callgrind.sh");
    let script = format!(
        "#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file='{}/rustc.%p.log' \"$@\"\n",
        logs.display()
    );
    std::fs::write(&wrapper, script).map_err(|e| e.to_string())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| e.to_string())?;
    }
    clean(dir, n)?;
    let built = crate_cargo(dir, n, &["build", "--quiet"])
        .env("RUSTC_WORKSPACE_WRAPPER", &wrapper)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !built.success() {
        return Err("the build under valgrind failed (is valgrind installed?)".into());
    }
    // Every rustc run of the crate (cargo's version probe included, a few million).
    let mut instructions = 0u64;
    for entry in std::fs::read_dir(&logs).map_err(|e| e.to_string())? {
        let text =
            std::fs::read_to_string(entry.map_err(|e| e.to_string())?.path()).unwrap_or_default();
        instructions += text
            .lines()
            .filter_map(|l| l.split("Collected : ").nth(1))
            .filter_map(|v| v.trim().parse::<u64>().ok())
            .sum::<u64>();
    }
    if instructions == 0 {
        return Err("valgrind reported no instructions".into());
    }
    Ok(json!({ "n": n, "instructions": instructions }))
}

/// Runs `command` under `/usr/bin/time -v` when present: (wall seconds, peak RSS of the
/// largest process in MB).
fn timed(command: Command) -> Result<(f64, Option<f64>), String> {
    let time = Path::new("/usr/bin/time");
    let start = Instant::now();
    if !time.exists() {
        let mut command = command;
        let status = command.status().map_err(|e| e.to_string())?;
        return if status.success() {
            Ok((start.elapsed().as_secs_f64(), None))
        } else {
            Err("build failed".into())
        };
    }
    let mut wrapped = Command::new(time);
    wrapped
        .arg("-v")
        .arg(command.get_program())
        .args(command.get_args());
    for (k, v) in command.get_envs() {
        if let Some(v) = v {
            wrapped.env(k, v);
        }
    }
    let output = wrapped.output().map_err(|e| e.to_string())?;
    let seconds = start.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!(
            "build failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let report = String::from_utf8_lossy(&output.stderr);
    let peak = report
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0);
    Ok((seconds, peak))
}

fn print_generation(rows: &[Value]) {
    say!("generation (release, median of runs; ms)");
    say!(
        "{:>4} {:>5} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>8} {:>7} {:>8}",
        "N",
        "ops",
        "types",
        "read",
        "lower",
        "emit",
        "format",
        "write",
        "total",
        "ms/op",
        "in-proc",
        "lines",
        "peak MB"
    );
    for r in rows {
        let ms = &r["ms"];
        say!(
            "{:>4} {:>5} {:>5} {:>7.1} {:>7.1} {:>7.1} {:>7.1} {:>7.1} {:>7.1} {:>8.3} {:>8.3} {:>7} {:>8.1}",
            r["n"], r["operations"], r["types"],
            f(&ms["read"]), f(&ms["lower"]), f(&ms["emit"]), f(&ms["format"]), f(&ms["write"]), f(&ms["total"]),
            f(&r["ms_per_operation"]), f(&r["in_process_ms_per_operation"]), r["lines"], f(&r["peak_rss_mb"]),
        );
    }
}

fn print_builds(rows: &[Value]) {
    say!(
        "\ngenerated crate alone (debug, dependencies prebuilt; fastest run, slowest in brackets)"
    );
    say!(
        "{:>4} {:>16} {:>10} {:>16} {:>10}",
        "N",
        "build s",
        "build MB",
        "check s",
        "check MB"
    );
    let seconds = |m: &Value| format!("{:.1} ({:.1})", f(&m["seconds"]), f(&m["slowest_seconds"]));
    for r in rows {
        say!(
            "{:>4} {:>16} {:>10.0} {:>16} {:>10.0}",
            r["n"],
            seconds(&r["build"]),
            f(&r["build"]["peak_rss_mb"]),
            seconds(&r["check"]),
            f(&r["check"]["peak_rss_mb"]),
        );
    }
    for r in rows.iter().filter(|r| r.get("build_one_group").is_some()) {
        say!(
            "{:>4} {:>16} {:>10.0}   (build with only the `{}` client's feature)",
            r["n"],
            seconds(&r["build_one_group"]),
            f(&r["build_one_group"]["peak_rss_mb"]),
            r["one_group"].as_str().unwrap_or_default(),
        );
    }
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}
