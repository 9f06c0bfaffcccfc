//! `cargo xtask survey DIR`: runs the generator, in memory, over every API description under a
//! folder, and reports how many generate, how many are refused and why, and whether any made
//! the generator panic. Nothing is written. It is how the generator is measured on documents
//! nobody here wrote (a directory of public API descriptions), and what to run before and
//! after a change that should make more of them generate.

use azure_codegen::{generate, Config};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The outcome for one document.
enum Outcome {
    Generated { operations: usize, warnings: usize },
    Refused(String),
    Panicked(String),
}

/// Runs the survey over `dir`; `--list FILE` also writes one line per document (outcome and
/// path, tab-separated).
pub fn survey(dir: &Path, list: Option<&Path>) -> ExitCode {
    let documents = documents(dir);
    if documents.is_empty() {
        eprintln!(
            "error: no .json, .yaml or .yml file under {}",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let start = Instant::now();
    let mut lines = Vec::new();
    let (mut generated, mut operations, mut warnings) = (0, 0, 0);
    let mut refused: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut panicked = Vec::new();
    for (i, doc) in documents.iter().enumerate() {
        let shown = doc.strip_prefix(dir).unwrap_or(doc).display().to_string();
        let outcome = run_one(doc, i);
        let line = match &outcome {
            Outcome::Generated {
                operations: o,
                warnings: w,
            } => {
                generated += 1;
                operations += o;
                warnings += w;
                format!("generated\t{shown}\t{o} operations, {w} warnings")
            }
            Outcome::Refused(reason) => {
                refused.entry(reason.clone()).or_default().push(doc.clone());
                format!("refused\t{shown}\t{reason}")
            }
            Outcome::Panicked(message) => {
                panicked.push((shown.clone(), message.clone()));
                format!("panicked\t{shown}\t{message}")
            }
        };
        lines.push(line);
        if (i + 1) % 250 == 0 {
            eprintln!("  {} of {} documents", i + 1, documents.len());
        }
    }
    let total = documents.len();
    say!(
        "{generated} of {total} documents generate ({:.1} %), {} refused, {} panicked; {operations} operations, {warnings} warnings; {:.0} s",
        100.0 * generated as f64 / total as f64,
        total - generated - panicked.len(),
        panicked.len(),
        start.elapsed().as_secs_f64()
    );
    let mut reasons: Vec<_> = refused.iter().collect();
    reasons.sort_by_key(|(reason, docs)| (std::cmp::Reverse(docs.len()), reason.as_str()));
    for (reason, docs) in reasons {
        let example = docs
            .first()
            .and_then(|d| d.strip_prefix(dir).ok())
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        say!("{:>6}  {reason}  (e.g. {example})", docs.len());
    }
    for (doc, message) in &panicked {
        say!("panicked: {doc}: {message}");
    }
    if let Some(list) = list {
        lines.push(String::new());
        if let Err(e) = std::fs::write(list, lines.join("\n")) {
            eprintln!("error: cannot write {}: {e}", list.display());
            return ExitCode::FAILURE;
        }
    }
    if panicked.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Generates one document in memory, every operation selected, as `codegen --spec` would.
fn run_one(doc: &Path, i: usize) -> Outcome {
    let config = Config {
        spec: doc.to_path_buf(),
        out: PathBuf::from("unused"),
        package: format!("survey_{i}"),
        ..Config::default()
    };
    match generate(&config) {
        Ok(g) => Outcome::Generated {
            operations: g.ir.clients.values().map(|c| c.operations.len()).sum(),
            warnings: g.warnings.len(),
        },
        Err(d) if d.message.starts_with("internal error") => Outcome::Panicked(d.message),
        Err(d) => Outcome::Refused(reason(&d.message)),
    }
}

/// A refusal's message with the names in it (between backticks) taken out, so documents
/// refused for the same reason are counted together.
fn reason(message: &str) -> String {
    let parts: Vec<&str> = message
        .split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { "…" } else { part })
        .collect();
    parts.join("`").chars().take(140).collect()
}

/// Every `.json`, `.yaml` and `.yml` file under `dir`, sorted.
fn documents(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "json" || e == "yaml" || e == "yml")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
