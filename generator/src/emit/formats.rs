//! `src/formats.rs` of a generated crate whose types have wire formats of their own (dates,
//! times, durations, bytes): one type per format with the serde functions, the text of URL and
//! header values and the response format of bodies that are such values. The module is fixed
//! Rust, kept as source text beside this file.

use proc_macro2::TokenStream;

/// The module's source.
const TEMPLATE: &str = include_str!("formats_template.rs.txt");

/// The `formats` module.
pub fn formats() -> TokenStream {
    // The template is fixed text that the generator's own tests compile; should it ever fail
    // to parse, the module is empty and the crate's build says what is missing.
    TEMPLATE.parse().unwrap_or_default()
}
