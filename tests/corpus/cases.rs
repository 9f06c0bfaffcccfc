//! The table-driven corpus: one case per spec under `cases/` (a file, or a folder whose
//! `spec.json` / `spec.yaml` / AutoRest `readme.md` is the root), each with its exact expected outcome.

use super::{corpus_dir, render, run, summary};
use std::path::{Path, PathBuf};

/// (case name, root spec file, expected-outcome file), sorted by name.
pub fn cases() -> Vec<(String, PathBuf, PathBuf)> {
    let dir = corpus_dir().join("cases");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let spec = ["spec.json", "spec.yaml", "readme.md"]
                .iter()
                .map(|f| path.join(f))
                .find(|p| p.exists())
                .unwrap_or_else(|| {
                    panic!("case folder {name} has no spec.json, spec.yaml or readme.md")
                });
            out.push((name, spec, path.join("expected.txt")));
        } else if name.ends_with(".expected") {
            continue;
        } else {
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            let expected = dir.join(format!("{stem}.expected"));
            out.push((stem.to_string(), path, expected));
        }
    }
    out.sort();
    out
}

/// The outcome of one case, as stored in its `.expected` file.
pub fn outcome(spec: &Path) -> String {
    match run(spec) {
        Ok(generated) => {
            let mut out = String::from("ok\n");
            for w in &generated.warnings {
                out.push_str(&render(w));
                out.push_str("\n\n");
            }
            out.push_str(&summary::summary(&generated));
            out.push_str(&left_out(&generated));
            out
        }
        Err(d) => format!("{}\n", render(&d)),
    }
}

/// The crate README's list of operations not generated, if it has one.
fn left_out(generated: &azure_codegen::GeneratedCrate) -> String {
    let readme = generated
        .files
        .iter()
        .find(|f| f.path == "README.md")
        .map(|f| f.text.as_str())
        .unwrap_or_default();
    let Some((_, rest)) = readme.split_once("\nNot generated:\n\n") else {
        return String::new();
    };
    let list: String = rest
        .lines()
        .take_while(|l| l.starts_with("- "))
        .map(|l| format!("  {l}\n"))
        .collect();
    format!("README.md: not generated\n{list}")
}

#[test]
fn test_every_corpus_case_gives_its_exact_expected_outcome() {
    let bless = std::env::var_os("CORPUS_BLESS").is_some();
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "the corpus has {} cases; it should have at least 40",
        cases.len()
    );
    let mut failures = Vec::new();
    for (name, spec, expected_file) in &cases {
        let actual = outcome(spec);
        if bless {
            std::fs::write(expected_file, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(expected_file).unwrap_or_else(|_| {
            panic!(
                "case {name}: no {} (run with CORPUS_BLESS=1 and read it)",
                expected_file.display()
            )
        });
        if expected != actual {
            failures.push(format!(
                "case {name}:\n--- expected\n{expected}\n--- actual\n{actual}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases differ:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn test_error_cases_name_the_file_the_pointer_and_a_position() {
    // Every diagnostic of the corpus points into a file; all but the ones about a file as a
    // whole (unreadable, too large, empty) also give a JSON pointer and a line and column.
    let whole_file = ["file_empty", "file_not_utf8", "yaml_alias_bomb"];
    for (name, spec, _) in cases() {
        let Err(d) = run(&spec) else { continue };
        assert!(
            d.file.starts_with(corpus_dir()),
            "case {name}: {}",
            d.file.display()
        );
        if whole_file.contains(&name.as_str()) {
            continue;
        }
        assert!(
            d.position.is_some(),
            "case {name}: no line and column:\n{d}"
        );
        assert!(d.snippet.is_some(), "case {name}: no snippet:\n{d}");
        assert!(
            d.pointer.starts_with('#')
                || d.message.starts_with("invalid JSON")
                || d.message.starts_with("invalid YAML"),
            "case {name}: no pointer:\n{d}"
        );
    }
}

#[test]
fn test_output_is_identical_from_another_folder_and_a_second_run() {
    // Nothing in the output may depend on where the spec lives, on the run, or on hash
    // order: every generating case, copied elsewhere, gives byte-identical files.
    let elsewhere = super::scratch("elsewhere");
    let mut compared = 0;
    for (name, spec, _) in cases() {
        let Ok(first) = run(&spec) else { continue };
        let source_dir = spec.parent().unwrap();
        let copy_dir = elsewhere.join(&name);
        std::fs::create_dir_all(&copy_dir).unwrap();
        for entry in std::fs::read_dir(source_dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, copy_dir.join(path.file_name().unwrap())).unwrap();
            }
        }
        let second = run(&copy_dir.join(spec.file_name().unwrap())).unwrap();
        assert_eq!(first.files, second.files, "case {name}");
        compared += 1;
    }
    assert!(compared >= 15);
    let _ = std::fs::remove_dir_all(&elsewhere);
}

#[test]
fn test_an_operation_that_cannot_be_generated_is_an_error_when_selected() {
    let spec = super::corpus_dir().join("cases/operations_skipped.json");
    let all = run(&spec).unwrap();
    let left_out: Vec<&str> = all.ir.omitted.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(left_out.len(), 5, "{left_out:?}");
    // `Tags` (reached only by the skipped `Things_Update`) has an unknown format: its
    // warning goes with the operation. The others: the 5 operations, the definition
    // `Blob`, which cannot be converted, and the made-up name of `GET /health`. The definition `Unused` and the parameter `Upload`
    // are reached by no operation, so they are not read at all.
    assert_eq!(all.warnings.len(), 7, "{:#?}", all.warnings);
    assert!(all.warnings.iter().all(|w| !w.message.contains("hue")));
    for id in left_out {
        let config = azure_codegen::Config {
            operations: vec![id.to_string()],
            ..super::config_for(&spec)
        };
        let d = azure_codegen::generate(&config).err().unwrap();
        assert!(!d.is_warning(), "{id}: {d}");
        let why = &all.ir.omitted.iter().find(|o| o.id == id).unwrap().reason;
        assert!(d.message.contains(why.as_str()), "{id}: {d}");
    }
    // Selecting only what can be generated leaves no operation out, and what only the
    // other operations reach is not read, so there is nothing to warn about.
    let config = azure_codegen::Config {
        operations: vec!["Things_Get".into()],
        ..super::config_for(&spec)
    };
    let only = azure_codegen::generate(&config).unwrap();
    let warned: Vec<&str> = only.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warned.len(), 0, "{warned:#?}");
    assert!(
        warned.iter().all(|m| !m.starts_with("operation")),
        "{warned:#?}"
    );
    assert!(only.ir.omitted.is_empty());
    // The crate is the same as when the others are skipped: nothing they reached leaks.
    assert_eq!(only.ir.types.keys().collect::<Vec<_>>(), ["Thing"]);
    // `Receipt` is the 201 model of `Things_Put`, whose statuses answer different models.
    assert_eq!(
        all.ir.types.keys().collect::<Vec<_>>(),
        ["Receipt", "Thing"]
    );
}

#[test]
fn test_warnings_name_the_file_the_pointer_and_a_position() {
    // Warnings carry the same location data as errors: every one of the corpus points into
    // a corpus file, at a JSON pointer, with a line, a column and a snippet.
    let mut seen = 0;
    for (name, spec, _) in cases() {
        let Ok(generated) = run(&spec) else { continue };
        for w in &generated.warnings {
            assert!(w.is_warning(), "case {name}: {w}");
            assert!(w.file.starts_with(super::corpus_dir()), "case {name}: {w}");
            assert!(w.pointer.starts_with('#'), "case {name}: {w}");
            assert!(
                w.position.is_some() && w.snippet.is_some(),
                "case {name}: {w}"
            );
            seen += 1;
        }
    }
    assert!(seen >= 20, "only {seen} warnings in the corpus");
}

#[test]
fn test_a_document_without_operations_is_a_crate_of_its_models() {
    let spec = super::corpus_dir().join("cases/models_only.json");
    let all = run(&spec).unwrap();
    assert!(all.ir.clients.is_empty());
    // Every component schema is a model, the one no other schema uses too; `Broken` (a
    // broken `$ref`) is left out with a warning.
    let types: Vec<&str> = all.ir.types.keys().map(String::as_str).collect();
    assert_eq!(types, ["Carrier", "Line", "OrderShipped", "Unreachable"]);
    assert!(all
        .warnings
        .iter()
        .any(|w| w.message.starts_with("schema `Broken` is left out")));
    let readme = all.files.iter().find(|f| f.path == "README.md").unwrap();
    assert!(readme.text.contains("This document declares no operations"));
    assert!(!all.files.iter().any(|f| f.path.starts_with("src/clients/")));
    // A selection that names no operation is still an error, not a crate of models.
    let config = azure_codegen::Config {
        operations: vec!["OrderShipped_Get".into()],
        ..super::config_for(&spec)
    };
    let d = azure_codegen::generate(&config).err().unwrap();
    assert!(!d.is_warning(), "{d}");
    assert!(d.message.contains("was selected"), "{d}");
}
