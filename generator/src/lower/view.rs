//! One flat view of an `openapiv3::Schema`, whatever variant openapiv3 parsed it into, so
//! lowering decides from the fields that are present rather than from how they were parsed.

use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ReferenceOr, Schema, SchemaKind,
    StringFormat, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

/// The parts of a schema lowering looks at.
pub struct View<'s> {
    pub typ: Option<&'s str>,
    pub format: Option<String>,
    pub enumeration: Vec<Value>,
    pub properties: Vec<(&'s String, &'s ReferenceOr<Box<Schema>>)>,
    pub required: &'s [String],
    pub additional: Option<&'s AdditionalProperties>,
    pub items: Option<&'s ReferenceOr<Box<Schema>>>,
    pub all_of: Vec<&'s ReferenceOr<Schema>>,
    pub alternatives: bool,
    pub pattern: Option<&'s str>,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
}

fn fmt<T: std::fmt::Debug>(
    f: &VariantOrUnknownOrEmpty<T>,
    known: impl Fn(&T) -> &'static str,
) -> Option<String> {
    match f {
        VariantOrUnknownOrEmpty::Item(t) => Some(known(t).to_string()),
        VariantOrUnknownOrEmpty::Unknown(s) => Some(s.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

impl<'s> View<'s> {
    fn empty(typ: Option<&'s str>) -> Self {
        View {
            typ,
            format: None,
            enumeration: Vec::new(),
            properties: Vec::new(),
            required: &[],
            additional: None,
            items: None,
            all_of: Vec::new(),
            alternatives: false,
            pattern: None,
            min_length: None,
            max_length: None,
        }
    }

    /// Flattens `schema` into a view.
    pub fn of(schema: &'s Schema) -> Self {
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => View {
                format: fmt(&s.format, |f| match f {
                    StringFormat::Date => "date",
                    StringFormat::DateTime => "date-time",
                    StringFormat::Password => "password",
                    StringFormat::Byte => "byte",
                    StringFormat::Binary => "binary",
                }),
                enumeration: s
                    .enumeration
                    .iter()
                    .flatten()
                    .map(|v| Value::String(v.clone()))
                    .collect(),
                pattern: s.pattern.as_deref(),
                min_length: s.min_length,
                max_length: s.max_length,
                ..View::empty(Some("string"))
            },
            SchemaKind::Type(Type::Number(n)) => View {
                format: fmt(&n.format, |f| match f {
                    NumberFormat::Float => "float",
                    NumberFormat::Double => "double",
                }),
                enumeration: n
                    .enumeration
                    .iter()
                    .flatten()
                    .filter_map(|v| serde_json::Number::from_f64(*v).map(Value::Number))
                    .collect(),
                ..View::empty(Some("number"))
            },
            SchemaKind::Type(Type::Integer(i)) => View {
                format: fmt(&i.format, |f| match f {
                    IntegerFormat::Int32 => "int32",
                    IntegerFormat::Int64 => "int64",
                }),
                enumeration: i
                    .enumeration
                    .iter()
                    .flatten()
                    .map(|v| Value::from(*v))
                    .collect(),
                ..View::empty(Some("integer"))
            },
            SchemaKind::Type(Type::Boolean(b)) => View {
                enumeration: b
                    .enumeration
                    .iter()
                    .flatten()
                    .map(|v| Value::Bool(*v))
                    .collect(),
                ..View::empty(Some("boolean"))
            },
            SchemaKind::Type(Type::Object(o)) => View {
                properties: o.properties.iter().collect(),
                required: &o.required,
                additional: o.additional_properties.as_ref(),
                ..View::empty(Some("object"))
            },
            SchemaKind::Type(Type::Array(a)) => View {
                items: a.items.as_ref(),
                ..View::empty(Some("array"))
            },
            SchemaKind::AllOf { all_of } => View {
                all_of: all_of.iter().collect(),
                ..View::empty(None)
            },
            SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } | SchemaKind::Not { .. } => View {
                alternatives: true,
                ..View::empty(None)
            },
            SchemaKind::Any(a) => View {
                typ: a.typ.as_deref(),
                format: a.format.clone(),
                enumeration: a.enumeration.clone(),
                properties: a.properties.iter().collect(),
                required: &a.required,
                additional: a.additional_properties.as_ref(),
                items: a.items.as_ref(),
                all_of: a.all_of.iter().collect(),
                alternatives: !a.one_of.is_empty() || !a.any_of.is_empty() || a.not.is_some(),
                pattern: a.pattern.as_deref(),
                min_length: a.min_length,
                max_length: a.max_length,
            },
        }
    }

    /// Has object structure: properties, a base, or a map of extra properties.
    pub fn is_object(&self) -> bool {
        !self.properties.is_empty()
            || !self.all_of.is_empty()
            || self.typ == Some("object")
            || (self.typ.is_none() && self.additional.is_some())
    }

    /// Says nothing about the value's shape: no type, format, values, properties, items or
    /// combinators, only annotations (`description`, `title`, `example`, `readOnly`, ...).
    /// An `allOf` member like this re-describes its sibling, as in
    /// `allOf: [{$ref: Arn}, {description: "..."}]`.
    pub fn is_annotation_only(&self) -> bool {
        self.typ.is_none()
            && self.format.is_none()
            && self.enumeration.is_empty()
            && self.properties.is_empty()
            && self.additional.is_none()
            && self.items.is_none()
            && self.all_of.is_empty()
            && !self.alternatives
            && self.pattern.is_none()
    }
}

/// Whether a description says anything: some text outside its HTML tags (`<p/>`, `<p></p>`
/// and whitespace say nothing, and get the default docs instead; `$$.` says something).
pub fn has_prose(text: &str) -> bool {
    let mut in_tag = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| *n == '/' || n.is_ascii_alphabetic()) =>
            {
                in_tag = true
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag && !c.is_whitespace() => return true,
            _ => {}
        }
    }
    false
}

/// The one value `schema` allows, a constant: an enum of one value that is not null and not
/// declared extensible (`x-ms-enum.modelAsString: true`).
pub fn constant(schema: &Schema) -> Option<Value> {
    let extensible = schema
        .schema_data
        .extensions
        .get("x-ms-enum")
        .and_then(|e| e.get("modelAsString"))
        .and_then(Value::as_bool)
        == Some(true);
    match View::of(schema).enumeration.as_slice() {
        [value] if !extensible && !value.is_null() => Some(value.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::has_prose;

    #[test]
    fn test_descriptions_of_tags_or_whitespace_say_nothing() {
        for blank in ["", "  ", "<p/>", "<p></p>\n", "<p> </p><br/>"] {
            assert!(!has_prose(blank), "{blank:?}");
        }
        for prose in ["x", "<p>An ARN.</p>", "a < b", "<3 and 1>", "$$."] {
            assert!(has_prose(prose), "{prose:?}");
        }
    }
}
