//! What to generate: the spec, the output crate and the selected operations.

use crate::diagnostics::Diagnostic;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Generation settings, usually read from `specs/codegen.toml`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The Swagger 2.0 or OpenAPI 3.0 document (JSON or YAML).
    pub spec: PathBuf,
    /// Where the crate is written.
    pub out: PathBuf,
    /// Cargo package name of the generated crate.
    pub package: String,
    /// Tracing namespace (`az.namespace`), e.g. `Microsoft.Web`.
    #[serde(default)]
    pub namespace: Option<String>,
    /// operationIds to generate; empty means every operation.
    #[serde(default)]
    pub operations: Vec<String>,
    /// operationIds that also get an example program.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Every warning is an error: nothing is generated when there is one (`deny_warnings =
    /// true`, or `--deny-warnings` on the command line).
    #[serde(default)]
    pub deny_warnings: bool,
    /// What the crate's `Cargo.toml` tells crates.io (a `[publishing]` table).
    #[serde(default)]
    pub publishing: Publishing,
}

/// Package metadata for crates.io; everything is optional, and a crate is not publishable
/// (`publish = false`) unless `publish = true`.
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Publishing {
    /// The product description; by default, one made from the spec's title and version.
    #[serde(default)]
    pub description: Option<String>,
    /// The source repository's URL.
    #[serde(default)]
    pub repository: Option<String>,
    /// The project's home page.
    #[serde(default)]
    pub homepage: Option<String>,
    /// Where the documentation lives (e.g. docs.rs).
    #[serde(default)]
    pub documentation: Option<String>,
    /// Up to five crates.io keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// crates.io category slugs.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Whether `cargo publish` may upload the crate.
    #[serde(default)]
    pub publish: bool,
}

impl Config {
    /// Reads a TOML config; relative paths in it are taken from the file's folder's parent
    /// when the file lives in `specs/` (so `spec = "specs/..."` reads naturally) — precisely:
    /// relative to `root`.
    pub fn load(file: &Path, root: &Path) -> Result<Config, Diagnostic> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Diagnostic::new(file, "", format!("cannot read the config: {e}")))?;
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            let mut d = Diagnostic::new(file, "", format!("invalid config: {}", e.message()));
            if let Some(span) = e.span() {
                let (line, column) = crate::read::position_of_offset(&text, span.start);
                d = d.at(line, column);
            }
            d
        })?;
        config.spec = root.join(&config.spec);
        config.out = root.join(&config.out);
        Ok(config)
    }
}

/// More crates `cargo xtask codegen` keeps current besides the default one, read from
/// `specs/peers.toml`: a list of `[[crate]]` tables with `spec`, `out` and `package`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// The crates, in file order.
    #[serde(rename = "crate", default)]
    pub crates: Vec<Config>,
}

impl Targets {
    /// Reads a targets file; relative paths are taken from `root`.
    pub fn load(file: &Path, root: &Path) -> Result<Targets, Diagnostic> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Diagnostic::new(file, "", format!("cannot read the targets: {e}")))?;
        let mut targets: Targets = toml::from_str(&text).map_err(|e| {
            let mut d = Diagnostic::new(file, "", format!("invalid targets: {}", e.message()));
            if let Some(span) = e.span() {
                let (line, column) = crate::read::position_of_offset(&text, span.start);
                d = d.at(line, column);
            }
            d
        })?;
        for config in &mut targets.crates {
            config.spec = root.join(&config.spec);
            config.out = root.join(&config.out);
        }
        Ok(targets)
    }
}
