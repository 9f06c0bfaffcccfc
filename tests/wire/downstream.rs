//! The downstream program of `tests/downstream` (`workflow_report`, written from the generated
//! crate's README alone) against the loopback server: it reads three operation groups through
//! one service client, and its credential is asked for one token.

use azure_core::http::Url;
use azure_resourcemanager_web_workflows::WebClientOptions;
use serde_json::json;
use std::sync::Arc;
use tests::{
    client_options, RecordedRequest, RecordingCredential, ScriptedResponse, WireServer, TEST_TOKEN,
};
use workflow_report::{report, Workflow};

/// Runs (two pages), triggers (one page) and versions (two pages) of workflow `wf`; next
/// links are relative, as services may send them.
fn service(request: &RecordedRequest) -> ScriptedResponse {
    let second = request
        .query_pairs()
        .iter()
        .any(|(k, v)| k == "page" && v == "2");
    let item = |kind: &str, name: &str| json!({ "id": format!("workflows/wf/{kind}/{name}"), "name": name, "type": format!("workflows/{kind}") });
    let path = request.path();
    let body = if path.ends_with("/wf/runs") && !second {
        json!({ "value": [item("runs", "r1"), item("runs", "r2")], "nextLink": "runs?page=2" })
    } else if path.ends_with("/wf/runs") {
        json!({ "value": [item("runs", "r3")], "nextLink": null })
    } else if path.ends_with("/wf/triggers") {
        json!({ "value": [item("triggers", "t1")] })
    } else if path.ends_with("/wf/versions") && !second {
        json!({ "value": [item("versions", "v1"), item("versions", "v2")], "nextLink": "versions?page=2" })
    } else if path.ends_with("/wf/versions") {
        json!({ "value": [item("versions", "v3")] })
    } else {
        return ScriptedResponse::json(
            404,
            &json!({ "error": { "code": "NotFound", "message": path } }),
        );
    };
    ScriptedResponse::json(200, &body)
}

#[tokio::test]
async fn the_downstream_program_reads_three_groups_with_one_token() {
    let server = WireServer::start(service).await;
    let credential = Arc::new(RecordingCredential::new());
    let workflow = Workflow {
        subscription_id: "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345".into(),
        resource_group: "rg".into(),
        site: "site".into(),
        name: "wf".into(),
    };
    let options = WebClientOptions {
        endpoint: Some(Url::parse(&server.base_url()).unwrap()),
        client_options: client_options(),
        ..Default::default()
    };
    let report = report(credential.clone(), &workflow, Some(options))
        .await
        .unwrap();

    let names =
        |items: Vec<Option<String>>| items.into_iter().map(Option::unwrap).collect::<Vec<_>>();
    assert_eq!(
        names(report.runs.iter().map(|r| r.name.clone()).collect()),
        ["r1", "r2", "r3"]
    );
    assert_eq!(
        names(report.triggers.iter().map(|t| t.name.clone()).collect()),
        ["t1"]
    );
    assert_eq!(
        names(report.versions.iter().map(|v| v.name.clone()).collect()),
        ["v1", "v2", "v3"]
    );
    assert_eq!(report.version_pages, [2, 1]);
    // What the program prints: the models serialize in full.
    assert_eq!(
        serde_json::to_value(&report.runs[0]).unwrap(),
        json!({ "id": "workflows/wf/runs/r1", "name": "r1", "type": "workflows/runs" })
    );

    assert_eq!(credential.call_count(), 1, "one token for the three groups");
    let requests = server.requests();
    let paths: Vec<String> = requests
        .iter()
        .map(|r| {
            let path = r.path();
            let tail = &path[path.find("/workflows/wf/").unwrap()..];
            match r.query_pairs().iter().find(|(k, _)| k == "page") {
                Some((_, page)) => format!("{tail}?page={page}"),
                None => tail.to_string(),
            }
        })
        .collect();
    assert_eq!(
        paths,
        [
            "/workflows/wf/runs",
            "/workflows/wf/runs?page=2",
            "/workflows/wf/triggers",
            "/workflows/wf/versions",
            "/workflows/wf/versions?page=2",
        ]
    );
    for request in &requests {
        assert_eq!(
            request.header_values("authorization"),
            [format!("Bearer {TEST_TOKEN}").as_str()]
        );
        assert!(request.path().starts_with(
            "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/rg/providers/Microsoft.Web/sites/site/"
        ));
    }
}

/// The `toml` blocks of every generated crate's README are what cargo accepts: valid TOML, and
/// no dependency asks for another crate's feature (`azure_core/default`), which cargo refuses;
/// the install block names every crate the README's programs use.
#[test]
fn the_readme_dependency_lines_are_what_cargo_accepts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut readmes = vec![root.join("generated/README.md")];
    for folder in ["tests/peers", "tests/autorest", "tests/azure"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let readme = entry.unwrap().path().join("README.md");
            if readme.exists() {
                readmes.push(readme);
            }
        }
    }
    assert!(readmes.len() > 10);
    for readme in readmes {
        let text = std::fs::read_to_string(&readme).unwrap();
        let blocks: Vec<&str> = text
            .split("```toml\n")
            .skip(1)
            .map(|block| block.split("```").next().unwrap())
            .collect();
        assert!(
            blocks.len() >= 2,
            "{}: install and features",
            readme.display()
        );
        for block in &blocks {
            let table: toml::Table = block
                .parse()
                .unwrap_or_else(|e| panic!("{}: {e}\n{block}", readme.display()));
            let deps = table
                .get("dependencies")
                .and_then(|d| d.as_table())
                .unwrap_or(&table);
            for (name, dep) in deps {
                let features = dep.get("features").and_then(|f| f.as_array());
                for feature in features.into_iter().flatten() {
                    let feature = feature.as_str().unwrap();
                    assert!(
                        !feature.contains('/'),
                        "{}: `{name}` asks for `{feature}`, which cargo refuses in a dependency",
                        readme.display()
                    );
                }
            }
        }
        let install: toml::Table = blocks[0].parse().unwrap();
        let installed = install["dependencies"].as_table().unwrap();
        for used in ["serde_json", "tokio"] {
            assert!(
                installed.contains_key(used),
                "{}: the programs use `{used}`, which the install block does not list",
                readme.display()
            );
        }
        if text.contains("use futures::") {
            assert!(installed.contains_key("futures"), "{}", readme.display());
        }
        if text.contains("use azure_identity::") {
            assert!(
                installed.contains_key("azure_identity"),
                "{}",
                readme.display()
            );
        }
    }
}
