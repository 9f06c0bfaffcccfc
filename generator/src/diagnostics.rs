//! Errors about the input: every one names the spec file and the JSON pointer of the node at
//! fault, and the line and column when they are known.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, and where in which spec file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The spec file (or the config file) at fault.
    pub file: PathBuf,
    /// JSON pointer of the node at fault, e.g. `#/paths/~1a/get/parameters/0`.
    pub pointer: String,
    /// 1-based line and column of that node, when known.
    pub position: Option<(usize, usize)>,
    /// What was found and what was expected.
    pub message: String,
    /// A few lines of the file around the position, to show where it is.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at `pointer` in `file`, position not yet known.
    pub fn new(file: &Path, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            pointer: pointer.into(),
            position: None,
            message: message.into(),
            snippet: None,
        }
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        match self.position {
            Some((line, column)) => write!(f, "  --> {}:{line}:{column}", self.file.display())?,
            None => write!(f, "  --> {}", self.file.display())?,
        }
        if !self.pointer.is_empty() {
            write!(f, "\n   = at {}", self.pointer)?;
        }
        if let Some(snippet) = &self.snippet {
            write!(f, "\n{snippet}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Escapes one JSON pointer token (`~` -> `~0`, `/` -> `~1`).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Joins a pointer and a token: `pointer("#/paths", "/a/{b}")` is `#/paths/~1a~1{b}`.
pub fn pointer(base: &str, token: &str) -> String {
    format!("{base}/{}", escape_token(token))
}
