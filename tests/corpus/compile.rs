//! The generated code compiles: every corpus case that generates, plus the seed spec, is
//! written as a member of a throwaway workspace under `target/corpus-check/` and checked
//! with `cargo check --offline` against the dependencies already in the lock file. Its own
//! target folder keeps the build from waiting on (or invalidating) the outer one; after the
//! first run only the generated crates are checked again.

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
    for (name, spec, _) in cases() {
        let mut config = config_for(&spec);
        config.package = format!("corpus_{name}");
        let Ok(generated) = generate(&config) else {
            continue;
        };
        write::write(&ws.join(&name), &generated.files).unwrap();
        members.push(name);
    }
    assert!(members.len() >= 15, "only {} cases generate", members.len());
    let list: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    std::fs::write(
        ws.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            list.join(", ")
        ),
    )
    .unwrap();
    std::fs::copy(root().join("Cargo.lock"), ws.join("Cargo.lock")).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(&ws)
        .env("CARGO_TARGET_DIR", base.join("target"))
        .env_remove("RUSTFLAGS")
        .args([
            "check",
            "--offline",
            "--workspace",
            "--lib",
            "--no-default-features",
            "--message-format",
            "short",
            "--quiet",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "generated corpus crates do not compile ({} members):\n{stderr}",
        members.len()
    );
    // Warning-free too, as users build with `-D warnings`.
    assert!(
        !stderr.contains("warning"),
        "generated corpus crates compile with warnings:\n{stderr}"
    );
}
