//! Diagnostics about the input: errors (the crate cannot be generated) and warnings (it is
//! generated, but something was left out or generated lossily). Every one names the spec file
//! and the JSON pointer of the node at fault, and the line and column when they are known, and
//! prints the way compilers do:
//!
//! ```text
//! error: `$ref: #/definitions/Missing`: no schema named `Missing`
//!   --> specs/api.json:45:23
//!    |
//! 44 |             "schema": {
//! 45 |               "$ref": "#/definitions/Missing"
//!    |                       ^^^^^^^^^^^^^^^^^^^^^^^
//!    = at #/paths/~1things/put/parameters/2/schema/$ref
//! ```
//!
//! Warnings are collected in a [`Warnings`] collector that the read stage creates (it lives in
//! the spec's [`SourceMap`](crate::read::SourceMap)); any stage that holds the spec adds one
//! with `spec.warn(pointer, message)` (or `sources.warn(...)` while reading), and
//! [`generate`](crate::generate) returns them with the crate.
//!
//! Whether a fault is an error or leaves something out depends on what it spoils:
//! - in one operation, during lowering: return the error from that operation's lowering;
//!   the operation is left out with a warning (the lower stage runs again without it, so
//!   nothing it reached leaks), unless it was selected by name;
//! - in one operation, while reading: push a [`Skipped`](crate::read::Skipped) to
//!   `sources.skipped` and drop the operation from the document;
//! - in one component (definition, global parameter, ...), while reading: drop it and call
//!   `sources.leave_out(pointer, why)`; a `$ref` to it then fails with `why`;
//! - anything else (the document cannot be read at all): return the error.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Nothing is generated.
    #[default]
    Error,
    /// The crate is generated, but something was left out or generated lossily.
    Warning,
}

impl Severity {
    /// The word that starts the rendered diagnostic: `error` or `warning`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// What went wrong, and where in which spec file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The spec file (or the config file) at fault.
    pub file: PathBuf,
    /// JSON pointer of the node at fault, e.g. `#/paths/~1a/get/parameters/0`.
    pub pointer: String,
    /// 1-based line and column of that node, when known (`u32`: files are at most 64 MiB,
    /// and it keeps `Result<_, Diagnostic>` small).
    pub position: Option<(u32, u32)>,
    /// What was found and what was expected.
    pub message: String,
    /// The lines of the file around the position, each with its gutter, and a marker line
    /// under the spot (without the leading gutter padding, which [`fmt::Display`] adds).
    pub snippet: Option<String>,
}

/// Longest snippet line shown, in characters; longer lines are cut around the marker.
const MAX_LINE: usize = 120;

impl Diagnostic {
    /// An error at `pointer` in `file`, position not yet known.
    pub fn new(file: &Path, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            pointer: pointer.into(),
            position: None,
            message: message.into(),
            snippet: None,
        }
    }

    /// The same diagnostic with another severity.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// True for warnings.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.position = Some((narrow(line), narrow(column)));
        self
    }

    /// Adds the snippet of `text` (the file's contents) around the position: the line before,
    /// the line itself, and a marker under the token that starts at the column.
    pub fn with_source(self, text: &str) -> Self {
        let Some((line, column)) = self.position else {
            return self;
        };
        let (line, column) = (line as usize, column as usize);
        let mut starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        let previous = line.checked_sub(2).and_then(|skip| starts.nth(skip));
        let current = if line >= 2 { starts.next() } else { Some(0) };
        let Some(start) = current.filter(|&start| start < text.len()) else {
            return self.with_snippet(String::new());
        };
        let rest = text.get(start..).unwrap_or_default();
        let current = line_text(rest);
        // A column past the end of the line marks the end.
        let (marker, before) = match current.char_indices().nth(column.saturating_sub(1)) {
            Some((i, _)) => (i, column.saturating_sub(1)),
            None => (current.len(), current.chars().count()),
        };
        let previous = previous.and_then(|p| text.get(p..start)).map(line_text);
        self.with_lines(previous, rest, marker, before)
    }

    /// Adds the snippet around the position from the lines it shows: `previous` (when the
    /// position is past the first line), the text from the start of the position's line on
    /// (`rest`, read only up to the end of the shown window), the byte offset in that line
    /// where the marker goes and the number of characters before it. Nothing before the
    /// window is read, so locating many warnings in one long minified line costs no more than
    /// locating one.
    pub(crate) fn with_lines(
        self,
        previous: Option<&str>,
        rest: &str,
        marker: usize,
        start: usize,
    ) -> Self {
        let Some((line, _)) = self.position else {
            return self;
        };
        let line = line as usize;
        if rest.is_empty() {
            return self.with_snippet(String::new());
        }
        // Only the part of the line the window can show is read: at most `MAX_LINE` characters
        // after the marker, and two more to see whether the line goes on.
        let mut end = marker.saturating_add(4 * (MAX_LINE + 3)).min(rest.len());
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let view = rest.get(..end).unwrap_or(rest);
        // The marker is on the line, so its end is looked for from there on.
        let after = view.get(marker..).map_or(0, |after| line_text(after).len());
        let current = view.get(..marker + after).unwrap_or(view);
        let mut marker = marker.min(current.len());
        while !current.is_char_boundary(marker) {
            marker -= 1;
        }
        // Cut long lines (minified JSON) to a window around the marker.
        let window_start = start.saturating_sub(MAX_LINE / 2);
        let window_byte = current
            .get(..marker)
            .unwrap_or_default()
            .char_indices()
            .rev()
            .take(MAX_LINE / 2)
            .last()
            .map_or(marker, |(i, _)| i);
        let shown = |l: &str, skip_bytes: Option<usize>| -> String {
            let tail = match skip_bytes {
                Some(bytes) => l.get(bytes..),
                None => l
                    .char_indices()
                    .nth(window_start)
                    .and_then(|(i, _)| l.get(i..)),
            };
            let Some(tail) = tail.filter(|t| !t.is_empty()) else {
                return String::new();
            };
            let mut chars = tail.chars();
            let cut: String = chars.by_ref().take(MAX_LINE).collect();
            let mut out = String::new();
            if window_start > 0 {
                out.push('…');
            }
            out.push_str(&cut.replace('\t', " "));
            if chars.next().is_some() {
                out.push('…');
            }
            out
        };
        let width = line.to_string().len();
        let mut out = String::new();
        if let Some(previous) = previous {
            out.push_str(&format!(
                "{:>width$} | {}\n",
                line - 1,
                shown(previous, None)
            ));
        }
        out.push_str(&format!(
            "{line:>width$} | {}\n",
            shown(current, Some(window_byte))
        ));
        let token: Vec<char> = current
            .get(marker..)
            .unwrap_or_default()
            .chars()
            .take(MAX_LINE / 2 + 1)
            .collect();
        let len = token_len(&token).clamp(1, MAX_LINE / 2);
        let offset = start - window_start + usize::from(window_start > 0);
        out.push_str(&format!(
            "{:width$} | {}{}",
            "",
            " ".repeat(offset),
            "^".repeat(len)
        ));
        self.with_snippet(out)
    }

    fn with_snippet(mut self, snippet: String) -> Self {
        self.snippet = Some(snippet);
        self
    }
}

/// The line `text` starts with, without its line ending (`\n` or `\r\n`, as `str::lines`).
/// Only the line is read, not the text after it.
pub fn line_text(text: &str) -> &str {
    match text.find('\n') {
        Some(end) => {
            let line = text.get(..end).unwrap_or_default();
            line.strip_suffix('\r').unwrap_or(line)
        }
        None => text,
    }
}

/// Length in characters of the JSON or YAML token at the start of `rest`: a quoted string,
/// a bare word, or one bracket.
fn token_len(rest: &[char]) -> usize {
    match rest.first() {
        Some(&q @ ('"' | '\'')) => {
            let mut escaped = false;
            for (i, &c) in rest.iter().enumerate().skip(1) {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    return i + 1;
                }
            }
            rest.len()
        }
        Some('{' | '[') | None => 1,
        Some(_) => rest
            .iter()
            .position(|c| matches!(c, ',' | '}' | ']' | ':') || c.is_whitespace())
            .unwrap_or(rest.len()),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.severity.label(), self.message)?;
        let width = self
            .position
            .map_or(1, |(line, _)| line.to_string().len())
            .max(2);
        let pad = " ".repeat(width);
        match self.position {
            Some((line, column)) => write!(f, "{pad}--> {}:{line}:{column}", self.file.display())?,
            None => write!(f, "{pad}--> {}", self.file.display())?,
        }
        if let Some(snippet) = self.snippet.as_ref().filter(|s| !s.is_empty()) {
            let line_width = self.position.map_or(1, |(l, _)| l.to_string().len());
            let extra = " ".repeat(width - line_width);
            write!(f, "\n{pad} |")?;
            for line in snippet.lines() {
                write!(f, "\n{extra}{line}")?;
            }
        }
        if !self.pointer.is_empty() {
            write!(f, "\n{pad} = at {}", self.pointer)?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// The warnings of one generation run, in the order they were found, each at most once (two
/// warnings with the same file, pointer and message are one: a schema used in many places
/// warns once).
///
/// Shared by reference through the stages (it sits in the spec's source map), so adding a
/// warning needs only `&self`. [`mark`](Warnings::mark) and [`rollback`](Warnings::rollback)
/// drop the warnings of work that is thrown away (an operation that is skipped).
#[derive(Debug, Default)]
pub struct Warnings {
    inner: RefCell<Found>,
}

#[derive(Debug, Default)]
struct Found {
    /// Each warning, and whether it still has to be located in its file.
    list: Vec<(Diagnostic, bool)>,
    seen: BTreeSet<(PathBuf, String, String)>,
}

/// A point in the list of warnings to go back to, from [`Warnings::mark`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark(usize);

impl Warnings {
    /// An empty collector.
    pub fn new() -> Self {
        Warnings::default()
    }

    /// Adds `d` as a warning, unless the same warning is already there.
    pub fn push(&self, d: Diagnostic) {
        self.add(d, false);
    }

    /// Adds `d`, whose position in its file is not looked up yet, as a warning: the read stage
    /// locates all of a file's warnings in one pass when they are taken.
    pub(crate) fn push_unlocated(&self, d: Diagnostic) {
        self.add(d, true);
    }

    fn add(&self, d: Diagnostic, unlocated: bool) {
        let d = d.with_severity(Severity::Warning);
        let mut found = self.inner.borrow_mut();
        let key = (d.file.clone(), d.pointer.clone(), d.message.clone());
        if found.seen.insert(key) {
            found.list.push((d, unlocated));
        }
    }

    /// How many warnings there are.
    pub fn len(&self) -> usize {
        self.inner.borrow().list.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The current end of the list.
    pub fn mark(&self) -> Mark {
        Mark(self.len())
    }

    /// Drops every warning added since `mark`.
    pub fn rollback(&self, mark: Mark) {
        let mut found = self.inner.borrow_mut();
        let keep = mark.0.min(found.list.len());
        let dropped = found.list.split_off(keep);
        for (d, _) in dropped {
            found.seen.remove(&(d.file, d.pointer, d.message));
        }
    }

    /// Takes every warning out, in the order they were added, those pushed unlocated without
    /// their position (the read stage's `Spec::take_warnings` locates them).
    pub fn take(&self) -> Vec<Diagnostic> {
        self.take_unlocated().into_iter().map(|(d, _)| d).collect()
    }

    /// Takes every warning out, in the order they were added, each with whether it still has
    /// to be located.
    pub(crate) fn take_unlocated(&self) -> Vec<(Diagnostic, bool)> {
        let mut found = self.inner.borrow_mut();
        found.seen.clear();
        std::mem::take(&mut found.list)
    }
}

/// Escapes one JSON pointer token (`~` -> `~0`, `/` -> `~1`).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// The tokens of the JSON pointer in a URI fragment (`#/paths/~1a~1%7Bb%7D/get`): percent
/// escapes decoded first (RFC 3986: the fragment is part of a URI), then `~1` and `~0`
/// (RFC 6901, in that order). `None` when it is no pointer (no leading `#/`, or a percent
/// escape that is not UTF-8).
pub fn pointer_tokens(reference: &str) -> Option<Vec<String>> {
    let fragment = reference.strip_prefix('#')?;
    let decoded = percent_decode(fragment)?;
    let rest = decoded.strip_prefix('/')?;
    Some(
        rest.split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect(),
    )
}

/// The canonical form of a local `$ref` (`#/a~1b/%7Bc%7D` -> `#/a~1b/{c}`): the pointer the
/// converted document's nodes are named by, whatever escapes the reference used.
pub fn canonical_pointer(reference: &str) -> Option<String> {
    let tokens = pointer_tokens(reference)?;
    Some(
        tokens
            .iter()
            .fold(String::from("#"), |at, t| pointer(&at, t)),
    )
}

fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_string());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| {
            bytes
                .get(at)
                .and_then(|c| char::from(*c).to_digit(16))
                .and_then(|d| u8::try_from(d).ok())
        };
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push(high * 16 + low);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Joins a pointer and a token: `pointer("#/paths", "/a/{b}")` is `#/paths/~1a~1{b}`.
pub fn pointer(base: &str, token: &str) -> String {
    format!("{base}/{}", escape_token(token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_pointer_tokens_decode_percent_escapes_then_tildes() {
        assert_eq!(
            pointer_tokens("#/paths/~1a~1%7Bid%7D/get/~01"),
            Some(vec![
                "paths".into(),
                "/a/{id}".into(),
                "get".into(),
                "~1".into()
            ])
        );
        // `%7E1` is a `~1` written with a percent escape: still the JSON pointer escape.
        assert_eq!(pointer_tokens("#/x%7E1y"), Some(vec!["x/y".to_string()]));
        assert_eq!(
            pointer_tokens("#/%25/100%"),
            Some(vec!["%".to_string(), "100%".to_string()])
        );
        assert_eq!(pointer_tokens("#/%FF"), None);
        assert_eq!(pointer_tokens("#"), None);
        assert_eq!(pointer_tokens("other.json#/a"), None);
        assert_eq!(
            canonical_pointer("#/paths/~1a~1%7Bid%7D/get").as_deref(),
            Some("#/paths/~1a~1{id}/get")
        );
    }

    #[test]
    fn test_renders_like_a_compiler_with_the_token_underlined() {
        let text = "{\n  \"a\": {\n    \"$ref\": \"#/x\"\n  }\n}\n";
        let d = Diagnostic::new(Path::new("spec.json"), "#/a/$ref", "no schema named `x`")
            .at(3, 13)
            .with_source(text);
        assert_eq!(
            d.to_string(),
            "error: no schema named `x`\n  --> spec.json:3:13\n   |\n 2 |   \"a\": {\n 3 |     \"$ref\": \"#/x\"\n   |             ^^^^^\n   = at #/a/$ref"
        );
    }

    #[test]
    fn test_warnings_render_with_their_label_and_the_same_location_data() {
        let text = "{\n  \"a\": {\n    \"format\": \"money\"\n  }\n}\n";
        let d = Diagnostic::new(Path::new("spec.json"), "#/a/format", "unknown format")
            .with_severity(Severity::Warning)
            .at(3, 15)
            .with_source(text);
        assert_eq!(
            d.to_string(),
            "warning: unknown format\n  --> spec.json:3:15\n   |\n 2 |   \"a\": {\n 3 |     \"format\": \"money\"\n   |               ^^^^^^^\n   = at #/a/format"
        );
    }

    #[test]
    fn test_warnings_are_kept_once_in_order_and_roll_back_to_a_mark() {
        let w = Warnings::new();
        let at = |p: &str, m: &str| Diagnostic::new(Path::new("s.json"), p, m);
        w.push(at("#/a", "one"));
        w.push(at("#/b", "two"));
        w.push(at("#/a", "one"));
        assert_eq!(w.len(), 2);
        let mark = w.mark();
        w.push(at("#/c", "three"));
        w.push(at("#/a", "one"));
        assert_eq!(w.len(), 3);
        w.rollback(mark);
        assert_eq!(w.len(), 2);
        // A rolled-back warning can be found again.
        w.push(at("#/c", "three"));
        let all = w.take();
        let messages: Vec<&str> = all.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["one", "two", "three"]);
        assert!(all.iter().all(Diagnostic::is_warning));
        assert!(w.is_empty());
    }

    #[test]
    fn test_renders_without_position_or_pointer() {
        let d = Diagnostic::new(Path::new("spec.json"), "", "the file is empty");
        assert_eq!(d.to_string(), "error: the file is empty\n  --> spec.json");
        let d = Diagnostic::new(Path::new("s.yaml"), "#/openapi", "not supported");
        assert_eq!(
            d.to_string(),
            "error: not supported\n  --> s.yaml\n   = at #/openapi"
        );
    }

    #[test]
    fn test_long_lines_are_cut_around_the_marker_and_wide_gutters_align() {
        let long = format!("{{\"k\": [{}\"bad\"]}}", "1, ".repeat(200));
        let d = Diagnostic::new(Path::new("m.json"), "#/k/200", "bad")
            .at(1234, 608)
            .with_source(&format!("{}{long}\n", "\n".repeat(1233)));
        let text = d.to_string();
        assert!(
            text.contains("    --> m.json:1234:608\n     |\n1233 | \n1234 | …"),
            "{text}"
        );
        assert!(text.contains("^^^^^"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() < 140), "{text}");
    }
}
