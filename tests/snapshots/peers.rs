//! The OpenAPI 3.0 documents in `specs/peers/`: an IR snapshot per document (their code is the
//! checked-in crates under `tests/peers/`, which `codegen --check` keeps current, so it has no
//! second snapshot), the checked-in crates being current, and the refusals (OpenAPI 3.1, unsupported
//! security schemes) being clear.

use super::root;
use azure_codegen::{config::Targets, generate, write, Config, GeneratedCrate};

fn targets() -> Vec<Config> {
    Targets::load(&root().join("specs/peers.toml"), &root())
        .unwrap()
        .crates
}

fn target(spec_file: &str) -> Config {
    targets()
        .into_iter()
        .find(|c| c.spec.ends_with(spec_file))
        .unwrap_or_else(|| panic!("{spec_file} is not in specs/peers.toml"))
}

fn snapshot(spec_file: &str, name: &str) {
    let generated = generate(&target(spec_file)).unwrap_or_else(|d| panic!("{d}"));
    insta::assert_yaml_snapshot!(format!("{name}_ir"), generated.ir);
}

#[test]
fn test_keeper() {
    snapshot("keeper.json", "keeper");
}

#[test]
fn test_buildomat() {
    snapshot("buildomat.json", "buildomat");
}

#[test]
fn test_propolis_server() {
    snapshot("propolis-server.json", "propolis_server");
}

#[test]
fn test_param_collision() {
    snapshot("param-collision.json", "param_collision");
}

#[test]
fn test_param_overrides_json() {
    snapshot("param-overrides.json", "param_overrides_json");
}

#[test]
fn test_param_overrides_yaml() {
    snapshot("param-overrides.yaml", "param_overrides_yaml");
}

#[test]
fn test_cli_gen() {
    snapshot("cli-gen.json", "cli_gen");
}

#[test]
fn test_every_peer_document_is_a_checked_in_target() {
    let mut listed: Vec<String> = targets()
        .iter()
        .map(|c| c.spec.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    listed.sort();
    // The peers' documents and the ones written for this project.
    let mut documents: Vec<String> = ["specs/peers", "specs/openapi"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root().join(dir)).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") || n.ends_with(".yaml"))
        .collect();
    documents.sort();
    assert_eq!(listed, documents);
}

#[test]
fn test_checked_in_peer_crates_are_current() {
    for config in targets() {
        let generated = generate(&config).unwrap_or_else(|d| panic!("{d}"));
        let stale = write::stale_files(&config.out, &generated.files).unwrap();
        assert!(
            stale.is_empty(),
            "{} is stale; run `cargo xtask codegen`:\n{}",
            config.out.display(),
            stale.join("\n")
        );
    }
}

#[test]
fn test_yaml_and_json_documents_lower_to_the_same_ir() {
    let json = generate(&target("param-overrides.json")).unwrap();
    let yaml = generate(&target("param-overrides.yaml")).unwrap();
    let mut a = serde_json::to_value(&json.ir).unwrap();
    let mut b = serde_json::to_value(&yaml.ir).unwrap();
    a["package"] = serde_json::Value::Null;
    b["package"] = serde_json::Value::Null;
    assert_eq!(a, b);
}

#[test]
fn test_path_level_parameter_is_overridden_by_the_operation_one() {
    let generated = generate(&target("param-overrides.json")).unwrap();
    let (_, op) = generated.ir.operation("key.get").unwrap();
    let wire: Vec<(&str, &azure_codegen::ir::TypeRef)> = op
        .params
        .iter()
        .map(|p| (p.wire_name.as_str(), &p.ty))
        .collect();
    // `key` is a string at path level and a boolean at operation level: one, boolean.
    assert_eq!(
        wire,
        [
            ("key", &azure_codegen::ir::TypeRef::Bool),
            ("uniqueKey", &azure_codegen::ir::TypeRef::String)
        ]
    );
}

/// Generates from `text` (written as `name`), returning the diagnostic on failure.
fn try_generate(name: &str, text: &str) -> Result<GeneratedCrate, azure_codegen::Diagnostic> {
    let dir = std::env::temp_dir().join(format!("codegen-peers-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join(name);
    std::fs::write(&spec, text).unwrap();
    let config = Config {
        spec,
        out: dir.join("out"),
        package: "peer_client".into(),
        namespace: None,
        operations: Vec::new(),
        examples: Vec::new(),
        ..Config::default()
    };
    let result = generate(&config);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn document(extra: &str) -> String {
    format!(
        r#"{{
  "openapi": "3.0.3",
  "info": {{ "title": "Widgets API", "version": "1" }},
  {extra}
  "paths": {{
    "/widgets/{{id}}": {{
      "get": {{
        "operationId": "widget_get",
        "parameters": [ {{ "name": "id", "in": "path", "required": true, "schema": {{ "type": "string", "format": "uuid" }} }} ],
        "responses": {{ "2XX": {{ "description": "ok", "content": {{ "application/json": {{ "schema": {{ "type": "string" }} }} }} }} }}
      }}
    }}
  }}
}}"#
    )
}

#[test]
fn test_openapi_3_1_is_refused_clearly() {
    let text = document("").replace("3.0.3", "3.1.0");
    let d = try_generate("v31.json", &text).err().unwrap();
    assert_eq!(d.pointer, "#/openapi");
    assert!(d.message.contains("OpenAPI 3.1.0 is not supported"), "{d}");
    assert!(d.file.ends_with("v31.json"));
    assert_eq!(d.position, Some((2, 14)));
}

#[test]
fn test_servers_and_bearer_scheme_make_a_credential_client_with_a_default_endpoint() {
    let text = document(
        r#""servers": [ { "url": "https://{region}.widgets.example/v1/", "variables": { "region": { "default": "eu" } } } ],
  "components": { "securitySchemes": { "token": { "type": "oauth2", "flows": { "clientCredentials": { "tokenUrl": "https://widgets.example/token", "scopes": {} } } } } },
  "security": [ { "token": [] } ],"#,
    );
    let generated = try_generate("bearer.json", &text).unwrap();
    let service = &generated.ir.service;
    assert_eq!(
        service.default_endpoint,
        "https://{region}.widgets.example/v1"
    );
    let [region] = &service.variables[..] else {
        panic!("expected one server variable: {:?}", service.variables)
    };
    assert_eq!(
        (region.rust_name.as_str(), region.default.as_str()),
        ("region", "eu")
    );
    assert!(!service.endpoint_argument);
    assert!(matches!(service.auth, azure_codegen::ir::Auth::BearerToken));
    let client = super::file(&generated, "src/clients/widgets_client.rs");
    insta::assert_snapshot!("bearer_client", client);
    let runtime = super::file(&generated, "src/runtime.rs");
    assert!(
        runtime.contains("Url::parse(&fill(\"https://{region}.widgets.example/v1\", variables)?)?")
    );
    assert!(runtime.contains("BearerTokenAuthorizationPolicy"));
}

#[test]
fn test_no_servers_and_no_schemes_make_an_endpoint_argument_and_no_credential() {
    let generated = try_generate("plain.json", &document("")).unwrap();
    assert!(generated.ir.service.endpoint_argument);
    assert!(matches!(
        generated.ir.service.auth,
        azure_codegen::ir::Auth::None
    ));
    let client = super::file(&generated, "src/clients/widgets_client.rs");
    assert!(client.contains("pub fn new(endpoint: &str, options: Option<WidgetsClientOptions>)"));
    assert!(!client.contains("TokenCredential"));
    // `2XX` is every 2xx status, and the docs say so in one range.
    assert!(client.contains("Any status other than 200-299 is an error"));
}

#[test]
fn test_api_key_and_http_bearer_schemes_make_new_take_a_secret() {
    for (scheme, argument, sends) in [
        (
            r#"{ "type": "apiKey", "in": "header", "name": "X-Key" }"#,
            "key: Secret",
            r#"SchemeCredential::Header("x-key", credential)"#,
        ),
        (
            r#"{ "type": "http", "scheme": "Bearer", "bearerFormat": "JWT" }"#,
            "token: Secret",
            "SchemeCredential::Authorization(",
        ),
    ] {
        let text = document(&format!(
            r#""components": {{ "securitySchemes": {{ "key": {scheme} }} }},"#
        ));
        let generated = try_generate("apikey.json", &text).unwrap();
        assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
        let client = super::file(&generated, "src/clients/widgets_client.rs");
        let client = client.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            client.contains(&format!("pub fn new( endpoint: &str, {argument}, options")),
            "{client}"
        );
        let runtime = super::file(&generated, "src/runtime.rs");
        assert!(runtime.contains(sends), "{runtime}");
    }
}

#[test]
fn test_an_http_scheme_other_than_basic_or_bearer_is_ignored_with_a_warning() {
    let text = document(
        r#""components": { "securitySchemes": { "digest": { "type": "http", "scheme": "digest" } } },
  "security": [ { "digest": [] } ],"#,
    );
    let generated = try_generate("digest.json", &text).unwrap();
    let [warning] = &generated.warnings[..] else {
        panic!("expected one warning: {:?}", generated.warnings)
    };
    assert_eq!(
        warning.pointer,
        "#/components/securitySchemes/digest/scheme"
    );
    assert!(
        warning
            .message
            .contains("`http` scheme `digest` is not supported"),
        "{warning}"
    );
    assert!(matches!(
        generated.ir.service.auth,
        azure_codegen::ir::Auth::None
    ));
}

#[test]
fn test_relative_server_url_makes_an_endpoint_argument_it_is_resolved_against() {
    let text = document(r#""servers": [ { "url": "/v1" } ],"#);
    let generated = try_generate("relative.json", &text).unwrap();
    let service = &generated.ir.service;
    assert!(service.endpoint_argument);
    assert_eq!(service.relative_base.as_deref(), Some("/v1"));
    let runtime = super::file(&generated, "src/runtime.rs");
    assert!(
        runtime.contains("check_scheme(Url::parse(endpoint)?.join(\"/v1\")?)"),
        "{runtime}"
    );
}

#[test]
fn test_server_url_that_is_neither_http_nor_relative_is_refused_clearly() {
    let text = document(r#""servers": [ { "url": "ftp://files.example/v1" } ],"#);
    let d = try_generate("ftp.json", &text).err().unwrap();
    assert_eq!(d.pointer, "#/servers/0/url");
    assert!(
        d.message
            .contains("neither an http(s) URL nor a relative one"),
        "{d}"
    );
}

#[test]
fn test_a_left_out_operation_warns_and_deny_warnings_makes_it_an_error() {
    let generated = generate(&target("propolis-server.json")).unwrap();
    let left_out: Vec<_> = generated
        .warnings
        .iter()
        .filter(|w| w.message.contains("left out"))
        .collect();
    let [warning] = &left_out[..] else {
        panic!(
            "expected one operation left out, got {:#?}",
            generated.warnings
        )
    };
    assert!(warning.is_warning());
    assert!(
        warning
            .message
            .starts_with("operation `instance_serial` is left out"),
        "{warning}"
    );
    assert_eq!(warning.pointer, "#/paths/~1instance~1serial/get");
    assert!(warning.position.is_some() && warning.snippet.is_some());
    assert!(warning.to_string().starts_with("warning: "), "{warning}");

    let strict = Config {
        deny_warnings: true,
        ..target("propolis-server.json")
    };
    let d = generate(&strict).err().unwrap();
    assert!(!d.is_warning());
    assert_eq!(
        d,
        generated.warnings[0]
            .clone()
            .with_severity(azure_codegen::Severity::Error)
    );
    assert!(d.to_string().starts_with("error: "), "{d}");
}
