//! Snapshot tests of the IR and of the emitted code, plus determinism and staleness checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod focused;
mod groups;
mod peers;
mod seed;

use azure_codegen::{generate, Config, GeneratedCrate};
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The default config, as `cargo xtask codegen` reads it.
pub fn default_config() -> Config {
    Config::load(&root().join("specs/codegen.toml"), &root()).unwrap()
}

/// Generates from a spec written to a fresh temporary folder.
pub fn generate_from_text(name: &str, text: &str, operations: &[&str]) -> GeneratedCrate {
    let dir = std::env::temp_dir().join(format!("codegen-snap-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("spec.json");
    std::fs::write(&spec, text).unwrap();
    let config = Config {
        spec,
        out: dir.join("out"),
        package: "focused_client".into(),
        namespace: Some("Test".into()),
        operations: operations.iter().map(|s| s.to_string()).collect(),
        examples: Vec::new(),
        ..Config::default()
    };
    let generated = generate(&config).unwrap_or_else(|d| panic!("{d}"));
    let _ = std::fs::remove_dir_all(&dir);
    generated
}

/// One generated file's text.
pub fn file<'a>(generated: &'a GeneratedCrate, path: &str) -> &'a str {
    &generated
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no file {path}"))
        .text
}
