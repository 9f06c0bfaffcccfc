//! `src/formats.rs` of a generated crate whose types have wire formats of their own (dates,
//! times, durations, bytes): one type per format with the serde functions, the text of URL and
//! header values and the response format of bodies that are such values. The fixed parts of the
//! module are Rust source kept beside this file; the module has only the parts its formats need
//! (a crate of dates alone compiles no base64 or duration code). The impls each format repeats
//! are made here.

use crate::ir::WireFormat;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeSet, HashSet};

/// The fixed parts of the module: `//~ NAME` starts a part.
const TEMPLATE: &str = include_str!("formats_template.rs.txt");

/// The fixed parts a format needs besides `common`, in any order (the template's order is kept).
fn parts_of(format: WireFormat) -> &'static [&'static str] {
    match format {
        WireFormat::Rfc3339 => &[
            "digits",
            "read_date",
            "read_time",
            "fraction",
            "write_date",
            "write_time",
            "Rfc3339",
        ],
        WireFormat::Rfc1123 => &["digits", "read_time", "Rfc1123"],
        WireFormat::UnixTime => &["UnixTime"],
        WireFormat::Date => &["digits", "read_date", "write_date", "Date"],
        WireFormat::Time => &["digits", "read_time", "fraction", "write_time", "Time"],
        WireFormat::Duration => &["fraction", "Duration"],
        WireFormat::Base64 => &["Base64"],
        WireFormat::Base64Url => &["Base64Url"],
    }
}

/// Whether the module names the `time` crate itself (`time::Date`, `time::UtcOffset`), so the
/// generated crate depends on it; azure_core re-exports only `OffsetDateTime` and `Duration`.
pub fn needs_time(formats: &BTreeSet<WireFormat>) -> bool {
    formats.iter().any(|f| {
        matches!(
            f,
            WireFormat::Rfc3339 | WireFormat::Rfc1123 | WireFormat::Date | WireFormat::Time
        )
    })
}

/// The Rust type of a format's values, and whether a value is a JSON string of its text (all
/// but Unix time, a number).
fn scalar(format: WireFormat) -> (TokenStream, bool) {
    match format {
        WireFormat::Rfc3339 | WireFormat::Rfc1123 => (quote!(OffsetDateTime), true),
        WireFormat::UnixTime => (quote!(OffsetDateTime), false),
        WireFormat::Date => (quote!(time::Date), true),
        WireFormat::Time => (quote!(time::Time), true),
        WireFormat::Duration => (quote!(azure_core::time::Duration), true),
        WireFormat::Base64 | WireFormat::Base64Url => (quote!(Vec<u8>), true),
    }
}

/// The template's parts, by name, in order.
fn template_parts() -> impl Iterator<Item = (&'static str, &'static str)> {
    TEMPLATE
        .split("\n//~ ")
        .skip(1)
        .filter_map(|part| part.split_once('\n'))
}

/// The `formats` module with the types of `formats` and what they need.
pub fn module(formats: &BTreeSet<WireFormat>) -> TokenStream {
    let wanted: HashSet<&str> = formats
        .iter()
        .flat_map(|f| parts_of(*f).iter().copied())
        .chain(["common"])
        .collect();
    // The template is fixed text that every generated crate with formats compiles; should a
    // part ever fail to parse, the module lacks it and the build says what is missing.
    let fixed = template_parts()
        .filter(|(name, _)| wanted.contains(name))
        .map(|(_, text)| text.parse::<TokenStream>().unwrap_or_default());
    let docs = module_docs(formats);
    let offset_date_time = formats
        .iter()
        .any(|f| {
            matches!(
                f,
                WireFormat::Rfc3339 | WireFormat::Rfc1123 | WireFormat::UnixTime
            )
        })
        .then(|| quote!(time::OffsetDateTime,));
    let items = formats.iter().map(|format| format_items(*format));
    quote! {
        #docs
        use azure_core::{
            error::ErrorKind,
            http::{response::ResponseBody, DeserializeWith, Format},
            #offset_date_time
            Error, Result,
        };
        use serde::{de::DeserializeOwned, Deserialize, Deserializer, Serialize, Serializer};
        use std::{collections::HashMap, fmt::Debug, marker::PhantomData};
        #(#fixed)*
        #(#items)*
    }
}

/// The module's docs, naming the formats it has.
fn module_docs(formats: &BTreeSet<WireFormat>) -> TokenStream {
    let names: Vec<String> = formats
        .iter()
        .map(|f| format!("[`{}`]", f.name()))
        .collect();
    let text = format!(
        "How the spec's `format`s are written on the wire: dates, times, durations and bytes, in \
         JSON bodies and in paths, queries and headers.\n\n\
         Each format this crate uses is a type of this module: {}. Its `serialize` and \
         `deserialize` serve `#[serde(with = \"...\")]` for one value of the format and for an \
         `Option`, `Vec`, `HashMap` or `Box` of such values at any depth; its `text` gives a \
         value's text for a URL or a header, and its `parse` reads one back. [`JsonAs`] is the \
         response format of a body that is such a value, so `Response::into_model()` decodes \
         it. Invalid data is an error of kind `DataConversion`, never a panic.",
        names.join(", ")
    );
    let lines = wrap(&text, 92).into_iter().map(|line| {
        let line = if line.is_empty() {
            line
        } else {
            format!(" {line}")
        };
        quote!(#![doc = #line])
    });
    quote!(#(#lines)*)
}

/// `text` in lines of at most `width` characters (longer words stay whole), its paragraphs
/// (split by a newline) separated by an empty line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// The items each format repeats: its serde and text functions, the response format of a body
/// that is such a value, and (for a string format) its JSON encoding as its text.
fn format_items(format: WireFormat) -> TokenStream {
    let (scalar, string) = scalar(format);
    let format = super::tokens::ident(format.name());
    let functions = quote! {
        impl #format {
            /// Writes `value` (for `#[serde(with = "...")]`).
            pub fn serialize<T: Encoded<Self>, S: Serializer>(value: &T, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                value.encode(serializer)
            }

            /// Reads a value (for `#[serde(with = "...")]`).
            pub fn deserialize<'de, T: Encoded<Self>, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<T, D::Error> {
                T::decode(deserializer)
            }

            /// `value` as text, for a path, query or header.
            pub fn text<T: Text<Self>>(value: &T) -> String {
                value.to_text()
            }

            /// Reads a value from its text (e.g. a response header).
            pub fn parse<T: Text<Self>>(text: &str) -> Result<T> {
                T::from_text(text)
            }

            /// `value` as a JSON request body.
            pub fn json<T: Encoded<Self>>(value: &T) -> Result<azure_core::Bytes> {
                to_json::<Self, T>(value)
            }
        }
    };
    let bodies = quote! {
        impl DeserializeWith<JsonAs<#format>> for #scalar {
            fn deserialize_with(body: ResponseBody) -> Result<Self> {
                from_body::<#format, Self>(&body)
            }
        }

        impl<T: Encoded<#format>> DeserializeWith<JsonAs<#format>> for Option<T> {
            fn deserialize_with(body: ResponseBody) -> Result<Self> {
                from_body::<#format, Self>(&body)
            }
        }

        impl<T: Encoded<#format>> DeserializeWith<JsonAs<#format>> for Vec<T> {
            fn deserialize_with(body: ResponseBody) -> Result<Self> {
                from_body::<#format, Self>(&body)
            }
        }

        impl<T: Encoded<#format>> DeserializeWith<JsonAs<#format>> for HashMap<String, T> {
            fn deserialize_with(body: ResponseBody) -> Result<Self> {
                from_body::<#format, Self>(&body)
            }
        }
    };
    let text = string.then(|| {
        quote! {
            impl Encoded<#format> for #scalar {
                fn encode<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(&Text::<#format>::to_text(self))
                }

                fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                    let text = String::deserialize(deserializer)?;
                    <Self as Text<#format>>::from_text(&text).map_err(serde::de::Error::custom)
                }
            }
        }
    });
    quote!(#functions #bodies #text)
}
