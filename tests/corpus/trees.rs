//! Spec trees: `$ref`s reaching anywhere under the spec root and no further, AutoRest readme
//! packages of several files and api-versions, examples read only when asked for.

use super::{config_for, corpus_dir, render, scratch};
use azure_codegen::{generate, ir, Config};
use std::path::Path;

fn readme_case() -> std::path::PathBuf {
    corpus_dir().join("cases/readme_two_files/readme.md")
}

fn api_version_source<'a>(krate: &'a ir::Crate, id: &str) -> &'a ir::Source {
    let op = krate
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no operation {id}"));
    &op.params
        .iter()
        .find(|p| p.wire_name == "api-version")
        .unwrap()
        .source
}

#[test]
fn test_each_operation_sends_its_own_files_api_version() {
    let generated = generate(&config_for(&readme_case())).unwrap();
    let krate = &generated.ir;
    assert_eq!(krate.api_version, "2024-01-01", "the first input file's");
    assert_eq!(krate.title, "CorpusClient", "the readme's title");
    let clients: Vec<(&str, &str, usize)> = krate
        .clients
        .values()
        .map(|c| (c.name.as_str(), c.api_version.as_str(), c.operations.len()))
        .collect();
    assert_eq!(
        clients,
        [
            ("ThingsClient", "2024-01-01", 3),
            ("WidgetsClient", "2023-05-01", 2)
        ]
    );
    // Two of the Things operations come from a.json: the client's version; one from b.json.
    assert_eq!(
        api_version_source(krate, "Things_Put"),
        &ir::Source::ApiVersion
    );
    assert_eq!(
        api_version_source(krate, "Things_List"),
        &ir::Source::ApiVersion
    );
    assert_eq!(
        api_version_source(krate, "Things_Get"),
        &ir::Source::Constant("2023-05-01".into())
    );
    assert_eq!(
        api_version_source(krate, "Widgets_Get"),
        &ir::Source::ApiVersion
    );
    // A single-value enum is the operation's constant.
    assert_eq!(
        api_version_source(krate, "Widgets_Refresh"),
        &ir::Source::Constant("2022-01-01".into())
    );
    let widgets = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("widgets_client.rs"))
        .unwrap();
    assert!(
        widgets
            .text
            .contains(r#"api_version: String::from("2023-05-01")"#),
        "{}",
        widgets.text
    );
    assert!(
        widgets
            .text
            .contains(r#"("api-version", Some("2022-01-01"))"#),
        "{}",
        widgets.text
    );
}

#[test]
fn test_same_named_definitions_are_merged_when_identical_and_renamed_when_not() {
    let generated = generate(&config_for(&readme_case())).unwrap();
    let names: Vec<&String> = generated.ir.types.keys().collect();
    // `Shared` and `ErrorResponse` are identical in both files: one type each. `Thing`
    // differs: b.json's is `Thing2`.
    assert_eq!(
        names,
        [
            "ErrorResponse",
            "Shared",
            "Thing",
            "Thing2",
            "ThingList",
            "Widget"
        ]
    );
}

#[test]
fn test_another_tag_reads_only_its_files() {
    let config = Config {
        tag: Some("package-2023".into()),
        ..config_for(&readme_case())
    };
    let generated = generate(&config).unwrap();
    let mut ids: Vec<&str> = generated
        .ir
        .clients
        .values()
        .flat_map(|c| c.operations.iter().map(|o| o.id.as_str()))
        .collect();
    ids.sort();
    assert_eq!(ids, ["Things_Get", "Widgets_Get", "Widgets_Refresh"]);
    assert_eq!(generated.ir.api_version, "2023-05-01");
}

#[test]
fn test_an_unknown_tag_is_refused_naming_the_known_ones() {
    let config = Config {
        tag: Some("package-1999".into()),
        ..config_for(&readme_case())
    };
    let d = generate(&config).unwrap_err();
    assert_eq!(
        render(&d),
        "error: the readme has no ```yaml $(tag) == 'package-1999' block; its tags are: package-2024, package-2023\n  --> <corpus>/cases/readme_two_files/readme.md"
    );
}

/// A spec at `specification/svc/stable/spec.json` under a fresh folder, whose body type is
/// `$ref` (relative to the spec).
fn tree(name: &str, body_ref: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    let spec_dir = dir.join("specification/svc/stable");
    std::fs::create_dir_all(&spec_dir).unwrap();
    std::fs::create_dir_all(dir.join("specification/common-types/v1")).unwrap();
    let thing = r#"{"definitions": {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}}}}"#;
    std::fs::write(dir.join("specification/common-types/v1/types.json"), thing).unwrap();
    std::fs::write(dir.join("outside.json"), thing).unwrap();
    let spec = format!(
        r#"{{
  "swagger": "2.0",
  "info": {{ "title": "Tree", "version": "1" }},
  "host": "management.azure.com",
  "paths": {{ "/t": {{ "put": {{
    "operationId": "Things_Put",
    "parameters": [ {{ "name": "body", "in": "body", "required": true, "schema": {{ "$ref": "{body_ref}" }} }} ],
    "responses": {{ "200": {{ "description": "OK" }} }},
    "x-ms-examples": {{ "Put": {{ "$ref": "./examples/missing.json" }} }}
  }} }} }}
}}
"#
    );
    let path = spec_dir.join("spec.json");
    std::fs::write(&path, spec).unwrap();
    path
}

fn type_names(config: &Config) -> Vec<String> {
    generate(config).unwrap().ir.types.into_keys().collect()
}

#[test]
fn test_refs_reach_anywhere_under_the_specification_folder() {
    let spec = tree(
        "tree-inside",
        "../../common-types/v1/types.json#/definitions/Thing",
    );
    assert_eq!(type_names(&config_for(&spec)), ["Thing"]);
}

#[test]
fn test_refs_out_of_the_specification_folder_are_refused_unless_the_root_is_given() {
    let spec = tree("tree-outside", "../../../outside.json#/definitions/Thing");
    let d = generate(&config_for(&spec)).unwrap_err();
    let root = spec.ancestors().nth(4).unwrap();
    assert!(
        d.message
            .starts_with("`$ref` to `../../../outside.json` leaves the spec root ")
            && d.message.contains("specification"),
        "{d}"
    );
    assert_eq!(d.pointer, "#/paths/~1t/put/parameters/0/schema/$ref");
    let config = Config {
        spec_root: Some(root.to_path_buf()),
        ..config_for(&spec)
    };
    assert_eq!(type_names(&config), ["Thing"]);
    // A root that does not hold the spec is refused.
    let elsewhere = Config {
        spec_root: Some(corpus_dir()),
        ..config_for(&spec)
    };
    let d = generate(&elsewhere).unwrap_err();
    assert!(d.message.contains("does not contain the spec"), "{d}");
}

#[test]
fn test_example_files_are_read_only_for_the_example_programs_asked_for() {
    // The spec's x-ms-examples file is missing: no error until an example program asks for it.
    let spec = tree(
        "tree-examples",
        "../../common-types/v1/types.json#/definitions/Thing",
    );
    assert!(generate(&config_for(&spec)).is_ok());
    let asked = Config {
        examples: vec!["Things_Put".into()],
        ..config_for(&spec)
    };
    let d = generate(&asked).unwrap_err();
    assert!(
        d.message
            .starts_with("`$ref` to `./examples/missing.json`: no such file"),
        "{d}"
    );
    assert_eq!(d.pointer, "#/paths/~1t/put/x-ms-examples/Put/$ref");
    // With the file, its parameters are the example program's values.
    let examples = spec.parent().unwrap().join("examples");
    std::fs::create_dir_all(&examples).unwrap();
    std::fs::write(
        examples.join("missing.json"),
        r#"{"parameters": {"body": {"name": "from-the-example", "$ref": "not a reference"}}, "responses": {}}"#,
    )
    .unwrap();
    let generated = generate(&asked).unwrap();
    let program = generated
        .files
        .iter()
        .find(|f| f.path.starts_with("examples/"))
        .unwrap();
    assert!(
        program.text.contains("from-the-example"),
        "{}",
        program.text
    );
    let _ = std::fs::remove_dir_all(spec.ancestors().nth(4).unwrap());
}

#[test]
fn test_output_does_not_depend_on_where_the_readme_is() {
    let first = generate(&config_for(&readme_case())).unwrap();
    let copy = scratch("readme-elsewhere");
    for f in ["readme.md", "a.json", "b.json"] {
        std::fs::copy(readme_case().with_file_name(f), copy.join(f)).unwrap();
    }
    let second = generate(&config_for(&copy.join("readme.md"))).unwrap();
    assert_eq!(first.files, second.files);
    let _ = std::fs::remove_dir_all(Path::new(&copy));
}

/// The operationIds of a Swagger file, read with serde_json alone (not the generator).
fn operation_ids(file: &Path) -> Vec<String> {
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let mut ids = Vec::new();
    for item in doc["paths"].as_object().unwrap().values() {
        for op in item.as_object().unwrap().values() {
            if let Some(id) = op.get("operationId").and_then(|i| i.as_str()) {
                ids.push(id.to_string());
            }
        }
    }
    ids
}

/// The real Azure trees of `specs/azure.toml`, each generated from its readme and tag.
fn azure_target(package: &str) -> Config {
    let root = super::root();
    azure_codegen::config::Targets::load(&root.join("specs/azure.toml"), &root)
        .unwrap()
        .crates
        .into_iter()
        .find(|c| c.package == package)
        .unwrap()
}

#[test]
fn test_alertsmanagement_package_of_four_files_and_two_api_versions_has_every_operation() {
    let config = azure_target("azure_resourcemanager_alertsmanagement");
    let generated = generate(&config).unwrap();
    // No warnings: the two discriminated hierarchies (each in its own file of the tree) are
    // modelled as unions of their kinds.
    let warnings: Vec<String> = generated
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert_eq!(warnings, Vec::<String>::new());
    let unions: Vec<(&str, Vec<&str>)> = generated
        .ir
        .types
        .values()
        .filter_map(|t| match t {
            azure_codegen::ir::TypeDef::Union(u) => Some((
                u.name.as_str(),
                u.variants.iter().map(|v| v.value.as_str()).collect(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        unions,
        [
            (
                "ActionRulePropertiesUnion",
                vec![
                    "ActionRuleProperties",
                    "Diagnostics",
                    "ActionGroup",
                    "Suppression"
                ]
            ),
            (
                "AlertsMetaDataPropertiesUnion",
                vec!["alertsMetaDataProperties", "MonitorServiceList"]
            ),
        ]
    );
    let krate = &generated.ir;
    let clients: Vec<(&str, &str, usize)> = krate
        .clients
        .values()
        .map(|c| (c.name.as_str(), c.api_version.as_str(), c.operations.len()))
        .collect();
    assert_eq!(
        clients,
        [
            ("ActionRulesClient", "2019-05-05-preview", 6),
            ("AlertsClient", "2019-05-05-preview", 6),
            ("OperationsClient", "2019-05-05-preview", 1),
            ("SmartDetectorAlertRulesClient", "2019-06-01", 6),
            ("SmartGroupsClient", "2019-05-05-preview", 4),
        ]
    );
    // Every operation of the tag's four input files, and nothing else.
    let folder = config
        .spec
        .parent()
        .unwrap()
        .join("Microsoft.AlertsManagement");
    let mut expected: Vec<String> = [
        "preview/2019-05-05-preview/ActionRules.json",
        "preview/2019-05-05-preview/AlertsManagement.json",
        "preview/2019-05-05-preview/SmartGroups.json",
        "stable/2019-06-01/SmartDetectorAlertRulesApi.json",
    ]
    .iter()
    .flat_map(|f| operation_ids(&folder.join(f)))
    .collect();
    expected.sort();
    let mut ids: Vec<String> = krate
        .clients
        .values()
        .flat_map(|c| c.operations.iter().map(|o| o.id.clone()))
        .collect();
    ids.sort();
    assert_eq!(ids, expected);
    assert_eq!(ids.len(), 23);
    assert!(krate.omitted.is_empty());
    // The service client hands each group client its own default api-version: the smart
    // detector group's file declares 2019-06-01, not the crate's 2019-05-05-preview.
    let service = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("alerts_management_client.rs"))
        .unwrap();
    assert_eq!(
        service
            .text
            .matches(r#"api_version: String::from("2019-06-01")"#)
            .count(),
        1,
        "{}",
        service.text
    );
    // The provider namespace of the paths, not the title, names the telemetry spans.
    assert_eq!(krate.service.namespace, "Microsoft.AlertsManagement");
    // Three files define an identical `Resource`: one type. `errorResponse` of
    // ActionRules.json differs from the other two (its `details` lack `x-ms-identifiers`).
    let names: Vec<&String> = krate.types.keys().collect();
    assert!(names.iter().any(|n| *n == "Resource"));
    assert!(!names.iter().any(|n| *n == "Resource2"));
    assert!(names.iter().any(|n| *n == "ErrorResponse2"));
}

#[test]
fn test_playwrighttesting_reaches_common_types_v5_and_generates_every_operation() {
    let config = azure_target("azure_resourcemanager_playwrighttesting");
    let generated = generate(&config).unwrap();
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
    let krate = &generated.ir;
    assert_eq!(krate.title, "PlaywrightTestingClient", "the readme's title");
    assert_eq!(krate.service.namespace, "Microsoft.AzurePlaywrightService");
    let clients: Vec<(&str, usize)> = krate
        .clients
        .values()
        .map(|c| (c.name.as_str(), c.operations.len()))
        .collect();
    assert_eq!(
        clients,
        [
            ("AccountQuotasClient", 2),
            ("AccountsClient", 7),
            ("OperationsClient", 1),
            ("QuotasClient", 2),
        ]
    );
    // Every operation of the package's file, nothing left out.
    let file =
        config.spec.parent().unwrap().join(
            "Microsoft.AzurePlaywrightService/preview/2024-02-01-preview/playwrighttesting.json",
        );
    let mut all = operation_ids(&file);
    all.sort();
    let mut ids: Vec<String> = krate
        .clients
        .values()
        .flat_map(|c| c.operations.iter().map(|o| o.id.clone()))
        .collect();
    ids.sort();
    assert_eq!(ids, all);
    assert_eq!(all.len(), 12);
    assert!(krate.omitted.is_empty());
    // Types from common-types v5 are placed in the crate under their own names.
    for name in [
        "ErrorResponse",
        "ErrorDetail",
        "TrackedResource",
        "Resource",
        "SystemData",
    ] {
        assert!(
            krate.types.contains_key(name),
            "{name}: {:?}",
            krate.types.keys()
        );
    }
}

/// A spec whose path items are `$ref`s into a sibling folder's file (the shape Azure specs use
/// to share paths): that file's operations join the crate, its own `$ref`s resolve from where
/// it is, `x-ms-paths` there are read too, and a fault inside it is reported in that file.
fn path_item_tree(name: &str, shared_paths: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    let spec_dir = dir.join("specification/svc/stable");
    let shared_dir = dir.join("specification/svc/common");
    std::fs::create_dir_all(&spec_dir).unwrap();
    std::fs::create_dir_all(&shared_dir).unwrap();
    let shared = format!(
        r##"{{
  "swagger": "2.0",
  "info": {{ "title": "Shared", "version": "1" }},
  "paths": {shared_paths},
  "definitions": {{ "Job": {{ "type": "object", "properties": {{ "state": {{ "type": "string" }} }} }} }}
}}
"##
    );
    std::fs::write(shared_dir.join("paths.json"), shared).unwrap();
    let spec = r##"{
  "swagger": "2.0",
  "info": { "title": "Tree", "version": "1" },
  "host": "management.azure.com",
  "paths": {
    "/jobs/{jobName}": { "$ref": "../common/paths.json#/paths/~1jobs~1{jobName}" },
    "/jobs": { "get": {
      "operationId": "Jobs_Count",
      "responses": { "200": { "description": "OK" } }
    } }
  }
}
"##;
    let path = spec_dir.join("spec.json");
    std::fs::write(&path, spec).unwrap();
    path
}

#[test]
fn test_a_path_item_ref_reads_the_path_item_of_another_file() {
    let spec = path_item_tree(
        "path-item-ref",
        r##"{ "/jobs/{jobName}": {
      "parameters": [ { "name": "jobName", "in": "path", "required": true, "type": "string" } ],
      "get": { "operationId": "Jobs_Get", "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Job" } } } },
      "delete": { "operationId": "Jobs_Delete", "responses": { "204": { "description": "Gone" } } }
    } }"##,
    );
    let generated = generate(&config_for(&spec)).unwrap();
    let mut ids: Vec<&str> = generated
        .ir
        .clients
        .values()
        .flat_map(|c| &c.operations)
        .map(|o| o.id.as_str())
        .collect();
    ids.sort();
    assert_eq!(ids, ["Jobs_Count", "Jobs_Delete", "Jobs_Get"]);
    assert_eq!(generated.ir.types.keys().collect::<Vec<_>>(), ["Job"]);
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
}

#[test]
fn test_a_fault_in_a_referenced_path_item_is_reported_in_its_file() {
    let spec = path_item_tree(
        "path-item-ref-fault",
        r##"{ "/jobs/{jobName}": {
      "get": { "operationId": "Jobs_Get", "responses": { "200": { "description": "OK", "schema": { "$ref": "#/definitions/Missing" } } } }
    } }"##,
    );
    // A missing definition of another file is an error, located in that file.
    let d = generate(&config_for(&spec)).unwrap_err();
    assert!(
        d.file.ends_with("specification/svc/common/paths.json"),
        "{d}"
    );
    assert_eq!(d.position.map(|(line, _)| line), Some(5));
    assert_eq!(
        d.pointer,
        "#/paths/~1jobs~1{jobName}/get/responses/200/schema/$ref"
    );
    // A ref to no path item is refused at the ref.
    let spec = path_item_tree("path-item-ref-missing", "{}");
    let d = generate(&config_for(&spec)).unwrap_err();
    assert_eq!(d.pointer, "#/paths/~1jobs~1{jobName}/$ref");
    assert!(d.message.contains("names no path item"), "{d}");
}

#[test]
fn test_devopsinfrastructure_reaches_common_types_v3_and_v4_and_generates_every_operation() {
    let config = azure_target("azure_resourcemanager_devopsinfrastructure");
    let generated = generate(&config).unwrap();
    // No warnings: the discriminated bases (`AgentProfile`, `FabricProfile`,
    // `OrganizationProfile`) are unions of their kinds.
    assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
    let krate = &generated.ir;
    assert_eq!(krate.service.namespace, "Microsoft.DevOpsInfrastructure");
    let clients: Vec<(&str, usize)> = krate
        .clients
        .values()
        .map(|c| (c.name.as_str(), c.operations.len()))
        .collect();
    assert_eq!(clients, [("OperationsClient", 1), ("PoolsClient", 6)]);
    let file = config
        .spec
        .parent()
        .unwrap()
        .join("preview/2023-10-30-preview/devopsinfrastructure.json");
    let mut all = operation_ids(&file);
    all.sort();
    let mut ids: Vec<String> = krate
        .clients
        .values()
        .flat_map(|c| c.operations.iter().map(|o| o.id.clone()))
        .collect();
    ids.sort();
    assert_eq!(ids, all);
    assert_eq!(all.len(), 7);
    assert!(krate.omitted.is_empty());
    // The discriminated bases and their derived types, and the types of common-types v3
    // (`types.json`) and v4 (`managedidentity.json`).
    for name in [
        "AgentProfile",
        "AgentProfileUnion",
        "FabricProfile",
        "FabricProfileUnion",
        "OrganizationProfile",
        "OrganizationProfileUnion",
        "Pool",
        "ErrorResponse",
        "TrackedResource",
        "ManagedServiceIdentity",
    ] {
        assert!(
            krate.types.contains_key(name),
            "{name}: {:?}",
            krate.types.keys()
        );
    }
}
