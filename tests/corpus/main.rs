//! The bad-and-tricky spec corpus: every file under `tests/corpus/cases/` is generated and the
//! outcome compared with the `.expected` file next to it, either the exact diagnostic (as the
//! xtask prints it) or a summary of every item, field, variant and method generated. Also:
//! specs made at test time (deep nesting, 70 MB), injection, compiling the output, the
//! all-or-nothing write, and a mutation fuzzer run on demand.
//!
//! `CORPUS_BLESS=1 cargo test -p tests --test corpus` rewrites the `.expected` files; read
//! every change before committing it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cases;
mod compile;
mod fuzz;
mod injection;
mod made;
mod summary;
mod trees;
mod write;

use azure_codegen::{generate, Config, Diagnostic, GeneratedCrate};
use std::path::{Path, PathBuf};

/// `tests/corpus`.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A config generating every operation of `spec`.
pub fn config_for(spec: &Path) -> Config {
    Config {
        spec: spec.to_path_buf(),
        out: spec.with_extension("out"),
        package: "corpus_client".into(),
        namespace: Some("Corpus".into()),
        operations: Vec::new(),
        examples: Vec::new(),
        ..Config::default()
    }
}

/// Generates every operation of `spec`.
pub fn run(spec: &Path) -> Result<GeneratedCrate, Diagnostic> {
    generate(&config_for(spec))
}

/// A fresh scratch folder under the workspace target dir (not the system temp dir, so that
/// large files made at test time stay with the build output).
pub fn scratch(name: &str) -> PathBuf {
    let dir = root()
        .join("target")
        .join("corpus-scratch")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The diagnostic as printed, with machine-specific folders replaced by stable names.
pub fn render(d: &Diagnostic) -> String {
    let mut text = d.to_string();
    let corpus = corpus_dir();
    let mut prefixes = vec![corpus.display().to_string()];
    if let Ok(canonical) = std::fs::canonicalize(&corpus) {
        prefixes.push(canonical.display().to_string());
    }
    let scratch = root().join("target").join("corpus-scratch");
    prefixes.push(scratch.display().to_string());
    if let Ok(canonical) = std::fs::canonicalize(&scratch) {
        prefixes.push(canonical.display().to_string());
    }
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for p in prefixes {
        text = text.replace(&p, "<corpus>");
    }
    text
}
