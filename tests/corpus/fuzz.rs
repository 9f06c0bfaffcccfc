//! A deterministic mutation fuzzer over read + lower + emit (+ format): mutated copies of the
//! Microsoft.Web fragment (structure-aware edits of the JSON, then sometimes byte-level damage)
//! must each give a crate or a diagnostic, never a panic (which `generate` reports as an
//! "internal error") or a stack overflow (which aborts the run).
//!
//! Not run in CI. Run it with, e.g.:
//! `FUZZ_CASES=20000 FUZZ_SEED=1 cargo test -p tests --test corpus fuzz -- --ignored --nocapture`

use super::{root, scratch};
use azure_codegen::{emit, lower, read, validate, write, Diagnostic};
use serde_json::{json, Map, Value};
use std::path::Path;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const STRINGS: &[&str] = &[
    "",
    "_",
    "type",
    "self",
    "Self",
    "crate",
    "1st",
    "a-b",
    "a b",
    "*/",
    "\"",
    "\\",
    "#[x]",
    "}",
    "\n",
    "a;b",
    "f(x)",
    "a::b",
    "x!",
    "名前",
    "café",
    "{name}",
    "/",
    "{",
    "}",
    "..",
    "%2F",
    "application/xml",
    "application/json",
    "2.0",
    "3.1.0",
    "file",
    "formData",
    "body",
    "path",
    "query",
    "header",
    "cookie",
    "string",
    "object",
    "array",
    "integer",
    "number",
    "boolean",
    "date-time",
    "int64",
    "float",
    "x-ms-enum",
    "#/definitions/Missing",
    "#/definitions/",
    "./CommonDefinitions.json#/definitions/ErrorResponse",
    "./missing.json",
    "../outside.json",
    "https://example.com/x.json",
    "#",
    "#/parameters/ApiVersionParameter",
    "#definitions/X",
];

fn random_value(rng: &mut Rng, refs: &[String]) -> Value {
    match rng.below(12) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(*rng.pick(&[0i64, -1, 1, 200, 404, i64::MAX, i64::MIN])),
        3 => json!(1e308),
        4 => json!([]),
        5 => json!({}),
        6 => json!({ "$ref": rng.pick(refs) }),
        7 => json!({ "$ref": rng.pick(STRINGS) }),
        8 => {
            json!({ "type": rng.pick(STRINGS), "enum": [rng.pick(STRINGS), rng.pick(STRINGS), 1] })
        }
        9 => {
            json!({ "type": "object", "properties": { *rng.pick(STRINGS): { "$ref": rng.pick(refs) } } })
        }
        10 => {
            json!({ "allOf": [{ "$ref": rng.pick(refs) }], "x-ms-enum": { "name": rng.pick(STRINGS), "modelAsString": true } })
        }
        _ => json!(rng.pick(STRINGS)),
    }
}

/// A random node's path from the root (as indices into objects' keys / arrays).
fn random_path(rng: &mut Rng, root: &Value) -> Vec<usize> {
    let mut path = Vec::new();
    let mut node = root;
    loop {
        let len = match node {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => 0,
        };
        if len == 0 || (path.len() > 1 && rng.below(4) == 0) {
            return path;
        }
        let i = rng.below(len);
        path.push(i);
        node = match node {
            Value::Object(m) => m.values().nth(i).unwrap(),
            Value::Array(a) => &a[i],
            _ => unreachable!(),
        };
    }
}

fn node_at<'a>(root: &'a mut Value, path: &[usize]) -> &'a mut Value {
    let mut node = root;
    for &i in path {
        node = match node {
            Value::Object(m) => m.values_mut().nth(i).unwrap(),
            Value::Array(a) => &mut a[i],
            _ => unreachable!(),
        };
    }
    node
}

fn mutate(rng: &mut Rng, doc: &mut Value, refs: &[String]) {
    let path = random_path(rng, doc);
    let Some((&last, parent_path)) = path.split_last() else {
        return;
    };
    let replacement = random_value(rng, refs);
    let donor = {
        let other = random_path(rng, doc);
        node_at(doc, &other).clone()
    };
    let parent = node_at(doc, parent_path);
    match (rng.below(6), parent) {
        (0, Value::Object(m)) => {
            let key = m.keys().nth(last).unwrap().clone();
            m.remove(&key);
        }
        (0, Value::Array(a)) => {
            a.remove(last);
        }
        (1, Value::Object(m)) => {
            // Rename a key, keeping its value.
            let key = m.keys().nth(last).unwrap().clone();
            let value = m.remove(&key).unwrap();
            m.insert(rng.pick(STRINGS).to_string(), value);
        }
        (2, Value::Object(m)) => {
            m.insert(rng.pick(STRINGS).to_string(), donor);
        }
        (2, Value::Array(a)) => a.push(donor),
        (3, Value::Object(m)) => {
            let mut copy = Map::new();
            for (k, v) in m.iter().rev() {
                copy.insert(k.clone(), v.clone());
            }
            *m = copy;
        }
        (_, p) => *node_at(p, &[last]) = replacement,
    }
}

/// read + lower + validate + emit, and formatting (which parses every emitted file) when
/// `format` is set: the stages of `generate`, without its thread, so a panic is caught here.
fn stages(spec: &Path, format: bool) -> Result<(), Diagnostic> {
    let parsed = read::read(spec)?;
    let ir = lower::lower(
        &parsed,
        &lower::Selection {
            package: "fuzz_client".into(),
            ..Default::default()
        },
    )?;
    validate::validate(&ir, spec)?;
    let files = emit::emit(&ir);
    if format {
        write::format(files, "fuzz.json", spec)?;
    }
    Ok(())
}

#[test]
#[ignore = "fuzzing run; see the module docs"]
fn fuzz_read_lower_emit_never_panics() {
    // The generator's own thread has a large stack (see `azure_codegen::generate`); so does
    // this one, as it calls the stages directly.
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(fuzz)
        .unwrap()
        .join()
        .unwrap();
}

fn fuzz() {
    let cases: usize = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed);
    let source = root().join("specs/web-2024-04-01");
    let dir = scratch("fuzz");
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    std::fs::create_dir_all(dir.join("examples")).unwrap();
    for entry in std::fs::read_dir(source.join("examples")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("examples").join(path.file_name().unwrap())).unwrap();
    }
    let original: Value = serde_json::from_str(
        &std::fs::read_to_string(source.join("workflows-hostruntime.json")).unwrap(),
    )
    .unwrap();
    let mut refs: Vec<String> = original["definitions"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| format!("#/definitions/{k}"))
        .collect();
    refs.extend(
        STRINGS
            .iter()
            .filter(|s| s.contains('#'))
            .map(|s| s.to_string()),
    );

    let mut rng = Rng(seed.max(1));
    let (mut generated, mut refused) = (0usize, 0usize);
    let mut panics = Vec::new();
    let spec = dir.join("fuzz.json");
    let start = std::time::Instant::now();
    for case in 0..cases {
        let mut doc = original.clone();
        for _ in 0..1 + rng.below(4) {
            mutate(&mut rng, &mut doc, &refs);
        }
        let mut bytes = serde_json::to_vec_pretty(&doc).unwrap();
        match rng.below(10) {
            0 => bytes.truncate(rng.below(bytes.len())),
            1 => {
                let i = rng.below(bytes.len());
                bytes[i] = *rng.pick(b"{}[]\",:\\\x00\xff ");
            }
            _ => {}
        }
        std::fs::write(&spec, &bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| stages(&spec, case % 4 == 0));
        match outcome {
            Ok(Ok(())) => generated += 1,
            Err(_) => {
                let kept = dir.join(format!("panic-{case}.json"));
                std::fs::copy(&spec, &kept).unwrap();
                panics.push(format!("case {case}: kept as {}", kept.display()));
            }
            Ok(Err(d)) if d.message.starts_with("internal error") => {
                panics.push(format!("case {case}: {d}"));
            }
            Ok(Err(d)) => {
                assert!(!d.message.is_empty() && d.file.starts_with(&dir), "{d}");
                refused += 1;
            }
        }
    }
    println!(
        "fuzz: {cases} inputs from seed {seed} in {:.1?}: {generated} generated, {refused} refused with a diagnostic, {} panics or internal errors",
        start.elapsed(),
        panics.len()
    );
    assert!(panics.is_empty(), "{}", panics.join("\n"));
}
