//! Read stage: load JSON or YAML with positions, resolve `$ref`s that point into other files,
//! turn Swagger 2.0 into OpenAPI 3.0, and deserialize into `openapiv3::OpenAPI`.

mod locate;
mod refs;
mod source;
mod swagger2;

pub use locate::position_of_offset;
pub use source::{Skipped, SourceFile, SourceMap};

use crate::diagnostics::Diagnostic;
use serde_json::Value;
use std::path::Path;

/// Which kind of document the spec was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Swagger 2.0, converted to OpenAPI 3.0 while reading.
    Swagger2,
    /// OpenAPI 3.0.x, read as is.
    OpenApi3,
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

    /// The warnings collected so far.
    pub fn warnings(&self) -> &crate::diagnostics::Warnings {
        &self.sources.warnings
    }
}

/// Reads the spec at `path` and every file it refers to.
pub fn read(path: &Path) -> Result<Spec, Diagnostic> {
    let mut sources = SourceMap::new(path)?;
    let root = sources.root_value()?;
    let dialect = dialect_of(&root, &sources)?;
    let mut doc = refs::resolve_external(root, dialect, &mut sources)?;
    if dialect == Dialect::Swagger2 {
        doc = swagger2::convert(doc, &mut sources)?;
    }
    let api = deserialize(doc, &mut sources)?;
    Ok(Spec {
        api,
        dialect,
        sources,
    })
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
        (None, Some(v)) if v.starts_with("3.1") => Err(sources.diagnostic(
            "#/openapi",
            format!("OpenAPI {v} is not supported: expected OpenAPI 3.0.x or Swagger 2.0"),
        )),
        (None, Some(v)) => Err(sources.diagnostic(
            "#/openapi",
            format!("unsupported OpenAPI version `{v}`: expected 3.0.x"),
        )),
        (None, None) => Err(sources.diagnostic(
            "#",
            "not an API description: expected a top-level `swagger: \"2.0\"` or `openapi: \"3.0.x\"` field",
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
