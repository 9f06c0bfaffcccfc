//! Doc attributes. Spec text only ever lands in string literals (`#[doc = "..."]`), never as
//! tokens, so no description can inject code; and it is escaped so rustdoc reads it as prose:
//! no code blocks, HTML, intra-doc links or bare URLs (which rustdoc warns about) come of it.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` lines for `text`; rustdoc sees one paragraph per blank-line-separated block.
pub fn doc(text: &str) -> TokenStream {
    let text = html_to_markdown(text).replace('\t', "    ");
    let text = text.trim();
    if text.is_empty() {
        return TokenStream::new();
    }
    // A line that goes on a list item's text (Markdown reads it as part of the item, lazily)
    // is indented under the item, as rustdoc's lints ask: it reads the same.
    let mut item_indent = 0;
    let lines = text.lines().map(|line| {
        let line = line.trim();
        let indent = match list_marker_width(line) {
            Some(width) => {
                item_indent = width;
                0
            }
            None if line.is_empty() => {
                item_indent = 0;
                0
            }
            None => item_indent,
        };
        let line = format!(" {}{}", " ".repeat(indent), escape_markdown_line(line));
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// The width of the list marker `line` starts with (`* `, `- `, `+ `, `1. `, `2) `), if any.
fn list_marker_width(line: &str) -> Option<usize> {
    let marker = if ["*", "-", "+"].iter().any(|m| line.starts_with(m)) {
        1
    } else {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let rest = line.get(digits..)?;
        ((1..=9).contains(&digits) && (rest.starts_with('.') || rest.starts_with(')')))
            .then_some(digits + 1)?
    };
    // The item's text starts after the marker's spaces (one to four; more make the text
    // code, which still starts one space in).
    let after = line.get(marker..)?;
    let spaces = after.len() - after.trim_start_matches(' ').len();
    match spaces {
        0 => None,
        1..=4 if spaces < after.len() => Some(marker + spaces),
        _ => Some(marker + 1),
    }
}

/// One `#[doc = "..."]` line for `text` (spec text made one line, then escaped like [`doc`]'s):
/// for a list item or a sentence that must not be split.
pub fn doc_line(text: &str) -> TokenStream {
    let line = format!(
        " {}",
        escape_markdown_line(&one_line(&html_to_markdown(text)))
    );
    quote!(#[doc = #line])
}

/// Spec text as an inline code span on one line, fenced by more backticks than it holds, so
/// no text (a version, a wire name) can end the span early.
pub fn code(text: &str) -> String {
    let text = one_line(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Spec text on one line: every run of whitespace or control characters becomes one space,
/// so no spec text can start a line of its own (a heading, a code fence, a TOML table).
pub fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Descriptions written in HTML (`<p>`, `<code>`, `<a href>`, lists), as many real documents
/// are, made Markdown so they read as prose rather than as escaped tags: paragraphs and list
/// items become Markdown's, `<code>` a code span, a link to an `http(s)` URL a Markdown link,
/// emphasis and other known tags are dropped with their text kept, and the common entities
/// are decoded. Unknown tags (`List<String>`) and code spans are left as written, for
/// [`escape_markdown_line`] to escape.
fn html_to_markdown(text: &str) -> String {
    if !text.contains('<') && !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let taken = match c {
            '`' => {
                let run = rest.len() - rest.trim_start_matches('`').len();
                let span = rest
                    .get(run..)
                    .and_then(|after| closing_run(after, run))
                    .map_or(run, |end| run + end + run);
                out.push_str(rest.get(..span).unwrap_or(rest));
                span
            }
            '<' => match html_tag(rest) {
                Some(tag) => convert_tag(&tag, rest, &mut out),
                None => {
                    out.push('<');
                    1
                }
            },
            '&' => match entity(rest) {
                Some((decoded, len)) => {
                    out.push(decoded);
                    len
                }
                None => {
                    out.push('&');
                    1
                }
            },
            c => {
                out.push(c);
                c.len_utf8()
            }
        };
        rest = rest.get(taken..).unwrap_or("");
    }
    // Tags next to line breaks leave runs of blank lines: one is a paragraph break.
    let mut tidy = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !tidy.is_empty() {
            tidy.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        tidy.push_str(line);
    }
    tidy
}

/// An HTML tag at the start of `rest`: its lowercase name, whether it closes, its `href`, and
/// its length in bytes.
struct Tag {
    name: String,
    closing: bool,
    href: Option<String>,
    len: usize,
}

fn html_tag(rest: &str) -> Option<Tag> {
    let inner = rest.strip_prefix('<')?;
    // A tag is short: looked for only so far, so text full of `<` costs no more than that.
    let (end, c) = inner
        .char_indices()
        .take(512)
        .find(|(_, c)| matches!(c, '>' | '<'))?;
    if c != '>' {
        return None;
    }
    let body = inner.get(..end)?;
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body.get(..name_len)?.to_ascii_lowercase();
    let attributes = body.get(name_len..)?;
    if name.is_empty()
        || !name.starts_with(|c: char| c.is_ascii_alphabetic())
        || !(attributes.is_empty()
            || attributes.starts_with(char::is_whitespace)
            || attributes == "/")
    {
        return None;
    }
    let href = attributes.find("href=").and_then(|at| {
        let value = attributes.get(at + 5..)?;
        let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value = value.get(1..)?;
        Some(value.get(..value.find(quote)?)?.to_string())
    });
    Some(Tag {
        name,
        closing,
        href,
        len: end + 2,
    })
}

/// Writes the Markdown for `tag` (at the start of `rest`) and returns how much of `rest` it
/// stood for: the tag, or for `<code>` and `<a>`, everything up to the closing tag.
fn convert_tag(tag: &Tag, rest: &str, out: &mut String) -> usize {
    // A paragraph right after a list marker is the item's text, not a paragraph of its own.
    let block = |out: &mut String| {
        if !out.ends_with("\n- ") {
            out.push_str("\n\n")
        }
    };
    match tag.name.as_str() {
        "p" | "div" | "ul" | "ol" | "pre" | "table" | "tr" | "blockquote" | "dl" | "h1" | "h2"
        | "h3" | "h4" | "h5" | "h6" => block(out),
        "br" => out.push('\n'),
        "li" if !tag.closing => out.push_str("\n- "),
        "code" | "a" if !tag.closing => {
            let after = rest.get(tag.len..).unwrap_or("");
            let Some((end, close_len)) = closing_tag(after, &tag.name) else {
                return tag.len;
            };
            let inner = inner_text(after.get(..end).unwrap_or(""));
            let inner = inner.trim();
            if tag.name == "code" {
                if !inner.is_empty() {
                    out.push_str(&code(inner));
                }
            } else {
                push_link(out, inner, tag.href.as_deref());
            }
            return tag.len + end + close_len;
        }
        "li" | "code" | "a" | "b" | "strong" | "i" | "em" | "u" | "span" | "small" | "sup"
        | "sub" | "td" | "th" | "thead" | "tbody" | "dt" | "dd" | "note" | "important"
        | "fullname" | "examples" | "example" | "hr" | "nav" | "section" => {}
        _ => {
            out.push_str(rest.get(..tag.len).unwrap_or(rest));
        }
    }
    tag.len
}

/// Where the tag closing `name` starts in `after`, and its length: looked for only so far
/// (a code span or link text is short), so unclosed tags cost no more than that each.
fn closing_tag(after: &str, name: &str) -> Option<(usize, usize)> {
    const REACH: usize = 4096;
    let close_len = name.len() + 3;
    let reach = after
        .char_indices()
        .nth(REACH)
        .map_or(after.len(), |(at, _)| at);
    let after = after.get(..reach)?;
    after
        .match_indices("</")
        .find(|(at, _)| {
            after.get(at + 2..at + close_len).is_some_and(|t| {
                t.get(..name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
                    && t.ends_with('>')
            })
        })
        .map(|(at, _)| (at, close_len))
}

/// The text of an element's content: its tags dropped, its entities decoded.
fn inner_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let taken = match (c, html_tag(rest), entity(rest)) {
            ('<', Some(tag), _) => tag.len,
            ('&', _, Some((decoded, len))) => {
                out.push(decoded);
                len
            }
            (c, _, _) => {
                out.push(c);
                c.len_utf8()
            }
        };
        rest = rest.get(taken..).unwrap_or("");
    }
    out
}

/// `[text](url)` for a link to an `http(s)` URL whose text can be link text; else the text,
/// and the URL after it.
fn push_link(out: &mut String, text: &str, href: Option<&str>) {
    let url = href.filter(|u| url_len(u) == Some(u.len()));
    let plain = !text.is_empty() && !text.contains(['[', ']', '`', '\n']);
    match url {
        Some(url) if plain => out.push_str(&format!("[{text}]({url})")),
        Some(url) if text.is_empty() => out.push_str(url),
        Some(url) => out.push_str(&format!("{text} ({url})")),
        None => out.push_str(text),
    }
}

/// The character an HTML entity at the start of `rest` stands for, and the entity's length.
fn entity(rest: &str) -> Option<(char, usize)> {
    let (end, _) = rest.char_indices().take(12).find(|(_, c)| *c == ';')?;
    let name = rest.get(1..end)?;
    let decoded = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control())?
        }
    };
    Some((decoded, end + 1))
}

/// The length in bytes of the `http://` or `https://` URL `text` starts with, if it does:
/// up to whitespace, `<`, `>`, a backtick or a quote, without the punctuation that ends a
/// sentence or a bracket the URL did not open.
pub fn url_len(text: &str) -> Option<usize> {
    let scheme = ["https://", "http://"].into_iter().find(|s| {
        text.get(..s.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(s))
    })?;
    let end = text
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '`' | '"'))
        .map_or(text.len(), |(i, _)| i);
    let mut url = text.get(..end)?;
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_', '~']);
        let trimmed = match trimmed.strip_suffix([')', ']', '}']) {
            Some(shorter) => {
                let (open, close) = match trimmed.chars().next_back() {
                    Some(')') => ('(', ')'),
                    Some(']') => ('[', ']'),
                    _ => ('{', '}'),
                };
                if trimmed.matches(open).count() < trimmed.matches(close).count() {
                    shorter
                } else {
                    trimmed
                }
            }
            None => trimmed,
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    (url.len() > scheme.len()).then_some(url.len())
}

/// `[text](url)` at the start of `rest`, a Markdown link to an `http(s)` URL: the text and the
/// URL, and the length of the whole link in bytes.
fn markdown_link(rest: &str) -> Option<(&str, &str, usize)> {
    let after = rest.strip_prefix('[')?;
    let (text, tail) = after.split_once(']')?;
    if text.is_empty() || text.contains(['[', '`']) {
        return None;
    }
    let target = tail.strip_prefix('(')?;
    let url = target.get(..url_len(target)?)?;
    target
        .strip_prefix(url)?
        .starts_with(')')
        .then_some((text, url, text.len() + url.len() + 4))
}

/// Keeps spec prose from being read as code blocks, HTML or intra-doc links by rustdoc, and
/// makes every bare URL an autolink (`<https://...>`); Markdown links to `http(s)` URLs and
/// autolinks stay links. A backtick run opens a code span only when a run of the same length
/// closes it on the line (as in CommonMark); code spans are kept as written, other backticks
/// escaped.
fn escape_markdown_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    if line.starts_with("~~~") {
        out.push('\\');
    }
    let mut rest = line;
    // Whether the character before `rest` lets a URL start (not inside a word or a path).
    let mut url_may_start = true;
    while let Some(c) = rest.chars().next() {
        let taken = if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            match rest.get(run..).and_then(|after| closing_run(after, run)) {
                Some(end) => {
                    let span = run + end + run;
                    out.push_str(rest.get(..span).unwrap_or(rest));
                    span
                }
                None => {
                    out.push_str(&"\\`".repeat(run));
                    run
                }
            }
        } else if let Some(n) = autolink_len(rest) {
            out.push_str(rest.get(..n).unwrap_or(rest));
            n
        } else if let Some((text, url, len)) = markdown_link(rest) {
            out.push('[');
            out.push_str(&escape_plain(text));
            out.push_str("](");
            out.push_str(url);
            out.push(')');
            len
        } else if let Some(n) = url_may_start.then(|| url_len(rest)).flatten() {
            out.push('<');
            out.push_str(rest.get(..n).unwrap_or(rest));
            out.push('>');
            n
        } else {
            push_escaped(&mut out, c);
            c.len_utf8()
        };
        url_may_start = rest
            .get(..taken)
            .and_then(|t| t.chars().next_back())
            .is_none_or(|c| {
                !c.is_alphanumeric() && !matches!(c, '/' | '.' | '-' | '_' | '+' | ':')
            });
        rest = rest.get(taken..).unwrap_or("");
    }
    out
}

/// The length of the autolink `<http(s)://...>` that `rest` starts with, if it does.
fn autolink_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix('<')?;
    let (url, _) = inner.split_once('>')?;
    (url_len(url) == Some(url.len())).then_some(url.len() + 2)
}

/// The offset in `text` of the first backtick run of exactly `run` backticks.
fn closing_run(text: &str, run: usize) -> Option<usize> {
    let mut offset = 0;
    let mut rest = text;
    while let Some(start) = rest.find('`') {
        let from = rest.get(start..).unwrap_or("");
        let len = from.len() - from.trim_start_matches('`').len();
        if len == run {
            return Some(offset + start);
        }
        offset += start + len;
        rest = from.get(len..).unwrap_or("");
    }
    None
}

/// Link text: everything escaped, no links or code spans of its own.
fn escape_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '`' {
            out.push('\\');
        }
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '[' => out.push_str("\\["),
        ']' => out.push_str("\\]"),
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_a_line_going_on_a_list_item_is_indented_under_it() {
        let text = "Codes:\n* United States - routing number\nRefer to the bank.\n\nAfter.\n12. Twelfth\ngoes on\n-   Wide\nwider";
        let lines: Vec<String> = doc(text)
            .into_iter()
            .filter_map(|t| match t {
                proc_macro2::TokenTree::Group(g) => Some(g.stream().to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(
            lines,
            [
                r#"doc = " Codes:""#,
                r#"doc = " * United States - routing number""#,
                r#"doc = "   Refer to the bank.""#,
                r#"doc = " ""#,
                r#"doc = " After.""#,
                r#"doc = " 12. Twelfth""#,
                r#"doc = "     goes on""#,
                r#"doc = " -   Wide""#,
                r#"doc = "     wider""#,
            ]
        );
    }

    #[test]
    fn test_bare_urls_become_autolinks() {
        assert_eq!(
            escape_markdown_line("See https://example.com/docs."),
            "See <https://example.com/docs>."
        );
        assert_eq!(
            escape_markdown_line("(see http://a.example.com/x?y=1&z=2)"),
            "(see <http://a.example.com/x?y=1&z=2>)"
        );
        assert_eq!(
            escape_markdown_line("https://en.wikipedia.org/wiki/Foo_(bar), then"),
            "<https://en.wikipedia.org/wiki/Foo_(bar)>, then"
        );
        // Not a URL on its own: the scheme alone, or inside a word.
        assert_eq!(
            escape_markdown_line("http:// or xhttps://a.b"),
            "http:// or xhttps://a.b"
        );
    }

    #[test]
    fn test_links_autolinks_and_code_spans_are_kept() {
        assert_eq!(
            escape_markdown_line("Read [the <docs>](https://example.com/a_b)."),
            "Read [the &lt;docs&gt;](https://example.com/a_b)."
        );
        assert_eq!(
            escape_markdown_line("At <https://example.com>, not <b>."),
            "At <https://example.com>, not &lt;b&gt;."
        );
        assert_eq!(
            escape_markdown_line("Use `https://x.example.com/<id>` or ``a`b``."),
            "Use `https://x.example.com/<id>` or ``a`b``."
        );
        // Intra-doc links and links to anything but http(s) stay text.
        assert_eq!(escape_markdown_line("[Foo] [a](b)"), "\\[Foo\\] \\[a\\](b)");
    }

    #[test]
    fn test_unclosed_backticks_and_fences_are_escaped() {
        assert_eq!(escape_markdown_line("```json"), "\\`\\`\\`json");
        assert_eq!(escape_markdown_line("~~~"), "\\~~~");
        assert_eq!(escape_markdown_line("a ` <b>"), "a \\` &lt;b&gt;");
        assert_eq!(escape_markdown_line("`a`` <b>"), "\\`a\\`\\` &lt;b&gt;");
    }

    #[test]
    fn test_html_descriptions_become_markdown() {
        assert_eq!(
            html_to_markdown("<p>The ARN of the <code>Certificate</code>.</p> <p>See <a href=\"https://docs.example.com/arns\">ARNs</a> &amp; <i>more</i>.</p>"),
            "The ARN of the `Certificate`.\n\nSee [ARNs](https://docs.example.com/arns) & more."
        );
        assert_eq!(
            html_to_markdown("<ul><li>one</li><li><b>two</b></li></ul>after<br/>next"),
            "- one\n- two\n\nafter\nnext"
        );
        // A link that is not http(s), or whose text cannot be link text, keeps its text.
        assert_eq!(
            html_to_markdown("<a href='mailto:x@example.com'>mail</a>"),
            "mail"
        );
        assert_eq!(
            html_to_markdown("<a href=\"https://e.example.com\">[x]</a>"),
            "[x] (https://e.example.com)"
        );
        // Code keeps what it holds, entities decoded, tags dropped; backticks fence it.
        assert_eq!(
            html_to_markdown("<code>a&lt;b&gt; `c`</code>"),
            "`` a<b> `c` ``"
        );
    }

    #[test]
    fn test_text_that_only_looks_like_html_is_kept() {
        // Unknown tags, unclosed brackets and code spans stay for the escape.
        assert_eq!(
            html_to_markdown("List<String> and a < b"),
            "List<String> and a < b"
        );
        assert_eq!(html_to_markdown("`<p>` is a tag"), "`<p>` is a tag");
        assert_eq!(html_to_markdown("<code>unclosed"), "unclosed");
        assert_eq!(html_to_markdown("AT&T &bogus; &#x41;"), "AT&T &bogus; A");
        // Many `<` with no `>` cost little: each looks only a short way.
        let long = "a < ".repeat(50_000);
        assert_eq!(html_to_markdown(&long), long.trim_end());
    }

    #[test]
    fn test_tabs_in_docs_become_spaces() {
        let tokens = doc("Values:\n\tTabbed.").to_string();
        assert!(
            tokens.contains(r#"" Tabbed.""#) && !tokens.contains('\t'),
            "{tokens}"
        );
    }

    #[test]
    fn test_html_docs_escape_to_prose() {
        let tokens = doc("<p>Use <code>List&lt;T&gt;</code>, not <T>.</p><p>Next.</p>").to_string();
        assert!(tokens.contains("Use `List<T>`, not &lt;T&gt;."), "{tokens}");
        assert!(tokens.contains("Next."), "{tokens}");
    }

    #[test]
    fn test_code_spans_hold_any_text_on_one_line() {
        assert_eq!(code("2024-01-01"), "`2024-01-01`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x\n# y"), "`` `x # y ``");
        // And the escape keeps it whole.
        assert_eq!(escape_markdown_line(&code("a``b`")), code("a``b`"));
    }
}
