//! Schemas -> model types. Only what the selected operations reach is lowered; each named
//! schema is lowered once; recursion is boxed at the back edge; `$ref` alias cycles are errors.

use super::hierarchy::Hierarchy;
use super::naming::{self, Scope};
use super::view::View;
use crate::diagnostics::{pointer as join, Diagnostic};
use crate::ir::{
    EnumDef, Field, FieldConstant, StructDef, Tag, TypeDef, TypeRef, UnionDef, UnionVariant, Usage,
    Variant,
};
use crate::read::Spec;
use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Deepest inline nesting accepted; deeper schemas are refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// String formats the generator knows: typed (dates, times, durations, bytes, UUIDs) or held
/// exactly as text, so they need no warning.
const STRING_FORMATS: [&str; 22] = [
    "date",
    "time",
    "date-time-rfc1123",
    "date-time-rfc7231",
    "duration",
    "byte",
    "base64url",
    "binary",
    "password",
    "char",
    "uri",
    "url",
    "uri-reference",
    "uri-template",
    "iri",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "regex",
    "arm-id",
    "json-pointer",
];

/// Most schemas being lowered at once, inline and named together (a chain of definitions
/// each referring to the next nests as deeply as inline schemas do).
const MAX_ACTIVE: usize = 96;

/// A schema named but not yet defined (see [`Types::settle`]).
struct Deferred {
    /// Its Rust type name.
    rust: String,
    /// The schema.
    waiting: Waiting,
}

/// The schema of a [`Deferred`] type.
enum Waiting {
    /// A component schema, by name.
    Component(String),
    /// An inline schema, with where it is and how deeply it is nested.
    Inline {
        schema: Box<Schema>,
        pointer: String,
        depth: usize,
    },
}

/// Lowers schemas into model types for one crate.
pub struct Types<'a> {
    spec: &'a Spec,
    /// Finished (or in-progress) model types by Rust name.
    pub defs: BTreeMap<String, TypeDef>,
    /// Component schema name -> its lowered type.
    named: BTreeMap<String, TypeRef>,
    /// Component schemas being resolved as aliases (cycle detection).
    aliasing: Vec<String>,
    /// Structs whose fields are being lowered (a reference back to one is boxed).
    building: Vec<String>,
    /// Schemas being lowered right now (the recursion depth), bounded by [`MAX_ACTIVE`].
    active: usize,
    /// Type names in the crate.
    scope: Scope,
    /// Rust type -> the model types its fields use, for usage propagation.
    deps: BTreeMap<String, BTreeSet<String>>,
    /// Usage marks given by operations, with the feature of the operation's client,
    /// propagated by [`Types::finish`].
    roots: Vec<(TypeRef, Usage, String)>,
    /// The feature of the client whose operation is being lowered.
    group: String,
    /// Inline schemas named by their `title`, so an identical copy reuses the type.
    titled: Vec<(Value, TypeRef)>,
    /// The discriminated hierarchies of the component schemas.
    hierarchy: Hierarchy,
    /// Component schema name -> its model struct, where that differs from what a `$ref` to it
    /// means (a discriminated base: a `$ref` means the union of its kinds).
    structs: BTreeMap<String, String>,
    /// Unions named but not yet filled in: (base schema, union name, base struct). They are
    /// filled in once no struct is being built, so each kind can derive from its base.
    pending: Vec<(String, String, String)>,
    /// Schemas named by a `$ref` outside `#/components/schemas/Name`, by canonical pointer:
    /// one type for each, however it is reached.
    located: BTreeMap<String, TypeRef>,
    /// Schemas named but not yet defined: a property reached one whose `allOf` chain needs a
    /// struct still being built (a descendant of the struct, or of one of its bases); each is
    /// defined, in this order, once no struct is.
    deferred: Vec<Deferred>,
    /// How each struct would be written as XML; kept for those an XML body reaches.
    xml: BTreeMap<String, crate::ir::XmlType>,
    /// Types of XML bodies and responses.
    xml_roots: Vec<TypeRef>,
    /// The structs made for XML arrays at the root: (element, item element, array type, name).
    xml_lists: Vec<(String, String, TypeRef, String)>,
}

impl<'a> Types<'a> {
    /// A lowerer for `spec`.
    pub fn new(spec: &'a Spec) -> Self {
        Types {
            spec,
            defs: BTreeMap::new(),
            named: BTreeMap::new(),
            aliasing: Vec::new(),
            building: Vec::new(),
            active: 0,
            scope: Scope::default(),
            deps: BTreeMap::new(),
            roots: Vec::new(),
            group: String::new(),
            titled: Vec::new(),
            hierarchy: Hierarchy::of(&spec.api),
            structs: BTreeMap::new(),
            located: BTreeMap::new(),
            pending: Vec::new(),
            deferred: Vec::new(),
            xml: BTreeMap::new(),
            xml_roots: Vec::new(),
            xml_lists: Vec::new(),
        }
    }

    /// The struct made earlier for an XML array at the root with these element names.
    pub fn xml_list(&self, root: &str, item: &str, ty: &TypeRef) -> Option<String> {
        self.xml_lists
            .iter()
            .find(|(r, i, t, _)| r == root && i == item && t == ty)
            .map(|(_, _, _, name)| name.clone())
    }

    /// Remembers the struct made for an XML array at the root.
    pub fn remember_xml_list(&mut self, root: String, item: String, ty: TypeRef, name: String) {
        self.xml_lists.push((root, item, ty, name));
    }

    /// Records that `ty` is an XML body or response: it, and every type it reaches, is
    /// written with its XML names.
    pub fn mark_xml(&mut self, ty: &TypeRef) {
        self.xml_roots.push(ty.clone());
    }

    /// Adds a struct the generator makes (not from the spec), with its XML form.
    pub fn add_struct(&mut self, def: StructDef, xml: crate::ir::XmlType) {
        for f in &def.fields {
            self.depend(&def.name, &f.ty);
        }
        self.xml.insert(def.name.clone(), xml);
        self.defs.insert(def.name.clone(), TypeDef::Struct(def));
    }

    /// The XML form of every type an XML body or response reaches, with a helper module
    /// name claimed for each item name of a wrapped array.
    pub fn finish_xml(&mut self) -> BTreeMap<String, crate::ir::XmlType> {
        let mut reached = BTreeSet::new();
        let mut stack: Vec<String> = self.xml_roots.iter().flat_map(named_in).collect();
        while let Some(name) = stack.pop() {
            if !reached.insert(name.clone()) {
                continue;
            }
            if let Some(deps) = self.deps.get(&name) {
                stack.extend(deps.iter().cloned());
            }
        }
        let mut out: BTreeMap<String, crate::ir::XmlType> = self
            .xml
            .iter()
            .filter(|(name, _)| {
                reached.contains(*name) && matches!(self.defs.get(*name), Some(TypeDef::Struct(_)))
            })
            .map(|(name, xml)| (name.clone(), xml.clone()))
            .collect();
        let mut helpers: BTreeMap<String, String> = BTreeMap::new();
        for xml in out.values_mut() {
            for field in xml.fields.values_mut() {
                if let crate::ir::XmlKind::Wrapped { item, helper } = &mut field.kind {
                    let claimed = helpers.entry(item.clone()).or_insert_with(|| {
                        self.scope
                            .claim(format!("xml_{}_items", naming::snake(item)))
                    });
                    *helper = claimed.clone();
                }
            }
        }
        out
    }

    /// Claims a type name for a type the generator adds (not from the spec).
    pub fn claim_type_name(&mut self, raw: &str) -> String {
        self.scope.claim(naming::type_name(raw))
    }

    /// Claims `name` as it is (an options or client type name) among the type names.
    pub fn claim_name(&mut self, name: String) -> String {
        self.scope.claim(name)
    }

    /// Whether a type of this Rust name exists already.
    pub fn type_name_taken(&self, name: &str) -> bool {
        self.scope.contains(name)
    }

    /// Sets the feature of the client whose operations the next marks come from.
    pub fn set_group(&mut self, feature: &str) {
        self.group = feature.to_string();
    }

    /// Whether a parameter of type `ty` is an object (a model, or a map of values) whose
    /// fields are sent by the parameter's style.
    pub fn is_object(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Map(_) => true,
            TypeRef::Named(name) => matches!(self.defs.get(name), Some(TypeDef::Struct(_))),
            _ => false,
        }
    }

    /// Records that `ty` is sent (`input`) or received (`!input`).
    pub fn mark(&mut self, ty: &TypeRef, input: bool) {
        self.roots.push((
            ty.clone(),
            Usage {
                input,
                output: !input,
                body: false,
            },
            self.group.clone(),
        ));
    }

    /// Records that the current client's operations use `ty` without sending or receiving
    /// it as JSON (a parameter value): it only has to exist when that client does.
    pub fn reach(&mut self, ty: &TypeRef) {
        self.roots
            .push((ty.clone(), Usage::default(), self.group.clone()));
    }

    /// Records that `ty` is an operation's request body.
    pub fn mark_body(&mut self, ty: &TypeRef) {
        self.mark(ty, true);
        if let TypeRef::Named(name) = ty {
            match self.defs.get_mut(name) {
                Some(TypeDef::Struct(s)) => s.usage.body = true,
                Some(TypeDef::Enum(e)) => e.usage.body = true,
                Some(TypeDef::Union(u)) => u.usage.body = true,
                None => {}
            }
        }
    }

    /// Propagates usage marks and client features through fields and returns the model types.
    pub fn finish(mut self) -> BTreeMap<String, TypeDef> {
        let roots = std::mem::take(&mut self.roots);
        for (ty, usage, group) in roots {
            let mut stack: Vec<String> = named_in(&ty);
            let mut seen = BTreeSet::new();
            while let Some(name) = stack.pop() {
                if !seen.insert(name.clone()) {
                    continue;
                }
                match self.defs.get_mut(&name) {
                    Some(TypeDef::Struct(s)) => {
                        s.usage.input |= usage.input;
                        s.usage.output |= usage.output;
                        s.features.insert(group.clone());
                    }
                    Some(TypeDef::Enum(e)) => {
                        e.usage.input |= usage.input;
                        e.usage.output |= usage.output;
                        e.features.insert(group.clone());
                    }
                    Some(TypeDef::Union(u)) => {
                        u.usage.input |= usage.input;
                        u.usage.output |= usage.output;
                        u.features.insert(group.clone());
                    }
                    None => {}
                }
                if let Some(deps) = self.deps.get(&name) {
                    stack.extend(deps.iter().cloned());
                }
            }
        }
        self.defs
    }

    /// The type of a schema or reference found at `pointer`; `hint` names inline models.
    pub fn of(
        &mut self,
        schema: &ReferenceOr<Schema>,
        pointer: &str,
        hint: &str,
    ) -> Result<TypeRef, Diagnostic> {
        let ty = match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, pointer)?,
            ReferenceOr::Item(s) => self.schema(s, pointer, hint, 0)?,
        };
        if self.building.is_empty() && !self.deferred.is_empty() {
            self.settle(pointer)?;
        }
        Ok(ty)
    }

    fn of_boxed(
        &mut self,
        schema: &ReferenceOr<Box<Schema>>,
        pointer: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, pointer),
            ReferenceOr::Item(s) => self.schema(s, pointer, hint, depth),
        }
    }

    /// The type a `$ref` names, lowering the component on first use (or, when its `allOf`
    /// chain needs a struct still being built, once no struct is).
    fn reference(&mut self, reference: &str, pointer: &str) -> Result<TypeRef, Diagnostic> {
        self.reference_when(reference, pointer, true)
    }

    /// The type a `$ref` names; `deferrable: false` (an `allOf` member, whose fields are
    /// needed now) always lowers the component at once.
    fn reference_when(
        &mut self,
        reference: &str,
        pointer: &str,
        deferrable: bool,
    ) -> Result<TypeRef, Diagnostic> {
        let ty = self.guarded(pointer, |t| t.reference_at(reference, pointer, deferrable))?;
        if self.building.is_empty() {
            self.settle(pointer)?;
        }
        Ok(ty)
    }

    /// Once no struct is being built: defines the deferred component schemas, then fills in
    /// the unions named so far (a deferred kind is a variant).
    fn settle(&mut self, pointer: &str) -> Result<(), Diagnostic> {
        while !self.deferred.is_empty() {
            let deferred = self.deferred.remove(0);
            self.guarded(pointer, |t| match deferred.waiting {
                Waiting::Component(name) => t.define_deferred(&name, deferred.rust),
                Waiting::Inline {
                    schema,
                    pointer,
                    depth,
                } => t.define(&schema, &View::of(&schema), &pointer, deferred.rust, depth),
            })?;
        }
        self.fill_unions(pointer)
    }

    /// Defines a deferred component schema.
    fn define_deferred(&mut self, name: &str, rust: String) -> Result<(), Diagnostic> {
        let schemas = self.spec.api.components.as_ref().map(|c| &c.schemas);
        match schemas.and_then(|s| s.get(name)) {
            Some(ReferenceOr::Item(schema)) => {
                let at = join("#/components/schemas", name);
                self.define_component(name, schema, &at, rust)
            }
            _ => Ok(()),
        }
    }

    /// Whether component schema `name` must wait to be defined: a schema of its `allOf` chain
    /// is named but not yet defined (being built, or deferred itself), so the fields it would
    /// inherit are not known yet.
    fn waits(&self, name: &str) -> bool {
        self.chain_waits(vec![name.to_string()], Some(name))
    }

    /// Whether an inline schema with these `allOf` members must wait to be defined, as
    /// [`Types::waits`] says of a component schema.
    fn inline_waits(&self, members: &[&ReferenceOr<Schema>]) -> bool {
        let mut stack = Vec::new();
        let mut members = members.to_vec();
        while let Some(member) = members.pop() {
            match member {
                ReferenceOr::Reference { reference } => {
                    stack.extend(super::hierarchy::component_of(reference));
                }
                ReferenceOr::Item(inline) => members.extend(View::of(inline).all_of),
            }
        }
        self.chain_waits(stack, None)
    }

    /// Whether a schema of the `allOf` chains from these component schemas (`name` itself
    /// aside) is named but not yet defined.
    fn chain_waits(&self, mut stack: Vec<String>, name: Option<&str>) -> bool {
        let schemas = match self.spec.api.components.as_ref() {
            Some(c) => &c.schemas,
            None => return false,
        };
        let mut seen = BTreeSet::new();
        while let Some(current) = stack.pop() {
            if !seen.insert(current.clone()) {
                continue;
            }
            if Some(current.as_str()) != name {
                let rust = match (self.structs.get(&current), self.named.get(&current)) {
                    (Some(s), _) | (None, Some(TypeRef::Named(s))) => Some(s),
                    _ => None,
                };
                if let Some(rust) = rust {
                    if !self.defs.contains_key(rust) {
                        return true;
                    }
                    // Defined: so is its whole chain.
                    continue;
                }
            }
            let mut members: Vec<&ReferenceOr<Schema>> = Vec::new();
            match schemas.get(&current) {
                Some(ReferenceOr::Item(schema)) => members.extend(View::of(schema).all_of),
                Some(reference @ ReferenceOr::Reference { .. }) => members.push(reference),
                None => {}
            }
            while let Some(member) = members.pop() {
                match member {
                    ReferenceOr::Reference { reference } => {
                        if let Some(c) = super::hierarchy::component_of(reference) {
                            stack.push(c);
                        }
                    }
                    ReferenceOr::Item(inline) => members.extend(View::of(inline).all_of),
                }
            }
        }
        false
    }

    /// Fills in the unions named so far: each kind of the hierarchy is lowered (it derives
    /// from its base, whose struct is done) and becomes a variant.
    fn fill_unions(&mut self, pointer: &str) -> Result<(), Diagnostic> {
        while let Some((base, union, base_struct)) = self.pending.pop() {
            let tag = self.hierarchy.tag(&base).unwrap_or_default().to_string();
            let mut scope = Scope::default();
            let mut variants = vec![UnionVariant {
                value: self.hierarchy.value(&base).to_string(),
                rust_name: scope.claim(base_struct.clone()),
                model: base_struct,
            }];
            for kind in self.hierarchy.descendants(&base) {
                let reference = format!(
                    "#/components/schemas/{}",
                    kind.replace('~', "~0").replace('/', "~1")
                );
                self.reference(&reference, pointer)?;
                let Some(model) = self.struct_of(&kind) else {
                    continue;
                };
                variants.push(UnionVariant {
                    value: self.hierarchy.value(&kind).to_string(),
                    rust_name: scope.claim(model.clone()),
                    model,
                });
            }
            let unknown = scope.claim("Unknown".to_string());
            let models: BTreeSet<String> = variants.iter().map(|v| v.model.clone()).collect();
            self.deps.entry(union.clone()).or_default().extend(models);
            let docs = format!(
                "A `{}` of any kind, told apart by its `{tag}` property: one variant per kind this version knows (a value without `{tag}` is a `{0}`), and `{unknown}` (the JSON object as received) for any other.",
                variants.first().map(|v| v.model.as_str()).unwrap_or_default()
            );
            self.defs.insert(
                union.clone(),
                TypeDef::Union(UnionDef {
                    name: union,
                    docs,
                    tag,
                    variants,
                    unknown,
                    usage: Usage::default(),
                    features: BTreeSet::new(),
                }),
            );
        }
        Ok(())
    }

    /// The model struct of component schema `name`, once lowered.
    fn struct_of(&self, name: &str) -> Option<String> {
        if let Some(s) = self.structs.get(name) {
            return Some(s.clone());
        }
        match self.named.get(name) {
            Some(TypeRef::Named(n)) if matches!(self.defs.get(n), Some(TypeDef::Struct(_))) => {
                Some(n.clone())
            }
            _ => None,
        }
    }

    /// Runs one level of the recursion, refusing to go deeper than [`MAX_ACTIVE`].
    fn guarded<T>(
        &mut self,
        pointer: &str,
        f: impl FnOnce(&mut Self) -> Result<T, Diagnostic>,
    ) -> Result<T, Diagnostic> {
        if self.active >= MAX_ACTIVE {
            return Err(self.spec.error(
                pointer,
                format!("schemas (through `$ref`s and inline) nest more than {MAX_ACTIVE} levels deep here; refusing to go further"),
            ));
        }
        self.active += 1;
        let result = f(self);
        self.active -= 1;
        result
    }

    fn reference_at(
        &mut self,
        reference: &str,
        pointer: &str,
        deferrable: bool,
    ) -> Result<TypeRef, Diagnostic> {
        let Some(name) = reference
            .strip_prefix("#/components/schemas/")
            .filter(|name| !name.contains('/'))
        else {
            return self.pointer_at(reference, pointer);
        };
        let name = name.replace("~1", "/").replace("~0", "~");
        if let Some(done) = self.named.get(&name).cloned() {
            // An `allOf` member needs its fields now: one deferred is defined at once.
            let waiting = self
                .deferred
                .iter()
                .position(|d| matches!(&d.waiting, Waiting::Component(c) if *c == name));
            if let Some(i) = waiting.filter(|_| !deferrable) {
                let rust = self.deferred.remove(i).rust;
                self.define_deferred(&name, rust)?;
            }
            return Ok(done);
        }
        if self.aliasing.contains(&name) {
            let mut cycle = self.aliasing.clone();
            cycle.push(name.clone());
            return Err(self.spec.error(
                pointer,
                format!("`$ref` cycle with no schema in it: {}", cycle.join(" -> ")),
            ));
        }
        let Some(target) = self
            .spec
            .api
            .components
            .as_ref()
            .and_then(|c| c.schemas.get(&name))
        else {
            return Err(self.spec.left_out(reference).unwrap_or_else(|| {
                self.spec.error(
                    pointer,
                    format!("`$ref: {reference}`: no schema named `{name}`"),
                )
            }));
        };
        let at = join("#/components/schemas", &name);
        match target {
            ReferenceOr::Reference { reference } => {
                self.aliasing.push(name.clone());
                let result = self.reference(reference, &at);
                self.aliasing.pop();
                let ty = result?;
                self.named.insert(name, ty.clone());
                Ok(ty)
            }
            ReferenceOr::Item(schema) => {
                let view = View::of(schema);
                let kind = self.hierarchy.tag(&name).is_some();
                if let Some((index, single)) = single_ref(&view).filter(|_| !kind) {
                    self.aliasing.push(name.clone());
                    let result = self.reference(single, &join(&at, &format!("allOf/{index}")));
                    self.aliasing.pop();
                    let ty = result?;
                    self.named.insert(name, ty.clone());
                    return Ok(ty);
                }
                // A free-form object (`{"type": "object"}`, no properties, extra properties
                // allowed) is any JSON object: `serde_json::Value`, not an empty struct that
                // would drop everything.
                if (view.is_object() && !free_form(&view)) || is_enum(&view) || kind {
                    let rust = self.scope.claim(naming::type_name(&name));
                    super::warn_name(self.spec, &at, "schema", &name, &rust);
                    let mut meant = TypeRef::Named(rust.clone());
                    if self.hierarchy.is_base(&name) {
                        // A `$ref` to a discriminated base means a value of any of its kinds.
                        let union = self
                            .scope
                            .claim(naming::type_name(&format!("{name} union")));
                        self.structs.insert(name.clone(), rust.clone());
                        self.pending
                            .push((name.clone(), union.clone(), rust.clone()));
                        meant = TypeRef::Named(union);
                    }
                    self.named.insert(name.clone(), meant.clone());
                    if deferrable && !self.building.is_empty() && self.waits(&name) {
                        self.deferred.push(Deferred {
                            rust,
                            waiting: Waiting::Component(name),
                        });
                    } else {
                        self.define_component(&name, schema, &at, rust)?;
                    }
                    Ok(meant)
                } else {
                    self.aliasing.push(name.clone());
                    let result = self.schema(schema, &at, &name, 0);
                    self.aliasing.pop();
                    let ty = result?;
                    self.named.insert(name, ty.clone());
                    Ok(ty)
                }
            }
        }
    }

    /// The type of the schema a `$ref` names anywhere but `#/components/schemas/Name` (in an
    /// operation, a response component, a schema's `definitions` or `$defs`, ...).
    fn pointer_at(&mut self, reference: &str, pointer: &str) -> Result<TypeRef, Diagnostic> {
        let Some(at) = crate::diagnostics::canonical_pointer(reference) else {
            return Err(self.spec.error(
                pointer,
                format!("`$ref: {reference}` is not a JSON pointer into this document (`#/...`)"),
            ));
        };
        if let Some(done) = self.located.get(&at) {
            return Ok(done.clone());
        }
        let Some(value) = self.spec.fragment(&at) else {
            let tokens = crate::diagnostics::pointer_tokens(reference).unwrap_or_default();
            let message = match crate::read::places::walk(&tokens).0 {
                crate::read::places::Kind::Schema => {
                    format!("`$ref: {reference}` points to nothing in the document")
                }
                _ => format!("`$ref: {reference}` does not point to a schema"),
            };
            return Err(self
                .spec
                .left_out(reference)
                .unwrap_or_else(|| self.spec.error(pointer, message)));
        };
        let schema: ReferenceOr<Schema> = serde_json::from_value(value.clone()).map_err(|e| {
            self.spec.error(
                &at,
                format!("`$ref: {reference}` names no valid schema: {e}"),
            )
        })?;
        match schema {
            ReferenceOr::Reference { reference: next } => {
                if self.aliasing.contains(&at) {
                    let mut cycle = self.aliasing.clone();
                    cycle.push(at);
                    return Err(self.spec.error(
                        pointer,
                        format!("`$ref` cycle with no schema in it: {}", cycle.join(" -> ")),
                    ));
                }
                self.aliasing.push(at.clone());
                let result = self.reference(&next, &at);
                self.aliasing.pop();
                let ty = result?;
                self.located.insert(at, ty.clone());
                Ok(ty)
            }
            ReferenceOr::Item(schema) => self.located(&schema, &at, 0),
        }
    }

    /// The type of the schema at `at`, a location a `$ref` names: lowered once, named after
    /// its location ([`naming::located_name`]), whether a `$ref` or the walk through the
    /// schemas around it reaches it first.
    fn located(&mut self, schema: &Schema, at: &str, depth: usize) -> Result<TypeRef, Diagnostic> {
        if let Some(done) = self.located.get(at) {
            return Ok(done.clone());
        }
        if self.aliasing.iter().any(|a| a == at) {
            let mut cycle = self.aliasing.clone();
            cycle.push(at.to_string());
            return Err(self.spec.error(
                at,
                format!("`$ref` cycle with no schema in it: {}", cycle.join(" -> ")),
            ));
        }
        let tokens = crate::diagnostics::pointer_tokens(at).unwrap_or_default();
        let (_, steps) = crate::read::places::walk(&tokens);
        let raw = naming::located_name(&steps, |path, method| self.operation_name(path, method));
        let view = View::of(schema);
        let ty = if let Some((index, single)) = single_ref(&view) {
            self.aliasing.push(at.to_string());
            let result = self.reference(single, &join(at, &format!("allOf/{index}")));
            self.aliasing.pop();
            result?
        } else if only_null(schema) {
            TypeRef::Json
        } else if (view.is_object() && !free_form(&view)) || is_enum(&view) {
            let rust = self.scope.claim(naming::type_name(&raw));
            let ty = TypeRef::Named(rust.clone());
            self.located.insert(at.to_string(), ty.clone());
            self.define(schema, &view, at, rust, depth)?;
            ty
        } else {
            self.aliasing.push(at.to_string());
            let result = self.shaped(schema, view, at, &raw, depth);
            self.aliasing.pop();
            result?
        };
        self.located.insert(at.to_string(), ty.clone());
        Ok(ty)
    }

    /// What an operation is called in the names of the schemas in it: its operationId, else
    /// its method and path.
    fn operation_name(&self, path: &str, method: &str) -> String {
        let id = match self.spec.api.paths.paths.get(path) {
            Some(ReferenceOr::Item(item)) => item
                .iter()
                .find(|(m, _)| *m == method)
                .and_then(|(_, op)| op.operation_id.clone()),
            _ => None,
        };
        id.filter(|id| !id.trim().is_empty())
            .unwrap_or_else(|| format!("{method} {path}"))
    }

    /// Defines component schema `name` (a model or an enum) as `rust`, with its tag when it is
    /// a kind of a discriminated hierarchy.
    fn define_component(
        &mut self,
        name: &str,
        schema: &Schema,
        at: &str,
        rust: String,
    ) -> Result<(), Diagnostic> {
        self.define(schema, &View::of(schema), at, rust.clone(), 0)?;
        if let Some(tag) = self.hierarchy.tag(name) {
            let tag = Tag {
                property: tag.to_string(),
                value: self.hierarchy.value(name).to_string(),
            };
            if let Some(TypeDef::Struct(s)) = self.defs.get_mut(&rust) {
                s.fields.retain(|f| f.wire_name != tag.property);
                s.tag = Some(tag);
            }
        }
        Ok(())
    }

    fn schema(
        &mut self,
        schema: &Schema,
        pointer: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        self.guarded(pointer, |t| t.schema_at(schema, pointer, hint, depth))
    }

    fn schema_at(
        &mut self,
        schema: &Schema,
        pointer: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        if depth > MAX_DEPTH {
            return Err(self.spec.error(
                pointer,
                format!("schema nested more than {MAX_DEPTH} levels deep; refusing to go further"),
            ));
        }
        if self.spec.fragment(pointer).is_some() {
            return self.located(schema, pointer, depth);
        }
        let view = View::of(schema);
        if let Some((index, single)) = single_ref(&view) {
            return self.reference(single, &join(pointer, &format!("allOf/{index}")));
        }
        if only_null(schema) {
            // `enum: [null]`: the value is always `null`; keep the JSON.
            return Ok(TypeRef::Json);
        }
        let titled = schema
            .schema_data
            .title
            .as_ref()
            .filter(|t| !t.trim().is_empty())
            .and_then(|_| serde_json::to_value(schema).ok());
        if let Some(same) = titled
            .as_ref()
            .and_then(|v| self.titled.iter().find(|(w, _)| w == v))
        {
            return Ok(same.1.clone());
        }
        let ty = self.shaped(schema, view, pointer, hint, depth)?;
        if let (Some(value), TypeRef::Named(_)) = (titled, &ty) {
            self.titled.push((value, ty.clone()));
        }
        Ok(ty)
    }

    /// The type of an inline schema that is not a plain `$ref`.
    fn shaped(
        &mut self,
        schema: &Schema,
        view: View,
        pointer: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeRef, Diagnostic> {
        if view.alternatives && view.properties.is_empty() && view.all_of.is_empty() {
            // oneOf / anyOf / not: no Rust shape fits every alternative; keep the JSON.
            let keyword = alternatives(schema);
            self.spec.warn(
                &join(pointer, keyword),
                format!("`{keyword}` is not modelled: the value is kept as `serde_json::Value`"),
            );
            return Ok(TypeRef::Json);
        }
        if is_enum(&view)
            || (view.is_object() && !view.properties.is_empty())
            || (view.is_object() && !view.all_of.is_empty())
        {
            let named = enum_name(schema).or_else(|| {
                schema
                    .schema_data
                    .title
                    .clone()
                    .filter(|t| !t.trim().is_empty())
            });
            let raw = named.clone().unwrap_or_else(|| hint.to_string());
            let rust = naming::type_name(&raw);
            if let Some(existing) = self.same_enum(&rust, &view) {
                return Ok(existing);
            }
            let rust = self.scope.claim(rust);
            if let Some(named) = &named {
                // Names made from other names were warned about where those were.
                super::warn_name(self.spec, pointer, "schema", named, &rust);
            }
            if !self.building.is_empty() && self.inline_waits(&view.all_of) {
                self.deferred.push(Deferred {
                    rust: rust.clone(),
                    waiting: Waiting::Inline {
                        schema: Box::new(schema.clone()),
                        pointer: pointer.to_string(),
                        depth,
                    },
                });
            } else {
                self.define(schema, &view, pointer, rust.clone(), depth)?;
            }
            return Ok(TypeRef::Named(rust));
        }
        self.warn_scalar(&view, pointer);
        Ok(match view.typ {
            Some("string") => match view.format.as_deref() {
                Some("date-time") => TypeRef::DateTime,
                Some("date-time-rfc1123" | "date-time-rfc7231") => TypeRef::DateTimeRfc1123,
                Some("date") => TypeRef::Date,
                Some("time") => TypeRef::Time,
                Some("duration") => TypeRef::Duration,
                Some("byte") => TypeRef::Base64,
                Some("base64url") => TypeRef::Base64Url,
                Some("uuid") => TypeRef::Uuid,
                _ => TypeRef::String,
            },
            Some("boolean") => TypeRef::Bool,
            Some("integer") => match view.format.as_deref() {
                Some("int64") => TypeRef::I64,
                Some("unixtime") => TypeRef::UnixTime,
                Some("uint8") => TypeRef::U8,
                Some("uint16") => TypeRef::U16,
                Some("uint32") => TypeRef::U32,
                Some("uint64" | "uint") => TypeRef::U64,
                _ => TypeRef::I32,
            },
            Some("number") => match view.format.as_deref() {
                Some("float") => TypeRef::F32,
                _ => TypeRef::F64,
            },
            Some("array") => match view.items {
                Some(items) => {
                    let item = self.of_boxed(
                        items,
                        &join(pointer, "items"),
                        &format!("{hint}Item"),
                        depth + 1,
                    )?;
                    TypeRef::Vec(Box::new(self.maybe_null(items_schema(items), item)))
                }
                None => TypeRef::Vec(Box::new(TypeRef::Json)),
            },
            _ => match view.additional {
                Some(AdditionalProperties::Schema(value)) => {
                    let item = self.of(
                        value,
                        &join(pointer, "additionalProperties"),
                        &format!("{hint}Value"),
                    )?;
                    TypeRef::Map(Box::new(self.maybe_null(value_schema(value), item)))
                }
                _ => TypeRef::Json,
            },
        })
    }

    /// An array item's or map value's type, as `Option` when its schema (or the component it
    /// names) is `nullable` (Swagger's `x-nullable`): a `null` item then decodes as `None`
    /// instead of failing the whole value. `serde_json::Value` holds `null` already.
    fn maybe_null(&self, schema: ReferenceOr<&Schema>, ty: TypeRef) -> TypeRef {
        let schema = match schema {
            ReferenceOr::Item(schema) => Some(schema),
            ReferenceOr::Reference { reference } => self.component(&reference),
        };
        if schema.is_some_and(|s| s.schema_data.nullable) && ty != TypeRef::Json {
            TypeRef::Nullable(Box::new(ty))
        } else {
            ty
        }
    }

    /// Warns when a scalar's Rust type says less than the schema: a `format` the generator
    /// does not know, or an `enum` of numbers or booleans (the plain type takes any value).
    fn warn_scalar(&self, view: &View, pointer: &str) {
        let (known, rust): (&[&str], &str) = match view.typ {
            Some("string") => (&STRING_FORMATS, "String"),
            Some("integer") => (
                &[
                    "int32", "int64", "unixtime", "uint8", "uint16", "uint32", "uint64", "uint",
                ],
                "i32",
            ),
            Some("number") => (&["float", "double"], "f64"),
            Some("boolean") => (&[], "bool"),
            _ => return,
        };
        if let Some(format) = view.format.as_deref() {
            let native = matches!((view.typ, format), (Some("string"), "date-time" | "uuid"));
            if !native && !known.contains(&format) && view.typ != Some("boolean") {
                self.spec.warn(
                    &join(pointer, "format"),
                    format!("unknown `format: {format}`: generated as `{rust}`"),
                );
            }
        }
        if !view.enumeration.is_empty() && view.typ == Some("boolean") {
            self.spec.warn(
                &join(pointer, "enum"),
                "a `boolean` enum is generated as its plain type: any value is accepted, not only the listed ones".to_string(),
            );
        }
    }

    /// An inline enum with an x-ms-enum name already defined with the same values is reused.
    fn same_enum(&self, rust: &str, view: &View) -> Option<TypeRef> {
        match self.defs.get(rust) {
            Some(TypeDef::Enum(e)) if is_enum(view) => {
                let values: Vec<&str> = view.enumeration.iter().filter_map(Value::as_str).collect();
                let known: Vec<&str> = e.variants.iter().map(|v| v.wire.as_str()).collect();
                (values == known).then(|| TypeRef::Named(rust.to_string()))
            }
            _ => None,
        }
    }

    fn define(
        &mut self,
        schema: &Schema,
        view: &View,
        pointer: &str,
        rust: String,
        depth: usize,
    ) -> Result<(), Diagnostic> {
        let docs = schema
            .schema_data
            .description
            .clone()
            .filter(|d| super::view::has_prose(d))
            .unwrap_or_else(|| {
                let kind = if is_enum(view) { "values" } else { "model" };
                format!("The `{rust}` {kind}.")
            });
        if is_enum(view) {
            let def = self.enumeration(schema, view, pointer, &rust, docs)?;
            self.defs.insert(rust, TypeDef::Enum(def));
            return Ok(());
        }
        if view.alternatives {
            let keyword = alternatives(schema);
            self.spec.warn(
                &join(pointer, keyword),
                format!("`{keyword}` next to properties is not modelled: `{rust}` has only the properties listed"),
            );
        }
        self.building.push(rust.clone());
        let result = self.structure(view, pointer, &rust, depth);
        self.building.pop();
        let (fields, additional) = result?;
        let mut scope = Scope::default();
        for f in &fields {
            scope.claim(f.rust_name.clone());
        }
        let additional_field = scope.claim("additional_properties".to_string());
        self.xml.entry(rust.clone()).or_default().root =
            super::media::xml_root(schema, pointer, &rust);
        self.defs.insert(
            rust.clone(),
            TypeDef::Struct(StructDef {
                name: rust,
                docs,
                fields,
                additional,
                additional_field,
                tag: None,
                usage: Usage::default(),
                features: BTreeSet::new(),
            }),
        );
        Ok(())
    }

    fn structure(
        &mut self,
        view: &View,
        pointer: &str,
        rust: &str,
        depth: usize,
    ) -> Result<(Vec<Field>, Option<TypeRef>), Diagnostic> {
        let mut fields: Vec<Field> = Vec::new();
        let mut additional = None;
        for (i, base) in view.all_of.iter().enumerate() {
            let at = format!("{pointer}/allOf/{i}");
            let (base_fields, base_additional) = self.base(base, &at, rust, depth)?;
            for f in base_fields {
                if !fields.iter().any(|g| g.wire_name == f.wire_name) {
                    fields.push(f);
                }
            }
            additional = additional.or(base_additional);
        }
        let mut scope = Scope::default();
        for f in &fields {
            scope.claim(f.rust_name.clone());
        }
        for (wire, prop) in &view.properties {
            let at = join(&join(pointer, "properties"), wire);
            let hint = format!("{rust}{}", naming::pascal(wire));
            let ty = self.of_boxed(prop, &at, &hint, depth + 1)?;
            self.depend(rust, &ty);
            let ty = match ty {
                // Back to a struct being built, or to one waiting for it: boxed.
                TypeRef::Named(n)
                    if self.building.contains(&n) || self.deferred.iter().any(|d| d.rust == n) =>
                {
                    TypeRef::Box(Box::new(TypeRef::Named(n)))
                }
                // A resource's entity tag, as azure_core types it.
                TypeRef::String if wire.eq_ignore_ascii_case("etag") => TypeRef::Etag,
                other => other,
            };
            let (docs, read_only) = self.property_docs(prop);
            let secret = matches!(prop, ReferenceOr::Item(s) if s.schema_data.extensions.get("x-ms-secret").and_then(Value::as_bool) == Some(true));
            let mut docs = if !super::view::has_prose(&docs) {
                format!("The `{wire}` property.")
            } else {
                docs
            };
            if view.required.iter().any(|r| r == *wire) {
                docs.push_str("\n\nRequired.");
            }
            // `x-ms-mutability`: a property neither created nor updated is read-only.
            let mutability = mutability(prop);
            let read_only = read_only
                || mutability
                    .as_ref()
                    .is_some_and(|m| !m.contains(&"create") && !m.contains(&"update"));
            match mutability.as_deref() {
                _ if read_only => {
                    docs.push_str("\n\nRead-only: set by the service, never sent in a request.")
                }
                Some(m) if !m.contains(&"update") => docs.push_str(
                    "\n\nSet when the resource is created; an update does not change it.",
                ),
                Some(m) if !m.contains(&"create") => {
                    docs.push_str("\n\nSet by an update; not taken when the resource is created.")
                }
                _ => {}
            }
            let required = view.required.iter().any(|r| r == *wire);
            let value = if required {
                self.constant_of(prop, &ty)
            } else {
                None
            };
            if let Some(Some(v)) = &value {
                docs.push_str(&format!(
                    "\n\nA constant: `{v}` is always sent, whatever the field holds."
                ));
            } else if value.is_some() {
                docs.push_str("\n\nEvery property of it is a constant: it is always sent, as its default when unset.");
            }
            let xml = super::media::xml_field(self.spec, wire, prop);
            if let Some(existing) = fields.iter_mut().find(|f| &f.wire_name == *wire) {
                existing.ty = ty;
                existing.docs = docs;
                existing.read_only = read_only;
                existing.secret = secret;
                existing.constant = value.map(|value| FieldConstant {
                    value,
                    writer: format!("write_{}", existing.rust_name),
                });
                let name = existing.rust_name.clone();
                self.xml
                    .entry(rust.to_string())
                    .or_default()
                    .fields
                    .insert(name, xml);
                continue;
            }
            // `x-ms-client-name` renames the field; the wire name stays.
            let raw = client_name(prop).unwrap_or(wire);
            let rust_name = scope.claim(naming::snake(raw));
            self.xml
                .entry(rust.to_string())
                .or_default()
                .fields
                .insert(rust_name.clone(), xml);
            super::warn_name(self.spec, &at, "property", raw, &rust_name);
            let constant = value.map(|value| FieldConstant {
                value,
                writer: format!("write_{rust_name}"),
            });
            fields.push(Field {
                wire_name: wire.to_string(),
                rust_name,
                ty,
                docs,
                read_only,
                secret,
                constant,
            });
        }
        if let Some(AdditionalProperties::Schema(value)) = view.additional {
            let ty = self.of(
                value,
                &join(pointer, "additionalProperties"),
                &format!("{rust}Value"),
            )?;
            self.depend(rust, &ty);
            additional = Some(ty);
        } else if let Some(AdditionalProperties::Any(true)) = view.additional {
            additional = Some(TypeRef::Json);
        }
        Ok((fields, additional))
    }

    /// The fields an `allOf` member contributes.
    fn base(
        &mut self,
        base: &ReferenceOr<Schema>,
        at: &str,
        rust: &str,
        depth: usize,
    ) -> Result<(Vec<Field>, Option<TypeRef>), Diagnostic> {
        let reference = match base {
            ReferenceOr::Item(inline) => {
                return self.structure(&View::of(inline), at, rust, depth + 1)
            }
            ReferenceOr::Reference { reference } => reference,
        };
        let ty = self.reference_when(reference, at, false)?;
        let ty = match super::hierarchy::component_of(reference).and_then(|c| self.structs.get(&c))
        {
            Some(s) => TypeRef::Named(s.clone()),
            None => ty,
        };
        let TypeRef::Named(name) = &ty else {
            return Err(self.spec.error(
                at,
                format!("`allOf` member `{reference}` is not an object schema"),
            ));
        };
        if self.building.contains(name) {
            return Err(self.spec.error(
                at,
                format!("`{rust}` inherits from itself through `{reference}`"),
            ));
        }
        self.depend(rust, &ty);
        if let Some(inherited) = self.xml.get(name).map(|x| x.fields.clone()) {
            self.xml
                .entry(rust.to_string())
                .or_default()
                .fields
                .extend(inherited);
        }
        match self.defs.get(name) {
            Some(TypeDef::Struct(s)) => Ok((s.fields.clone(), s.additional.clone())),
            _ => Err(self.spec.error(
                at,
                format!("`allOf` member `{reference}` is not an object schema"),
            )),
        }
    }

    /// The constant a required property holds: `Some(Some(value))` for a single-value enum
    /// (not `modelAsString: true`), `Some(None)` for a model whose every property is a constant.
    fn constant_of(&self, prop: &ReferenceOr<Box<Schema>>, ty: &TypeRef) -> Option<Option<Value>> {
        let schema: Option<&Schema> = match prop {
            ReferenceOr::Item(s) => match single_ref(&View::of(s)) {
                Some((_, reference)) => self.component(reference),
                None => Some(s),
            },
            ReferenceOr::Reference { reference } => self.component(reference),
        };
        if let Some(value) = schema.and_then(super::view::constant) {
            return Some(Some(value));
        }
        let inner = match ty {
            TypeRef::Box(inner) => inner.as_ref(),
            other => other,
        };
        match inner {
            TypeRef::Named(n) => match self.defs.get(n) {
                Some(TypeDef::Struct(s))
                    if !s.fields.is_empty()
                        && s.additional.is_none()
                        && s.tag.is_none()
                        && s.fields.iter().all(|f| f.constant.is_some()) =>
                {
                    Some(None)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The component schema a local reference names.
    fn component(&self, reference: &str) -> Option<&'a Schema> {
        let name = super::hierarchy::component_of(reference)?;
        match self.spec.api.components.as_ref()?.schemas.get(&name)? {
            ReferenceOr::Item(s) => Some(s),
            ReferenceOr::Reference { .. } => None,
        }
    }

    fn property_docs(&self, prop: &ReferenceOr<Box<Schema>>) -> (String, bool) {
        match prop {
            ReferenceOr::Item(s) => {
                let view = View::of(s);
                // An annotating `allOf` member (`allOf: [{$ref}, {description}]`) describes
                // the property as the schema's own keywords would.
                let annotations = view.all_of.iter().filter_map(|m| match m {
                    ReferenceOr::Item(m) if View::of(m).is_annotation_only() => Some(m),
                    _ => None,
                });
                let mut docs = s.schema_data.description.clone().unwrap_or_default();
                let mut read_only = s.schema_data.read_only;
                for member in annotations {
                    read_only |= member.schema_data.read_only;
                    if docs.is_empty() {
                        docs = member.schema_data.description.clone().unwrap_or_default();
                    }
                }
                if docs.is_empty() {
                    if let Some((_, reference)) = single_ref(&view) {
                        docs = self.component_docs(reference);
                    } else if let Some(ReferenceOr::Reference { reference }) = view.all_of.first() {
                        docs = self.component_docs(reference);
                    }
                }
                (docs, read_only)
            }
            ReferenceOr::Reference { reference } => (self.component_docs(reference), false),
        }
    }

    fn component_docs(&self, reference: &str) -> String {
        let name = reference.trim_start_matches("#/components/schemas/");
        match self
            .spec
            .api
            .components
            .as_ref()
            .and_then(|c| c.schemas.get(name))
        {
            Some(ReferenceOr::Item(s)) => s.schema_data.description.clone().unwrap_or_default(),
            // A schema named by where it is: its own description.
            None => crate::diagnostics::canonical_pointer(reference)
                .and_then(|at| self.spec.fragment(&at))
                .and_then(|v| v.get("description"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            _ => String::new(),
        }
    }

    fn enumeration(
        &mut self,
        schema: &Schema,
        view: &View,
        pointer: &str,
        rust: &str,
        docs: String,
    ) -> Result<EnumDef, Diagnostic> {
        let x_ms_enum = schema.schema_data.extensions.get("x-ms-enum");
        // Without `x-ms-enum` a string enum is extensible (services add values); with it,
        // `modelAsString` decides (false when absent, as x-ms-enum defines it).
        let extensible = match x_ms_enum {
            None => true,
            Some(e) => e
                .get("modelAsString")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        };
        let number = is_number_enum(view);
        let described: BTreeMap<String, (Option<String>, Option<String>)> = x_ms_enum
            .and_then(|e| e.get("values"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| {
                let value = match v.get("value")? {
                    Value::String(s) => s.clone(),
                    n @ Value::Number(_) => n.to_string(),
                    _ => return None,
                };
                let description = v
                    .get("description")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                let name = v.get("name").and_then(Value::as_str).map(str::to_string);
                Some((value, (description, name)))
            })
            .collect();
        let mut scope = Scope::with(if extensible { &["UnknownValue"] } else { &[] });
        let mut variants: Vec<Variant> = Vec::new();
        for (i, value) in view.enumeration.iter().enumerate() {
            let text = match value {
                Value::Number(n) if number => n.to_string(),
                _ => String::new(),
            };
            let wire = match value.as_str() {
                Some(s) => s,
                None if number => text.as_str(),
                None => {
                    return Err(self.spec.error(
                        &format!("{pointer}/enum/{i}"),
                        "enum values of a string enum must be strings",
                    ))
                }
            };
            if variants.iter().any(|v| v.wire == wire) {
                continue;
            }
            let (description, name) = described.get(wire).cloned().unwrap_or((None, None));
            // A number's sign and point become words: `-1.5` -> `Minus1Point5`.
            let spoken = number.then(|| wire.replace('-', "minus ").replace('.', " point "));
            let raw = name.as_deref().or(spoken.as_deref()).unwrap_or(wire);
            let rust_name = scope.claim(naming::pascal(raw));
            super::warn_name(
                self.spec,
                &format!("{pointer}/enum/{i}"),
                "enum value",
                raw,
                &rust_name,
            );
            variants.push(Variant {
                wire: wire.to_string(),
                rust_name,
                docs: description.unwrap_or_else(|| format!("`{wire}`")),
            });
        }
        Ok(EnumDef {
            name: rust.to_string(),
            docs,
            variants,
            extensible,
            number,
            usage: Usage::default(),
            features: BTreeSet::new(),
        })
    }

    fn depend(&mut self, from: &str, ty: &TypeRef) {
        let entry = self.deps.entry(from.to_string()).or_default();
        entry.extend(named_in(ty));
    }
}

/// A property's `x-ms-mutability` (`create`, `read`, `update`), when it gives one.
fn mutability(prop: &ReferenceOr<Box<Schema>>) -> Option<Vec<&str>> {
    let ReferenceOr::Item(s) = prop else {
        return None;
    };
    let list = s
        .schema_data
        .extensions
        .get("x-ms-mutability")?
        .as_array()?;
    Some(list.iter().filter_map(Value::as_str).collect())
}

/// A property's `x-ms-client-name`, when it gives one.
fn client_name(prop: &ReferenceOr<Box<Schema>>) -> Option<&str> {
    match prop {
        ReferenceOr::Item(s) => s
            .schema_data
            .extensions
            .get("x-ms-client-name")
            .and_then(Value::as_str)
            .filter(|n| !n.trim().is_empty()),
        ReferenceOr::Reference { .. } => None,
    }
}

/// `allOf: [ {$ref} ]` and nothing else of substance: the referenced type, re-described.
/// The keyword of a schema's alternatives: `oneOf`, `anyOf` or `not`.
fn alternatives(schema: &Schema) -> &'static str {
    match &schema.schema_kind {
        SchemaKind::AnyOf { .. } => "anyOf",
        SchemaKind::Not { .. } => "not",
        SchemaKind::Any(a) if a.one_of.is_empty() && !a.any_of.is_empty() => "anyOf",
        SchemaKind::Any(a) if a.one_of.is_empty() && a.not.is_some() => "not",
        _ => "oneOf",
    }
}

/// The one `$ref` of an `allOf` that only names another schema, and its index: the other
/// members, if any, only annotate it, and the schema adds no properties of its own.
fn single_ref<'s>(view: &View<'s>) -> Option<(usize, &'s str)> {
    if !view.properties.is_empty()
        || view.additional.is_some()
        || view.typ.is_some_and(|t| t != "object")
    {
        return None;
    }
    let mut single = None;
    for (i, member) in view.all_of.iter().enumerate() {
        match member {
            ReferenceOr::Reference { reference } if single.is_none() => {
                single = Some((i, reference.as_str()))
            }
            ReferenceOr::Item(inline) if View::of(inline).is_annotation_only() => {}
            _ => return None,
        }
    }
    single
}

/// The schema of an array's `items`, borrowed.
fn items_schema(items: &ReferenceOr<Box<Schema>>) -> ReferenceOr<&Schema> {
    match items {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(schema) => ReferenceOr::Item(schema.as_ref()),
    }
}

/// The schema of a map's `additionalProperties`, borrowed.
fn value_schema(value: &ReferenceOr<Schema>) -> ReferenceOr<&Schema> {
    match value {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(schema) => ReferenceOr::Item(schema),
    }
}

/// `enum: [null]` (a schema whose only value is `null`).
fn only_null(schema: &Schema) -> bool {
    use openapiv3::{SchemaKind, Type};
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            !s.enumeration.is_empty() && s.enumeration.iter().all(Option::is_none)
        }
        SchemaKind::Any(a) => !a.enumeration.is_empty() && a.enumeration.iter().all(Value::is_null),
        _ => false,
    }
}

/// An object schema that declares nothing and allows any property.
fn free_form(view: &View) -> bool {
    view.properties.is_empty()
        && view.all_of.is_empty()
        && matches!(
            view.additional,
            None | Some(AdditionalProperties::Any(true))
        )
}

/// An enumeration the generator models as a type: strings, or numbers (integer or number).
fn is_enum(view: &View) -> bool {
    is_string_enum(view) || is_number_enum(view)
}

/// A string `enum` the generator makes a Rust enum of. A string of a typed format (a date, a
/// duration, bytes...) keeps its type: its `enum` values are a documented constraint.
fn is_string_enum(view: &View) -> bool {
    !view.enumeration.is_empty()
        && view.typ.is_none_or(|t| t == "string")
        && view.enumeration.iter().all(Value::is_string)
        && !matches!(
            view.format.as_deref(),
            Some(
                "date"
                    | "date-time"
                    | "date-time-rfc1123"
                    | "date-time-rfc7231"
                    | "time"
                    | "duration"
                    | "byte"
                    | "base64url"
            )
        )
}

/// An `integer` or `number` enum whose values are all numbers.
fn is_number_enum(view: &View) -> bool {
    !view.enumeration.is_empty()
        && matches!(view.typ, Some("integer" | "number"))
        && view.enumeration.iter().all(Value::is_number)
}

fn enum_name(schema: &Schema) -> Option<String> {
    schema
        .schema_data
        .extensions
        .get("x-ms-enum")?
        .get("name")?
        .as_str()
        .map(str::to_string)
}

/// The model types named in a type reference.
pub fn named_in(ty: &TypeRef) -> Vec<String> {
    match ty {
        TypeRef::Named(n) => vec![n.clone()],
        TypeRef::Vec(inner)
        | TypeRef::Map(inner)
        | TypeRef::Box(inner)
        | TypeRef::Nullable(inner) => named_in(inner),
        _ => Vec::new(),
    }
}
