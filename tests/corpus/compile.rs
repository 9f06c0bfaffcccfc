//! The generated code passes a user's CI: every corpus case that generates is written as a
//! member of one throwaway workspace under `target/corpus-check/` and linted with
//! `cargo clippy --offline -- -D warnings` against the dependencies already in the lock file,
//! with every client's feature on (library and examples) and with none (library), then
//! documented with `cargo doc --no-deps` and `RUSTDOCFLAGS=-D warnings` (every feature).
//! Its own target folder keeps the build from waiting on (or invalidating) the outer one; the
//! dependencies are built once for all the members, and after the first run only the
//! generated crates are linted again. The checked-in Azure client is linted there too with
//! one client's feature only and with none.

use super::{cases::cases, config_for, root};
use azure_codegen::{generate, write};
use std::process::Command;

#[test]
fn test_every_generated_corpus_crate_compiles() {
    let base = root().join("target").join("corpus-check");
    let ws = base.join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let mut members = Vec::new();
    let mut features = Vec::new();
    for (name, spec, _) in cases() {
        let mut config = config_for(&spec);
        config.package = format!("corpus_{name}");
        let Ok(generated) = generate(&config) else {
            continue;
        };
        write::write(&ws.join(&name), &generated.files).unwrap();
        features.extend(
            generated
                .ir
                .clients
                .values()
                .map(|c| format!("{}/{}", config.package, c.feature)),
        );
        members.push(name);
    }
    assert!(members.len() >= 15, "only {} cases generate", members.len());
    // The folders of cases that are gone or no longer generate go; the others keep the times
    // of their unchanged files (`write` keeps them), so cargo lints again only what changed.
    for entry in std::fs::read_dir(&ws).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() && !members.contains(&name) {
            std::fs::remove_dir_all(entry.path()).unwrap();
        }
    }
    let list: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    write_if_changed(
        &ws.join("Cargo.toml"),
        &format!(
            // The outer workspace's dependency profile, so the check of the Azure client there
            // reuses the dependencies built here.
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n\n[profile.dev.package.\"*\"]\ndebug = false\n",
            list.join(", ")
        ),
    );
    write_if_changed(
        &ws.join("Cargo.lock"),
        &std::fs::read_to_string(root().join("Cargo.lock")).unwrap(),
    );
    let every_client = features.join(",");
    for (features, targets) in [
        (every_client.as_str(), &["--lib", "--examples"][..]),
        ("", &["--lib"][..]),
    ] {
        let mut args = vec![
            "--workspace",
            "--no-default-features",
            "--features",
            features,
        ];
        args.extend_from_slice(targets);
        if let Err(stderr) = cargo(&ws, &base, Lint::Clippy, &args) {
            panic!(
                "generated corpus crates fail `cargo clippy -- -D warnings` ({} members, features `{features}`):\n{stderr}",
                members.len()
            );
        }
    }
    // Spec text reaches the docs: rustdoc's own lints (bare URLs, broken links, HTML) too.
    let args = [
        "--workspace",
        "--no-deps",
        "--no-default-features",
        "--features",
        every_client.as_str(),
    ];
    if let Err(stderr) = cargo(&ws, &base, Lint::Doc, &args) {
        panic!(
            "generated corpus crates fail `cargo doc` with `-D warnings` ({} members):\n{stderr}",
            members.len()
        );
    }
}

/// The checked-in Azure client passes `cargo clippy -- -D warnings` with no client's feature and with one
/// (a pageable group, and one whose types include no enumeration). azure_core's own default
/// features stay off so the dependencies built for the corpus check are reused.
#[test]
fn test_generated_client_builds_with_one_or_no_client_feature() {
    let base = root().join("target").join("corpus-check");
    for features in [
        "",
        "workflow_runs",
        "workflow_run_action_repetitions_request_histories",
    ] {
        let args = [
            "--package",
            "azure_resourcemanager_web_workflows",
            "--lib",
            "--no-default-features",
            "--features",
            features,
        ];
        if let Err(stderr) = cargo(&root(), &base, Lint::Clippy, &args) {
            panic!("the Azure client fails `cargo clippy -- -D warnings` with features `{features}`:\n{stderr}")
        }
    }
}

/// Writes `text` to `path` unless it holds it already (keeping its time for cargo).
fn write_if_changed(path: &std::path::Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
    }
}

/// What a user's CI runs on a crate.
#[derive(Clone, Copy)]
enum Lint {
    /// `cargo clippy -- -D warnings`.
    Clippy,
    /// `cargo doc` with `RUSTDOCFLAGS=-D warnings`.
    Doc,
}

/// `cargo clippy` or `cargo doc`, offline, in `dir` with `args`, in `base`'s target folder,
/// with every warning an error: `Err(stderr)` when it fails.
fn cargo(
    dir: &std::path::Path,
    base: &std::path::Path,
    lint: Lint,
    args: &[&str],
) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", base.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("RUSTDOCFLAGS");
    match lint {
        Lint::Clippy => command
            .args([
                "clippy",
                "--offline",
                "--message-format",
                "short",
                "--quiet",
            ])
            .args(args)
            .args(["--", "-D", "warnings"]),
        Lint::Doc => command
            .env("RUSTDOCFLAGS", "-D warnings")
            .args(["doc", "--offline", "--message-format", "short", "--quiet"])
            .args(args),
    };
    let output = command.output().unwrap();
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}
