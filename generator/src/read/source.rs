//! The input files as text, and the map from pointers in the converted document back to the
//! file and pointer they came from, so diagnostics name what the user wrote.

use super::locate;
use crate::diagnostics::Diagnostic;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest spec file read; larger ones are refused before parsing, bounding memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// One input file.
#[derive(Debug)]
pub struct SourceFile {
    /// Its path, as given or as resolved from a `$ref`.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// JSON (positions can be found) rather than YAML.
    pub json: bool,
}

/// Every file read, and where each part of the converted document came from.
#[derive(Debug)]
pub struct SourceMap {
    root: PathBuf,
    root_dir: PathBuf,
    files: BTreeMap<PathBuf, SourceFile>,
    /// Converted-document pointer prefix -> (file, pointer in that file).
    origins: BTreeMap<String, (PathBuf, String)>,
}

impl SourceMap {
    /// Loads the root spec file.
    pub fn new(root: &Path) -> Result<Self, Diagnostic> {
        let root_dir = root
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let mut map = SourceMap {
            root: root.to_path_buf(),
            root_dir,
            files: BTreeMap::new(),
            origins: BTreeMap::new(),
        };
        let text = read_text(root).map_err(|m| Diagnostic::new(root, "", m))?;
        map.insert(root.to_path_buf(), text);
        Ok(map)
    }

    fn insert(&mut self, path: PathBuf, text: String) {
        let json = is_json(&path, &text);
        self.files
            .insert(path.clone(), SourceFile { path, text, json });
    }

    /// The root file, parsed.
    pub fn root_value(&self) -> Result<Value, Diagnostic> {
        self.parse(&self.root)
    }

    /// The folder of the root file: `$ref`s may not leave it.
    pub fn root_dir(&self) -> &Path {
        &self.root_dir
    }

    /// The root file's path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Loads (once) and parses the file at `path`.
    pub fn load(&mut self, path: &Path) -> Result<Value, String> {
        if !self.files.contains_key(path) {
            let text = read_text(path)?;
            self.insert(path.to_path_buf(), text);
        }
        self.parse(path).map_err(|d| d.to_string())
    }

    fn parse(&self, path: &Path) -> Result<Value, Diagnostic> {
        let Some(file) = self.files.get(path) else {
            return Err(Diagnostic::new(path, "", "file was not loaded"));
        };
        if file.json {
            serde_json::from_str(&file.text).map_err(|e| {
                let d = Diagnostic::new(path, "", format!("invalid JSON: {e}"));
                with_snippet(d.at(e.line().max(1), e.column().max(1)), &file.text)
            })
        } else {
            serde_yaml::from_str(&file.text).map_err(|e| {
                let mut d = Diagnostic::new(path, "", format!("invalid YAML: {e}"));
                if let Some(loc) = e.location() {
                    d = with_snippet(d.at(loc.line(), loc.column()), &file.text);
                }
                d
            })
        }
    }

    /// Records that the converted node at `converted` came from `original` in `file`.
    pub fn map(&mut self, converted: String, file: &Path, original: String) {
        self.origins
            .insert(converted, (file.to_path_buf(), original));
    }

    /// A diagnostic about the converted node at `pointer`, located in the file it came from.
    pub fn diagnostic(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        let (file, original) = self.origin(pointer);
        self.diagnostic_in(&file, &original, message)
    }

    /// A diagnostic about the node at `pointer` of `file` as read (no conversion involved).
    pub fn diagnostic_in(
        &self,
        file: &Path,
        pointer: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let mut d = Diagnostic::new(file, pointer, message);
        if let Some(source) = self.files.get(file).filter(|f| f.json) {
            if let Some((line, column)) = locate::locate(&source.text, pointer) {
                d = with_snippet(d.at(line, column), &source.text);
            }
        }
        d
    }

    /// The longest recorded prefix of `pointer` decides the file; the rest is kept.
    pub fn origin(&self, pointer: &str) -> (PathBuf, String) {
        let mut prefix = pointer;
        loop {
            if let Some((file, original)) = self.origins.get(prefix) {
                return (
                    file.clone(),
                    format!("{original}{}", &pointer[prefix.len()..]),
                );
            }
            match prefix.rfind('/') {
                Some(i) => prefix = &prefix[..i],
                None => return (self.root.clone(), pointer.to_string()),
            }
        }
    }
}

fn is_json(path: &Path, text: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => true,
        Some("yaml" | "yml") => false,
        _ => text.trim_start().starts_with(['{', '[']),
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let mut text = String::new();
    let read = file
        .take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read the file as UTF-8 text: {e}"))?;
    if read as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the file is larger than {} MiB; refusing to read it",
            MAX_FILE_BYTES / 1024 / 1024
        ));
    }
    Ok(text)
}

/// Adds the line before, the line itself and a caret under the column.
fn with_snippet(mut d: Diagnostic, text: &str) -> Diagnostic {
    let Some((line, column)) = d.position else {
        return d;
    };
    let lines: Vec<&str> = text.lines().collect();
    let Some(current) = lines.get(line.saturating_sub(1)) else {
        return d;
    };
    let width = line.to_string().len();
    let mut out = format!("{:width$} |\n", "");
    if line >= 2 {
        if let Some(prev) = lines.get(line - 2) {
            out.push_str(&format!("{:>width$} | {}\n", line - 1, clip(prev)));
        }
    }
    out.push_str(&format!("{line:>width$} | {}\n", clip(current)));
    let caret_at = current
        .chars()
        .take(column.saturating_sub(1))
        .count()
        .min(160);
    out.push_str(&format!("{:width$} | {}^", "", " ".repeat(caret_at)));
    d.snippet = Some(out);
    d
}

fn clip(line: &str) -> String {
    const MAX: usize = 160;
    if line.chars().count() > MAX {
        let mut s: String = line.chars().take(MAX).collect();
        s.push('…');
        s
    } else {
        line.to_string()
    }
}
