//! Identifiers and type references as tokens.

use crate::ir::TypeRef;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier for a name the lower stage made. Names are validated after lowering, so the
/// fallback only keeps this free of panics should that ever be bypassed.
pub fn ident(name: &str) -> Ident {
    if crate::validate::is_identifier(name) {
        Ident::new(name, Span::call_site())
    } else {
        Ident::new("invalid_identifier", Span::call_site())
    }
}

/// The Rust type of a type reference, as used in models and options.
pub fn ty(t: &TypeRef) -> TokenStream {
    match t {
        TypeRef::String => quote!(String),
        TypeRef::Bool => quote!(bool),
        TypeRef::I32 => quote!(i32),
        TypeRef::I64 => quote!(i64),
        TypeRef::F32 => quote!(f32),
        TypeRef::F64 => quote!(f64),
        TypeRef::U8 => quote!(u8),
        TypeRef::U16 => quote!(u16),
        TypeRef::U32 => quote!(u32),
        TypeRef::U64 => quote!(u64),
        TypeRef::Uuid => quote!(::azure_core::Uuid),
        TypeRef::Bytes => quote!(::azure_core::Bytes),
        TypeRef::DateTime | TypeRef::DateTimeRfc1123 | TypeRef::UnixTime => {
            quote!(::azure_core::time::OffsetDateTime)
        }
        TypeRef::Date => quote!(::time::Date),
        TypeRef::Time => quote!(::time::Time),
        TypeRef::Duration => quote!(::azure_core::time::Duration),
        TypeRef::Base64 | TypeRef::Base64Url => quote!(Vec<u8>),
        TypeRef::Etag => quote!(azure_core::http::Etag),
        TypeRef::Json => quote!(::serde_json::Value),
        TypeRef::Named(n) => {
            let n = ident(n);
            quote!(crate::models::#n)
        }
        TypeRef::Vec(inner) => {
            let inner = ty(inner);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = ty(inner);
            quote!(::std::collections::HashMap<String, #inner>)
        }
        TypeRef::Box(inner) => {
            let inner = ty(inner);
            quote!(Box<#inner>)
        }
        TypeRef::Nullable(inner) => {
            let inner = ty(inner);
            quote!(Option<#inner>)
        }
    }
}

/// The type of the generated `formats` module that writes and reads values of `t` on the wire
/// (e.g. `crate::formats::Rfc3339`), when its scalar has a format of its own.
pub fn format(t: &TypeRef) -> Option<TokenStream> {
    t.format().map(|format| {
        let name = ident(format.name());
        quote!(crate::formats::#name)
    })
}
