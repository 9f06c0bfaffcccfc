//! Which helpers of the generated `runtime` module a crate needs, and which clients' features
//! compile each: worked out once here, from the finished IR, so that every emitter that
//! prints a helper, calls it or gates it reads the same answer.

use crate::ir::{
    Client, Collection, Crate, FormKind, Format, Helper, Location, Operation, OperationKind, Param,
    TypeDef, TypeRef,
};
use std::collections::{BTreeMap, BTreeSet};

/// Features of the clients that use a helper.
type Features = BTreeSet<String>;

/// The helpers `krate` needs, each with the features of its users.
pub fn helpers(krate: &Crate) -> BTreeMap<Helper, Features> {
    let mut needed = Needed {
        krate,
        helpers: BTreeMap::new(),
    };
    needed.by_clients(Helper::DefaultApiVersion, &|c| {
        c.api_version == krate.api_version && c.sends_api_version()
    });
    needed.by_clients(Helper::Pager, &|c| {
        any_operation(c, |o| matches!(o.kind, OperationKind::Pageable(_)))
    });
    needed.by_clients(Helper::Encoded, &|c| {
        any_param(c, |p| {
            matches!(
                p.collection,
                Some(Collection::Label { .. } | Collection::Matrix { .. })
            )
        })
    });
    needed.by_clients(Helper::ObjectFields, &|c| {
        any_param(c, |p| p.object.is_some())
    });
    needed.by_clients(Helper::ObjectText, &|c| {
        any_param(c, |p| p.object.is_some() && !p.sent_as_pairs())
    });
    needed.by_clients(Helper::Send, &|c| any_operation(c, |o| !streams(o)));
    needed.by_clients(Helper::Stream, &|c| any_operation(c, streams));
    needed.by_clients(Helper::CallContext, &|c| {
        any_operation(c, |o| {
            matches!(o.kind, OperationKind::Plain | OperationKind::Exists)
        })
    });
    forms(&mut needed);
    let mut needed = needed.helpers;
    let polling = of_clients(krate, &|c| any_operation(c, Operation::polls));
    let polled_paging = of_clients(krate, &|c| {
        any_operation(
            c,
            |o| matches!(&o.kind, OperationKind::Pageable(p) if p.long_running.is_some()),
        )
    });
    if krate.status_monitor.is_some() {
        needed.insert(Helper::Poller, polling.clone());
        if !polled_paging.is_empty() {
            needed.insert(Helper::PolledPager, polled_paging);
        }
    }
    if let Some(paging) = needed.get(&Helper::Pager) {
        let links = paging.union(&polling).cloned().collect();
        let next_requests = krate.clients.values().any(|c| {
            any_operation(
                c,
                |o| matches!(&o.kind, OperationKind::Pageable(p) if p.next_request.is_some()),
            )
        });
        if next_requests {
            needed.insert(Helper::NextRequest, paging.clone());
        }
        needed.insert(Helper::Links, links);
    } else if krate.status_monitor.is_some() {
        needed.insert(Helper::Links, polling);
    }
    by_types(krate, &mut needed);
    needed
}

/// The form helpers: the `Form` body, and its writers for text and file fields, URL-encoded
/// and multipart.
fn forms(needed: &mut Needed) {
    let form_of = |o: &Operation| o.body.as_ref().and_then(|b| b.form);
    let fields = |o: &Operation, files: bool| {
        o.params
            .iter()
            .any(|p| p.location == Location::Form && p.ty.is_bytes() == files)
    };
    needed.by_clients(Helper::Form, &|c| {
        any_operation(c, |o| form_of(o).is_some())
    });
    needed.by_clients(Helper::FormText, &|c| {
        any_operation(c, |o| form_of(o).is_some() && fields(o, false))
    });
    needed.by_clients(Helper::FormFile, &|c| {
        any_operation(c, |o| form_of(o).is_some() && fields(o, true))
    });
    needed.by_clients(Helper::FormUrlencoded, &|c| {
        any_operation(c, |o| form_of(o) == Some(FormKind::Urlencoded))
    });
    needed.by_clients(Helper::FormMultipart, &|c| {
        any_operation(c, |o| form_of(o) == Some(FormKind::Multipart))
    });
}

/// The helpers found so far.
struct Needed<'a> {
    krate: &'a Crate,
    helpers: BTreeMap<Helper, Features>,
}

impl Needed<'_> {
    /// Needs `helper` for the clients for which `wanted` holds, if any.
    fn by_clients(&mut self, helper: Helper, wanted: &dyn Fn(&Client) -> bool) {
        let features = of_clients(self.krate, wanted);
        if !features.is_empty() {
            self.helpers.insert(helper, features);
        }
    }
}

/// The helpers models call, compiled with the clients that reach those models.
fn by_types(krate: &Crate, needed: &mut BTreeMap<Helper, Features>) {
    let mut by = |helper: Helper, wanted: &dyn Fn(&str, &TypeDef) -> bool| {
        let users: Vec<&TypeDef> = krate
            .types
            .iter()
            .filter(|(name, t)| wanted(name, t))
            .map(|(_, t)| t)
            .collect();
        if !users.is_empty() {
            let features = users
                .iter()
                .flat_map(|t| krate.type_features(t))
                .map(str::to_string)
                .collect();
            needed.insert(helper, features);
        }
    };
    by(Helper::XmlDateTime, &|name, t| {
        krate.xml.contains_key(name)
            && matches!(t, TypeDef::Struct(s) if s.fields.iter().any(|f| f.ty == TypeRef::DateTime))
    });
    by(
        Helper::WithoutKey,
        &|_, t| matches!(t, TypeDef::Struct(s) if s.tag.is_some() && s.additional.is_some() && (s.usage.output || !s.usage.input)),
    );
    // Sent as JSON: XML bodies are written by azure_core's `to_xml`.
    by(Helper::RequestJson, &|_, t| match t {
        TypeDef::Struct(s) => s.usage.body && !krate.xml.contains_key(&s.name),
        other => other.usage().body,
    });
    by(
        Helper::SkipReadOnly,
        &|_, t| matches!(t, TypeDef::Struct(s) if s.fields.iter().any(|f| f.read_only)),
    );
}

/// Features of the clients for which `wanted` holds.
fn of_clients(krate: &Crate, wanted: &dyn Fn(&Client) -> bool) -> Features {
    krate
        .clients
        .values()
        .filter(|c| wanted(c))
        .map(|c| c.feature.clone())
        .collect()
}

fn any_operation(client: &Client, wanted: impl Fn(&Operation) -> bool) -> bool {
    client.operations.iter().any(wanted)
}

fn any_param(client: &Client, wanted: impl Fn(&Param) -> bool) -> bool {
    client.operations.iter().flat_map(|o| &o.params).any(wanted)
}

/// A plain call whose response body the caller reads as a stream (never read whole here).
fn streams(o: &Operation) -> bool {
    o.response_format == Format::Binary && o.kind == OperationKind::Plain
}
