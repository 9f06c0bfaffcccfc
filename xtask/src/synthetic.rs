//! Synthetic specs that scale the fragment: `n` copies of its operations (operationId groups and
//! paths renamed) over `ceil(n / 3)` copies of its definitions, each operation copy pointing at
//! one definition copy, so size grows like a real resource provider's.

use serde_json::{Map, Value};
use std::path::Path;

/// Writes the scaled spec for `n` next to a copy of the fragment's folder and returns its path.
pub fn write(fragment_dir: &Path, out_dir: &Path, n: usize) -> Result<std::path::PathBuf, String> {
    copy_dir(fragment_dir, out_dir)
        .map_err(|e| format!("cannot copy {}: {e}", fragment_dir.display()))?;
    let source = fragment_dir.join("workflows-hostruntime.json");
    let text = std::fs::read_to_string(&source)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let doc: Value =
        serde_json::from_str(&text).map_err(|e| format!("invalid {}: {e}", source.display()))?;
    let scaled = scale(&doc, n)?;
    let path = out_dir.join(format!("scaled-{n}.json"));
    let text = serde_json::to_string_pretty(&scaled).map_err(|e| e.to_string())?;
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The fragment with `n` operation copies over `ceil(n / 3)` definition copies.
pub fn scale(doc: &Value, n: usize) -> Result<Value, String> {
    let paths = doc
        .get("paths")
        .and_then(Value::as_object)
        .ok_or("the fragment has no paths")?;
    let definitions = doc
        .get("definitions")
        .and_then(Value::as_object)
        .ok_or("the fragment has no definitions")?;
    let names: Vec<&String> = definitions.keys().collect();
    let mut out = doc.clone();
    let mut new_paths = Map::new();
    let mut new_definitions = Map::new();
    for copy in 0..n.div_ceil(3) {
        for (name, def) in definitions {
            let mut def = def.clone();
            rename_refs(&mut def, &names, copy);
            new_definitions.insert(suffixed(name, copy), def);
        }
    }
    for copy in 0..n {
        for (path, item) in paths {
            let mut item = item.clone();
            rename_refs(&mut item, &names, copy / 3);
            rename_operation_ids(&mut item, copy);
            let path = if copy == 0 {
                path.clone()
            } else {
                path.replacen("/hostruntime/", &format!("/hostruntime{copy}/"), 1)
            };
            new_paths.insert(path, item);
        }
    }
    out["paths"] = Value::Object(new_paths);
    out["definitions"] = Value::Object(new_definitions);
    Ok(out)
}

fn suffixed(name: &str, copy: usize) -> String {
    if copy == 0 {
        name.to_string()
    } else {
        format!("{name}{copy}")
    }
}

/// Points local definition refs (and x-ms-enum names, which name types too) at copy `copy`.
fn rename_refs(value: &mut Value, names: &[&String], copy: usize) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match (key.as_str(), child) {
                    ("$ref", Value::String(target)) => {
                        if let Some(name) = target.strip_prefix("#/definitions/") {
                            if names.iter().any(|n| n.as_str() == name) {
                                *target = format!("#/definitions/{}", suffixed(name, copy));
                            }
                        }
                    }
                    ("x-ms-enum", Value::Object(e)) => {
                        if let Some(Value::String(name)) = e.get_mut("name") {
                            *name = suffixed(name, copy);
                        }
                    }
                    (_, child) => rename_refs(child, names, copy),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| rename_refs(i, names, copy)),
        _ => {}
    }
}

/// `Group_Name` becomes `Group{copy}_Name`, so every copy is another set of clients.
fn rename_operation_ids(item: &mut Value, copy: usize) {
    if copy == 0 {
        return;
    }
    if let Some(map) = item.as_object_mut() {
        for op in map.values_mut() {
            if let Some(Value::String(id)) = op.get_mut("operationId") {
                *id = match id.split_once('_') {
                    Some((group, name)) => format!("{group}{copy}_{name}"),
                    None => format!("{id}{copy}"),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_scale_counts_operations_and_definitions() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../specs/web-2024-04-01/workflows-hostruntime.json"
        ))
        .unwrap_or_default();
        let doc: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let scaled = scale(&doc, 30).unwrap_or(Value::Null);
        let ops: usize = scaled["paths"].as_object().map_or(0, |p| {
            p.values()
                .map(|i| i.as_object().map_or(0, |m| m.len()))
                .sum()
        });
        assert_eq!(ops, 750);
        assert_eq!(
            scaled["definitions"].as_object().map_or(0, |d| d.len()),
            80 * 10
        );
        let text = scaled.to_string();
        assert!(text.contains("\"Workflows29_RegenerateAccessKey\""));
        assert!(text.contains("#/definitions/RegenerateActionParameter9\""));
        assert!(!text.contains("#/definitions/RegenerateActionParameter10\""));
    }
}
