//! Finds the line and column of a JSON pointer in JSON or YAML text, without building a tree.
//! The JSON scanner only descends along the pointer and skips everything else iteratively, so
//! any nesting depth is safe; the YAML one reads block-style documents (the way specs are
//! written) line by line and gives up (returns `None`) inside flow collections.

/// 1-based line and column of the value at `pointer` (`#/a/0/b`) in JSON `text`.
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let offset = locate_all(text, &[pointer]).into_iter().next().flatten()?;
    Some(position_of_offset(text, offset))
}

/// Byte offsets of the values at each of `pointers` in JSON `text`, in a single walk: the
/// pointers are merged into a tree, and the walk descends only into members some pointer goes
/// through and skips every other value. A file with thousands of warnings is read about once,
/// not once per warning. Of same-named members, the first is taken; an array index is read as
/// a number (`01` names item 1).
pub fn locate_all(text: &str, pointers: &[&str]) -> Vec<Option<usize>> {
    let mut tree = Tree::default();
    for (index, pointer) in pointers.iter().enumerate() {
        let mut node = &mut tree;
        for token in tokens(pointer) {
            node = node.children.entry(token).or_default();
        }
        node.ends.push(index);
    }
    let mut found = vec![None; pointers.len()];
    let bytes = text.as_bytes();
    let mut pending = vec![(skip_ws(bytes, 0), &tree)];
    while let Some((at, node)) = pending.pop() {
        for &index in &node.ends {
            if let Some(slot) = found.get_mut(index) {
                *slot = Some(at);
            }
        }
        if !node.children.is_empty() {
            children(bytes, at, node, &mut pending);
        }
    }
    found
}

/// The pointers' tokens merged: a node per token path, with the pointers that end there.
#[derive(Default)]
struct Tree {
    ends: Vec<usize>,
    children: std::collections::HashMap<String, Tree>,
}

/// Adds to `pending` the members of the object or array starting at `i` that `node` has
/// children for (the first of same-named members).
fn children<'t>(b: &[u8], i: usize, node: &'t Tree, pending: &mut Vec<(usize, &'t Tree)>) {
    let mut taken = std::collections::HashSet::new();
    // An item's index is read as a number, so `01` names item 1.
    let items: Vec<(usize, &Tree)> = node
        .children
        .iter()
        .filter_map(|(token, child)| Some((token.parse().ok()?, child)))
        .collect();
    let Some(open) = at(b, i) else { return };
    let mut i = skip_ws(b, i + 1);
    let mut index = 0usize;
    loop {
        let value = if open == b'{' {
            if at(b, i) != Some(b'"') {
                return;
            }
            let Some(end) = skip_string(b, i) else { return };
            let Some(key) = b
                .get(i..end)
                .and_then(|k| serde_json::from_slice::<String>(k).ok())
            else {
                return;
            };
            i = skip_ws(b, end);
            if at(b, i) != Some(b':') {
                return;
            }
            i = skip_ws(b, i + 1);
            if let Some((token, child)) = node.children.get_key_value(&key) {
                if taken.insert(token.as_str()) {
                    pending.push((i, child));
                }
            }
            i
        } else if open == b'[' {
            if matches!(at(b, i), Some(b']') | None) {
                return;
            }
            for (_, child) in items.iter().filter(|(wanted, _)| *wanted == index) {
                pending.push((i, child));
            }
            index += 1;
            i
        } else {
            return;
        };
        let Some(end) = skip_value(b, value) else {
            return;
        };
        i = skip_ws(b, end);
        if at(b, i) != Some(b',') {
            return;
        }
        i = skip_ws(b, i + 1);
    }
}

/// Where a byte offset is: 1-based line and column (in characters), and where its line and
/// the line before start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the line's start.
    pub line_start: usize,
    /// Byte offset of the previous line's start, past the first line.
    pub previous_start: Option<usize>,
}

/// The [`Place`] of each offset, in one pass over the text up to the last of them (the
/// offsets need not be sorted).
pub fn places(text: &str, offsets: &[usize]) -> Vec<Place> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets.get(i).copied().unwrap_or_default());
    let bytes = text.as_bytes();
    let first = Place {
        line: 1,
        column: 1,
        line_start: 0,
        previous_start: None,
    };
    let mut out = vec![first; offsets.len()];
    let (mut place, mut pos) = (first, 0usize);
    for i in order {
        let mut offset = offsets.get(i).copied().unwrap_or_default().min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        while pos < offset {
            match bytes.get(pos) {
                Some(b'\n') => {
                    place.line += 1;
                    place.column = 1;
                    place.previous_start = Some(place.line_start);
                    place.line_start = pos + 1;
                }
                // Continuation bytes of a UTF-8 character add no column.
                Some(&b) if b & 0xC0 != 0x80 => place.column += 1,
                _ => {}
            }
            pos += 1;
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = place;
        }
    }
    out
}

/// The unescaped tokens of a pointer (`#/a~1b/0` -> `a/b`, `0`).
fn tokens(pointer: &str) -> impl Iterator<Item = String> + '_ {
    let path = pointer.strip_prefix('#').unwrap_or(pointer);
    path.split('/')
        .skip(1)
        .map(|raw| raw.replace("~1", "/").replace("~0", "~"))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn position_of_offset(text: &str, offset: usize) -> (usize, usize) {
    let mut cut = offset.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = text.get(..cut).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn at(b: &[u8], i: usize) -> Option<u8> {
    b.get(i).copied()
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while at(b, i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// End offset (exclusive) of the string starting at `i`.
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while let Some(c) = at(b, j) {
        match c {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// End offset (exclusive) of the value starting at `i`, with a depth counter, not recursion.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = i;
    loop {
        match at(b, j)? {
            b'"' => j = skip_string(b, j)?,
            b'{' | b'[' => {
                depth += 1;
                j += 1;
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                j += 1;
            }
            _ if depth == 0 => {
                while at(b, j)
                    .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
                {
                    j += 1;
                }
                return Some(j);
            }
            _ => j += 1,
        }
        if depth == 0 {
            return Some(j);
        }
    }
}

/// One meaningful line of a YAML document (or the rest of a `- ` item's first line).
#[derive(Clone, Copy)]
struct YamlLine<'a> {
    /// 1-based line number.
    number: usize,
    /// Column (0-based, in characters) where `text` starts.
    indent: usize,
    /// The line from its first non-blank character.
    text: &'a str,
}

/// 1-based line and column of the node at `pointer` in block-style YAML `text`: the key of a
/// mapping entry, or the start of a sequence item.
pub fn locate_yaml(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let mut block: Vec<YamlLine> = text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let content = line.trim_start_matches(' ');
            let skip = content.is_empty()
                || content.starts_with('#')
                || content.starts_with("---")
                || content.starts_with("...")
                || content.starts_with('%');
            (!skip).then(|| YamlLine {
                number: i + 1,
                indent: line.len() - content.len(),
                text: content.trim_end(),
            })
        })
        .collect();
    let mut position = block.first().map(|l| (l.number, l.indent + 1))?;
    for token in tokens(pointer) {
        let first = *block.first()?;
        let indent = first.indent;
        let siblings = |l: &YamlLine| l.indent == indent;
        if first.text == "-" || first.text.starts_with("- ") {
            let wanted: usize = token.parse().ok()?;
            let starts: Vec<usize> = (0..block.len())
                .filter(|&i| {
                    block
                        .get(i)
                        .is_some_and(|l| siblings(l) && l.text.starts_with('-'))
                })
                .collect();
            let start = *starts.get(wanted)?;
            let end = starts.get(wanted + 1).copied().unwrap_or(block.len());
            let item = *block.get(start)?;
            let rest = item.text.get(1..)?;
            let content = rest.trim_start_matches(' ');
            let mut next: Vec<YamlLine> = Vec::new();
            if !content.is_empty() {
                next.push(YamlLine {
                    number: item.number,
                    indent: item.indent + 1 + (rest.len() - content.len()),
                    text: content,
                });
            }
            next.extend(block.get(start + 1..end)?.iter().copied());
            position = (
                item.number,
                next.first().map_or(item.indent + 1, |l| l.indent + 1),
            );
            block = next;
        } else {
            let (index, value) = block.iter().enumerate().find_map(|(i, l)| {
                let (key, value) = yaml_key(l.text)?;
                (siblings(l) && key == token).then_some((i, value))
            })?;
            let entry = *block.get(index)?;
            position = (entry.number, entry.indent + 1);
            let children = block.get(index + 1..)?;
            let end = children
                .iter()
                .position(|l| l.indent < indent || (l.indent == indent && !l.text.starts_with('-')))
                .unwrap_or(children.len());
            let value = value.trim();
            let inline = !value.is_empty()
                && !value.starts_with('#')
                && !value.starts_with('|')
                && !value.starts_with('>')
                && !value.starts_with('&');
            block = if inline {
                Vec::new()
            } else {
                children.get(..end)?.to_vec()
            };
        }
    }
    Some(position)
}

/// The key of a `key: value` line and the text after the colon.
fn yaml_key(text: &str) -> Option<(String, &str)> {
    if let Some(body) = text.strip_prefix('"') {
        let mut escaped = false;
        let close = body.char_indices().find_map(|(i, c)| {
            let end = !escaped && c == '"';
            escaped = !escaped && c == '\\';
            end.then_some(i)
        })?;
        let key: String = serde_json::from_str(text.get(..close + 2)?).ok()?;
        let rest = body.get(close + 1..)?.trim_start().strip_prefix(':')?;
        return Some((key, rest));
    }
    if let Some(body) = text.strip_prefix('\'') {
        let mut chars = body.char_indices().peekable();
        let mut key = String::new();
        while let Some((i, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                    key.push('\'');
                    continue;
                }
                let rest = body.get(i + 1..)?.trim_start().strip_prefix(':')?;
                return Some((key, rest));
            }
            key.push(c);
        }
        return None;
    }
    if text.starts_with(['?', '{', '[', '-']) && !text.starts_with("-:") {
        return None;
    }
    let colon = text.match_indices(':').map(|(i, _)| i).find(|&i| {
        text.get(i + 1..)
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
    })?;
    Some((
        text.get(..colon)?.trim_end().to_string(),
        text.get(colon + 1..)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_finds_nested_members_and_items() {
        let text = "{\n  \"a\": {\"b\": [1, {\"c~/\": true}]},\n  \"d\": \"x\"\n}";
        assert_eq!(locate(text, "#/a"), Some((2, 8)));
        assert_eq!(locate(text, "#/a/b/1"), Some((2, 18)));
        assert_eq!(locate(text, "#/a/b/1/c~0~1"), Some((2, 26)));
        assert_eq!(locate(text, "#/d"), Some((3, 8)));
        assert_eq!(locate(text, "#/e"), None);
        assert_eq!(locate(text, "#/a/b/2"), None);
    }

    #[test]
    fn test_finds_yaml_keys_and_sequence_items() {
        let text = "\
openapi: 3.0.3
# a comment
info:
  title: T
  description: |
    paths: not a key here
paths:
  /things/{id}:
    get:
      parameters:
        - name: id
          in: path
        -   $ref: '#/components/parameters/X'
        - \"quoted: key\": 1
      tags:
      - a
      - b
";
        assert_eq!(locate_yaml(text, "#/openapi"), Some((1, 1)));
        assert_eq!(locate_yaml(text, "#/info/title"), Some((4, 3)));
        assert_eq!(locate_yaml(text, "#/paths"), Some((7, 1)));
        assert_eq!(
            locate_yaml(text, "#/paths/~1things~1{id}/get"),
            Some((9, 5))
        );
        let params = "#/paths/~1things~1{id}/get/parameters";
        assert_eq!(locate_yaml(text, &format!("{params}/0")), Some((11, 11)));
        assert_eq!(locate_yaml(text, &format!("{params}/0/in")), Some((12, 11)));
        assert_eq!(
            locate_yaml(text, &format!("{params}/1/$ref")),
            Some((13, 13))
        );
        assert_eq!(
            locate_yaml(text, &format!("{params}/2/quoted: key")),
            Some((14, 11))
        );
        assert_eq!(locate_yaml(text, &format!("{params}/3")), None);
        assert_eq!(
            locate_yaml(text, "#/paths/~1things~1{id}/get/tags/1"),
            Some((17, 9))
        );
        assert_eq!(locate_yaml(text, "#/info/description/x"), None);
        assert_eq!(locate_yaml(text, "#/nope"), None);
    }
}
