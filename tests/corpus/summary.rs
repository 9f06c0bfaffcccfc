//! A compact, exact account of what a generated crate contains: every model with its fields
//! (Rust name, type, wire name), every enumeration with its variants and wire values, every
//! client with its fields and methods, and every method's options. Impl blocks are listed by
//! trait on one line. Files that only wire modules together (`lib.rs`, `mod.rs`) or do not
//! depend on the spec's names (`runtime.rs`, `models/errors.rs`) are not summarised; the
//! corpus checks separately that no file defines an item the spec does not describe.

use azure_codegen::GeneratedCrate;
use quote::ToTokens;
use std::collections::BTreeSet;
use syn::{Attribute, Expr, Fields, ImplItem, Item, Lit, Pat};

/// Files summarised item by item.
fn summarised(path: &str) -> bool {
    path.ends_with(".rs")
        && !path.ends_with("mod.rs")
        && !matches!(
            path,
            "src/lib.rs" | "src/runtime.rs" | "src/models/errors.rs"
        )
}

pub fn summary(generated: &GeneratedCrate) -> String {
    let mut out = String::new();
    for f in &generated.files {
        if !summarised(&f.path) {
            continue;
        }
        let file =
            syn::parse_file(&f.text).unwrap_or_else(|e| panic!("{} does not parse: {e}", f.path));
        out.push_str(&f.path);
        out.push('\n');
        for item in &file.items {
            item_summary(item, &file.items, &mut out);
        }
    }
    out
}

/// Type or path tokens as one compact line.
pub fn tokens(t: &impl ToTokens) -> String {
    let mut s = t.to_token_stream().to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" < ", "<"),
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
        (" : ", ": "),
        (",>", ">"),
        ("crate::models::", ""),
        ("azure_core::http::", ""),
        ("::std::fmt::", ""),
        ("::serde::", ""),
    ] {
        s = s.replace(from, to);
    }
    s
}

/// The `#[serde(rename = "...")]` value, if any.
fn rename(attrs: &[Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| {
        if !a.path().is_ident("serde") {
            return None;
        }
        let mut found = None;
        let _ = a.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                let lit: syn::LitStr = meta.value()?.parse()?;
                found = Some(lit.value());
            } else if meta.input.peek(syn::Token![=]) {
                let _: Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
        found
    })
}

/// `Self::Variant => "wire"` arms of an enum's `as_str`.
fn as_str_arms(items: &[Item], name: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for item in items {
        let Item::Impl(i) = item else { continue };
        if i.trait_.is_some() || tokens(&i.self_ty) != name {
            continue;
        }
        for it in &i.items {
            let ImplItem::Fn(f) = it else { continue };
            if f.sig.ident != "as_str" {
                continue;
            }
            let Some(syn::Stmt::Expr(Expr::Match(m), _)) = f.block.stmts.first() else {
                continue;
            };
            for arm in &m.arms {
                let variant = match &arm.pat {
                    Pat::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
                    _ => None,
                };
                if let (Some(v), Expr::Lit(l)) = (variant, &*arm.body) {
                    if let Lit::Str(s) = &l.lit {
                        out.push((v, s.value()));
                    }
                }
            }
        }
    }
    out
}

fn item_summary(item: &Item, all: &[Item], out: &mut String) {
    match item {
        Item::Struct(s) => {
            out.push_str(&format!("  struct {}\n", s.ident));
            if let Fields::Named(fields) = &s.fields {
                for f in &fields.named {
                    let name = f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default();
                    let wire = rename(&f.attrs)
                        .map(|r| format!(" = {r:?}"))
                        .unwrap_or_default();
                    out.push_str(&format!("    {name}: {}{wire}\n", tokens(&f.ty)));
                }
            }
        }
        Item::Enum(e) => {
            out.push_str(&format!("  enum {}\n", e.ident));
            let arms = as_str_arms(all, &e.ident.to_string());
            for v in &e.variants {
                let payload = match &v.fields {
                    Fields::Unnamed(f) => format!("({})", tokens(&f.unnamed)),
                    _ => String::new(),
                };
                let wire = rename(&v.attrs)
                    .or_else(|| {
                        arms.iter()
                            .find(|(name, _)| v.ident == name)
                            .map(|(_, w)| w.clone())
                    })
                    .map(|r| format!(" = {r:?}"))
                    .unwrap_or_default();
                out.push_str(&format!("    {}{payload}{wire}\n", v.ident));
            }
        }
        Item::Impl(i) => match &i.trait_ {
            Some((_, path, _)) => out.push_str(&format!(
                "  impl {} for {}\n",
                tokens(path),
                tokens(&i.self_ty)
            )),
            None => {
                out.push_str(&format!("  impl {}\n", tokens(&i.self_ty)));
                for it in &i.items {
                    match it {
                        ImplItem::Fn(f) if f.sig.ident == "as_str" => {}
                        ImplItem::Fn(f) => out.push_str(&format!(
                            "    fn {}({})\n",
                            f.sig.ident,
                            tokens(&f.sig.inputs).trim_end_matches(',')
                        )),
                        other => out.push_str(&format!("    {}\n", tokens(other))),
                    }
                }
            }
        },
        Item::Use(_) => {}
        Item::Fn(f) => out.push_str(&format!("  fn {}\n", f.sig.ident)),
        Item::Mod(m) => out.push_str(&format!("  mod {}\n", m.ident)),
        Item::Const(c) => out.push_str(&format!("  const {}\n", c.ident)),
        Item::Trait(t) => out.push_str(&format!("  trait {}\n", t.ident)),
        Item::Type(t) => out.push_str(&format!("  type {} = {}\n", t.ident, tokens(&t.ty))),
        other => out.push_str(&format!(
            "  other item {}\n",
            tokens(other).chars().take(80).collect::<String>()
        )),
    }
}

/// Names of the items a file defines (`struct X`, `enum X`, `fn x`, `const X`, `mod x`,
/// `trait X`), top level, inside inline modules and inside impl blocks (`X::f`).
pub fn defined_items(text: &str) -> BTreeSet<String> {
    let file = syn::parse_file(text).unwrap();
    let mut out = BTreeSet::new();
    add_defined_items(&file.items, &mut out);
    out
}

/// [`defined_items`] of `items`, added to `out`.
fn add_defined_items(items: &[Item], out: &mut BTreeSet<String>) {
    for item in items {
        match item {
            Item::Struct(s) => {
                out.insert(format!("struct {}", s.ident));
            }
            Item::Enum(e) => {
                out.insert(format!("enum {}", e.ident));
            }
            Item::Fn(f) => {
                out.insert(format!("fn {}", f.sig.ident));
            }
            Item::Const(c) => {
                out.insert(format!("const {}", c.ident));
            }
            Item::Mod(m) => {
                out.insert(format!("mod {}", m.ident));
                if let Some((_, inner)) = &m.content {
                    add_defined_items(inner, out);
                }
            }
            Item::Trait(t) => {
                out.insert(format!("trait {}", t.ident));
            }
            Item::Impl(i) => {
                for it in &i.items {
                    if let ImplItem::Fn(f) = it {
                        out.insert(format!("fn {}::{}", tokens(&i.self_ty), f.sig.ident));
                    }
                }
            }
            Item::Type(t) => {
                out.insert(format!("type {}", t.ident));
            }
            Item::Use(_) => {}
            other => {
                out.insert(format!("other {}", tokens(other)));
            }
        }
    }
}
