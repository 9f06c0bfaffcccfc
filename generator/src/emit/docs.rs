//! Doc attributes. Spec text only ever lands in string literals (`#[doc = "..."]`), never as
//! tokens, so no description can inject code.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` lines for `text`; rustdoc sees one paragraph per blank-line-separated block.
pub fn doc(text: &str) -> TokenStream {
    let text = text.trim();
    if text.is_empty() {
        return TokenStream::new();
    }
    let lines = text.lines().map(|line| {
        let line = format!(" {}", escape_markdown_line(line.trim()));
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Keeps spec prose from being read as code blocks, HTML or intra-doc links by rustdoc.
fn escape_markdown_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let trimmed = line.trim_start();
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        out.push('\\');
    }
    // Inside a backtick code span rustdoc reads nothing as markup; outside, escape it.
    let spans_closed = line.matches('`').count().is_multiple_of(2);
    let mut in_code = false;
    for c in line.chars() {
        match c {
            '`' if spans_closed => {
                in_code = !in_code;
                out.push(c);
            }
            '`' => out.push_str("\\`"),
            _ if in_code => out.push(c),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            _ => out.push(c),
        }
    }
    out
}
