//! Resolves `$ref`s, from the operations outward. Every named definition a `$ref` reaches
//! (`#/definitions/X`, `./Common.json#/definitions/X`, `#/components/schemas/X`, in the root
//! file, in another input file or in any file under the spec root) is placed in the root
//! document's section of that name; nothing the selected operations do not reach is read, so
//! a broken `$ref` in an unused definition is a warning, not an error. A whole-file ref
//! (`./x.json`) is replaced by the file's content. After this, every `$ref` left is local.
//!
//! Definitions of the same section and name from different files are one definition when
//! they are identical (the same JSON, their own `$ref`s reaching identical definitions), and
//! otherwise the later one (in the order the operations reach them) is renamed `Name_2`,
//! `Name_3`, ...
//!
//! Examples are data: `x-ms-examples`, `examples` and `example` are not followed, except the
//! `x-ms-examples` of the operations an example program is asked for, whose files are read
//! as they are.

use crate::diagnostics::{pointer as join, Diagnostic};
use crate::read::SourceMap;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Whole-file refs nested deeper than this are taken for a cycle.
const MAX_INLINE_DEPTH: usize = 16;

/// Deepest nesting of the document once whole-file refs are inlined: the parsers stop each
/// file at 128 levels, and inlining must not build anything deeper than one file may be.
const MAX_NESTING: usize = 128;

/// The sections whose entries `$ref`s name, in Swagger 2.0 and in OpenAPI 3.0.
const SECTIONS: &[&[&str]] = &[
    &["definitions"],
    &["parameters"],
    &["responses"],
    &["components", "schemas"],
    &["components", "parameters"],
    &["components", "responses"],
    &["components", "requestBodies"],
    &["components", "headers"],
];

/// Keys whose values are data, never followed.
const DATA_KEYS: &[&str] = &["x-ms-examples", "examples", "example"];

/// Keys of objects whose own keys are names chosen by the spec's author (so a property
/// called `example` is a property, not data).
const NAME_MAPS: &[&str] = &[
    "properties",
    "definitions",
    "$defs",
    "parameters",
    "responses",
    "schemas",
    "headers",
    "requestBodies",
    "securityDefinitions",
    "securitySchemes",
    "paths",
    "x-ms-paths",
    "links",
    "callbacks",
];

/// A named definition: canonical file, section, name.
type Key = (PathBuf, Vec<String>, String);

struct Pending {
    key: Key,
    /// The name it gets in the root document.
    name: String,
    /// Where the ref that asked for it stands, for the error if it is missing.
    referrer: (PathBuf, String),
}

/// What to resolve, beyond the root document.
pub struct Settings<'a> {
    /// `$ref`s may reach files under this folder only (canonical).
    pub spec_root: &'a Path,
    /// The other input files (canonical paths), their paths merged into the root document.
    pub others: Vec<(PathBuf, Value)>,
    /// operationIds whose `x-ms-examples` are read.
    pub examples: &'a BTreeSet<String>,
    /// Every operation is selected, so a definition none reaches is dead: a broken `$ref` in
    /// it is worth a warning (with a selection, it may just belong to another operation).
    pub warn_unreached: bool,
    /// The document declares no operations: every schema it defines is placed (its models
    /// are what it is for).
    pub every_schema: bool,
    /// Pointers into the root document name the same node before and after conversion
    /// (OpenAPI 3.x), so a copied node's schemas may stay `$ref`s to where they are written.
    pub stable_pointers: bool,
}

struct Resolver<'a> {
    sources: &'a mut SourceMap,
    root: PathBuf,
    spec_root: PathBuf,
    examples: &'a BTreeSet<String>,
    pending: Vec<Pending>,
    /// Definition -> its name in the root document.
    names: BTreeMap<Key, String>,
    /// (section, name in the root document) -> the definition holding it.
    holders: BTreeMap<(Vec<String>, String), Key>,
    queued: BTreeSet<Key>,
    /// Definitions in a discriminated hierarchy (derived, directly or not, from one with a
    /// `discriminator`): the definitions deriving from them are placed with them.
    polymorphic: BTreeSet<Key>,
    /// How deep `rewrite` is in the document being built.
    nesting: usize,
    /// The root document as read, once a `$ref` needs a node of it copied.
    root_doc: Option<Value>,
    stable_pointers: bool,
    /// Each file path met, canonicalized once: a spec names the same few files in thousands
    /// of `$ref`s, and every canonicalization asks the file system about each component.
    canonical_paths: std::cell::RefCell<std::collections::HashMap<PathBuf, Option<PathBuf>>>,
}

/// Makes every `$ref` in `doc` local, placing what the operations reach; broken refs in what
/// they do not reach are warnings.
pub fn resolve_external(
    mut doc: Value,
    settings: Settings<'_>,
    sources: &mut SourceMap,
) -> Result<Value, Diagnostic> {
    let root = canonical(sources.root()).unwrap_or_else(|| sources.root().to_path_buf());
    let root_path = sources.root().to_path_buf();
    let mut r = Resolver {
        sources,
        root: root.clone(),
        spec_root: settings.spec_root.to_path_buf(),
        examples: settings.examples,
        pending: Vec::new(),
        names: BTreeMap::new(),
        holders: BTreeMap::new(),
        queued: BTreeSet::new(),
        polymorphic: BTreeSet::new(),
        nesting: 0,
        root_doc: None,
        stable_pointers: settings.stable_pointers,
        canonical_paths: Default::default(),
    };
    // The root's own definitions are placed when reached, like any other file's.
    let mut own: Vec<Key> = Vec::new();
    for section in SECTIONS {
        let section: Vec<String> = section.iter().map(|s| s.to_string()).collect();
        let Some(Value::Object(entries)) = lookup_mut(&mut doc, &section) else {
            continue;
        };
        for name in std::mem::take(entries).into_iter().map(|(name, _)| name) {
            let key = (root.clone(), section.clone(), name.clone());
            r.names.insert(key.clone(), name.clone());
            r.holders.insert((section.clone(), name), key.clone());
            own.push(key);
        }
    }
    r.rewrite(&mut doc, &root_path, &mut "#".to_string(), 0)?;
    if settings.every_schema {
        for key in &own {
            let (_, section, name) = key;
            if section == &["definitions"] || section == &["components", "schemas"] {
                let mut at = String::from("#");
                for token in section.iter().chain(std::iter::once(name)) {
                    at = join(&at, token);
                }
                r.place(key.clone(), (root_path.clone(), at))?;
            }
        }
    }
    for (file, mut other) in settings.others {
        let Some(Value::Object(paths)) = other.get_mut("paths").map(Value::take) else {
            continue;
        };
        for (template, mut item) in paths {
            let at = r.path_pointer(&file, &template);
            r.rewrite(&mut item, &file, &mut at.clone(), 0)?;
            r.merge_path(&mut doc, &file, &template, item)?;
        }
    }
    while let Some(p) = r.pending.pop() {
        r.hoist(&mut doc, p)?;
    }
    for key in own {
        if settings.warn_unreached && !r.queued.contains(&key) {
            r.check_unused(&key);
        }
    }
    Ok(doc)
}

/// Whether the node at `at` is a path item (`#/paths/{path}`, `#/x-ms-paths/{path}`).
fn is_path_item(at: &str) -> bool {
    ["#/paths/", "#/x-ms-paths/"]
        .iter()
        .filter_map(|section| at.strip_prefix(section))
        .any(|rest| !rest.is_empty() && !rest.contains('/'))
}

/// The node at `path` (object keys) of `doc`.
fn lookup_mut<'v>(doc: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    let mut node = doc;
    for token in path {
        node = node.get_mut(token)?;
    }
    Some(node)
}

impl Resolver<'_> {
    /// `path` canonicalized, as [`canonical`] does, asked of the file system once per path.
    fn canonical(&self, path: &Path) -> Option<PathBuf> {
        self.canonical_paths
            .borrow_mut()
            .entry(path.to_path_buf())
            .or_insert_with(|| canonical(path))
            .clone()
    }

    fn is_root(&self, file: &Path) -> bool {
        file == self.root || self.canonical(file).is_some_and(|c| c == self.root)
    }

    fn error(&self, file: &Path, pointer: &str, message: String) -> Diagnostic {
        if self.is_root(file) {
            self.sources.diagnostic(pointer, message)
        } else {
            self.sources.diagnostic_in(file, pointer, message)
        }
    }

    /// `at` is the pointer of `value`, one buffer grown and cut back as the walk goes, so
    /// no pointer string is made for a node unless it is reported.
    fn rewrite(
        &mut self,
        value: &mut Value,
        file: &Path,
        at: &mut String,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        if !(value.is_object() || value.is_array()) {
            return Ok(());
        }
        if self.nesting >= MAX_NESTING {
            return Err(self.error(
                file,
                at,
                format!("the document nests more than {MAX_NESTING} levels deep here once the files its `$ref`s name are inlined; refusing to go further"),
            ));
        }
        self.nesting += 1;
        let result = self.rewrite_at(value, file, at, depth);
        self.nesting -= 1;
        result
    }

    fn rewrite_at(
        &mut self,
        value: &mut Value,
        file: &Path,
        at: &mut String,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        let len = at.len();
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    at.push('/');
                    at.push_str(&i.to_string());
                    let result = self.rewrite(item, file, at, depth);
                    at.truncate(len);
                    result?;
                }
            }
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref").cloned() {
                    if is_path_item(at) {
                        *value = self.path_item(map, &target, file, at, depth)?;
                        return Ok(());
                    }
                    if let Some(replacement) = self.follow(map, &target, file, at, depth)? {
                        *value = replacement;
                        return Ok(());
                    }
                }
                let names_map = NAME_MAPS.iter().any(|k| at.ends_with(&format!("/{k}")));
                let wants_examples = map
                    .get("operationId")
                    .and_then(Value::as_str)
                    .is_some_and(|id| self.examples.contains(id));
                for (key, child) in map.iter_mut() {
                    if key == "$ref" || !(child.is_object() || child.is_array()) {
                        continue;
                    }
                    at.push('/');
                    at.push_str(&crate::diagnostics::escape_token(key));
                    let result = if names_map || !DATA_KEYS.contains(&key.as_str()) {
                        self.rewrite(child, file, at, depth)
                    } else if wants_examples && key == "x-ms-examples" {
                        self.read_examples(child, file, at)
                    } else {
                        Ok(())
                    };
                    at.truncate(len);
                    result?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Replaces each whole-file `$ref` of an operation's `x-ms-examples` by the file, as data.
    fn read_examples(
        &mut self,
        examples: &mut Value,
        file: &Path,
        at: &str,
    ) -> Result<(), Diagnostic> {
        let Some(entries) = examples.as_object_mut() else {
            return Ok(());
        };
        for (name, entry) in entries.iter_mut() {
            let Some(target) = entry
                .get("$ref")
                .and_then(Value::as_str)
                .map(str::to_string)
            else {
                continue;
            };
            let ref_at = join(&join(at, name), "$ref");
            let found = self.locate(file, &target, &ref_at)?;
            *entry = self.sources.load(&found).map_err(|m| {
                self.error(
                    file,
                    &ref_at,
                    format!("cannot load the example `{target}`: {m}"),
                )
            })?;
        }
        Ok(())
    }

    /// The path item a path item's `$ref` names (`./other.json#/paths/~1things`, or a whole
    /// file), in place of `map`: its refs resolved from the file it is in, the ref's sibling
    /// keys kept where the item has none of its own. Diagnostics inside it name that file.
    fn path_item(
        &mut self,
        map: &Map<String, Value>,
        target: &str,
        file: &Path,
        at: &str,
        depth: usize,
    ) -> Result<Value, Diagnostic> {
        let ref_at = join(at, "$ref");
        if depth >= MAX_INLINE_DEPTH {
            return Err(self.error(file, &ref_at, format!("`$ref: {target}` chains path item refs more than {MAX_INLINE_DEPTH} deep; is there a cycle?")));
        }
        let (file_part, fragment) = target.split_once('#').unwrap_or((target, ""));
        if !(fragment.is_empty() || fragment.starts_with('/')) {
            return Err(self.error(
                file,
                &ref_at,
                format!("`$ref: {target}` is not a JSON pointer to a path item"),
            ));
        }
        let target_file = if file_part.is_empty() {
            self.canonical(file).unwrap_or_else(|| file.to_path_buf())
        } else {
            self.locate(file, file_part, &ref_at)?
        };
        let tokens: Vec<String> = fragment
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let node = if self.is_root(&target_file) {
            // The root document as read: its own path items are still in place.
            self.sources
                .root_value()
                .ok()
                .and_then(|v| v.pointer(fragment).cloned())
        } else {
            self.sources
                .load_node(&target_file, &tokens)
                .map_err(|m| self.error(file, &ref_at, format!("cannot load `{target}`: {m}")))?
        };
        let Some(Value::Object(mut item)) = node else {
            return Err(self.error(
                file,
                &ref_at,
                format!("`$ref: {target}` names no path item (an object)"),
            ));
        };
        for (key, sibling) in map.iter().filter(|(k, _)| *k != "$ref") {
            item.entry(key.clone()).or_insert_with(|| sibling.clone());
        }
        let mut item = Value::Object(item);
        let pointer = format!("#{fragment}");
        let source = if self.is_root(&target_file) {
            self.sources.root().to_path_buf()
        } else {
            target_file.clone()
        };
        if self.is_root(file) && !self.is_root(&target_file) {
            self.sources.map(at.to_string(), &source, pointer.clone());
        }
        self.rewrite(&mut item, &source, &mut pointer.clone(), depth + 1)?;
        Ok(item)
    }

    /// Rewrites the ref in `map`; returns the value to put in its place for whole-file refs.
    fn follow(
        &mut self,
        map: &mut Map<String, Value>,
        target: &str,
        file: &Path,
        at: &str,
        depth: usize,
    ) -> Result<Option<Value>, Diagnostic> {
        let ref_at = join(at, "$ref");
        let (file_part, fragment) = match target.split_once('#') {
            Some((f, frag)) => (f, Some(frag)),
            None => (target, None),
        };
        let target_file = if file_part.is_empty() {
            self.canonical(file).unwrap_or_else(|| file.to_path_buf())
        } else {
            self.locate(file, file_part, &ref_at)?
        };
        let local = self.is_root(&target_file);
        match fragment {
            None | Some("") => {
                if depth >= MAX_INLINE_DEPTH {
                    return Err(self.error(file, &ref_at, format!("`$ref: {target}` nests whole-file refs more than {MAX_INLINE_DEPTH} deep; is there a cycle?")));
                }
                if local {
                    return Err(self.error(
                        file,
                        &ref_at,
                        format!("`$ref: {target}` refers to the root document itself"),
                    ));
                }
                let mut content = self.sources.load(&target_file).map_err(|m| {
                    self.error(file, &ref_at, format!("cannot load `{target}`: {m}"))
                })?;
                self.rewrite(&mut content, &target_file, &mut "#".to_string(), depth + 1)?;
                Ok(Some(content))
            }
            Some(fragment) => {
                let tokens: Vec<String> = fragment
                    .split('/')
                    .skip(1)
                    .map(|t| t.replace("~1", "/").replace("~0", "~"))
                    .collect();
                if !fragment.starts_with('/') || tokens.len() < 2 {
                    return Err(self.error(file, &ref_at, format!("`$ref: {target}` is not a JSON pointer to a named definition (expected `#/definitions/Name` or `#/components/schemas/Name`)")));
                }
                let (section, name) = tokens.split_at(tokens.len() - 1);
                let key: Key = (
                    if local {
                        self.root.clone()
                    } else {
                        target_file
                    },
                    section.to_vec(),
                    name.concat(),
                );
                if !SECTIONS.iter().any(|s| s.iter().eq(section.iter())) {
                    // A pointer to something other than a named definition: only within
                    // the root document.
                    if local && self.is_root(file) {
                        return self.local_pointer(target, fragment, at, depth);
                    }
                    if local {
                        return Ok(None);
                    }
                    return Err(self.error(file, &ref_at, format!("`$ref: {target}` is not a JSON pointer to a named definition (expected `#/definitions/Name` or `#/components/schemas/Name`)")));
                }
                if local && !self.names.contains_key(&key) {
                    // No such definition in the root: the next stages say so.
                    return Ok(None);
                }
                let placed = self.place(key, (file.to_path_buf(), ref_at))?;
                let mut pointer = String::from("#");
                for token in section {
                    pointer = join(&pointer, token);
                }
                map.insert("$ref".into(), Value::String(join(&pointer, &placed)));
                Ok(None)
            }
        }
    }

    /// A `$ref` within the root document to a node that is not a named definition
    /// (`#/paths/~1a/get/parameters/0`, `#/components/schemas/A/definitions/b`). The named
    /// definition it points into is placed, so the node stays. A schema is left where it is,
    /// its pointer recorded for the lower stage to lower it once; a parameter, response,
    /// request body or header is copied in place of the `$ref` (its schemas with properties
    /// becoming `$ref`s to where they are written, so each is still one model). Anything else,
    /// or nothing, is left for the next stages to report.
    fn local_pointer(
        &mut self,
        target: &str,
        fragment: &str,
        at: &str,
        depth: usize,
    ) -> Result<Option<Value>, Diagnostic> {
        let Some(tokens) = crate::diagnostics::pointer_tokens(&format!("#{fragment}")) else {
            return Ok(None);
        };
        let ref_at = join(at, "$ref");
        let root_path = self.sources.root().to_path_buf();
        for section in SECTIONS {
            let (Some(head), Some(name)) = (tokens.get(..section.len()), tokens.get(section.len()))
            else {
                continue;
            };
            if tokens.len() > section.len() + 1 && section.iter().eq(head.iter()) {
                let key: Key = (self.root.clone(), head.to_vec(), name.clone());
                if self.names.contains_key(&key) {
                    self.place(key, (root_path.clone(), ref_at.clone()))?;
                }
            }
        }
        let pointer = tokens.iter().fold(String::from("#"), |p, t| join(&p, t));
        let (kind, _) = super::places::walk(&tokens);
        match kind {
            super::places::Kind::Schema => {
                self.sources.targets.insert(pointer);
                Ok(None)
            }
            super::places::Kind::Other => Ok(None),
            _ => {
                if depth >= MAX_INLINE_DEPTH {
                    return Err(self.error(&root_path, &ref_at, format!("`$ref: {target}` chains `$ref`s more than {MAX_INLINE_DEPTH} deep; is there a cycle?")));
                }
                if self.root_doc.is_none() {
                    self.root_doc = Some(self.sources.root_value()?);
                }
                let Some(mut node) = self
                    .root_doc
                    .as_ref()
                    .and_then(|d| d.pointer(pointer.trim_start_matches('#')))
                    .cloned()
                else {
                    return Ok(None);
                };
                if self.stable_pointers {
                    schemas_by_ref(&mut node, &pointer);
                }
                self.sources
                    .map(at.to_string(), &root_path, pointer.clone());
                self.rewrite(&mut node, &root_path, &mut pointer.clone(), depth + 1)?;
                Ok(Some(node))
            }
        }
    }

    /// The name `key` has in the root document, deciding it (and queueing the definition to
    /// be placed) the first time.
    fn place(&mut self, key: Key, referrer: (PathBuf, String)) -> Result<String, Diagnostic> {
        if let Some(name) = self.names.get(&key).cloned() {
            self.queue(key, name.clone(), referrer);
            return Ok(name);
        }
        let (_, section, base) = &key;
        for n in 1usize.. {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}_{n}")
            };
            let slot = (section.clone(), candidate.clone());
            match self.holders.get(&slot).cloned() {
                Some(holder) => {
                    if self.same(&holder, &key, &mut BTreeSet::new()) {
                        self.names.insert(key, candidate.clone());
                        self.queue(holder, candidate.clone(), referrer);
                        return Ok(candidate);
                    }
                }
                None => {
                    self.holders.insert(slot, key.clone());
                    self.names.insert(key.clone(), candidate.clone());
                    self.queue(key, candidate.clone(), referrer);
                    return Ok(candidate);
                }
            }
        }
        Ok(base.clone())
    }

    fn queue(&mut self, key: Key, name: String, referrer: (PathBuf, String)) {
        if self.queued.insert(key.clone()) {
            self.pending.push(Pending {
                key,
                name,
                referrer,
            });
        }
    }

    /// Whether two definitions are the same: equal JSON, with `$ref`s reaching the same or
    /// equal definitions (`assumed` holds the pairs being compared, so cycles compare equal).
    fn same(&mut self, a: &Key, b: &Key, assumed: &mut BTreeSet<(Key, Key)>) -> bool {
        if a == b || !assumed.insert((a.clone(), b.clone())) {
            return true;
        }
        let (Some(x), Some(y)) = (self.raw(a), self.raw(b)) else {
            return false;
        };
        self.same_value(&x, &a.0, &y, &b.0, assumed)
    }

    fn same_value(
        &mut self,
        x: &Value,
        x_file: &Path,
        y: &Value,
        y_file: &Path,
        assumed: &mut BTreeSet<(Key, Key)>,
    ) -> bool {
        match (x, y) {
            (Value::Object(xm), Value::Object(ym)) => {
                if xm.len() != ym.len() {
                    return false;
                }
                for (k, xv) in xm {
                    let Some(yv) = ym.get(k) else {
                        return false;
                    };
                    let equal = match (k.as_str(), xv, yv) {
                        ("$ref", Value::String(xr), Value::String(yr)) => {
                            match (self.target(x_file, xr), self.target(y_file, yr)) {
                                (Some(xk), Some(yk)) => self.same(&xk, &yk, assumed),
                                _ => false,
                            }
                        }
                        _ => self.same_value(xv, x_file, yv, y_file, assumed),
                    };
                    if !equal {
                        return false;
                    }
                }
                true
            }
            (Value::Array(xs), Value::Array(ys)) => {
                xs.len() == ys.len()
                    && xs
                        .iter()
                        .zip(ys)
                        .all(|(xv, yv)| self.same_value(xv, x_file, yv, y_file, assumed))
            }
            _ => x == y,
        }
    }

    /// The definition a `$ref` written in `file` names, if it names one that exists.
    fn target(&self, file: &Path, reference: &str) -> Option<Key> {
        let (file_part, fragment) = reference.split_once('#')?;
        let target_file = if file_part.is_empty() {
            self.canonical(file)?
        } else {
            let found = self.canonical(&file.parent()?.join(file_part))?;
            found.starts_with(&self.spec_root).then_some(found)?
        };
        let tokens: Vec<String> = fragment
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect();
        let (name, section) = tokens.split_last()?;
        Some((target_file, section.to_vec(), name.clone()))
    }

    /// The definition as written in its file.
    fn raw(&mut self, key: &Key) -> Option<Value> {
        let (file, section, name) = key;
        let path = if self.is_root(file) {
            self.sources.root().to_path_buf()
        } else {
            file.clone()
        };
        let tokens: Vec<String> = section
            .iter()
            .chain(std::iter::once(name))
            .cloned()
            .collect();
        self.sources.load_node(&path, &tokens).ok().flatten()
    }

    /// Resolves a referenced file relative to the referring one, inside the spec root.
    fn locate(&self, from: &Path, relative: &str, ref_at: &str) -> Result<PathBuf, Diagnostic> {
        if relative.contains("://") {
            return Err(self.error(from, ref_at, format!("`$ref` to `{relative}`: remote references are not supported; copy the file into the spec tree")));
        }
        let base = from.parent().unwrap_or(Path::new("."));
        let joined = base.join(relative);
        let Some(found) = self.canonical(&joined) else {
            return Err(self.error(
                from,
                ref_at,
                format!(
                    "`$ref` to `{relative}`: no such file ({})",
                    joined.display()
                ),
            ));
        };
        if !found.starts_with(&self.spec_root) {
            return Err(self.error(from, ref_at, format!("`$ref` to `{relative}` leaves the spec root {}; only files inside it may be referenced (the root is the nearest folder named `specification` above the spec, else the spec's own folder; `--spec-root` sets another)", self.spec_root.display())));
        }
        Ok(found)
    }

    /// The pointer in `file` of its path item `template`: under `x-ms-paths` when it came
    /// from there.
    fn path_pointer(&self, file: &Path, template: &str) -> String {
        let moved = self
            .sources
            .x_ms_paths
            .contains(&(file.to_path_buf(), template.to_string()));
        join(if moved { "#/x-ms-paths" } else { "#/paths" }, template)
    }

    /// Puts the paths of another input file into the root document.
    fn merge_path(
        &mut self,
        doc: &mut Value,
        file: &Path,
        template: &str,
        item: Value,
    ) -> Result<(), Diagnostic> {
        let at = join("#/paths", template);
        let original = self.path_pointer(file, template);
        let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
            return Err(self.error(
                file,
                "#/paths",
                "the first input file has no `paths` object to merge this file's paths into".into(),
            ));
        };
        let Value::Object(mut item) = item else {
            return Err(self.error(file, &original, "a path item must be an object".into()));
        };
        match paths.get_mut(template) {
            None => {
                paths.insert(template.to_string(), Value::Object(item));
                self.sources.map(at, file, original);
            }
            Some(Value::Object(existing)) => {
                let shared = item.remove("parameters");
                for (method, mut op) in item {
                    let op_at = join(&at, &method);
                    let op_original = join(&original, &method);
                    if existing.contains_key(&method) {
                        return Err(self.error(
                            file,
                            &op_original,
                            format!("`{method} {template}` is also defined by another input file"),
                        ));
                    }
                    if let (Some(Value::Array(shared)), Some(ops)) = (&shared, op.as_object_mut()) {
                        let list = ops
                            .entry("parameters")
                            .or_insert_with(|| Value::Array(Vec::new()));
                        if let Value::Array(list) = list {
                            list.extend(shared.iter().cloned());
                        }
                    }
                    existing.insert(method, op);
                    self.sources.map(op_at, file, op_original);
                }
            }
            Some(_) => {}
        }
        Ok(())
    }

    fn hoist(&mut self, doc: &mut Value, p: Pending) -> Result<(), Diagnostic> {
        let (ref_file, ref_at) = &p.referrer;
        let (file, section, name) = &p.key;
        let mut pointer = String::from("#");
        for token in section.iter().chain(std::iter::once(name)) {
            pointer = join(&pointer, token);
        }
        let Some(mut node) = self.raw(&p.key) else {
            let shown = if self.is_root(file) {
                self.sources.root().display().to_string()
            } else {
                file.display().to_string()
            };
            return Err(self.error(
                ref_file,
                ref_at,
                format!("`$ref` target `{pointer}` does not exist in {shown}"),
            ));
        };
        let source = if self.is_root(file) {
            self.sources.root().to_path_buf()
        } else {
            file.clone()
        };
        self.place_derived(&p.key, &node, &source)?;
        self.rewrite(&mut node, &source, &mut pointer.clone(), 0)?;

        let mut slot = &mut *doc;
        let mut converted = String::from("#");
        for token in section {
            converted = join(&converted, token);
            let Some(obj) = slot.as_object_mut() else {
                return Err(self.error(ref_file, ref_at, format!("cannot place `{pointer}` of {}: the root document's `{converted}` is not an object", source.display())));
            };
            slot = obj
                .entry(token.clone())
                .or_insert_with(|| Value::Object(Map::new()));
        }
        let Some(entries) = slot.as_object_mut() else {
            return Err(self.error(
                ref_file,
                ref_at,
                format!("the root document's `{converted}` is not an object"),
            ));
        };
        entries.insert(p.name.clone(), node);
        let placed = join(&converted, &p.name);
        if !self.is_root(file) || placed != pointer {
            self.sources.map(placed, &source, pointer);
        }
        Ok(())
    }

    /// Places the definitions of `key`'s file that derive from it (`allOf: [{$ref}]`) when it
    /// is part of a discriminated hierarchy: nothing `$ref`s a derived definition, yet a value
    /// of the base may be any of them, so they are reached with it.
    fn place_derived(&mut self, key: &Key, node: &Value, source: &Path) -> Result<(), Diagnostic> {
        if node.get("discriminator").is_none() && !self.polymorphic.contains(key) {
            return Ok(());
        }
        let (file, section, _) = key;
        let Some(Value::Object(all)) = self.sources.load_node(source, section).ok().flatten()
        else {
            return Ok(());
        };
        let mut at = String::from("#");
        for token in section {
            at = join(&at, token);
        }
        for (child, schema) in &all {
            let derives = schema
                .get("allOf")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|member| member.get("$ref").and_then(Value::as_str))
                .any(|reference| self.target(source, reference).as_ref() == Some(key));
            if !derives {
                continue;
            }
            let child_key: Key = (file.clone(), section.clone(), child.clone());
            let placed_before = self.queued.contains(&child_key);
            let new = self.polymorphic.insert(child_key.clone());
            self.place(child_key.clone(), (source.to_path_buf(), join(&at, child)))?;
            if new && placed_before {
                // Placed already as a plain definition: its own derived ones come now.
                self.place_derived(&child_key, schema, source)?;
            }
        }
        Ok(())
    }

    /// A root definition no selected operation reaches is left out; a `$ref` in it that
    /// names no file or no definition is a warning.
    fn check_unused(&mut self, key: &Key) {
        let Some(node) = self.raw(key) else {
            return;
        };
        let (_, section, name) = key;
        let mut at = String::from("#");
        for token in section.iter().chain(std::iter::once(name)) {
            at = join(&at, token);
        }
        let root = self.sources.root().to_path_buf();
        let top = at.clone();
        let mut stack = vec![(&node, at)];
        while let Some((value, at)) = stack.pop() {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(reference)) = map.get("$ref") {
                        if !self.resolves(&root, reference) {
                            let ref_at = join(&at, "$ref");
                            let message = format!("`$ref: {reference}` is broken; `{top}`, which no selected operation uses, is left out");
                            let warning = self.sources.diagnostic_in(&root, &ref_at, message);
                            self.sources.warnings.push(warning);
                        }
                    }
                    for (k, v) in map.iter().rev() {
                        if k != "$ref" && !DATA_KEYS.contains(&k.as_str()) {
                            stack.push((v, join(&at, k)));
                        }
                    }
                }
                Value::Array(items) => {
                    for (i, v) in items.iter().enumerate().rev() {
                        stack.push((v, format!("{at}/{i}")));
                    }
                }
                _ => {}
            }
        }
    }

    fn resolves(&mut self, file: &Path, reference: &str) -> bool {
        if !reference.contains('#') {
            let Some(found) = file
                .parent()
                .and_then(|p| self.canonical(&p.join(reference)))
            else {
                return false;
            };
            return found.starts_with(&self.spec_root);
        }
        match self.target(file, reference) {
            Some(key) => self.raw(&key).is_some(),
            None => false,
        }
    }
}

/// Replaces the schemas of a parameter, header, request body or response at `at` that would
/// be models (they have properties, or `allOf`) by `$ref`s to where they are written.
fn schemas_by_ref(node: &mut Value, at: &str) {
    let by_ref = |schema: &mut Value, pointer: String| {
        let model = schema.as_object().is_some_and(|s| {
            !s.contains_key("$ref") && (s.contains_key("properties") || s.contains_key("allOf"))
        });
        if model {
            *schema = serde_json::json!({ "$ref": pointer });
        }
    };
    if node.get("$ref").is_some() {
        return;
    }
    if let Some(schema) = node.get_mut("schema") {
        by_ref(schema, join(at, "schema"));
    }
    if let Some(Value::Object(content)) = node.get_mut("content") {
        let base = join(at, "content");
        for (media, value) in content.iter_mut() {
            if let Some(schema) = value.get_mut("schema") {
                by_ref(schema, join(&join(&base, media), "schema"));
            }
        }
    }
    if let Some(Value::Object(headers)) = node.get_mut("headers") {
        let base = join(at, "headers");
        for (name, header) in headers.iter_mut() {
            schemas_by_ref(header, &join(&base, name));
        }
    }
}

fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}
