//! Authorization as the document declares it ([`Auth::Schemes`]): the credentials `new` takes,
//! the public credentials struct, the small policy that sends each operation's schemes, and the
//! credential lines of the example programs.

use super::tokens;
use crate::ir::{Auth, Crate, KeyLocation, Operation, Scheme, SchemeKind, Schemes};
use proc_macro2::TokenStream;
use quote::quote;

/// The schemes of a crate that authorizes with [`Auth::Schemes`].
pub fn schemes(krate: &Crate) -> Option<&Schemes> {
    match &krate.service.auth {
        Auth::Schemes(s) => Some(s),
        _ => None,
    }
}

/// The one scheme whose credential `new` takes directly (no credentials struct).
fn direct(schemes: &Schemes) -> Option<&Scheme> {
    match (&schemes.schemes[..], &schemes.credentials_type) {
        ([only], None) => Some(only),
        _ => None,
    }
}

/// A sentence saying what the scheme sends.
fn what(scheme: &Scheme) -> String {
    let sends = match &scheme.kind {
        SchemeKind::ApiKey { location, name } => {
            let place = match location {
                KeyLocation::Header => "header",
                KeyLocation::Query => "query parameter",
                KeyLocation::Cookie => "cookie",
            };
            format!("An API key, sent as the `{name}` {place}")
        }
        SchemeKind::Basic => "HTTP basic authentication: a user name and a password".into(),
        SchemeKind::Bearer => "A bearer token, sent as `Authorization: Bearer …`".into(),
        SchemeKind::Token { scopes } if scopes.is_empty() => {
            "Tokens from an `azure_core` `TokenCredential` (e.g. from `azure_identity`) for scope `{endpoint origin}/.default`".into()
        }
        SchemeKind::Token { scopes } => format!(
            "Tokens from an `azure_core` `TokenCredential` (e.g. from `azure_identity`) for {} {}",
            if scopes.len() == 1 { "scope" } else { "scopes" },
            scopes
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let docs = scheme.docs.split_whitespace().collect::<Vec<_>>().join(" ");
    let docs = docs.replace('`', "'");
    if docs.is_empty() {
        format!("{sends}.")
    } else {
        format!("{sends} ({}).", docs.trim_end_matches('.'))
    }
}

/// The Rust type of a scheme's credential in the credentials struct.
fn field_type(kind: &SchemeKind) -> TokenStream {
    match kind {
        SchemeKind::ApiKey { .. } | SchemeKind::Bearer => quote!(Secret),
        SchemeKind::Basic => quote!((String, Secret)),
        SchemeKind::Token { .. } => quote!(Arc<dyn TokenCredential>),
    }
}

/// `use` items for the credential types a client file names.
pub fn imports(krate: &Crate) -> Option<TokenStream> {
    let schemes = schemes(krate)?;
    if schemes.credentials_type.is_some() {
        return None;
    }
    let only = direct(schemes)?;
    Some(match only.kind {
        SchemeKind::Token { .. } => quote!(
            use azure_core::credentials::TokenCredential;
            use std::sync::Arc;
        ),
        _ => quote!(
            use azure_core::credentials::Secret;
        ),
    })
}

/// The credential parameters of `new`, their `# Arguments` docs, and the expression of the
/// authorization policy built from them.
pub fn new_parts(krate: &Crate) -> Option<(TokenStream, TokenStream, TokenStream)> {
    let schemes = schemes(krate)?;
    if let Some(name) = &schemes.credentials_type {
        let ty = tokens::ident(name);
        let doc = format!(
            " * `credentials` - The credentials of the service's security schemes (see [`{name}`](crate::{name})): each call uses the first of its requirements whose credentials are set."
        );
        return Some((
            quote!(credentials: crate::#ty,),
            quote!(#[doc = #doc]),
            quote!(crate::runtime::auth(credentials, &endpoint)),
        ));
    }
    let only = direct(schemes)?;
    let name = tokens::ident(&only.rust_name);
    let doc = format!(" * `{}` - {}", only.rust_name, what(only));
    Some(match only.kind {
        SchemeKind::Basic => (
            quote!(username: String, #name: Secret,),
            quote! {
                #[doc = #doc]
                /// * `password` - The password of `username`.
            },
            quote!(crate::runtime::auth((username, #name), &endpoint)),
        ),
        SchemeKind::Token { .. } => (
            quote!(#name: Arc<dyn TokenCredential>,),
            quote!(#[doc = #doc]),
            quote!(crate::runtime::auth(#name, &endpoint)),
        ),
        _ => (
            quote!(#name: Secret,),
            quote!(#[doc = #doc]),
            quote!(crate::runtime::auth(#name, &endpoint)),
        ),
    })
}

/// The statement a method adds when its operation's security differs from the default: the
/// requirements, in the call's context, for [`runtime`]'s `AuthPolicy`.
pub fn method_security(krate: &Crate, op: &Operation) -> Option<TokenStream> {
    schemes(krate)?;
    let own = op.security.as_ref()?;
    let sets = own.iter().map(|set| {
        let items = set
            .iter()
            .map(|i| proc_macro2::Literal::usize_unsuffixed(*i));
        quote!(&[#(#items),*])
    });
    Some(quote! {
        options.method_options.context.insert(crate::runtime::Security(&[#(#sets),*]));
    })
}

/// For the runtime: the credentials struct, `auth`, `pipeline` and the policy.
pub fn runtime_items(krate: &Crate) -> Option<TokenStream> {
    let schemes = schemes(krate)?;
    let names: Vec<&str> = schemes.schemes.iter().map(|s| s.name.as_str()).collect();
    let sets = |list: &[Vec<usize>]| {
        let sets = list.iter().map(|set| {
            let items = set
                .iter()
                .map(|i| proc_macro2::Literal::usize_unsuffixed(*i));
            quote!(&[#(#items),*])
        });
        quote!(&[#(#sets),*])
    };
    let default = sets(&schemes.default);
    let uses_endpoint = schemes
        .schemes
        .iter()
        .any(|s| matches!(&s.kind, SchemeKind::Token { scopes } if scopes.is_empty()));
    let endpoint_param = if uses_endpoint {
        quote!(endpoint: &Url)
    } else {
        quote!(_endpoint: &Url)
    };
    // One credential of scheme `scheme`, from the expression `value` of its field type.
    let make = |scheme: &Scheme, value: TokenStream| -> TokenStream {
        match &scheme.kind {
            SchemeKind::ApiKey { location, name } => {
                let (variant, name) = match location {
                    // azure_core's header names are lowercase (HTTP's are case-insensitive).
                    KeyLocation::Header => (quote!(Header), name.to_ascii_lowercase()),
                    KeyLocation::Query => (quote!(Query), name.clone()),
                    KeyLocation::Cookie => (quote!(Cookie), name.clone()),
                };
                quote!(SchemeCredential::#variant(#name, #value))
            }
            SchemeKind::Bearer => {
                quote!(SchemeCredential::Authorization(Secret::new(
                    format!("Bearer {}", #value.secret())
                )))
            }
            SchemeKind::Basic => quote!({
                let (username, password) = #value;
                let pair = format!("{username}:{}", password.secret());
                SchemeCredential::Authorization(Secret::new(format!("Basic {}", azure_core::base64::encode(pair))))
            }),
            SchemeKind::Token { scopes } => {
                let scopes = if scopes.is_empty() {
                    quote!(vec![format!(
                        "{}/.default",
                        endpoint.origin().ascii_serialization()
                    )])
                } else {
                    quote!(vec![#(#scopes),*])
                };
                quote!(SchemeCredential::Token(Arc::new(azure_core::http::policies::auth::BearerTokenAuthorizationPolicy::new(#value, #scopes))))
            }
        }
    };
    let (credentials_struct, auth_fn) = match (&schemes.credentials_type, direct(schemes)) {
        (Some(name), _) => {
            let ty = tokens::ident(name);
            let fields = schemes.schemes.iter().map(|s| {
                let field = tokens::ident(&s.rust_name);
                let ty = field_type(&s.kind);
                let doc = format!(" `{}`: {}", s.name, what(s));
                quote! {
                    #[doc = #doc]
                    pub #field: Option<#ty>,
                }
            });
            let made = schemes.schemes.iter().map(|s| {
                let field = tokens::ident(&s.rust_name);
                let one = make(s, quote!(value));
                quote!(credentials.#field.map(|value| #one))
            });
            let doc = format!(" The credentials of the service's security schemes ({}): set those you have. Each call sends the first of its operation's requirements whose credentials are all set, and fails with an error of kind `Credential`, before anything is sent, when none is. `Debug` never shows a secret.", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "));
            let uses_token = schemes
                .schemes
                .iter()
                .any(|s| matches!(s.kind, SchemeKind::Token { .. }));
            let token_use = uses_token.then(|| {
                quote!(
                    use azure_core::credentials::TokenCredential;
                )
            });
            (
                quote! {
                    #token_use
                    #[doc = #doc]
                    #[derive(Clone, Default, azure_core::fmt::SafeDebug)]
                    pub struct #ty {
                        #(#fields)*
                    }
                },
                quote! {
                    /// The authorization policy of the credentials given to `new`.
                    pub(crate) fn auth(credentials: crate::#ty, #endpoint_param) -> AuthPolicy {
                        AuthPolicy { credentials: vec![#(#made),*] }
                    }
                },
            )
        }
        (None, Some(only)) => {
            let ty = field_type(&only.kind);
            let one = make(only, quote!(credential));
            let token_use = matches!(only.kind, SchemeKind::Token { .. }).then(|| {
                quote!(
                    use azure_core::credentials::TokenCredential;
                )
            });
            (
                quote!(#token_use),
                quote! {
                    /// The authorization policy of the credential given to `new`.
                    pub(crate) fn auth(credential: #ty, #endpoint_param) -> AuthPolicy {
                        AuthPolicy { credentials: vec![Some(#one)] }
                    }
                },
            )
        }
        (None, None) => return None,
    };
    // Only the kinds of credential the crate's schemes use.
    let has = |f: &dyn Fn(&SchemeKind) -> bool| schemes.schemes.iter().any(|s| f(&s.kind));
    let key_in = |at: KeyLocation| move |k: &SchemeKind| matches!(k, SchemeKind::ApiKey { location, .. } if *location == at);
    let header = has(&key_in(KeyLocation::Header));
    let query = has(&key_in(KeyLocation::Query));
    let cookie = has(&key_in(KeyLocation::Cookie));
    let authorization = has(&|k| matches!(k, SchemeKind::Basic | SchemeKind::Bearer));
    let token = has(&|k| matches!(k, SchemeKind::Token { .. }));
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    if header {
        variants.push(quote! {
            /// An API key header: its name and the key.
            Header(&'static str, Secret),
        });
        arms.push(quote!(SchemeCredential::Header(name, key) => attempt.insert_header(*name, key.secret().to_string()),));
    }
    if query {
        variants.push(quote! {
            /// An API key query parameter: its name and the key.
            Query(&'static str, Secret),
        });
        arms.push(quote! {
            SchemeCredential::Query(name, key) => {
                attempt.url_mut().query_pairs_mut().append_pair(name, key.secret());
                query_key = Some(key);
            }
        });
    }
    if cookie {
        variants.push(quote! {
            /// An API key cookie: its name and the key.
            Cookie(&'static str, Secret),
        });
        arms.push(quote! {
            SchemeCredential::Cookie(name, key) => {
                let pair = format!("{name}={}", key.secret());
                let cookie = match attempt.headers().get_optional_str(&azure_core::http::headers::HeaderName::from_static("cookie")) {
                    Some(cookies) => format!("{cookies}; {pair}"),
                    None => pair,
                };
                attempt.insert_header("cookie", cookie);
            }
        });
    }
    if authorization {
        variants.push(quote! {
            /// The `Authorization` header's value (`Basic …`, `Bearer …`).
            Authorization(Secret),
        });
        arms.push(quote!(SchemeCredential::Authorization(value) => attempt.insert_header("authorization", value.secret().to_string()),));
    }
    if token {
        variants.push(quote! {
            /// Tokens from a `TokenCredential`, through azure_core's bearer token policy.
            Token(Arc<azure_core::http::policies::auth::BearerTokenAuthorizationPolicy>),
        });
        arms.push(quote!(SchemeCredential::Token(bearer) => token = Some(bearer),));
    }
    let token_local = token.then(|| quote!(let mut token = None;));
    let query_local = query.then(|| quote!(let mut query_key = None;));
    let sent = if token {
        quote! {
            match token {
                Some(bearer) => bearer.send(ctx, &mut attempt, next).await,
                None => policy.send(ctx, &mut attempt, rest).await,
            }
        }
    } else {
        quote!(policy.send(ctx, &mut attempt, rest).await)
    };
    let send = if query {
        quote! {
            let result = #sent;
            match (result, query_key) {
                (Err(error), Some(key)) => Err(redacted(&error, key.secret())),
                (result, _) => result,
            }
        }
    } else {
        sent
    };
    let redacted = query.then(redacted_fn);
    let secret_use = (header || query || cookie || authorization).then(|| {
        quote!(
            use azure_core::credentials::Secret;
        )
    });
    Some(quote! {
        #secret_use
        #credentials_struct

        /// The security requirements of a request: alternatives, each the schemes (by index)
        /// sent together; none means no authorization.
        #[derive(Clone, Copy, Debug)]
        pub(crate) struct Security(pub(crate) &'static [&'static [usize]]);

        /// The requirements of the operations that state none of their own.
        const DEFAULT_SECURITY: Security = Security(#default);

        /// The schemes' names in the document, by index, for errors.
        const SCHEME_NAMES: &[&str] = &[#(#names),*];

        /// What one scheme sends.
        pub(crate) enum SchemeCredential {
            #(#variants)*
        }

        #auth_fn

        /// Sends, per attempt, the credentials of the first of the request's security
        /// requirements whose credentials the client has (none when the only requirements met
        /// are empty ones), on a copy of the request, so that a
        /// key never stays in the request the caller and the retry policy see. An error whose
        /// text could hold a query key has it replaced. `Debug` shows no secret.
        pub(crate) struct AuthPolicy {
            /// One credential per scheme, by index; `None`: not given.
            credentials: Vec<Option<SchemeCredential>>,
        }

        impl std::fmt::Debug for AuthPolicy {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let given: Vec<&str> = SCHEME_NAMES.iter().zip(&self.credentials).filter(|(_, c)| c.is_some()).map(|(name, _)| *name).collect();
                f.debug_struct("AuthPolicy").field("schemes", &given).finish()
            }
        }

        #[async_trait::async_trait]
        impl Policy for AuthPolicy {
            async fn send(&self, ctx: &Context, request: &mut Request, next: &[Arc<dyn Policy>]) -> PolicyResult {
                let Some((policy, rest)) = next.split_first() else {
                    return Err(Error::with_message(ErrorKind::Other, "the pipeline has no transport"));
                };
                let security = ctx.value::<Security>().copied().unwrap_or(DEFAULT_SECURITY);
                if security.0.is_empty() {
                    return policy.send(ctx, request, rest).await;
                }
                // Credentials the client has are sent even where the operation may be called
                // without (`{}` among its requirements).
                let given = |i: &usize| matches!(self.credentials.get(*i), Some(Some(_)));
                let chosen = security.0.iter().find(|set| !set.is_empty() && set.iter().all(given));
                let anonymous: &[usize] = &[];
                let chosen = chosen.or_else(|| security.0.iter().find(|set| set.is_empty()).map(|_| &anonymous));
                let Some(chosen) = chosen else {
                    let wanted: Vec<String> = security.0.iter().map(|set| set.iter().filter_map(|i| SCHEME_NAMES.get(*i).copied()).collect::<Vec<_>>().join(" and ")).collect();
                    return Err(Error::with_message(ErrorKind::Credential, format!("this operation needs credentials for {}, and the client was given none of them", wanted.join(" or "))));
                };
                let mut attempt = request.clone();
                #token_local
                #query_local
                for credential in chosen.iter().filter_map(|i| self.credentials.get(*i).and_then(Option::as_ref)) {
                    match credential {
                        #(#arms)*
                    }
                }
                #send
            }
        }

        #redacted
    })
}

/// `redacted`, for crates that send a key in the query.
fn redacted_fn() -> TokenStream {
    quote! {
        /// `error` with its sources in one message, the key (as given and percent-encoded)
        /// replaced: transport errors quote the URL.
        fn redacted(error: &Error, key: &str) -> Error {
            let mut text = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                text.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            let mut encoded = Url::parse("http://localhost/").ok();
            if let Some(url) = &mut encoded {
                url.query_pairs_mut().append_pair("k", key);
            }
            let encoded = encoded.and_then(|u| u.query().map(|q| q.trim_start_matches("k=").to_string())).unwrap_or_default();
            let mut text = text.replace(key, "REDACTED");
            if !encoded.is_empty() {
                text = text.replace(&encoded, "REDACTED");
            }
            Error::with_message(error.kind().clone(), text)
        }
    }
}

/// The names of the values an example program needs for its credentials, in the order
/// [`program_credentials`] asks for them.
pub fn program_value_names(krate: &Crate) -> Vec<String> {
    let Some(schemes) = schemes(krate) else {
        return Vec::new();
    };
    program_schemes(schemes)
        .iter()
        .flat_map(|s| match s.kind {
            SchemeKind::Basic => vec!["username".to_string(), "password".to_string()],
            SchemeKind::Token { .. } => Vec::new(),
            _ => vec![s.rust_name.clone()],
        })
        .collect()
}

/// The schemes an example program gives credentials for: the first default requirement.
fn program_schemes(schemes: &Schemes) -> Vec<&Scheme> {
    match direct(schemes) {
        Some(only) => vec![only],
        None => schemes
            .default
            .iter()
            .find(|set| !set.is_empty())
            .map(|set| set.iter().filter_map(|i| schemes.schemes.get(*i)).collect())
            .unwrap_or_default(),
    }
}

/// An example program's credential: its `use` items, the statements making it (values from
/// `value`, by the names of [`program_value_names`]) and the argument of `new`.
pub fn program_credentials(
    krate: &Crate,
    package: &proc_macro2::Ident,
    value: &mut dyn FnMut(&str) -> TokenStream,
) -> Option<(TokenStream, TokenStream, TokenStream)> {
    let schemes = schemes(krate)?;
    let mut uses = Vec::new();
    let mut made = Vec::new();
    let mut secret = false;
    let mut identity = false;
    for s in program_schemes(schemes) {
        made.push(match s.kind {
            SchemeKind::Basic => {
                secret = true;
                let user = value("username");
                let password = value("password");
                quote!((#user.to_string(), Secret::new(#password.to_string())))
            }
            SchemeKind::Token { .. } => {
                identity = true;
                quote!(DeveloperToolsCredential::new(None)?)
            }
            _ => {
                secret = true;
                let v = value(&s.rust_name);
                quote!(Secret::new(#v.to_string()))
            }
        });
    }
    if secret {
        uses.push(quote!(
            use azure_core::credentials::Secret;
        ));
    }
    if identity {
        uses.push(quote!(
            use azure_identity::DeveloperToolsCredential;
        ));
    }
    Some(match (&schemes.credentials_type, direct(schemes)) {
        (Some(name), _) => {
            let ty = tokens::ident(name);
            uses.push(quote!(use #package::#ty;));
            let fields = program_schemes(schemes)
                .into_iter()
                .map(|s| tokens::ident(&s.rust_name))
                .collect::<Vec<_>>();
            // The other schemes' credentials stay unset.
            let rest = (fields.len() < schemes.schemes.len()).then(|| quote!(..Default::default()));
            (
                quote!(#(#uses)*),
                quote! {
                    let credentials = #ty {
                        #(#fields: Some(#made),)*
                        #rest
                    };
                },
                quote!(credentials,),
            )
        }
        (None, Some(only)) => {
            let name = tokens::ident(&only.rust_name);
            let setup = match only.kind {
                SchemeKind::Basic => quote!(let (username, #name) = #(#made)*;),
                _ => quote!(let #name = #(#made)*;),
            };
            let arg = match only.kind {
                SchemeKind::Basic => quote!(username, #name,),
                _ => quote!(#name,),
            };
            (quote!(#(#uses)*), setup, arg)
        }
        (None, None) => return None,
    })
}

/// The README's paragraph on authorization: what `new` takes, each scheme, and which
/// operations need none.
pub fn readme_text(krate: &Crate) -> Option<String> {
    let schemes = schemes(krate)?;
    let mut out = String::new();
    match (&schemes.credentials_type, direct(schemes)) {
        (None, Some(only)) => {
            let takes = match only.kind {
                SchemeKind::Basic => {
                    "a user name and a password (an `azure_core::credentials::Secret`)".to_string()
                }
                SchemeKind::Token { .. } => "any `azure_core` `TokenCredential`".to_string(),
                _ => format!("`{}`, an `azure_core::credentials::Secret`", only.rust_name),
            };
            out.push_str(&format!("It takes {takes}. {}\n\n", what(only)));
        }
        (Some(name), _) => {
            out.push_str(&format!("It takes a `{name}` with an optional credential for each of the service's security schemes; each call sends the first of its operation's requirements whose credentials are set, and fails before sending when none is:\n\n"));
            for s in &schemes.schemes {
                out.push_str(&format!(
                    "- `{}` (`{}`): {}\n",
                    s.rust_name,
                    s.name,
                    what(s)
                ));
            }
            out.push('\n');
        }
        (None, None) => return None,
    }
    out.push_str("Secrets are `azure_core::credentials::Secret`s: `Debug` never shows them, azure_core's logging redacts headers and query parameters outside its allow-list, and an error that could quote a key sent in the query has it replaced.\n\n");
    let anonymous: Vec<&str> = krate
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .filter(|o| {
            o.security
                .as_ref()
                .is_some_and(|s| s.is_empty() || s.iter().any(Vec::is_empty))
        })
        .map(|o| o.id.as_str())
        .collect();
    if !anonymous.is_empty() {
        let list: Vec<String> = anonymous
            .iter()
            .map(|id| format!("`{}`", id.replace('`', "'")))
            .collect();
        out.push_str(&format!(
            "These operations can be called without credentials: {}.\n\n",
            list.join(", ")
        ));
    }
    Some(out)
}
