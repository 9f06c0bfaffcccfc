//! Resolves `$ref`s that point into other files: a definition (`./Common.json#/definitions/X`)
//! is hoisted into the root document under the same section and name, and a whole-file ref
//! (`./examples/x.json`, as in `x-ms-examples`) is replaced by the file's content. After this,
//! every `$ref` left is local (`#/...`). Files outside the root spec's folder are refused.

use super::{Dialect, SourceMap};
use crate::diagnostics::{pointer as join, Diagnostic};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Whole-file refs nested deeper than this are taken for a cycle.
const MAX_INLINE_DEPTH: usize = 16;

/// Deepest nesting of the document once whole-file refs are inlined: the parsers stop each
/// file at 128 levels, and inlining must not build anything deeper than one file may be.
const MAX_NESTING: usize = 128;

struct Pending {
    file: PathBuf,
    section: Vec<String>,
    name: String,
    /// Where the ref that asked for it stands, for the error if it is missing.
    referrer: (PathBuf, String),
}

struct Resolver<'a> {
    sources: &'a mut SourceMap,
    root: PathBuf,
    root_dir: PathBuf,
    pending: Vec<Pending>,
    /// (section, name) -> file it was hoisted from.
    hoisted: BTreeMap<(Vec<String>, String), PathBuf>,
    queued: BTreeSet<(PathBuf, Vec<String>, String)>,
    /// How deep `rewrite` is in the document being built.
    nesting: usize,
}

/// Makes every `$ref` in `doc` local, hoisting or inlining what other files hold.
pub fn resolve_external(
    mut doc: Value,
    _dialect: Dialect,
    sources: &mut SourceMap,
) -> Result<Value, Diagnostic> {
    let root = canonical(sources.root()).unwrap_or_else(|| sources.root().to_path_buf());
    let root_dir =
        canonical(sources.root_dir()).unwrap_or_else(|| sources.root_dir().to_path_buf());
    let root_path = sources.root().to_path_buf();
    let mut r = Resolver {
        sources,
        root,
        root_dir,
        pending: Vec::new(),
        hoisted: BTreeMap::new(),
        queued: BTreeSet::new(),
        nesting: 0,
    };
    r.rewrite(&mut doc, &root_path, &mut "#".to_string(), 0)?;
    while let Some(p) = r.pending.pop() {
        r.hoist(&mut doc, p)?;
    }
    Ok(doc)
}

impl Resolver<'_> {
    fn is_root(&self, file: &Path) -> bool {
        canonical(file).is_some_and(|c| c == self.root)
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
                    if let Some(replacement) = self.follow(map, &target, file, at, depth)? {
                        *value = replacement;
                        return Ok(());
                    }
                }
                for (key, child) in map.iter_mut() {
                    if key != "$ref" && (child.is_object() || child.is_array()) {
                        at.push('/');
                        at.push_str(&crate::diagnostics::escape_token(key));
                        let result = self.rewrite(child, file, at, depth);
                        at.truncate(len);
                        result?;
                    }
                }
            }
            _ => {}
        }
        Ok(())
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
            file.to_path_buf()
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
                if !local {
                    let (section, name) = tokens.split_at(tokens.len() - 1);
                    let name = name.concat();
                    let key = (target_file.clone(), section.to_vec(), name.clone());
                    if self.queued.insert(key) {
                        self.pending.push(Pending {
                            file: target_file,
                            section: section.to_vec(),
                            name,
                            referrer: (file.to_path_buf(), ref_at),
                        });
                    }
                }
                map.insert("$ref".into(), Value::String(format!("#{fragment}")));
                Ok(None)
            }
        }
    }

    /// Resolves a referenced file relative to the referring one, inside the spec folder.
    fn locate(&self, from: &Path, relative: &str, ref_at: &str) -> Result<PathBuf, Diagnostic> {
        if relative.contains("://") {
            return Err(self.error(from, ref_at, format!("`$ref` to `{relative}`: remote references are not supported; copy the file next to the spec")));
        }
        let base = from.parent().unwrap_or(Path::new("."));
        let joined = base.join(relative);
        let Some(found) = canonical(&joined) else {
            return Err(self.error(
                from,
                ref_at,
                format!(
                    "`$ref` to `{relative}`: no such file ({})",
                    joined.display()
                ),
            ));
        };
        if !found.starts_with(&self.root_dir) {
            return Err(self.error(from, ref_at, format!("`$ref` to `{relative}` leaves the spec folder {}; only files inside it may be referenced", self.root_dir.display())));
        }
        if found == self.root {
            return Ok(self.sources.root().to_path_buf());
        }
        Ok(found)
    }

    fn hoist(&mut self, doc: &mut Value, p: Pending) -> Result<(), Diagnostic> {
        let (ref_file, ref_at) = &p.referrer;
        let content = self.sources.load(&p.file).map_err(|m| {
            self.error(
                ref_file,
                ref_at,
                format!("cannot load `{}`: {m}", p.file.display()),
            )
        })?;
        let mut pointer = String::from("#");
        let mut node = &content;
        for token in p.section.iter().chain(std::iter::once(&p.name)) {
            pointer = join(&pointer, token);
            node = match node.get(token) {
                Some(n) => n,
                None => {
                    return Err(self.error(
                        ref_file,
                        ref_at,
                        format!(
                            "`$ref` target `{pointer}` does not exist in {}",
                            p.file.display()
                        ),
                    ))
                }
            };
        }
        let mut node = node.clone();
        self.rewrite(&mut node, &p.file, &mut pointer.clone(), 0)?;

        let mut slot = &mut *doc;
        let mut converted = String::from("#");
        for token in &p.section {
            converted = join(&converted, token);
            let Some(obj) = slot.as_object_mut() else {
                return Err(self.error(ref_file, ref_at, format!("cannot place `{pointer}` of {}: the root document's `{converted}` is not an object", p.file.display())));
            };
            slot = obj
                .entry(token.clone())
                .or_insert_with(|| Value::Object(Map::new()));
        }
        let Some(section) = slot.as_object_mut() else {
            return Err(self.error(
                ref_file,
                ref_at,
                format!("the root document's `{converted}` is not an object"),
            ));
        };
        let key = (p.section.clone(), p.name.clone());
        if section.contains_key(&p.name) {
            let clash = match self.hoisted.get(&key) {
                Some(other) => other.display().to_string(),
                None => "the root document".to_string(),
            };
            return Err(self.error(
                ref_file,
                ref_at,
                format!(
                    "`{pointer}` of {} has the same name as `{}` from {clash}; rename one of them",
                    p.file.display(),
                    join(&converted, &p.name)
                ),
            ));
        }
        section.insert(p.name.clone(), node);
        self.sources
            .map(join(&converted, &p.name), &p.file, pointer);
        self.hoisted.insert(key, p.file);
        Ok(())
    }
}

fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}
