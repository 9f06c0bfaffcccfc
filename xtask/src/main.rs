//! Project tasks. `cargo xtask codegen [--check] [--spec PATH] [--out DIR] [--operation ID]...`
//! regenerates the client crate (or checks that it is current).

mod bench;
mod synthetic;

use azure_codegen::{config::Targets, write, Config};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const HELP: &str = "\
cargo xtask codegen [OPTIONS]

Generates the client crate from the spec named in specs/codegen.toml, and the crates listed in
specs/peers.toml (OpenAPI 3.0 documents of other services, written under peers/) and
specs/autorest.toml (the AutoRest test server's Azure files, written under tests/autorest/).

Options:
  --check            Generate in memory and compare with the output folders; exit 1 and list
                     the stale files if they differ. Writes nothing.
  --spec PATH        Read this Swagger 2.0 or OpenAPI 3.0 file (JSON or YAML) instead.
                     Selects every operation unless --operation is given.
  --out DIR          Write the crate here instead (default: generated/).
  --package NAME     Cargo package name of the crate (default: from the config; with --spec,
                     derived from the file name).
  --operation ID     Generate only this operationId; repeat for more.
  --config PATH      Read settings from this TOML file (default: specs/codegen.toml).
                     Any of --spec, --out, --package, --operation or --config generates that
                     one crate only, not the specs/peers.toml or specs/autorest.toml crates.
  -h, --help         Show this help.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("codegen") => codegen(&args[1..]),
        Some("bench") => bench::bench(&args[1..], &root()),
        Some("bench-one") => bench::bench_one(&args[1..]),
        Some("-h" | "--help") | None => {
            print!("cargo xtask <TASK>\n\nTasks:\n  codegen    Generate the client crate (see `cargo xtask codegen --help`)\n  bench      Measure generation and the generated crate's build (see `cargo xtask bench --help`)\n");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("error: unknown task `{other}`; try `cargo xtask --help`");
            ExitCode::from(2)
        }
    }
}

/// The repository root: the parent of this crate's folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The lists of further crates kept current next to the default one.
const TARGET_LISTS: [&str; 2] = ["specs/peers.toml", "specs/autorest.toml"];

struct Args {
    check: bool,
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
    package: Option<String>,
    operations: Vec<String>,
    config: PathBuf,
}

fn parse(args: &[String]) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        check: false,
        spec: None,
        out: None,
        package: None,
        operations: Vec::new(),
        config: root().join("specs/codegen.toml"),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--check" => parsed.check = true,
            "--spec" => parsed.spec = Some(PathBuf::from(value("--spec")?)),
            "--out" => parsed.out = Some(PathBuf::from(value("--out")?)),
            "--package" => parsed.package = Some(value("--package")?),
            "--operation" => parsed.operations.push(value("--operation")?),
            "--config" => parsed.config = PathBuf::from(value("--config")?),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(Some(parsed))
}

fn codegen(args: &[String]) -> ExitCode {
    let args = match parse(args) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    let only_one = args.spec.is_some()
        || args.out.is_some()
        || args.package.is_some()
        || !args.operations.is_empty()
        || args.config != root().join("specs/codegen.toml");
    let check = args.check;
    let mut configs = match Config::load(&args.config, &root()) {
        Ok(c) => vec![adjust(c, args)],
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::FAILURE;
        }
    };
    if !only_one {
        for list in TARGET_LISTS {
            match Targets::load(&root().join(list), &root()) {
                Ok(targets) => configs.extend(targets.crates),
                Err(d) => {
                    eprintln!("{d}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    let mut status = ExitCode::SUCCESS;
    for config in &configs {
        if run(config, check) != ExitCode::SUCCESS {
            status = ExitCode::FAILURE;
        }
    }
    status
}

/// Applies the command-line overrides to the config file's settings.
fn adjust(mut config: Config, args: Args) -> Config {
    let cwd = std::env::current_dir().unwrap_or_else(|_| root());
    if let Some(spec) = args.spec {
        config.spec = cwd.join(spec);
        config.operations.clear();
        config.examples.clear();
        if args.package.is_none() {
            let stem = config
                .spec
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            config.package = package_from(&stem);
        }
    }
    if let Some(out) = args.out {
        config.out = cwd.join(out);
    }
    if let Some(package) = args.package {
        config.package = package;
    }
    if !args.operations.is_empty() {
        config.examples.retain(|e| args.operations.contains(e));
        config.operations = args.operations;
    }
    config
}

/// Generates one crate, then writes it or checks it.
fn run(config: &Config, check: bool) -> ExitCode {
    let start = Instant::now();
    let generated = match azure_codegen::generate(config) {
        Ok(g) => g,
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::FAILURE;
        }
    };
    let out = config.out.display();
    if check {
        return match write::stale_files(&config.out, &generated.files) {
            Ok(stale) if stale.is_empty() => {
                println!("{out} is up to date ({} files)", generated.files.len());
                ExitCode::SUCCESS
            }
            Ok(stale) => {
                eprintln!(
                    "error: {out} is stale; run `cargo xtask codegen` and commit the result:"
                );
                for s in stale {
                    eprintln!("  {s}");
                }
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("error: cannot read {out}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let summary = match write::write(&config.out, &generated.files) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot write {out}: {e} (the folder was left as it was)");
            return ExitCode::FAILURE;
        }
    };
    let elapsed = start.elapsed();
    let ir = &generated.ir;
    let operations: usize = ir.clients.values().map(|c| c.operations.len()).sum();
    let lines: usize = generated.files.iter().map(|f| f.text.lines().count()).sum();
    println!(
        "generated {} ({} files, {lines} lines) in {out}",
        config.package,
        generated.files.len()
    );
    println!(
        "  {operations} operations in {} clients, {} types",
        ir.clients.len(),
        ir.types.len()
    );
    for f in &generated.files {
        let mark = if summary.changed.contains(&f.path) {
            "written  "
        } else {
            "unchanged"
        };
        println!("  {mark} {}", f.path);
    }
    for r in &summary.removed {
        println!("  removed   {r}");
    }
    let t = generated.timings;
    println!(
        "  took {:.1} ms (read {:.1}, lower {:.1}, emit {:.1} and format {:.1} across cores, write {:.1})",
        elapsed.as_secs_f64() * 1e3,
        t.read.as_secs_f64() * 1e3,
        t.lower.as_secs_f64() * 1e3,
        t.emit.as_secs_f64() * 1e3,
        t.format.as_secs_f64() * 1e3,
        elapsed.saturating_sub(t.total).as_secs_f64() * 1e3,
    );
    ExitCode::SUCCESS
}

/// A Cargo package name from a file stem: lowercase, `_` between words.
fn package_from(stem: &str) -> String {
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_matches('_').to_string();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("client_{name}")
    } else {
        name
    }
}
