//! Discriminated hierarchies, computed once from the component schemas: which schema derives
//! from which (`allOf: [{$ref}]`), which property discriminates the kinds, and each kind's
//! value (`x-ms-discriminator-value`, else the schema's name).

use openapiv3::{OpenAPI, ReferenceOr, Schema};
use std::collections::{BTreeMap, BTreeSet};

/// The hierarchies of one spec's component schemas.
#[derive(Default)]
pub struct Hierarchy {
    /// Schema -> the schemas it derives from (its `allOf` references), in order.
    parents: BTreeMap<String, Vec<String>>,
    /// Schema -> the schemas deriving from it directly, in spec order.
    children: BTreeMap<String, Vec<String>>,
    /// Schema -> its own `discriminator` property.
    own_tag: BTreeMap<String, String>,
    /// Schema -> its `x-ms-discriminator-value`.
    values: BTreeMap<String, String>,
}

/// The schema a local component reference names.
pub fn component_of(reference: &str) -> Option<String> {
    reference
        .strip_prefix("#/components/schemas/")
        .map(|n| n.replace("~1", "/").replace("~0", "~"))
}

impl Hierarchy {
    /// The hierarchies of `api`'s component schemas.
    pub fn of(api: &OpenAPI) -> Self {
        let mut h = Hierarchy::default();
        let Some(components) = &api.components else {
            return h;
        };
        for (name, schema) in &components.schemas {
            let ReferenceOr::Item(schema) = schema else {
                continue;
            };
            if let Some(d) = &schema.schema_data.discriminator {
                h.own_tag.insert(name.clone(), d.property_name.clone());
                // OpenAPI 3's `mapping`: value -> kind.
                for (value, reference) in &d.mapping {
                    if let Some(kind) = component_of(reference) {
                        h.values.entry(kind).or_insert_with(|| value.clone());
                    }
                }
            }
            if let Some(value) = schema
                .schema_data
                .extensions
                .get("x-ms-discriminator-value")
                .and_then(serde_json::Value::as_str)
            {
                h.values.insert(name.clone(), value.to_string());
            }
            for parent in all_of_refs(schema) {
                h.parents
                    .entry(name.clone())
                    .or_default()
                    .push(parent.clone());
                h.children.entry(parent).or_default().push(name.clone());
            }
        }
        h
    }

    /// The discriminator property of `name`: its own, else the nearest ancestor's.
    pub fn tag(&self, name: &str) -> Option<&str> {
        let mut seen = BTreeSet::new();
        let mut queue = vec![name];
        while let Some(n) = queue.pop() {
            if !seen.insert(n) {
                continue;
            }
            if let Some(tag) = self.own_tag.get(n) {
                return Some(tag);
            }
            if let Some(parents) = self.parents.get(n) {
                queue.extend(parents.iter().rev().map(String::as_str));
            }
        }
        None
    }

    /// The discriminator value of kind `name`.
    pub fn value<'a>(&'a self, name: &'a str) -> &'a str {
        self.values.get(name).map_or(name, String::as_str)
    }

    /// Whether a value of `name` may be of another kind: it is discriminated and has derived
    /// schemas.
    pub fn is_base(&self, name: &str) -> bool {
        self.tag(name).is_some() && self.children.get(name).is_some_and(|c| !c.is_empty())
    }

    /// Every schema deriving from `name`, directly or not: depth first, in spec order, each
    /// once.
    pub fn descendants(&self, name: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut stack: Vec<&str> = self
            .children
            .get(name)
            .into_iter()
            .flatten()
            .rev()
            .map(String::as_str)
            .collect();
        while let Some(n) = stack.pop() {
            if n == name || out.iter().any(|o| o == n) {
                continue;
            }
            out.push(n.to_string());
            if let Some(children) = self.children.get(n) {
                stack.extend(children.iter().rev().map(String::as_str));
            }
        }
        out
    }
}

/// The components an `allOf` references.
fn all_of_refs(schema: &Schema) -> Vec<String> {
    let members: &[ReferenceOr<Schema>] = match &schema.schema_kind {
        openapiv3::SchemaKind::AllOf { all_of } => all_of,
        openapiv3::SchemaKind::Any(any) => &any.all_of,
        _ => &[],
    };
    members
        .iter()
        .filter_map(|m| match m {
            ReferenceOr::Reference { reference } => component_of(reference),
            ReferenceOr::Item(_) => None,
        })
        .collect()
}
