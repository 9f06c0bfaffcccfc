//! The xtask binary on bad specs: it prints the diagnostic, exits non-zero, and leaves the
//! output folder exactly as it was.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("target")
        .join("xtask-cli")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn xtask(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap()
}

const GOOD: &str = r#"{
  "swagger": "2.0",
  "info": { "title": "Cli", "version": "1" },
  "host": "management.azure.com",
  "paths": { "/things/{name}": { "get": {
    "operationId": "Things_Get",
    "parameters": [ { "name": "name", "in": "path", "required": true, "type": "string" } ],
    "responses": { "200": { "description": "OK" } }
  } } }
}
"#;

#[test]
fn test_bad_spec_exits_non_zero_prints_the_diagnostic_and_leaves_the_output_untouched() {
    let dir = scratch("bad");
    let out = dir.join("out");
    std::fs::create_dir_all(out.join("src")).unwrap();
    std::fs::write(out.join("src/lib.rs"), "// the previous crate\n").unwrap();
    std::fs::write(out.join("keep.txt"), "not generated\n").unwrap();
    let before = snapshot(&dir);

    let spec = dir.join("spec.json");
    std::fs::write(&spec, GOOD.replace("\"get\"", "\"get\" \"oops\"")).unwrap();
    let run = xtask(&[
        "codegen",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error: invalid JSON: expected `:` at line 5 column 40\n  --> {}:5:40\n   |\n 4 |",
            spec.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("\n   |                                        ^^^^^^\n"),
        "{stderr}"
    );
    let mut after = snapshot(&dir);
    after.remove(&spec);
    let mut expected = before;
    expected.remove(&spec);
    assert_eq!(after, expected, "the output folder changed");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn test_good_spec_replaces_the_output_and_a_later_bad_one_keeps_it() {
    let dir = scratch("good-then-bad");
    let out = dir.join("out");
    let spec = dir.join("spec.json");
    std::fs::write(&spec, GOOD).unwrap();
    let args = [
        "codegen",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let run = xtask(&args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let generated = snapshot(&out);
    assert!(generated.contains_key(&out.join("src/clients/things_client.rs")));

    // A semantic error (found after reading, while lowering) also writes nothing.
    std::fs::write(&spec, GOOD.replace("/things/{name}", "/things")).unwrap();
    let run = xtask(&args);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "error: path parameter `name` of `Things_Get` does not appear in the path `/things`"
        ),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), generated);
    // And no staging folder is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        {
            let mut l = leftovers;
            l.sort();
            l
        },
        ["out", "spec.json"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn test_no_task_is_a_usage_error_with_the_usage() {
    let run = xtask(&[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Usage: cargo xtask <COMMAND>"), "{stderr}");
    assert!(stderr.contains("codegen"), "{stderr}");
    assert!(stderr.contains("bench"), "{stderr}");
}

#[test]
fn test_unknown_flag_and_missing_value_exit_2_naming_the_flag() {
    let run = xtask(&["codegen", "--chek"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("'--chek'"), "{stderr}");
    assert!(
        stderr.contains("--check"),
        "the nearest flag is suggested: {stderr}"
    );

    let run = xtask(&["codegen", "--out"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--out <DIR>"), "{stderr}");

    let run = xtask(&["generate"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("'generate'"));
}

#[test]
fn test_help_lists_every_flag_and_exits_0() {
    let run = xtask(&["codegen", "--help"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0));
    for flag in [
        "--check",
        "--spec <PATH>",
        "--out <DIR>",
        "--package <NAME>",
        "--operation <ID>",
        "--config <PATH>",
    ] {
        assert!(stdout.contains(flag), "{flag} missing from\n{stdout}");
    }
}

#[test]
fn test_bad_package_name_is_a_usage_error_not_an_internal_one() {
    let dir = scratch("bad-package");
    let spec = dir.join("spec.json");
    std::fs::write(&spec, GOOD).unwrap();
    for bad in ["Bad-Name", "9lives", "type"] {
        let run = xtask(&[
            "codegen",
            "--spec",
            spec.to_str().unwrap(),
            "--out",
            dir.join("out").to_str().unwrap(),
            "--package",
            bad,
        ]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("invalid value '{bad}' for '--package <NAME>'")),
            "{stderr}"
        );
        assert!(!stderr.contains("internal error"), "{stderr}");
        assert!(!dir.join("out").exists());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn test_unknown_operation_lists_the_closest_operation_ids() {
    let dir = scratch("unknown-operation");
    let spec = dir.join("spec.json");
    let two = GOOD.replace(
        r#""responses": { "200": { "description": "OK" } }
  } } }"#,
        r#""responses": { "200": { "description": "OK" } }
  }, "delete": {
    "operationId": "Things_Delete",
    "parameters": [ { "name": "name", "in": "path", "required": true, "type": "string" } ],
    "responses": { "200": { "description": "OK" } }
  } }, "/other": { "get": { "operationId": "Unrelated_List", "responses": { "200": { "description": "OK" } } } } }"#,
    );
    assert_ne!(two, GOOD);
    std::fs::write(&spec, two).unwrap();
    let run = xtask(&[
        "codegen",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        dir.join("out").to_str().unwrap(),
        "--operation",
        "things_gte",
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: operation `things_gte` was selected but the spec has no operation with that operationId; the closest operationIds are `Things_Get`, `Things_Delete`\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("Unrelated_List"), "{stderr}");
    assert!(!dir.join("out").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn test_check_on_a_missing_folder_says_it_is_absent() {
    let dir = scratch("check-missing");
    let spec = dir.join("spec.json");
    std::fs::write(&spec, GOOD).unwrap();
    let out = dir.join("nowhere");
    let run = xtask(&[
        "codegen",
        "--check",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "error: {} does not exist (or is not a folder); run `cargo xtask codegen` to create it\n",
            out.display()
        )
    );
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `GOOD` with one more operation that cannot be generated (its only answer is a redirect)
/// and a string property of an unknown format.
const WARNED: &str = r##"{
  "swagger": "2.0",
  "info": { "title": "Cli", "version": "1" },
  "host": "management.azure.com",
  "paths": {
    "/things/{name}": { "get": {
      "operationId": "Things_Get",
      "parameters": [ { "name": "name", "in": "path", "required": true, "type": "string" } ],
      "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Thing" } } }
    } },
    "/console": { "get": {
      "operationId": "Session_Console",
      "responses": { "101": { "description": "Switching Protocols" } }
    } }
  },
  "definitions": {
    "Thing": { "type": "object", "properties": { "price": { "type": "string", "format": "money" } } }
  }
}
"##;

#[test]
fn test_warnings_are_printed_and_counted_and_deny_warnings_writes_nothing() {
    let dir = scratch("warned");
    let spec = dir.join("warned.json");
    std::fs::write(&spec, WARNED).unwrap();
    let out = dir.join("out");
    let (spec_arg, out_arg) = (spec.to_str().unwrap(), out.to_str().unwrap());

    let strict = xtask(&[
        "codegen",
        "--spec",
        spec_arg,
        "--out",
        out_arg,
        "--deny-warnings",
    ]);
    assert_eq!(strict.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&strict.stderr);
    assert!(
        stderr.contains("error: operation `Session_Console` is left out: it answers only `101 Switching Protocols`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: unknown `format: money`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 warnings denied by `--deny-warnings`"),
        "{stderr}"
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
    assert!(!out.exists(), "nothing may be written");

    let lenient = xtask(&["codegen", "--spec", spec_arg, "--out", out_arg]);
    assert_eq!(lenient.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&lenient.stderr);
    let stdout = String::from_utf8_lossy(&lenient.stdout);
    assert!(
        stderr.contains("warning: operation `Session_Console` is left out"),
        "{stderr}"
    );
    assert!(stderr.contains("= at #/paths/~1console/get"), "{stderr}");
    assert!(
        stdout.contains("generated warned: 1 operations, 2 warnings"),
        "{stdout}"
    );
    let readme = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(
        readme.contains("- `Session_Console`: it answers only `101 Switching Protocols`"),
        "{readme}"
    );

    // The config key does what the flag does.
    let config = dir.join("codegen.toml");
    std::fs::write(
        &config,
        format!(
            "spec = {spec_arg:?}\nout = {:?}\npackage = \"warned\"\ndeny_warnings = true\n",
            dir.join("out2").to_str().unwrap()
        ),
    )
    .unwrap();
    let from_config = xtask(&["codegen", "--config", config.to_str().unwrap()]);
    assert_eq!(
        from_config.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&from_config.stderr)
    );
    assert!(!dir.join("out2").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
