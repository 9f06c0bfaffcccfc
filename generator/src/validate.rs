//! A last check of the IR before emitting: every name the lower stage made must be a plain
//! Rust identifier, so the emitters can turn names into tokens without failing.

use crate::diagnostics::Diagnostic;
use crate::ir::{Crate, TypeDef};
use std::path::Path;

/// Whether `name` is an ASCII identifier that is not a keyword.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    first_ok
        && name != "_"
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && syn::parse_str::<syn::Ident>(name).is_ok()
}

/// Checks every name in `krate`.
pub fn validate(krate: &Crate, spec_file: &Path) -> Result<(), Diagnostic> {
    let mut names: Vec<(&str, String)> = Vec::new();
    names.push((&krate.package, "the package name".into()));
    for c in krate.clients.values() {
        names.push((&c.name, format!("client {}", c.name)));
        names.push((&c.options_name, format!("client {}", c.name)));
        names.push((&c.module, format!("client {}", c.name)));
        for f in &c.fields {
            names.push((&f.rust_name, format!("client {}", c.name)));
        }
        for o in &c.operations {
            names.push((&o.method_name, format!("operation {}", o.id)));
            names.push((&o.options_name, format!("operation {}", o.id)));
            for p in &o.params {
                names.push((
                    &p.rust_name,
                    format!("parameter {} of {}", p.wire_name, o.id),
                ));
            }
            if let Some(b) = &o.body {
                names.push((&b.rust_name, format!("body of {}", o.id)));
            }
        }
    }
    for t in krate.types.values() {
        match t {
            TypeDef::Struct(s) => {
                names.push((&s.name, format!("model {}", s.name)));
                for f in &s.fields {
                    names.push((
                        &f.rust_name,
                        format!("property {} of {}", f.wire_name, s.name),
                    ));
                }
            }
            TypeDef::Union(u) => {
                names.push((&u.name, format!("union {}", u.name)));
                names.push((&u.unknown, format!("unknown kind of {}", u.name)));
                for v in &u.variants {
                    names.push((&v.rust_name, format!("kind {:?} of {}", v.value, u.name)));
                }
            }
            TypeDef::Enum(e) => {
                names.push((&e.name, format!("enum {}", e.name)));
                for v in &e.variants {
                    names.push((&v.rust_name, format!("value {:?} of {}", v.wire, e.name)));
                }
            }
        }
    }
    match names.into_iter().find(|(n, _)| !is_identifier(n)) {
        Some((name, what)) => Err(Diagnostic::new(
            spec_file,
            "",
            format!("internal error: the name `{name}` made for {what} is not a Rust identifier"),
        )),
        None => Ok(()),
    }
}
