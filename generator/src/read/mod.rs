//! Read stage: load JSON or YAML with positions, resolve `$ref`s that point into other files,
//! turn Swagger 2.0 and OpenAPI 3.1 into OpenAPI 3.0, and deserialize into `openapiv3::OpenAPI`.

pub mod autorest;
mod locate;
mod openapi31;
pub mod places;
mod refs;
mod source;
mod swagger2;

pub use locate::position_of_offset;
pub use source::{Skipped, SourceFile, SourceMap};

use crate::diagnostics::Diagnostic;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What to read: one spec file, or the several input files of an AutoRest package.
#[derive(Clone, Debug, Default)]
pub struct Input {
    /// The input files; the first one's `info`, servers and security are the crate's.
    pub files: Vec<PathBuf>,
    /// The folder `$ref`s may not leave; when `None`, the nearest folder named
    /// `specification` above the first file, else that file's own folder.
    pub spec_root: Option<PathBuf>,
    /// operationIds to read; empty means all. Only what these reach is resolved.
    pub operations: Vec<String>,
    /// operationIds whose `x-ms-examples` files are read (for example programs).
    pub examples: Vec<String>,
    /// Replaces the first file's `info.title` (an AutoRest `title`).
    pub title: Option<String>,
}

/// Which kind of document the spec was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Swagger 2.0, converted to OpenAPI 3.0 while reading.
    Swagger2,
    /// OpenAPI 3.0.x, read as is.
    OpenApi3,
    /// OpenAPI 3.1.x, converted to OpenAPI 3.0 while reading.
    OpenApi31,
}

/// A spec ready for lowering.
#[derive(Debug)]
pub struct Spec {
    /// The document, in OpenAPI 3.0 form.
    pub api: openapiv3::OpenAPI,
    /// What the document was before conversion.
    pub dialect: Dialect,
    /// Maps pointers in `api` back to files, pointers and positions in the input.
    pub sources: SourceMap,
    /// operationId -> the `info.version` of the file that defines it.
    pub api_versions: BTreeMap<String, String>,
    /// The schemas `$ref`s name outside `#/components/schemas/Name`, as converted, by
    /// canonical pointer (`#/components/schemas/A/definitions/b`).
    pub fragments: BTreeMap<String, Value>,
    /// The document declares no operations (`paths: {}`): its crate is its models.
    pub models_only: bool,
}

impl Spec {
    /// A diagnostic about the node at `pointer` of the converted document, located in the input.
    pub fn error(&self, pointer: &str, message: impl Into<String>) -> Diagnostic {
        self.sources.diagnostic(pointer, message)
    }

    /// Adds a warning about the node at `pointer` of the converted document, located in the
    /// input: for anything generated lossily or left out. The same warning is kept once.
    pub fn warn(&self, pointer: &str, message: impl Into<String>) {
        self.sources.warn(pointer, message);
    }

    /// Why the read stage left out the component a `$ref` points to
    /// (`#/components/schemas/Name`), if it did: located where the fault is, it is the
    /// error of whatever needs that component.
    pub fn left_out(&self, reference: &str) -> Option<Diagnostic> {
        self.sources.left_out.get(reference).cloned()
    }

    /// The schema a `$ref` outside `#/components/schemas/Name` names, by canonical pointer.
    pub fn fragment(&self, pointer: &str) -> Option<&Value> {
        self.fragments.get(pointer)
    }

    /// The warnings collected so far.
    pub fn warnings(&self) -> &crate::diagnostics::Warnings {
        &self.sources.warnings
    }

    /// Takes every warning out, each located in its file (see [`SourceMap::take_warnings`]).
    pub fn take_warnings(&self) -> Vec<Diagnostic> {
        self.sources.take_warnings()
    }
}

/// Reads the spec at `path` and every file it refers to.
pub fn read(path: &Path) -> Result<Spec, Diagnostic> {
    read_input(&Input {
        files: vec![path.to_path_buf()],
        ..Input::default()
    })
}

/// Reads the input files and what their selected operations reach.
pub fn read_input(input: &Input) -> Result<Spec, Diagnostic> {
    let Some(path) = input.files.first() else {
        return Err(Diagnostic::new(Path::new(""), "", "no input file"));
    };
    let mut sources = SourceMap::new(path)?;
    let mut root = sources.root_value()?;
    let dialect = dialect_of(&root, &sources)?;
    if dialect == Dialect::OpenApi31 {
        openapi31::prepare(&mut root, &mut sources);
    }
    let root_file = sources.root().to_path_buf();
    merge_x_ms_paths(&mut root, &root_file, &mut sources);
    let spec_root = spec_root(path, input.spec_root.as_deref(), &sources)?;
    let mut api_versions = BTreeMap::new();
    let mut others = Vec::new();
    for file in input.files.iter().skip(1) {
        let canonical = std::fs::canonicalize(file)
            .map_err(|e| Diagnostic::new(file, "", format!("cannot read the input file: {e}")))?;
        let mut value = sources
            .load(&canonical)
            .map_err(|m| Diagnostic::new(file, "", m))?;
        let other_dialect = dialect_of(&value, &sources).ok();
        if other_dialect != Some(Dialect::Swagger2) || dialect != Dialect::Swagger2 {
            return Err(sources.diagnostic_in(
                &canonical,
                "#",
                "several input files are supported for Swagger 2.0 documents only, each with `swagger: \"2.0\"`",
            ));
        }
        merge_x_ms_paths(&mut value, &canonical, &mut sources);
        push_down(&mut value);
        others.push((canonical, value));
    }
    // Only the selected operations are read on, when each names an operationId of the files;
    // otherwise every operation is kept, for the lower stage to say what is missing and what
    // is near it.
    let mut ids = BTreeSet::new();
    for doc in std::iter::once(&root).chain(others.iter().map(|(_, v)| v)) {
        operation_ids(doc, &mut ids);
    }
    let keep: &[String] = if input.operations.iter().all(|o| ids.contains(o.as_str())) {
        &input.operations
    } else {
        &[]
    };
    select(&mut root, keep, &mut api_versions);
    for (_, value) in &mut others {
        select(value, keep, &mut api_versions);
    }
    if let Some(title) = &input.title {
        if let Some(info) = root.get_mut("info").and_then(Value::as_object_mut) {
            info.insert("title".into(), Value::String(title.clone()));
        }
    }
    let examples: BTreeSet<String> = input.examples.iter().cloned().collect();
    let models_only = others.is_empty() && !declares_operations(&root);
    let settings = refs::Settings {
        spec_root: &spec_root,
        others,
        examples: &examples,
        warn_unreached: input.operations.is_empty(),
        every_schema: models_only,
        stable_pointers: dialect != Dialect::Swagger2,
    };
    let mut doc = refs::resolve_external(root, settings, &mut sources)?;
    match dialect {
        Dialect::Swagger2 => doc = swagger2::convert(doc, &mut sources)?,
        Dialect::OpenApi31 => doc = openapi31::convert(doc, &mut sources),
        Dialect::OpenApi3 => {}
    }
    let fragments = fragments(&doc, dialect, &mut sources);
    let api = deserialize(doc, &mut sources)?;
    Ok(Spec {
        api,
        dialect,
        sources,
        api_versions,
        fragments,
        models_only,
    })
}

/// The folder `$ref`s may reach into: the one given, else the nearest ancestor of the spec
/// named `specification` (Azure's spec repository keeps every service and the common types
/// under it), else the spec's own folder.
fn spec_root(
    spec: &Path,
    given: Option<&Path>,
    sources: &SourceMap,
) -> Result<PathBuf, Diagnostic> {
    let canonical = std::fs::canonicalize(spec)
        .map_err(|e| sources.diagnostic("#", format!("cannot resolve the spec's path: {e}")))?;
    if let Some(given) = given {
        let root = std::fs::canonicalize(given).map_err(|e| {
            Diagnostic::new(given, "", format!("cannot use it as the spec root: {e}"))
        })?;
        if !canonical.starts_with(&root) {
            return Err(Diagnostic::new(
                given,
                "",
                format!("the spec root does not contain the spec {}", spec.display()),
            ));
        }
        return Ok(root);
    }
    let folder = canonical.parent().unwrap_or(Path::new("/"));
    Ok(folder
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == "specification"))
        .unwrap_or(folder)
        .to_path_buf())
}

/// Keeps only the selected operations (all when none are named) and records the api-version
/// of each: the `info.version` of its file.
fn select(doc: &mut Value, operations: &[String], versions: &mut BTreeMap<String, String>) {
    let version = doc
        .get("info")
        .and_then(|i| i.get("version"))
        .map(version_text)
        .unwrap_or_default();
    for key in ["paths", "x-ms-paths"] {
        let Some(Value::Object(paths)) = doc.get_mut(key) else {
            continue;
        };
        for item in paths.values_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            item.retain(|method, op| {
                let Some(id) = op.get("operationId").and_then(Value::as_str) else {
                    return operations.is_empty() || !swagger2::METHODS.contains(&method.as_str());
                };
                let keep = operations.is_empty() || operations.iter().any(|o| o == id);
                if keep {
                    versions.insert(id.to_string(), version.clone());
                }
                keep
            });
        }
        if !operations.is_empty() {
            // A path item `$ref` is kept: which operations it holds is known once it is read.
            paths.retain(|_, item| {
                item.as_object().is_some_and(|i| {
                    i.keys()
                        .any(|k| k == "$ref" || swagger2::METHODS.contains(&k.as_str()))
                })
            });
        }
    }
}

/// The schemas at the pointers `$ref`s name outside the named definitions, as converted.
/// One inside an operation the selection left out is taken from the file as read (converted
/// on its own for OpenAPI 3.1), and so are the schemas its own `$ref`s name.
fn fragments(doc: &Value, dialect: Dialect, sources: &mut SourceMap) -> BTreeMap<String, Value> {
    let mut found = BTreeMap::new();
    if sources.targets.is_empty() {
        return found;
    }
    let mut as_read = None;
    let mut queue: Vec<String> = sources.targets.iter().rev().cloned().collect();
    while let Some(pointer) = queue.pop() {
        if found.contains_key(&pointer) {
            continue;
        }
        let at = pointer.trim_start_matches('#');
        let node = match doc.pointer(at) {
            Some(node) => node.clone(),
            None => {
                if as_read.is_none() {
                    as_read = sources.root_value().ok();
                }
                let Some(mut node) = as_read.as_ref().and_then(|d| d.pointer(at)).cloned() else {
                    continue;
                };
                if dialect == Dialect::OpenApi31 {
                    openapi31::convert_schema(&mut node, &pointer, sources);
                }
                let mut refs = Vec::new();
                local_schema_refs(&node, &mut refs);
                queue.extend(refs.into_iter().filter(|r| !found.contains_key(r)));
                node
            }
        };
        found.insert(pointer, node);
    }
    found
}

/// The canonical pointers of the `$ref`s in `node` that name a schema anywhere but
/// `#/components/schemas/Name`.
fn local_schema_refs(node: &Value, out: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
                let tokens = crate::diagnostics::pointer_tokens(reference).unwrap_or_default();
                let named = tokens.len() == 3 && tokens.first().is_some_and(|t| t == "components");
                if !named && places::walk(&tokens).0 == places::Kind::Schema {
                    if let Some(p) = crate::diagnostics::canonical_pointer(reference) {
                        out.push(p);
                    }
                }
            }
            for (key, value) in map {
                if !matches!(key.as_str(), "example" | "examples") {
                    local_schema_refs(value, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| local_schema_refs(v, out)),
        _ => {}
    }
}

/// Whether a document has a path item with an operation (or a `$ref` that may hold some).
fn declares_operations(doc: &Value) -> bool {
    ["paths", "x-ms-paths"]
        .iter()
        .filter_map(|key| doc.get(key).and_then(Value::as_object))
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .any(|item| {
            item.keys()
                .any(|k| k == "$ref" || METHODS.contains(&k.as_str()))
        })
}

/// The operationIds a document declares.
fn operation_ids<'a>(doc: &'a Value, ids: &mut BTreeSet<&'a str>) {
    for key in ["paths", "x-ms-paths"] {
        let Some(Value::Object(paths)) = doc.get(key) else {
            continue;
        };
        for item in paths.values().filter_map(Value::as_object) {
            for op in item.values() {
                if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                    ids.insert(id);
                }
            }
        }
    }
}

/// Moves the path items of a file's `x-ms-paths` (AutoRest's extension for paths that differ
/// only in their query part, `/things?op=restart`, or that OpenAPI would take for the same
/// path) into its `paths`, so they are read like any other path; the query part is split off
/// when lowering. Their pointers keep naming `x-ms-paths` in the file. A key that `paths`
/// already has is left out with a warning.
fn merge_x_ms_paths(doc: &mut Value, file: &Path, sources: &mut SourceMap) {
    let Some(Value::Object(extra)) = doc.as_object_mut().and_then(|d| d.remove("x-ms-paths"))
    else {
        return;
    };
    let Some(Value::Object(paths)) = doc.as_object_mut().map(|d| {
        d.entry("paths")
            .or_insert_with(|| Value::Object(Default::default()))
    }) else {
        return;
    };
    for (key, item) in extra {
        let original = crate::diagnostics::pointer("#/x-ms-paths", &key);
        if paths.contains_key(&key) {
            sources.warn_in(
                file,
                &original,
                format!("the `x-ms-paths` entry `{key}` is left out: `paths` has the same key"),
            );
            continue;
        }
        if file == sources.root() {
            sources.map(crate::diagnostics::pointer("#/paths", &key), file, original);
        }
        sources.x_ms_paths.insert((file.to_path_buf(), key.clone()));
        paths.insert(key, item);
    }
}

/// Moves a file's document-wide `consumes` and `produces` into each of its operations, so
/// they keep them once merged into another file's document.
fn push_down(doc: &mut Value) {
    let consumes = doc.get("consumes").cloned();
    let produces = doc.get("produces").cloned();
    let Some(Value::Object(paths)) = doc.get_mut("paths") else {
        return;
    };
    for item in paths.values_mut().filter_map(Value::as_object_mut) {
        for (method, op) in item.iter_mut() {
            let Some(op) = op
                .as_object_mut()
                .filter(|_| swagger2::METHODS.contains(&method.as_str()))
            else {
                continue;
            };
            for (key, value) in [("consumes", &consumes), ("produces", &produces)] {
                if let Some(value) = value {
                    op.entry(key).or_insert_with(|| value.clone());
                }
            }
        }
    }
}

fn dialect_of(root: &Value, sources: &SourceMap) -> Result<Dialect, Diagnostic> {
    let swagger = root.get("swagger").map(version_text);
    let openapi = root.get("openapi").map(version_text);
    match (swagger, openapi) {
        (Some(v), _) if v == "2.0" => Ok(Dialect::Swagger2),
        (Some(v), _) => Err(sources.diagnostic(
            "#/swagger",
            format!("unsupported Swagger version `{v}`: expected \"2.0\""),
        )),
        (None, Some(v)) if v.starts_with("3.0") => Ok(Dialect::OpenApi3),
        (None, Some(v)) if v.starts_with("3.1") => Ok(Dialect::OpenApi31),
        (None, Some(v)) => Err(sources.diagnostic(
            "#/openapi",
            format!("unsupported OpenAPI version `{v}`: expected 3.0.x or 3.1.x"),
        )),
        (None, None) => Err(sources.diagnostic(
            "#",
            "not an API description: expected a top-level `swagger: \"2.0\"` or `openapi: \"3.x.y\"` field",
        )),
    }
}

fn version_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// HTTP methods of a path item that hold operations.
pub(crate) const METHODS: [&str; 8] = [
    "get", "put", "post", "patch", "delete", "head", "options", "trace",
];

/// Deserializes the document. An error inside one operation removes that operation (it is
/// recorded in `sources.skipped`) and the rest is deserialized again; any other error is
/// the document's.
fn deserialize(mut doc: Value, sources: &mut SourceMap) -> Result<openapiv3::OpenAPI, Diagnostic> {
    loop {
        let e = match serde_path_to_error::deserialize(&doc) {
            Ok(api) => return Ok(api),
            Err(e) => e,
        };
        let pointer = path_to_pointer(e.path());
        let message = e.inner().to_string();
        let pointer = refine(&doc, &pointer, &message).unwrap_or(pointer);
        let message = message.replace(
            "data did not match any variant of untagged enum ReferenceOr",
            "expected an object or a `$ref`",
        );
        let d = sources.diagnostic(&pointer, format!("invalid document: {message}"));
        if let Some((id, pointer)) = remove_operation(&mut doc, &pointer) {
            sources.skipped.push(Skipped {
                id,
                pointer,
                reason: d,
            });
        } else if let Some(component) = remove_component(&mut doc, &pointer) {
            sources.leave_out(&component, d);
        } else {
            return Err(d);
        }
    }
}

/// Removes the component (schema, parameter, request body, response, header) that holds the
/// node at `pointer` (`#/components/{section}/{name}/...`), returning its pointer.
fn remove_component(doc: &mut Value, pointer: &str) -> Option<String> {
    let mut tokens = pointer.strip_prefix("#/components/")?.split('/');
    let section = tokens.next()?;
    if !matches!(
        section,
        "schemas" | "parameters" | "requestBodies" | "responses" | "headers"
    ) {
        return None;
    }
    let token = tokens.next()?;
    let name = token.replace("~1", "/").replace("~0", "~");
    doc.get_mut("components")?
        .get_mut(section)?
        .as_object_mut()?
        .remove(&name)?;
    Some(format!("#/components/{section}/{token}"))
}

/// Removes the operation that holds the node at `pointer` (`#/paths/{path}/{method}/...`),
/// returning its operationId (`METHOD /path` when it has none) and its pointer; `None` when
/// the node is not inside an operation.
pub(crate) fn remove_operation(doc: &mut Value, pointer: &str) -> Option<(String, String)> {
    let mut tokens = pointer.strip_prefix("#/paths/")?.split('/');
    let token = tokens.next()?;
    let path = token.replace("~1", "/").replace("~0", "~");
    let method = tokens.next()?;
    if !METHODS.contains(&method) {
        return None;
    }
    let item = doc.get_mut("paths")?.get_mut(&path)?.as_object_mut()?;
    let op = item.remove(method)?;
    let id = op
        .get("operationId")
        .and_then(Value::as_str)
        .filter(|id| !id.trim().is_empty())
        .map(str::to_string);
    let id = id.unwrap_or_else(|| format!("{} {path}", method.to_ascii_uppercase()));
    Some((id, format!("#/paths/{token}/{method}")))
}

/// serde stops tracking the path inside untagged and flattened types, which openapiv3 uses
/// throughout, so the pointer of a type error is often only an ancestor of the bad value.
/// When the message quotes the value (`invalid type: string "many", expected usize`), the
/// first node under that ancestor holding it is the one at fault.
fn refine(doc: &Value, pointer: &str, message: &str) -> Option<String> {
    let needle = quoted_value(message)?;
    let start = doc.pointer(pointer.strip_prefix('#').unwrap_or(pointer))?;
    // Depth-first, in document order, with an explicit stack.
    let mut stack = vec![(start, pointer.to_string())];
    while let Some((node, at)) = stack.pop() {
        match node {
            Value::Object(map) => {
                for (k, v) in map.iter().rev() {
                    stack.push((v, crate::diagnostics::pointer(&at, k)));
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate().rev() {
                    stack.push((v, format!("{at}/{i}")));
                }
            }
            leaf if *leaf == needle => return Some(at),
            _ => {}
        }
    }
    None
}

/// The value a serde message quotes: `string "x"`, `integer `5``, `boolean `true``,
/// `floating point `1.5``, or an unknown variant `` `x` ``.
fn quoted_value(message: &str) -> Option<Value> {
    let message = message.split(", expected").next()?;
    if let Some(rest) = message.split("unknown variant `").nth(1) {
        return Some(Value::String(rest.strip_suffix('`')?.to_string()));
    }
    let rest = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))?;
    if let Some(text) = rest.strip_prefix("string ") {
        return serde_json::from_str::<String>(text).ok().map(Value::String);
    }
    let literal = rest.split('`').nth(1)?;
    if rest.starts_with("integer") || rest.starts_with("floating point") {
        return serde_json::from_str::<serde_json::Number>(literal)
            .ok()
            .map(Value::Number);
    }
    if rest.starts_with("boolean") {
        return literal.parse::<bool>().ok().map(Value::Bool);
    }
    None
}

/// Turns a serde path (`paths./a.get.parameters[0]`) into a JSON pointer.
fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::from("#");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                pointer = crate::diagnostics::pointer(&pointer, key)
            }
            Segment::Unknown => break,
        }
    }
    pointer
}
