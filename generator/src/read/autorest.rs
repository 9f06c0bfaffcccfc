//! AutoRest configuration as input: a service's `readme.md` names the files of each API
//! package in fenced YAML blocks, unconditional (`` ```yaml ``, with the default `tag:`) or
//! for one tag (`` ```yaml $(tag) == 'package-2024-04' ``). This reads the blocks that apply
//! to a tag and returns its input files, with `title` and `openapi-subtype` where given.
//! Blocks for other conditions (`$(csharp)`, `$(go) && $(track2)`, ...) concern other
//! generators and are skipped; `directive`s are not applied.

use crate::diagnostics::Diagnostic;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One API package of a readme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    /// The tag read.
    pub tag: String,
    /// Its input files, in the readme's order, relative paths taken from the readme's folder.
    pub files: Vec<PathBuf>,
    /// `title`, when given.
    pub title: Option<String>,
    /// `openapi-subtype`, when given (e.g. `rpaas`).
    pub subtype: Option<String>,
}

/// Whether a spec path names an AutoRest readme rather than a Swagger or OpenAPI document.
pub fn is_readme(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    /// The text after `yaml` on the fence line, trimmed; empty when unconditional.
    condition: String,
    text: String,
}

/// Reads the package `tag` (the readme's default `tag:` when `None`) of the readme.
pub fn package(readme: &Path, tag: Option<&str>) -> Result<Package, Diagnostic> {
    let text = std::fs::read_to_string(readme)
        .map_err(|e| Diagnostic::new(readme, "", format!("cannot read the readme: {e}")))?;
    let blocks = blocks(&text);
    let mut values = Vec::new();
    for block in &blocks {
        let value: Value = if block.text.trim().is_empty() {
            Value::Null
        } else {
            serde_yaml::from_str(&block.text).map_err(|e| {
                let mut d =
                    Diagnostic::new(readme, "", format!("invalid YAML in a ```yaml block: {e}"));
                if let Some(loc) = e.location() {
                    d = d
                        .at(block.line + loc.line(), loc.column())
                        .with_source(&text);
                }
                d
            })?
        };
        values.push(value);
    }
    let default_tag = blocks
        .iter()
        .zip(&values)
        .filter(|(b, _)| b.condition.is_empty())
        .filter_map(|(_, v)| v.get("tag").and_then(Value::as_str))
        .next_back()
        .map(str::to_string);
    let known: Vec<String> = blocks.iter().filter_map(|b| tag_of(&b.condition)).collect();
    let Some(tag) = tag.map(str::to_string).or(default_tag) else {
        return Err(Diagnostic::new(
            readme,
            "",
            format!(
                "the readme sets no default `tag:`; choose one with --tag ({})",
                known.join(", ")
            ),
        ));
    };
    if !known.contains(&tag) {
        return Err(Diagnostic::new(
            readme,
            "",
            format!(
                "the readme has no ```yaml $(tag) == '{tag}' block; its tags are: {}",
                known.join(", ")
            ),
        ));
    }
    let folder = readme.parent().unwrap_or(Path::new("."));
    let mut package = Package {
        tag: tag.clone(),
        files: Vec::new(),
        title: None,
        subtype: None,
    };
    for (block, value) in blocks.iter().zip(&values) {
        let applies =
            block.condition.is_empty() || tag_of(&block.condition).as_deref() == Some(&tag);
        if !applies {
            continue;
        }
        if let Some(title) = value.get("title").and_then(Value::as_str) {
            package.title = Some(title.to_string());
        }
        if let Some(subtype) = value.get("openapi-subtype").and_then(Value::as_str) {
            package.subtype = Some(subtype.to_string());
        }
        let inputs = match value.get("input-file") {
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Array(many)) => many
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        };
        for input in inputs {
            let relative = input
                .strip_prefix("$(this-folder)/")
                .unwrap_or(&input)
                .to_string();
            if relative.contains("://") || relative.contains("$(") {
                return Err(Diagnostic::new(
                    readme,
                    "",
                    format!("input file `{input}` of tag `{tag}`: only files under the readme's folder are supported"),
                )
                .at(block.line, 1)
                .with_source(&text));
            }
            let file = folder.join(relative);
            if !package.files.contains(&file) {
                package.files.push(file);
            }
        }
    }
    if package.files.is_empty() {
        return Err(Diagnostic::new(
            readme,
            "",
            format!("tag `{tag}` names no `input-file`"),
        ));
    }
    Ok(package)
}

/// The tag a block condition selects: `$(tag) == 'x'` (or `"x"`); `None` for any other
/// condition.
fn tag_of(condition: &str) -> Option<String> {
    let condition = match condition.find("/*") {
        Some(comment) => condition.get(..comment)?,
        None => condition,
    }
    .trim();
    let rest = condition.strip_prefix("$(tag)")?.trim_start();
    let rest = rest.strip_prefix("==")?.trim();
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let inner = rest.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.contains(quote)).then(|| inner.to_string())
}

/// The fenced ```` ```yaml ```` blocks of a markdown text.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        match open.take() {
            Some(mut block) => {
                if trimmed.starts_with("```") {
                    out.push(block);
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                    open = Some(block);
                }
            }
            None => {
                let Some(info) = trimmed.strip_prefix("```") else {
                    continue;
                };
                let info = info.trim_start();
                if let Some(condition) = info.strip_prefix("yaml") {
                    if condition.is_empty() || condition.starts_with(char::is_whitespace) {
                        open = Some(Block {
                            line: i + 1,
                            condition: condition.trim().to_string(),
                            text: String::new(),
                        });
                    }
                } else {
                    // Another fenced block: skip to its end.
                    open = Some(Block {
                        line: 0,
                        condition: "(not yaml)".into(),
                        text: String::new(),
                    });
                }
            }
        }
    }
    out.retain(|b| b.line > 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_tag_conditions() {
        assert_eq!(
            tag_of("$(tag) == 'package-2024-04'"),
            Some("package-2024-04".into())
        );
        assert_eq!(tag_of("$(tag)=='a'"), Some("a".into()));
        assert_eq!(
            tag_of("$(tag) == \"b\" /* autogenerated */"),
            Some("b".into())
        );
        assert_eq!(tag_of("$(csharp)"), None);
        assert_eq!(tag_of("$(tag) == 'a' && $(go)"), None);
    }

    #[test]
    fn test_blocks_skip_other_fences() {
        let text = "# T\n``` yaml\ntag: a\n```\n```json\n{\"x\": 1}\n```\n```yaml $(tag) == 'a'\ninput-file:\n  - x.json\n```\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].condition, "");
        assert_eq!(b[0].text, "tag: a\n");
        assert_eq!(b[1].condition, "$(tag) == 'a'");
        assert_eq!(b[1].line, 8);
    }
}
