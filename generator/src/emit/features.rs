//! `#[cfg(feature = ...)]` gates: every client has a cargo feature, and an item only some
//! clients need is compiled only when one of their features is on. An item every client needs
//! carries no gate, which keeps the output small.

use crate::ir::{Client, Crate, Helper};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// Features of the clients that need an item.
pub type Features<'a> = BTreeSet<&'a str>;

/// Every client's feature.
pub fn all(krate: &Crate) -> Features<'_> {
    krate.clients.values().map(|c| c.feature.as_str()).collect()
}

/// The features a runtime helper is compiled with (see [`Crate::helpers`]), if the crate
/// needs it at all.
pub fn of_helper(krate: &Crate, helper: Helper) -> Option<Features<'_>> {
    krate
        .helpers
        .get(&helper)
        .map(|features| features.iter().map(String::as_str).collect())
}

/// The `#[cfg(...)]` of a runtime helper the crate needs (`Some(None)` when it needs no
/// gate); `None` when the crate does not need the helper.
pub fn helper_gate(krate: &Crate, helper: Helper) -> Option<Option<TokenStream>> {
    of_helper(krate, helper).map(|features| gate(krate, &features))
}

/// `#[cfg(...)]` for an item needed by `features`; none when every client (or, for an
/// empty set, no particular client) needs it.
pub fn gate(krate: &Crate, features: &Features) -> Option<TokenStream> {
    if features.is_empty() || all(krate).iter().all(|f| features.contains(f)) {
        return None;
    }
    let predicate = predicate(features);
    Some(quote!(#[cfg(#predicate)]))
}

/// The gate of a module (and its glob re-export) from those of its items: `None` for an item
/// compiled always, else the features it is compiled with. A module with an ungated item needs
/// no gate; one whose items are all gated is compiled when any of them is, so its re-export is
/// never unused.
pub fn module_gate<'a>(
    items: impl IntoIterator<Item = Option<Features<'a>>>,
) -> Option<TokenStream> {
    let mut union = Features::new();
    for item in items {
        union.extend(item?);
    }
    let predicate = predicate(&union);
    Some(quote!(#[cfg(#predicate)]))
}

/// `#[cfg(feature = "...")]` of one client, even when it is the only one, so a crate's
/// clients are all switched the same way.
pub fn client_gate(client: &Client) -> TokenStream {
    let feature = &client.feature;
    quote!(#[cfg(feature = #feature)])
}

/// `feature = "a"`, or `any(feature = "a", feature = "b", ...)`.
pub fn predicate(features: &Features) -> TokenStream {
    let mut each = features.iter().map(|f| quote!(feature = #f));
    match (features.len(), each.next()) {
        (1, Some(one)) => one,
        _ => {
            let all = features.iter().map(|f| quote!(feature = #f));
            quote!(any(#(#all),*))
        }
    }
}
