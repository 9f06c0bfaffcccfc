//! The one place Rust names are made from spec names: case conversion through `heck`, then
//! keywords, leading digits, empty names and names that shadow what generated code uses, then
//! collisions within a scope (resolved in spec order, so the result is deterministic).

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;

/// Every Rust keyword (strict, reserved and edition-dependent): used as a suffix-escaped name.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names that generated code uses unqualified; a model may not shadow them.
const RESERVED_TYPES: &[&str] = &[
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Deserialize",
    "Err",
    "Error",
    "Eq",
    "From",
    "HashMap",
    "Into",
    "MethodOptions",
    "None",
    "Ok",
    "Option",
    "PagerMethodOptions",
    "PartialEq",
    "PollerMethodOptions",
    "Result",
    "SafeDebug",
    "Self",
    "Serialize",
    "ServiceError",
    "Some",
    "String",
    "ToString",
    "TryFrom",
    "Value",
    "Vec",
];

/// Longest identifier emitted; longer spec names are cut (collisions are then resolved).
const MAX_LEN: usize = 64;

/// A `snake_case` name for a field, method, argument or module.
pub fn snake(raw: &str) -> String {
    let mut name = clip(&words(raw).to_snake_case());
    if name.is_empty() {
        name = "unnamed".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("n{name}");
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// The getter name of a response header. Header names are case-insensitive and are written
/// in capitals (`ETag`, `Content-MD5`), not camel case: a name with no lowercase letter
/// followed by a capital is read in lowercase (`ETag` -> `etag`, not `e_tag`); a camel-case
/// one keeps its words (`mrc-ContinuationToken` -> `mrc_continuation_token`).
pub fn header_getter(wire: &str) -> String {
    let chars: Vec<char> = wire.chars().collect();
    let camel = chars
        .windows(2)
        .any(|w| matches!(w, [a, b] if a.is_lowercase() && b.is_uppercase()));
    if camel {
        snake(wire)
    } else {
        snake(&wire.to_lowercase())
    }
}

/// Feature names a client's feature never takes: cargo's `default` and the dependencies (a
/// feature may not share a dependency's name).
pub const RESERVED_FEATURES: &[&str] = &[
    "default",
    "azure_core",
    "azure_identity",
    "async_trait",
    "async-trait",
    "serde",
    "serde_json",
    "tokio",
    "uuid",
];

/// The cargo feature of a client, from its module name: `workflow_runs_client` ->
/// `workflow_runs`. Module names are snake_case ASCII, so this is a valid feature name;
/// anything else is dropped all the same. Uniqueness is the caller's [`Scope`].
pub fn feature(module: &str) -> String {
    let stem = module.strip_suffix("_client").unwrap_or(module);
    let name: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let name = name.trim_end_matches('_');
    if name.is_empty() {
        "client".into()
    } else {
        name.to_string()
    }
}

/// The name of an operation without an operationId, from its HTTP method and its path
/// template: the method, then every segment with the braces of parameters dropped
/// (`GET /users/{id}/repos` -> `get_users_id_repos`, `GET /` -> `get`). It depends on nothing
/// but the operation, so it stays the same when other operations change; collisions are
/// resolved like any other (`_2`, in spec order).
pub fn made_up_method(verb: &str, path: &str) -> String {
    let mut raw = verb.to_ascii_lowercase();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        raw.push('_');
        raw.push_str(segment.trim_start_matches('{').trim_end_matches('}'));
    }
    raw
}

/// The method name of a long-running operation: `begin_` and the snake_case name.
pub fn long_running_method(raw: &str) -> String {
    let name = snake(raw);
    format!("begin_{}", name.trim_end_matches('_'))
}

/// A `PascalCase` name for a type or enum variant.
pub fn pascal(raw: &str) -> String {
    let mut name = clip(&words(raw).to_upper_camel_case());
    if name.is_empty() {
        name = "Unnamed".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("V{name}");
    }
    if KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// A `PascalCase` word for a name made of several (`{group}Client`, `{client}{operation}Options`):
/// like [`pascal`] but without the keyword escape, which would put a `_` inside the name
/// (`Self_Client` is not camel case; `SelfClient` is fine).
pub fn pascal_part(raw: &str) -> String {
    let name = pascal(raw);
    name.strip_suffix('_')
        .filter(|stem| KEYWORDS.contains(stem))
        .map_or(name.clone(), str::to_string)
}

/// The name of a client made of `base` (`Items` -> `ItemsClient`), the first that `free`
/// accepts: on a collision the number goes before `Client` (`Items2Client`), since azure_core's
/// tracing macros and readers expect a client's name to end in `Client`.
pub fn client_name(base: &str, mut free: impl FnMut(&str) -> bool) -> String {
    let sep = if base.ends_with(|c: char| c.is_ascii_digit()) {
        "_"
    } else {
        ""
    };
    std::iter::once(format!("{base}Client"))
        .chain((2..10_000).map(|n| format!("{base}{sep}{n}Client")))
        .find(|name| free(name))
        .unwrap_or_else(|| format!("{base}{sep}Client"))
}

/// A type name: like [`pascal`], and never one that shadows a name generated code relies on.
pub fn type_name(raw: &str) -> String {
    let name = pascal(raw);
    if RESERVED_TYPES.contains(&name.as_str()) {
        format!("{name}Model")
    } else {
        name
    }
}

/// The spec name of a schema that a `$ref` reaches outside `#/components/schemas/Name`, from
/// the steps of its pointer: the nearest name on the way there that the document's author
/// chose (the `definitions`/`$defs` entry, property, component or header it is, or the
/// operation it belongs to, named by `operation`), then what the schema is below it: a
/// status's response, the request body, a parameter, an array's item or a map's value.
/// `#/components/schemas/Balance/definitions/amounts` -> `amounts`;
/// `#/paths/~1clicks/get/responses/401/content/application~1json/schema` of `list_clicks` ->
/// `list_clicks 401 response`.
pub fn located_name(
    steps: &[crate::read::places::Step],
    operation: impl Fn(&str, &str) -> String,
) -> String {
    use crate::read::places::Step;
    let start = steps
        .iter()
        .rposition(|s| matches!(s, Step::Name(_) | Step::Operation(..)))
        .unwrap_or(0);
    let words: Vec<String> = steps
        .iter()
        .skip(start)
        .map(|step| match step {
            Step::Name(name) => name.clone(),
            Step::Operation(path, method) => operation(path, method),
            Step::Parameter(i) => format!("parameter {i}"),
            Step::Status(code) => format!("{code} response"),
            Step::Request => "request".to_string(),
            Step::Item => "item".to_string(),
            Step::Value => "value".to_string(),
        })
        .collect();
    if words.is_empty() {
        "schema".to_string()
    } else {
        words.join(" ")
    }
}

/// The variant of a status in a per-status enum (`code` as the spec writes it): the status's
/// reason phrase (`201` -> `Created`, `404` -> `NotFound`), `Status{code}` for a status without
/// one, `Status4xx` for a range, and `Default` for the spec's `default` (every other status).
pub fn status_variant(code: &str) -> String {
    let name = match code {
        "default" => "Default",
        "200" => "Ok",
        "201" => "Created",
        "202" => "Accepted",
        "203" => "NonAuthoritativeInformation",
        "204" => "NoContent",
        "205" => "ResetContent",
        "206" => "PartialContent",
        "207" => "MultiStatus",
        "300" => "MultipleChoices",
        "301" => "MovedPermanently",
        "302" => "Found",
        "303" => "SeeOther",
        "304" => "NotModified",
        "307" => "TemporaryRedirect",
        "308" => "PermanentRedirect",
        "400" => "BadRequest",
        "401" => "Unauthorized",
        "402" => "PaymentRequired",
        "403" => "Forbidden",
        "404" => "NotFound",
        "405" => "MethodNotAllowed",
        "406" => "NotAcceptable",
        "408" => "RequestTimeout",
        "409" => "Conflict",
        "410" => "Gone",
        "412" => "PreconditionFailed",
        "413" => "PayloadTooLarge",
        "415" => "UnsupportedMediaType",
        "422" => "UnprocessableEntity",
        "429" => "TooManyRequests",
        "500" => "InternalServerError",
        "501" => "NotImplemented",
        "502" => "BadGateway",
        "503" => "ServiceUnavailable",
        "504" => "GatewayTimeout",
        other => return pascal(&format!("status {}", other.to_ascii_lowercase())),
    };
    name.to_string()
}

/// `Group_Method`, Azure's operationId convention: a group that starts with a capital letter,
/// then `_`, then the method. `report_finish` or `key.get` are single names.
pub fn azure_group(id: &str) -> Option<(&str, &str)> {
    let (group, name) = id.split_once('_')?;
    (group.starts_with(|c: char| c.is_ascii_uppercase()) && !name.is_empty())
        .then_some((group, name))
}

/// The group of untagged operations: the spec's title without a trailing "API"
/// (`Keeper API` -> `Keeper`), so the client is `KeeperClient`.
pub fn title_group(title: &str) -> String {
    let trimmed = title.trim();
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && last.eq_ignore_ascii_case("api") => {
            rest.join(" ")
        }
        _ => trimmed.to_string(),
    }
}

/// What making a Rust name from `raw` loses, if anything: letters or digits outside ASCII
/// (dropped) or length (cut at 64 characters). Punctuation and case are not losses: the
/// wire name is kept beside the Rust name.
pub fn lossy(raw: &str) -> Option<String> {
    let dropped = raw.chars().any(|c| c.is_alphanumeric() && !c.is_ascii());
    let kept = words(raw);
    let long = kept.to_snake_case().chars().count() > MAX_LEN
        || kept.to_upper_camel_case().chars().count() > MAX_LEN;
    match (dropped, long) {
        (false, false) => None,
        (true, false) => Some("its non-ASCII letters are dropped".into()),
        (false, true) => Some(format!("it is cut at {MAX_LEN} characters")),
        (true, true) => Some(format!(
            "its non-ASCII letters are dropped and it is cut at {MAX_LEN} characters"
        )),
    }
}

/// Keeps only what may stand in an identifier; everything else separates words.
fn words(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_alphanumeric() && (c.is_ascii() || unicode_ident(c)) {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// Non-ASCII letters are allowed in Rust identifiers, but `non_ascii_idents` warns and
/// readers cannot type them: transliterate nothing, just drop them.
fn unicode_ident(_c: char) -> bool {
    false
}

fn clip(name: &str) -> String {
    let mut out: String = name.chars().take(MAX_LEN).collect();
    while out.ends_with('_') && out.len() > 1 {
        out.pop();
    }
    out
}

/// Names already taken in one scope (a struct's fields, an enum's variants, a method's
/// arguments, the crate's types); `claim` returns a name that is not.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope where `reserved` are already taken.
    pub fn with(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Returns `name`, or `name` with the smallest numeric suffix (from 2) that is free.
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        // `type_` + 2 reads better as `type_2` than `type__2`.
        let base = name.trim_end_matches('_');
        let base = if base.is_empty() { name.as_str() } else { base };
        let snake_like = base.starts_with(|c: char| c.is_lowercase());
        let sep = if snake_like || base.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(name)
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_header_getters_read_capitals_as_one_word() {
        assert_eq!(header_getter("ETag"), "etag");
        assert_eq!(header_getter("Content-MD5"), "content_md5");
        assert_eq!(header_getter("x-ms-request-id"), "x_ms_request_id");
        assert_eq!(header_getter("Last-Modified"), "last_modified");
        assert_eq!(
            header_getter("mrc-ContinuationToken"),
            "mrc_continuation_token"
        );
        assert_eq!(header_getter("TYPE"), "type_");
    }

    #[test]
    fn test_lossy_names_only_what_is_lost() {
        // Case, punctuation and keywords are not losses: the wire name stays beside.
        assert_eq!(lossy("keyType"), None);
        assert_eq!(lossy("x-ms-client-request-id"), None);
        assert_eq!(lossy("type"), None);
        assert_eq!(lossy(&"a".repeat(64)), None);
        assert_eq!(
            lossy("café").as_deref(),
            Some("its non-ASCII letters are dropped")
        );
        assert_eq!(
            lossy(&"a".repeat(65)).as_deref(),
            Some("it is cut at 64 characters")
        );
        // `VeryLong` words grow by their `_` separators in snake_case.
        assert!(lossy(&"Ab".repeat(30)).is_some());
        assert!(lossy(&format!("ü{}", "a".repeat(70)))
            .is_some_and(|m| m.contains("dropped") && m.contains("cut")));
    }

    #[test]
    fn test_snake_escapes_keywords_digits_and_symbols() {
        assert_eq!(snake("keyType"), "key_type");
        assert_eq!(snake("type"), "type_");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("Self"), "self_");
        assert_eq!(snake("async"), "async_");
        assert_eq!(snake("1st"), "n1st");
        assert_eq!(snake("a-b"), "a_b");
        assert_eq!(snake("a b"), "a_b");
        assert_eq!(snake(""), "unnamed");
        assert_eq!(snake("_"), "unnamed");
        assert_eq!(snake("$top"), "top");
        assert_eq!(snake("api-version"), "api_version");
        assert_eq!(snake("a;b::c!"), "a_b_c");
        assert_eq!(long_running_method("Run"), "begin_run");
        assert_eq!(long_running_method("type"), "begin_type");
    }

    #[test]
    fn test_pascal_and_type_names() {
        assert_eq!(pascal("NotSpecified"), "NotSpecified");
        assert_eq!(pascal("not specified"), "NotSpecified");
        assert_eq!(pascal("1st"), "V1st");
        assert_eq!(pascal("Self"), "Self_");
        assert_eq!(type_name("Option"), "OptionModel");
        assert_eq!(type_name("Response"), "Response");
        assert_eq!(pascal(""), "Unnamed");
    }

    #[test]
    fn test_compound_names_keep_keywords_whole() {
        assert_eq!(pascal_part("self"), "Self");
        assert_eq!(pascal_part("Self"), "Self");
        assert_eq!(pascal_part("type"), "Type");
        assert_eq!(pascal_part("items"), "Items");
        let taken = ["ItemsClient", "Items2Client", "V1Client"];
        let free = |n: &str| !taken.contains(&n);
        assert_eq!(client_name("Items", free), "Items3Client");
        assert_eq!(client_name("Runs", free), "RunsClient");
        assert_eq!(client_name("V1", free), "V1_2Client");
    }

    #[test]
    fn test_operation_groups_split_only_azure_style_ids() {
        assert_eq!(
            azure_group("Workflows_RegenerateAccessKey"),
            Some(("Workflows", "RegenerateAccessKey"))
        );
        assert_eq!(azure_group("report_finish"), None);
        assert_eq!(azure_group("key.get"), None);
        assert_eq!(azure_group("Workflows_"), None);
        assert_eq!(azure_group("_List"), None);
        assert_eq!(title_group("Keeper API"), "Keeper");
        assert_eq!(
            title_group(" Oxide Propolis Server api "),
            "Oxide Propolis Server"
        );
        assert_eq!(title_group("API"), "API");
        assert_eq!(title_group("Buildomat"), "Buildomat");
    }

    #[test]
    fn test_features_are_module_names_without_client() {
        assert_eq!(feature("workflow_runs_client"), "workflow_runs");
        assert_eq!(feature("workflows_client"), "workflows");
        assert_eq!(feature("keeper_client"), "keeper");
        assert_eq!(feature("client"), "client");
        assert_eq!(feature("type__client"), "type");
        assert_eq!(feature("_client"), "client");
        let mut scope = Scope::with(RESERVED_FEATURES);
        assert_eq!(scope.claim(feature("default_client")), "default_2");
        assert_eq!(scope.claim(feature("serde_client")), "serde_2");
        assert_eq!(scope.claim(feature("uuid_client")), "uuid_2");
        assert_eq!(scope.claim(feature("runs_client")), "runs");
        assert_eq!(scope.claim(feature("runs_client")), "runs_2");
    }

    #[test]
    fn test_scope_resolves_collisions_in_order() {
        let mut scope = Scope::with(&["options"]);
        assert_eq!(scope.claim("options".into()), "options_2");
        assert_eq!(scope.claim("name".into()), "name");
        assert_eq!(scope.claim("name".into()), "name_2");
        assert_eq!(scope.claim("self_".into()), "self_");
        assert_eq!(scope.claim("self_".into()), "self_2");
        let mut types = Scope::default();
        assert_eq!(types.claim("Foo".into()), "Foo");
        assert_eq!(types.claim("Foo".into()), "Foo2");
        assert_eq!(types.claim("V1".into()), "V1");
        assert_eq!(types.claim("V1".into()), "V1_2");
    }
}
