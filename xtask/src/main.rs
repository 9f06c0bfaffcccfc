//! Project tasks. `cargo xtask codegen [--check] [--spec PATH] [--out DIR] [--operation ID]...`
//! regenerates the client crate (or checks that it is current).

/// `println!` that carries on when standard output is closed (`cargo xtask codegen | head`):
/// the report is for reading, and losing it must not stop the work it reports on, such as the
/// next crate's regeneration.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod bench;
mod survey;
mod synthetic;

use azure_codegen::{config::Targets, write, Config, Diagnostic, Severity};
use clap::{Args, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Project tasks.
#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    arg_required_else_help = true,
    disable_version_flag = true
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Generate the client crate (see `cargo xtask codegen --help`)
    Codegen(Codegen),
    /// Measure generation and the generated crate's build (see `cargo xtask bench --help`)
    #[command(disable_help_flag = true)]
    Bench {
        /// Options of the bench task (`--quick`, `--runs K`, `--help`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Generate every API description under a folder in memory and count what generates,
    /// what is refused and why, and any panic (writes nothing)
    Survey {
        /// The folder: every .json, .yaml and .yml file under it is a document.
        dir: PathBuf,
        /// Also write one line per document here: outcome, path, details (tab-separated).
        #[arg(long, value_name = "FILE")]
        list: Option<PathBuf>,
    },
    /// Generates one synthetic crate and times it (used by `bench` in a child process).
    #[command(hide = true)]
    BenchOne {
        /// SPEC OUT RUNS PACKAGE
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// Generates the client crate from the spec named in specs/codegen.toml, and the crates listed
/// in specs/peers.toml (OpenAPI 3.0 documents of other services, written under tests/peers/),
/// specs/autorest.toml (the AutoRest test server's Azure files, written under tests/autorest/)
/// and specs/azure.toml (real Azure spec trees, each from its readme and tag, written under
/// tests/azure/).
#[derive(Args)]
#[command(
    after_help = "Any of --spec, --tag, --spec-root, --out, --package, --operation or --config generates that one crate only, not the crates of specs/peers.toml, specs/autorest.toml or specs/azure.toml."
)]
struct Codegen {
    /// Generate in memory and compare with the output folders; exit 1 and list the stale files
    /// if they differ. Writes nothing.
    #[arg(long)]
    check: bool,
    /// Read this Swagger 2.0 or OpenAPI 3.0 file (JSON or YAML), or this AutoRest readme.md
    /// (the input files of its package), instead. Selects every operation unless --operation
    /// is given.
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// The readme's package to generate (default: the readme's `tag:`).
    #[arg(long, value_name = "TAG")]
    tag: Option<String>,
    /// `$ref`s may reach any file under DIR (default: the nearest folder named `specification`
    /// above the spec, else the spec's own folder); never outside it.
    #[arg(long, value_name = "DIR")]
    spec_root: Option<PathBuf>,
    /// Write the crate here instead (default: generated/).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Cargo package name of the crate (default: from the config; with --spec, derived from the
    /// file name). Lowercase ASCII letters, digits and `_`, starting with a letter.
    #[arg(long, value_name = "NAME", value_parser = package_name)]
    package: Option<String>,
    /// Generate only this operationId; repeat for more.
    #[arg(long = "operation", value_name = "ID")]
    operations: Vec<String>,
    /// Read settings from this TOML file (default: specs/codegen.toml).
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Treat every warning as an error: print them as errors, exit 1 and write nothing (also
    /// `deny_warnings = true` in the config).
    #[arg(long)]
    deny_warnings: bool,
}

/// The lists of further crates kept current next to the default one.
const TARGET_LISTS: [&str; 3] = [
    "specs/peers.toml",
    "specs/autorest.toml",
    "specs/azure.toml",
];

fn main() -> ExitCode {
    // clap exits 2 on usage errors (naming the flag) and 0 for `--help`.
    let cli = Cli::parse();
    match cli.task {
        Task::Codegen(args) => codegen(args),
        Task::Bench { args } => bench::bench(&args, &root()),
        Task::BenchOne { args } => bench::bench_one(&args),
        Task::Survey { dir, list } => survey::survey(&dir, list.as_deref()),
    }
}

/// The repository root: the parent of this crate's folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Checks a `--package` value: the generated code names the crate by it (`use NAME::...`), so it
/// must be a Rust identifier as well as a Cargo package name.
fn package_name(value: &str) -> Result<String, String> {
    let well_formed = value.starts_with(|c: char| c.is_ascii_lowercase())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !well_formed {
        return Err(format!(
            "`{value}` is not a usable package name: use lowercase ASCII letters, digits and `_`, starting with a letter (e.g. `{}`)",
            package_from(value)
        ));
    }
    if !azure_codegen::validate::is_identifier(value) {
        return Err(format!("`{value}` is a Rust keyword"));
    }
    Ok(value.to_string())
}

fn codegen(args: Codegen) -> ExitCode {
    let default_config = root().join("specs/codegen.toml");
    let only_one = args.spec.is_some()
        || args.tag.is_some()
        || args.spec_root.is_some()
        || args.out.is_some()
        || args.package.is_some()
        || !args.operations.is_empty()
        || args.config.as_ref().is_some_and(|c| *c != default_config);
    let check = args.check;
    let deny_warnings = args.deny_warnings;
    let config_path = args.config.clone().unwrap_or(default_config);
    let mut configs = match Config::load(&config_path, &root()) {
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
    for config in &mut configs {
        config.deny_warnings |= deny_warnings;
        if run(config, check) != ExitCode::SUCCESS {
            status = ExitCode::FAILURE;
        }
    }
    status
}

/// Applies the command-line overrides to the config file's settings.
fn adjust(mut config: Config, args: Codegen) -> Config {
    let cwd = std::env::current_dir().unwrap_or_else(|_| root());
    // The default config's `[publishing]` describes the crate it names (its description,
    // docs.rs link and keywords); another spec or package name is another crate, which gets
    // what its own document says unless a config is given for it.
    if args.config.is_none() && (args.spec.is_some() || args.package.is_some()) {
        config.publishing = Default::default();
    }
    if let Some(spec) = args.spec {
        config.spec = cwd.join(spec);
        config.operations.clear();
        config.examples.clear();
        config.namespace = None;
        config.tag = None;
        config.spec_root = None;
        if args.package.is_none() {
            config.package = package_for(&config.spec);
        }
    }
    if let Some(tag) = args.tag {
        config.tag = Some(tag);
    }
    if let Some(spec_root) = args.spec_root {
        config.spec_root = Some(cwd.join(spec_root));
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

/// Generates one crate, prints its warnings, then writes it or checks it. With
/// `deny_warnings`, any warning is printed as an error and nothing is written.
fn run(config: &Config, check: bool) -> ExitCode {
    let start = Instant::now();
    // The library would stop at the first denied warning; here every one is shown.
    let lenient = Config {
        deny_warnings: false,
        ..config.clone()
    };
    let generated = match azure_codegen::generate(&lenient) {
        Ok(g) => g,
        Err(d) => {
            eprintln!("{}", shown(d));
            return ExitCode::FAILURE;
        }
    };
    let warnings = generated.warnings.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if config.deny_warnings && warnings > 0 {
        for w in &generated.warnings {
            eprintln!("{}\n", shown(w.clone().with_severity(Severity::Error)));
        }
        eprintln!(
            "error: {} not generated: {warnings} warning{} denied by `--deny-warnings`; {} was left as it was",
            config.package,
            plural(warnings),
            config.out.display()
        );
        return ExitCode::FAILURE;
    }
    for w in &generated.warnings {
        eprintln!("{}\n", shown(w.clone()));
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let out = config
        .out
        .strip_prefix(&cwd)
        .unwrap_or(&config.out)
        .display();
    if check {
        if !config.out.is_dir() {
            eprintln!(
                "error: {out} does not exist (or is not a folder); run `cargo xtask codegen` to create it"
            );
            return ExitCode::FAILURE;
        }
        return match write::stale_files(&config.out, &generated.files) {
            Ok(stale) if stale.is_empty() => {
                say!(
                    "{out} is up to date ({} files, {warnings} warning{})",
                    generated.files.len(),
                    plural(warnings)
                );
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
    say!(
        "generated {}: {operations} operations, {warnings} warning{} ({} files, {lines} lines) in {out}",
        config.package,
        plural(warnings),
        generated.files.len()
    );
    say!(
        "  {} clients, {} types, {} operations left out",
        ir.clients.len(),
        ir.types.len(),
        ir.omitted.len()
    );
    for f in &generated.files {
        let mark = if summary.changed.contains(&f.path) {
            "written  "
        } else {
            "unchanged"
        };
        say!("  {mark} {}", f.path);
    }
    for r in &summary.removed {
        say!("  removed   {r}");
    }
    let t = generated.timings;
    say!(
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

/// The diagnostic with its file relative to the current folder when it is inside it, as
/// compilers print paths.
fn shown(mut d: Diagnostic) -> Diagnostic {
    if let Ok(cwd) = std::env::current_dir() {
        if let Ok(relative) = d.file.strip_prefix(&cwd) {
            d.file = relative.to_path_buf();
        }
    }
    d
}

/// The default package name for a spec: for an AutoRest readme in Azure's layout
/// (`specification/<service>/resource-manager/readme.md`), `azure_resourcemanager_<service>`
/// (`azure_<service>` for data-plane); else from the file's (a readme's folder's) name.
fn package_for(spec: &Path) -> String {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    if !azure_codegen::read::autorest::is_readme(spec) {
        return package_from(&stem(spec));
    }
    let folder = spec.parent().unwrap_or(Path::new(""));
    let plane = folder.file_name().map(|n| n.to_string_lossy().into_owned());
    let service = folder.parent().map(stem).unwrap_or_default();
    match plane.as_deref() {
        Some("resource-manager") => package_from(&format!("azure_resourcemanager_{service}")),
        Some("data-plane") => package_from(&format!("azure_{service}")),
        _ => package_from(&stem(folder)),
    }
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
