//! `write::write` is all-or-nothing: a failure while staging the new files leaves the
//! output folder exactly as it was.

use super::scratch;
use azure_codegen::write::{self, FinishedFile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn file(path: &str, text: &str) -> FinishedFile {
    FinishedFile {
        path: path.into(),
        text: text.into(),
    }
}

#[test]
fn test_a_failed_write_leaves_the_output_folder_as_it_was() {
    let dir = scratch("write-fails");
    let out = dir.join("out");
    write::write(
        &out,
        &[file("src/lib.rs", "// one\n"), file("README.md", "one\n")],
    )
    .unwrap();
    let before = snapshot(&dir);
    // `src/lib.rs` as a file and as a folder: staging fails half way through.
    let result = write::write(
        &out,
        &[
            file("README.md", "two\n"),
            file("src/lib.rs", "// two\n"),
            file("src/lib.rs/inner.rs", "// two\n"),
        ],
    );
    assert!(result.is_err());
    assert_eq!(snapshot(&dir), before, "the output folder changed");
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["out"], "staging folders left behind");
    let _ = std::fs::remove_dir_all(&dir);
}
