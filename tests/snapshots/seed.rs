//! The seed operation: its IR, byte-identical output, and the checked-in crate being current.

use super::{default_config, root};
use azure_codegen::{generate, write};

#[test]
fn test_seed_operation_ir() {
    let generated = generate(&default_config()).unwrap();
    let ir = &generated.ir;
    assert!(ir.operation("Workflows_RegenerateAccessKey").is_some());
    insta::assert_yaml_snapshot!("seed_ir", ir);
}

#[test]
fn test_generation_is_byte_identical_across_runs() {
    let first = generate(&default_config()).unwrap();
    let second = generate(&default_config()).unwrap();
    assert_eq!(first.files.len(), second.files.len());
    for (a, b) in first.files.iter().zip(&second.files) {
        assert_eq!(a.path, b.path);
        assert!(a.text == b.text, "{} differs between runs", a.path);
    }
}

#[test]
fn test_checked_in_crate_is_current() {
    let config = default_config();
    let generated = generate(&config).unwrap();
    let stale = write::stale_files(&root().join("generated"), &generated.files).unwrap();
    assert!(
        stale.is_empty(),
        "generated/ is stale; run `cargo xtask codegen`:\n{}",
        stale.join("\n")
    );
}

#[test]
fn test_stale_files_reports_changed_missing_and_extra_files() {
    let generated = generate(&default_config()).unwrap();
    let dir = std::env::temp_dir().join(format!("codegen-stale-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    write::write(&dir, &generated.files).unwrap();
    assert!(write::stale_files(&dir, &generated.files)
        .unwrap()
        .is_empty());

    std::fs::write(dir.join("src/lib.rs"), "// edited by hand\n").unwrap();
    std::fs::remove_file(dir.join("src/runtime.rs")).unwrap();
    std::fs::write(dir.join("src/extra.rs"), "").unwrap();
    let stale = write::stale_files(&dir, &generated.files).unwrap();
    assert_eq!(
        stale,
        vec![
            "src/lib.rs (differs)".to_string(),
            "src/runtime.rs (missing)".to_string(),
            "src/extra.rs (not generated)".to_string(),
        ]
    );

    // Writing again restores exactly the generated files.
    let summary = write::write(&dir, &generated.files).unwrap();
    assert_eq!(summary.removed, vec!["src/extra.rs".to_string()]);
    assert!(write::stale_files(&dir, &generated.files)
        .unwrap()
        .is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn test_seed_client_source_shape() {
    let generated = generate(&default_config()).unwrap();
    let client = super::file(&generated, "src/clients/workflows_client.rs");
    insta::assert_snapshot!("seed_client", client);
}
