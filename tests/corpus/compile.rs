//! The generated code compiles: every corpus case that generates, plus the seed spec, is
//! written as a member of a throwaway workspace under `target/corpus-check/` and checked
//! with `cargo check --offline` against the dependencies already in the lock file, with every
//! client's feature on and with none. Its own target folder keeps the build from waiting on
//! (or invalidating) the outer one; after the first run only the generated crates are checked
//! again. The checked-in Azure client is checked there too with one client's feature only.

use super::{cases::cases, config_for, root};
use azure_codegen::{generate, write};
use std::process::Command;

#[test]
fn test_every_generated_corpus_crate_compiles() {
    let base = root().join("target").join("corpus-check");
    let ws = base.join("ws");
    let _ = std::fs::remove_dir_all(&ws);
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
    let list: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    std::fs::write(
        ws.join("Cargo.toml"),
        format!(
            // The outer workspace's dependency profile, so the check of the Azure client there
            // reuses the dependencies built here.
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n\n[profile.dev.package.\"*\"]\ndebug = false\n",
            list.join(", ")
        ),
    )
    .unwrap();
    std::fs::copy(root().join("Cargo.lock"), ws.join("Cargo.lock")).unwrap();
    let every_client = features.join(",");
    for features in [every_client.as_str(), ""] {
        let stderr = check(
            &ws,
            &base,
            &[
                "--workspace",
                "--no-default-features",
                "--features",
                features,
            ],
        );
        assert!(
            stderr.is_ok(),
            "generated corpus crates do not compile ({} members, features `{features}`):\n{}",
            members.len(),
            stderr.unwrap_or_else(|e| e)
        );
        // Warning-free too, as users build with `-D warnings`.
        let stderr = stderr.unwrap_or_default();
        assert!(
            !stderr.contains("warning"),
            "generated corpus crates compile with warnings (features `{features}`):\n{stderr}"
        );
    }
}

/// The checked-in Azure client builds, warning-free, with no client's feature and with one
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
        let result = check(
            &root(),
            &base,
            &[
                "--package",
                "azure_resourcemanager_web_workflows",
                "--no-default-features",
                "--features",
                features,
            ],
        );
        let stderr = match result {
            Ok(stderr) => stderr,
            Err(stderr) => {
                panic!("the Azure client does not build with features `{features}`:\n{stderr}")
            }
        };
        assert!(
            !stderr.contains("warning"),
            "the Azure client builds with warnings with features `{features}`:\n{stderr}"
        );
    }
}

/// `cargo check --offline --lib` in `dir` with `args`, in `base`'s target folder: stderr, as
/// `Err` when the check fails.
fn check(dir: &std::path::Path, base: &std::path::Path, args: &[&str]) -> Result<String, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", base.join("target"))
        .env_remove("RUSTFLAGS")
        .args([
            "check",
            "--offline",
            "--lib",
            "--message-format",
            "short",
            "--quiet",
        ])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.success() {
        Ok(stderr)
    } else {
        Err(stderr)
    }
}
