//! Finds the line and column of a JSON pointer in JSON text, without building a tree: the
//! scanner only descends along the pointer and skips everything else iteratively, so any
//! nesting depth is safe.

/// 1-based line and column of the value at `pointer` (`#/a/0/b`) in `text`.
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    let path = pointer.strip_prefix('#').unwrap_or(pointer);
    for raw in path.split('/').skip(1) {
        let token = raw.replace("~1", "/").replace("~0", "~");
        pos = child(bytes, pos, &token)?;
    }
    Some(position_of_offset(text, pos))
}

/// 1-based line and column (in characters) of a byte offset.
pub fn position_of_offset(text: &str, offset: usize) -> (usize, usize) {
    let mut cut = offset.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Offset of the member `token` of the object or array starting at `i`.
fn child(b: &[u8], i: usize, token: &str) -> Option<usize> {
    match b.get(i)? {
        b'{' => {
            let mut i = skip_ws(b, i + 1);
            while b.get(i)? == &b'"' {
                let end = skip_string(b, i)?;
                let key: String = serde_json::from_slice(b.get(i..end)?).ok()?;
                i = skip_ws(b, end);
                if b.get(i)? != &b':' {
                    return None;
                }
                i = skip_ws(b, i + 1);
                if key == token {
                    return Some(i);
                }
                i = skip_ws(b, skip_value(b, i)?);
                if b.get(i)? == &b',' {
                    i = skip_ws(b, i + 1);
                }
            }
            None
        }
        b'[' => {
            let wanted: usize = token.parse().ok()?;
            let mut i = skip_ws(b, i + 1);
            for _ in 0..wanted {
                i = skip_ws(b, skip_value(b, i)?);
                if b.get(i)? != &b',' {
                    return None;
                }
                i = skip_ws(b, i + 1);
            }
            (b.get(i)? != &b']').then_some(i)
        }
        _ => None,
    }
}

/// End offset (exclusive) of the string starting at `i`.
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
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
        match *b.get(j)? {
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
                while j < b.len()
                    && !matches!(b[j], b',' | b'}' | b']')
                    && !b[j].is_ascii_whitespace()
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
}
