//! Specs too big or too deep to commit, made at test time: nesting 10,000 levels deep in JSON
//! and YAML, chains of 10,000 `$ref`s, nesting built up by inlining files, and a 70 MB file.
//! Each must end in a clear error, never a stack overflow or unbounded memory.

use super::{render, run, scratch};
use std::fmt::Write as _;
use std::path::Path;

/// A Swagger 2.0 spec whose one operation takes and returns `#/definitions/{body}`.
fn spec(definitions: &str, body: &str) -> String {
    format!(
        r##"{{
  "swagger": "2.0",
  "info": {{ "title": "Made", "version": "1" }},
  "host": "management.azure.com",
  "paths": {{ "/t": {{ "put": {{
    "operationId": "Things_Put",
    "parameters": [ {{ "name": "body", "in": "body", "schema": {{ "$ref": "#/definitions/{body}" }} }} ],
    "responses": {{ "200": {{ "description": "OK" }} }}
  }} }} }},
  "definitions": {definitions}
}}
"##
    )
}

/// The diagnostic for `text` written as `file` in a fresh folder, with the folder's path
/// replaced by `<dir>`.
fn error_for(name: &str, file: &str, text: &str) -> String {
    let dir = scratch(name);
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    outcome_in(&dir, &path)
}

fn outcome_in(dir: &Path, spec: &Path) -> String {
    let d = run(spec).expect_err("the spec must be refused");
    let text = render(&d).replace(&dir.display().to_string(), "<dir>");
    let _ = std::fs::remove_dir_all(dir);
    text.replace(
        &format!("<corpus>/{}", dir.file_name().unwrap().to_string_lossy()),
        "<dir>",
    )
}

#[test]
fn test_json_nested_10000_deep_is_a_parse_error_not_a_stack_overflow() {
    let mut schema = String::new();
    for _ in 0..10_000 {
        schema.push_str(r#"{"type":"object","properties":{"a":"#);
    }
    schema.push_str(r#"{"type":"string"}"#);
    for _ in 0..10_000 {
        schema.push_str("}}");
    }
    let text = spec(&format!("{{\"Deep\": {schema}}}"), "Deep");
    let error = error_for("deep-json", "spec.json", &text);
    assert!(
        error.starts_with("error: invalid JSON: recursion limit exceeded at line 10 column 2227 (the document nests more than 128 levels deep)\n  --> <dir>/spec.json:10:2227\n"),
        "{error}"
    );
}

#[test]
fn test_yaml_nested_10000_deep_is_a_parse_error_not_a_stack_overflow() {
    let text = format!(
        "swagger: \"2.0\"\ninfo: {{title: Made, version: \"1\"}}\npaths: {{}}\ndefinitions:\n  Deep: {}{}\n",
        "{properties: {a: ".repeat(10_000),
        "}}".repeat(10_000)
    );
    let error = error_for("deep-yaml", "spec.yaml", &text);
    assert!(
        error.starts_with("error: invalid YAML: recursion limit exceeded"),
        "{error}"
    );
    assert!(error.contains("  --> <dir>/spec.yaml:5:"), "{error}");
}

#[test]
fn test_chain_of_10000_definitions_is_refused_at_the_nesting_limit() {
    let mut defs = String::from("{");
    for i in 0..10_000 {
        let _ = write!(
            defs,
            r##""D{i}": {{ "type": "object", "properties": {{ "next": {{ "$ref": "#/definitions/D{}" }} }} }},"##,
            i + 1
        );
    }
    defs.push_str(r#""D10000": { "type": "object" } }"#);
    let error = error_for("ref-chain", "spec.json", &spec(&defs, "D0"));
    assert!(
        error.starts_with("error: schemas (through `$ref`s and inline) nest more than 96 levels deep here; refusing to go further\n  --> <dir>/spec.json:10:"),
        "{error}"
    );
    assert!(
        error.ends_with("= at #/definitions/D95/properties/next"),
        "{error}"
    );
}

#[test]
fn test_chain_of_10000_ref_aliases_is_refused_at_the_nesting_limit() {
    let mut defs = String::from("{");
    for i in 0..10_000 {
        let _ = write!(
            defs,
            r##""A{i}": {{ "$ref": "#/definitions/A{}" }},"##,
            i + 1
        );
    }
    defs.push_str(
        r#""A10000": { "type": "object", "properties": { "x": { "type": "string" } } } }"#,
    );
    let error = error_for("alias-chain", "spec.json", &spec(&defs, "A0"));
    assert!(
        error.starts_with(
            "error: schemas (through `$ref`s and inline) nest more than 96 levels deep here"
        ),
        "{error}"
    );
}

#[test]
fn test_inline_schema_nested_past_the_limit_is_refused() {
    // 70 levels of `items` stay under the parser's limit but over lowering's.
    let schema = format!(
        "{}{{\"type\": \"string\"}}{}",
        r#"{"type": "array", "items": "#.repeat(70),
        "}".repeat(70)
    );
    let defs = format!(r#"{{"T": {{"type": "object", "properties": {{"deep": {schema}}}}}}}"#);
    let error = error_for("deep-inline", "spec.json", &spec(&defs, "T"));
    assert!(
        error.starts_with("error: schema nested more than 64 levels deep; refusing to go further\n  --> <dir>/spec.json:10:"),
        "{error}"
    );
}

#[test]
fn test_nesting_built_by_inlining_files_is_bounded() {
    // Each file is 100 levels deep (under the parser's limit of 128) and ends in a
    // whole-file `$ref` to the next: inlined, the document would be 300 levels deep.
    let dir = scratch("inline-nesting");
    let open = r#"{"a": "#.repeat(100);
    let close = "}".repeat(100);
    std::fs::write(
        dir.join("a.json"),
        format!(r#"{open}{{"$ref": "./b.json"}}{close}"#),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.json"),
        format!(r#"{open}{{"$ref": "./c.json"}}{close}"#),
    )
    .unwrap();
    std::fs::write(dir.join("c.json"), format!(r#"{open}1{close}"#)).unwrap();
    let text = spec(
        r#"{"T": {"type": "object", "properties": {"x": { "$ref": "./a.json" }}}}"#,
        "T",
    );
    let path = dir.join("spec.json");
    std::fs::write(&path, text).unwrap();
    let error = outcome_in(&dir, &path);
    assert!(
        error.starts_with("error: the document nests more than 128 levels deep here once the files its `$ref`s name are inlined; refusing to go further\n  --> <dir>/b.json:1:"),
        "{error}"
    );
}

#[test]
fn test_70_mb_spec_is_refused_with_a_size_error_without_reading_it_all() {
    let dir = scratch("huge");
    let path = dir.join("spec.json");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        write!(f, r#"{{"swagger": "2.0", "info": {{"title": "Huge", "version": "1"}}, "paths": {{}}, "definitions": {{"#).unwrap();
        let mut written = 0usize;
        let mut i = 0usize;
        while written < 70 * 1024 * 1024 {
            let entry = format!(
                r#""D{i}": {{"type": "object", "description": "{}"}},"#,
                "x".repeat(1000)
            );
            written += entry.len();
            f.write_all(entry.as_bytes()).unwrap();
            i += 1;
        }
        write!(f, r#""Last": {{}}}}}}"#).unwrap();
    }
    assert!(std::fs::metadata(&path).unwrap().len() > 70 * 1024 * 1024);
    let start = std::time::Instant::now();
    let error = outcome_in(&dir, &path);
    assert_eq!(
        error,
        "error: the file is larger than 64 MiB; refusing to read it\n  --> <dir>/spec.json"
    );
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}
