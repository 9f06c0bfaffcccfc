//! The input files as text, and the map from pointers in the converted document back to the
//! file and pointer they came from, so diagnostics name what the user wrote.

use super::locate;
use crate::diagnostics::{Diagnostic, Warnings};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest spec file read; larger ones are refused before parsing, bounding memory. Microsoft
/// Graph's OpenAPI documents, the largest real ones known here, are 20 and 45 MiB of minified
/// JSON.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Largest total of all files one spec reads (the root and every file its `$ref`s reach).
pub const MAX_TOTAL_BYTES: u64 = 128 * 1024 * 1024;

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
    /// Files other than the root, parsed once: an x-ms-examples file named by many
    /// operations is not parsed again for each.
    parsed: BTreeMap<PathBuf, Value>,
    /// Bytes of all files read so far.
    total: u64,
    /// Converted-document pointer prefix -> (file, pointer in that file).
    origins: BTreeMap<String, (PathBuf, String)>,
    /// The warnings of this run, from every stage.
    pub warnings: Warnings,
    /// Operations the read stage could not take and removed from the document; the lower
    /// stage leaves them out with a warning (or refuses them when they were selected).
    pub skipped: Vec<Skipped>,
    /// Components (definitions, parameters, ...) the read stage could not take and removed,
    /// by converted pointer (`#/components/schemas/Name`), with why: a `$ref` to one fails
    /// with that diagnostic.
    pub left_out: BTreeMap<String, Diagnostic>,
    /// (file, path key) of the path items read from a file's `x-ms-paths` into its `paths`.
    pub x_ms_paths: BTreeSet<(PathBuf, String)>,
    /// Canonical pointers of the schemas that `$ref`s name outside the named definitions
    /// (`#/paths/~1a/get/responses/200/content/application~1json/schema`): the converted
    /// node at each is kept for the lower stage.
    pub targets: BTreeSet<String>,
}

/// An operation removed from the document while reading, and why.
#[derive(Clone, Debug)]
pub struct Skipped {
    /// Its operationId, or `METHOD /path` when it has none.
    pub id: String,
    /// Pointer of the operation (`#/paths/~1things/get`).
    pub pointer: String,
    /// What is wrong with it, located in the input.
    pub reason: Diagnostic,
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
            parsed: BTreeMap::new(),
            total: 0,
            origins: BTreeMap::new(),
            warnings: Warnings::new(),
            skipped: Vec::new(),
            left_out: BTreeMap::new(),
            x_ms_paths: BTreeSet::new(),
            targets: BTreeSet::new(),
        };
        let text = read_text(root).map_err(|m| Diagnostic::new(root, "", m))?;
        map.insert(root.to_path_buf(), text);
        Ok(map)
    }

    fn insert(&mut self, path: PathBuf, text: String) {
        self.total += text.len() as u64;
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
            if self.total + text.len() as u64 > MAX_TOTAL_BYTES {
                return Err(format!(
                    "the spec's files add up to more than {} MiB; refusing to read more",
                    MAX_TOTAL_BYTES / 1024 / 1024
                ));
            }
            self.insert(path.to_path_buf(), text);
        }
        if let Some(value) = self.parsed.get(path) {
            return Ok(value.clone());
        }
        let value = self.parse(path).map_err(|d| d.to_string())?;
        self.parsed.insert(path.to_path_buf(), value.clone());
        Ok(value)
    }

    /// The node at `tokens` (object keys) of the file at `path`, loaded (once) and parsed:
    /// `Ok(None)` when the file has no such node.
    pub fn load_node(&mut self, path: &Path, tokens: &[String]) -> Result<Option<Value>, String> {
        if !self.parsed.contains_key(path) {
            self.load(path)?;
        }
        let mut node = self.parsed.get(path);
        for token in tokens {
            node = node.and_then(|n| n.get(token));
        }
        Ok(node.cloned())
    }

    fn parse(&self, path: &Path) -> Result<Value, Diagnostic> {
        let Some(file) = self.files.get(path) else {
            return Err(Diagnostic::new(path, "", "file was not loaded"));
        };
        if file.text.trim().is_empty() {
            return Err(Diagnostic::new(
                path,
                "",
                "the file is empty: expected a JSON or YAML document",
            ));
        }
        if file.json {
            serde_json::from_str(&file.text).map_err(|e| {
                let d = Diagnostic::new(
                    path,
                    "",
                    format!("invalid JSON: {}", explain(&e.to_string())),
                );
                d.at(e.line().max(1), e.column().max(1))
                    .with_source(&file.text)
            })
        } else {
            if let Some(offset) = yaml_flow_too_deep(&file.text) {
                let (line, column) = locate::position_of_offset(&file.text, offset);
                let d = Diagnostic::new(
                    path,
                    "",
                    "invalid YAML: recursion limit exceeded (the document nests more than 128 levels deep)",
                );
                return Err(d.at(line, column).with_source(&file.text));
            }
            serde_yaml::from_str(&file.text).map_err(|e| {
                let mut d = Diagnostic::new(
                    path,
                    "",
                    format!("invalid YAML: {}", explain(&e.to_string())),
                );
                if let Some(loc) = e.location() {
                    d = d.at(loc.line(), loc.column()).with_source(&file.text);
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

    /// Warns about the converted node at `pointer`, located in the file it came from when the
    /// warnings are taken.
    pub fn warn(&self, pointer: &str, message: impl Into<String>) {
        let (file, original) = self.origin(pointer);
        self.warn_in(&file, &original, message);
    }

    /// Warns about the node at `pointer` of `file` as read (no conversion involved), located
    /// when the warnings are taken.
    pub fn warn_in(&self, file: &Path, pointer: &str, message: impl Into<String>) {
        self.warnings
            .push_unlocated(Diagnostic::new(file, pointer, message));
    }

    /// Takes every warning out, in the order they were found, each located in its file. The
    /// warnings of a JSON file are located together, in one walk of its text and one pass
    /// for their lines and columns, so a large file with many warnings is not read once per
    /// warning.
    pub fn take_warnings(&self) -> Vec<Diagnostic> {
        let mut warnings = self.warnings.take_unlocated();
        let mut by_file: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
        for (i, (d, unlocated)) in warnings.iter().enumerate() {
            if *unlocated {
                by_file.entry(d.file.clone()).or_default().push(i);
            }
        }
        for (file, indices) in by_file {
            let Some(source) = self.files.get(&file) else {
                continue;
            };
            if source.json {
                locate_json(source, &indices, &mut warnings);
                continue;
            }
            // YAML is located one warning at a time, as an error is.
            for &i in &indices {
                if let Some((d, _)) = warnings.get_mut(i) {
                    *d = self
                        .diagnostic_in(&file, &d.pointer, d.message.clone())
                        .with_severity(d.severity);
                }
            }
        }
        warnings.into_iter().map(|(d, _)| d).collect()
    }

    /// Records that the component at the converted pointer `component`
    /// (`#/components/schemas/Name`) is left out because of `why`, and warns where `why`
    /// points.
    pub fn leave_out(&mut self, component: &str, why: Diagnostic) {
        let name = component
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .replace("~1", "/")
            .replace("~0", "~");
        let mut warning = why.clone();
        warning.message = format!("`{name}` is left out: {}", why.message);
        self.warnings.push(warning);
        self.left_out.insert(component.to_string(), why);
    }

    /// A diagnostic about the node at `pointer` of `file` as read (no conversion involved).
    pub fn diagnostic_in(
        &self,
        file: &Path,
        pointer: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let mut d = Diagnostic::new(file, pointer, message);
        if let Some(source) = self.files.get(file) {
            let found = if source.json {
                locate::locate(&source.text, pointer)
            } else {
                locate::locate_yaml(&source.text, pointer)
            };
            if let Some((line, column)) = found {
                d = d.at(line, column).with_source(&source.text);
            }
        }
        d
    }

    /// The longest recorded prefix of `pointer` decides the file; the rest is kept.
    pub fn origin(&self, pointer: &str) -> (PathBuf, String) {
        let mut prefix = pointer;
        loop {
            if let Some((file, original)) = self.origins.get(prefix) {
                let rest = pointer.get(prefix.len()..).unwrap_or_default();
                return (file.clone(), format!("{original}{rest}"));
            }
            match prefix.rfind('/').and_then(|i| prefix.get(..i)) {
                Some(shorter) => prefix = shorter,
                None => return (self.root.clone(), pointer.to_string()),
            }
        }
    }
}

/// Locates the warnings at `indices` of `warnings`, all in the JSON file `source`.
fn locate_json(source: &SourceFile, indices: &[usize], warnings: &mut [(Diagnostic, bool)]) {
    let pointers: Vec<&str> = indices
        .iter()
        .filter_map(|&i| warnings.get(i))
        .map(|(d, _)| d.pointer.as_str())
        .collect();
    let found = locate::locate_all(&source.text, &pointers);
    let located: Vec<(usize, usize)> = indices
        .iter()
        .zip(&found)
        .filter_map(|(&i, offset)| Some((i, (*offset)?)))
        .collect();
    let offsets: Vec<usize> = located.iter().map(|&(_, offset)| offset).collect();
    let places = locate::places(&source.text, &offsets);
    let text = source.text.as_str();
    for ((i, offset), place) in located.into_iter().zip(places) {
        let Some((d, _)) = warnings.get_mut(i) else {
            continue;
        };
        let rest = text.get(place.line_start..).unwrap_or_default();
        let previous = place
            .previous_start
            .and_then(|start| text.get(start..place.line_start))
            .map(crate::diagnostics::line_text);
        *d = d.clone().at(place.line, place.column).with_lines(
            previous,
            rest,
            offset.saturating_sub(place.line_start),
            place.column.saturating_sub(1),
        );
    }
}

/// The byte offset where flow collections (`[`, `{`) open the 129th level, if they do.
/// serde_yaml stops there too, but only after libyaml has scanned the whole document, which
/// takes seconds for a deeply nested one; this scan is linear and cheap.
fn yaml_flow_too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut previous = '\n';
    let mut comment = false;
    for (i, c) in text.char_indices() {
        if comment {
            comment = c != '\n';
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else {
            match c {
                '"' | '\'' if matches!(previous, ' ' | '\t' | '\n' | '[' | '{' | ',' | ':') => {
                    quote = Some(c)
                }
                '#' if previous.is_whitespace() => comment = true,
                '[' | '{' => {
                    depth += 1;
                    if depth > 128 {
                        return Some(i);
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        previous = c;
    }
    None
}

/// Says what the parsers' limits mean.
fn explain(message: &str) -> String {
    if message.starts_with("recursion limit exceeded") {
        format!("{message} (the document nests more than 128 levels deep)")
    } else if message.starts_with("repetition limit exceeded") {
        format!("{message} (its aliases expand to too large a document)")
    } else {
        message.to_string()
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
    // A UTF-8 byte order mark may start the file (Windows tools write one); it is not part of
    // the document, so positions are counted from the first character after it.
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest.to_string();
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Every pointer of `value`, its own (`at`) last.
    fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    pointers(child, crate::diagnostics::pointer(&at, key), out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    pointers(child, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    /// The warnings of `text` at every pointer of it (and a few that name nothing), located
    /// together, render as each located on its own does.
    fn assert_same_as_one_by_one(text: &str) {
        let value: Value = serde_json::from_str(text).unwrap();
        let mut all = Vec::new();
        pointers(&value, "#".to_string(), &mut all);
        all.extend(["#/nothing".to_string(), "#/0/1/2".to_string()]);
        let file = PathBuf::from("spec.json");
        let source = SourceFile {
            path: file.clone(),
            text: text.to_string(),
            json: true,
        };
        let mut warnings: Vec<(Diagnostic, bool)> = all
            .iter()
            .map(|p| (Diagnostic::new(&file, p.as_str(), "m"), true))
            .collect();
        let indices: Vec<usize> = (0..warnings.len()).collect();
        locate_json(&source, &indices, &mut warnings);
        for ((batch, _), pointer) in warnings.iter().zip(&all) {
            let mut one = Diagnostic::new(&file, pointer.as_str(), "m");
            if let Some((line, column)) = locate::locate(text, pointer) {
                one = one.at(line, column).with_source(text);
            }
            assert_eq!(batch.to_string(), one.to_string(), "at {pointer}");
        }
    }

    #[test]
    fn test_warnings_located_together_read_as_located_alone() {
        assert_same_as_one_by_one(
            "{\n  \"a\": {\"b\": [1, {\"c~/\": true}]},\r\n  \"d\": \"x\",\n\n\t\"é\": [\"ü\", {\"z\": null}]\n}",
        );
        // Minified, with a line far longer than a snippet, and text after it.
        let long: Vec<String> = (0..300)
            .map(|i| format!("\"k{i}\":{{\"v\":[{i},\"ß{i}\"],\"w\":{{}}}}"))
            .collect();
        assert_same_as_one_by_one(&format!("{{{}}}", long.join(",")));
        assert_same_as_one_by_one(&format!("{{\"x\": 1,\n{}}}\n", long.join(",")));
        // Same-named members: the first is the one located.
        assert_same_as_one_by_one("{\"a\": {\"b\": 1}, \"a\": {\"b\": 2, \"c\": 3}}");
        assert_same_as_one_by_one("[]");
    }
}
