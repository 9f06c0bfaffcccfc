//! Example-driven wire tests: every `x-ms-examples` file of the spec drives the generated client
//! against the HTTPS loopback server, which answers with the example's response.
//!
//! For each example: the request on the wire is exactly the one the spec's path template, the
//! example's parameters and its body describe; the response deserializes into the generated
//! model; and re-serializing that model gives back the example's body, except for the fields
//! listed in [`UNDECLARED`] (fields the schema does not declare and does not allow).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use azure_core::http::{Response, Url};
use azure_resourcemanager_web_workflows::{clients::*, models::*};
use futures::TryStreamExt;
use serde_json::Value;
use std::{collections::BTreeMap, sync::Arc};
use tests::{
    client_options, percent_encode_segment as encode, RecordedRequest, RecordingCredential,
    ScriptedResponse, WireServer,
};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../specs/web-2024-04-01/workflows-hostruntime.json"
);

/// Response fields of the examples that their schemas neither declare nor allow (no
/// `additionalProperties`), so the generated models do not keep them: (example file, JSON
/// pointer into the response body).
const UNDECLARED: &[(&str, &str)] = &[];

/// Operation facts read from the spec itself (not from the generator): HTTP method, path
/// template, the names of the path parameters and whether it has a body.
struct SpecOperation {
    method: String,
    template: String,
    body_param: Option<String>,
    path_params: Vec<String>,
}

fn spec_operations() -> BTreeMap<String, SpecOperation> {
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(SPEC).unwrap()).unwrap();
    let shared = &spec["parameters"];
    let mut out = BTreeMap::new();
    for (template, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let mut body_param = None;
            let mut path_params = Vec::new();
            for p in op["parameters"].as_array().unwrap() {
                let p = match p.get("$ref").and_then(Value::as_str) {
                    Some(r) => &shared[r.trim_start_matches("#/parameters/")],
                    None => p,
                };
                match p["in"].as_str().unwrap() {
                    "body" => body_param = Some(p["name"].as_str().unwrap().to_string()),
                    "path" => path_params.push(p["name"].as_str().unwrap().to_string()),
                    _ => {}
                }
            }
            out.insert(
                op["operationId"].as_str().unwrap().to_string(),
                SpecOperation {
                    method: method.to_ascii_uppercase(),
                    template: template.clone(),
                    body_param,
                    path_params,
                },
            );
        }
    }
    out
}

fn expected_path(op: &SpecOperation, parameters: &Value) -> String {
    let mut path = op.template.clone();
    for name in &op.path_params {
        let value = parameters[name].as_str().unwrap();
        path = path.replace(&format!("{{{name}}}"), &encode(value));
    }
    path
}

/// The example's responses, by status code.
fn responses(example: &Value) -> Vec<(u16, Value)> {
    example["responses"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(code, r)| (code.parse().unwrap(), r.clone()))
        .collect()
}

fn scripted(status: u16, response: &Value) -> ScriptedResponse {
    let mut scripted = match response.get("body") {
        Some(body) => ScriptedResponse::json(status, body),
        None => ScriptedResponse::new(status),
    };
    if let Some(headers) = response.get("headers").and_then(Value::as_object) {
        for (name, value) in headers {
            scripted = scripted.header(name.clone(), value.as_str().unwrap().to_string());
        }
    }
    scripted
}

/// What a call gave back.
enum Outcome {
    /// A model, re-serialized.
    Model(u16, Value),
    /// A response without a body.
    Empty(u16),
    /// The first answer of a poller.
    Poll(u16, OperationStatus),
}

macro_rules! client {
    ($server:expr, $p:expr, $client:ident, $options:ident) => {
        $client::new(
            Arc::new(RecordingCredential::new()),
            $p["subscriptionId"].as_str().unwrap().to_string(),
            Some($options {
                endpoint: Some(Url::parse(&$server.base_url()).unwrap()),
                client_options: client_options(),
                api_version: $p["api-version"].as_str().unwrap().to_string(),
                ..Default::default()
            }),
        )
        .unwrap()
    };
}

async fn model<T: serde::Serialize + serde::de::DeserializeOwned>(
    response: Response<T>,
) -> Outcome {
    let status = u16::from(response.status());
    let model: T = response.into_model().unwrap();
    Outcome::Model(status, serde_json::to_value(&model).unwrap())
}

/// The first page of a pager, re-serialized; the examples hold a single page.
async fn first_page<P>(pager: azure_core::http::Pager<P>) -> Outcome
where
    P: azure_core::http::pager::Page + serde::Serialize + serde::de::DeserializeOwned + Send,
{
    let mut pages = pager.into_pages();
    let page = pages.try_next().await.unwrap().unwrap();
    let outcome = model(page).await;
    assert!(
        pages.try_next().await.unwrap().is_none(),
        "the example page has no next link"
    );
    outcome
}

async fn first_poll(mut poller: azure_core::http::Poller<OperationStatus>) -> Outcome {
    let first = poller.try_next().await.unwrap().unwrap();
    let status = u16::from(first.status());
    Outcome::Poll(status, first.into_model().unwrap())
}

/// azure_core's poller waits before it yields an in-progress answer: the example responses
/// carry no `Retry-After`, so wait the shortest time it allows instead of its 30 s default.
fn fast_polling() -> azure_core::http::poller::PollerOptions<'static> {
    azure_core::http::poller::PollerOptions {
        frequency: azure_core::time::Duration::seconds(1),
        ..Default::default()
    }
}

fn s<'a>(p: &'a Value, name: &str) -> &'a str {
    p[name]
        .as_str()
        .unwrap_or_else(|| panic!("example parameter {name}"))
}

/// Calls operation `id` with the example's parameters.
async fn call(id: &str, server: &WireServer, p: &Value) -> Outcome {
    let (rg, site, wf) = (
        s(p, "resourceGroupName"),
        s(p, "name"),
        s(p, "workflowName"),
    );
    match id {
        "Workflows_RegenerateAccessKey" => {
            let c = client!(server, p, WorkflowsClient, WorkflowsClientOptions);
            let key_type = KeyType::from(s(&p["keyType"], "keyType"));
            let body = RegenerateActionParameter {
                key_type: Some(key_type),
            };
            let r = c
                .regenerate_access_key(rg, site, wf, body.try_into().unwrap(), None)
                .await
                .unwrap();
            Outcome::Empty(u16::from(r.status()))
        }
        "Workflows_Validate" => {
            let c = client!(server, p, WorkflowsClient, WorkflowsClientOptions);
            let props = &p["validate"]["properties"];
            let body = Workflow {
                properties: Some(WorkflowProperties {
                    definition: Some(props["definition"].clone()),
                    kind: Some(Kind::from(s(props, "kind"))),
                    ..Default::default()
                }),
                ..Default::default()
            };
            let r = c
                .validate(rg, site, wf, body.try_into().unwrap(), None)
                .await
                .unwrap();
            Outcome::Empty(u16::from(r.status()))
        }
        "WorkflowRuns_List" => {
            let c = client!(server, p, WorkflowRunsClient, WorkflowRunsClientOptions);
            first_page(c.list(rg, site, wf, None).unwrap()).await
        }
        "WorkflowRuns_Get" => {
            let c = client!(server, p, WorkflowRunsClient, WorkflowRunsClientOptions);
            model(c.get(rg, site, wf, s(p, "runName"), None).await.unwrap()).await
        }
        "WorkflowRuns_Cancel" => {
            let c = client!(server, p, WorkflowRunsClient, WorkflowRunsClientOptions);
            let r = c.cancel(rg, site, wf, s(p, "runName"), None).await.unwrap();
            Outcome::Empty(u16::from(r.status()))
        }
        "WorkflowRunActions_List" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionsClient,
                WorkflowRunActionsClientOptions
            );
            first_page(c.list(rg, site, wf, s(p, "runName"), None).unwrap()).await
        }
        "WorkflowRunActions_Get" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionsClient,
                WorkflowRunActionsClientOptions
            );
            model(
                c.get(rg, site, wf, s(p, "runName"), s(p, "actionName"), None)
                    .await
                    .unwrap(),
            )
            .await
        }
        "WorkflowRunActions_ListExpressionTraces" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionsClient,
                WorkflowRunActionsClientOptions
            );
            let pager =
                c.list_expression_traces(rg, site, wf, s(p, "runName"), s(p, "actionName"), None);
            first_page(pager.unwrap()).await
        }
        "WorkflowRunActionRepetitions_List" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionRepetitionsClient,
                WorkflowRunActionRepetitionsClientOptions
            );
            first_page(
                c.list(rg, site, wf, s(p, "runName"), s(p, "actionName"), None)
                    .unwrap(),
            )
            .await
        }
        "WorkflowRunActionRepetitions_Get" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionRepetitionsClient,
                WorkflowRunActionRepetitionsClientOptions
            );
            let r = c.get(
                rg,
                site,
                wf,
                s(p, "runName"),
                s(p, "actionName"),
                s(p, "repetitionName"),
                None,
            );
            model(r.await.unwrap()).await
        }
        "WorkflowRunActionRepetitions_ListExpressionTraces" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionRepetitionsClient,
                WorkflowRunActionRepetitionsClientOptions
            );
            let pager = c.list_expression_traces(
                rg,
                site,
                wf,
                s(p, "runName"),
                s(p, "actionName"),
                s(p, "repetitionName"),
                None,
            );
            first_page(pager.unwrap()).await
        }
        "WorkflowRunActionRepetitionsRequestHistories_List" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionRepetitionsRequestHistoriesClient,
                WorkflowRunActionRepetitionsRequestHistoriesClientOptions
            );
            let pager = c.list(
                rg,
                site,
                wf,
                s(p, "runName"),
                s(p, "actionName"),
                s(p, "repetitionName"),
                None,
            );
            first_page(pager.unwrap()).await
        }
        "WorkflowRunActionRepetitionsRequestHistories_Get" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionRepetitionsRequestHistoriesClient,
                WorkflowRunActionRepetitionsRequestHistoriesClientOptions
            );
            let r = c.get(
                rg,
                site,
                wf,
                s(p, "runName"),
                s(p, "actionName"),
                s(p, "repetitionName"),
                s(p, "requestHistoryName"),
                None,
            );
            model(r.await.unwrap()).await
        }
        "WorkflowRunActionScopeRepetitions_List" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionScopeRepetitionsClient,
                WorkflowRunActionScopeRepetitionsClientOptions
            );
            first_page(
                c.list(rg, site, wf, s(p, "runName"), s(p, "actionName"), None)
                    .unwrap(),
            )
            .await
        }
        "WorkflowRunActionScopeRepetitions_Get" => {
            let c = client!(
                server,
                p,
                WorkflowRunActionScopeRepetitionsClient,
                WorkflowRunActionScopeRepetitionsClientOptions
            );
            let r = c.get(
                rg,
                site,
                wf,
                s(p, "runName"),
                s(p, "actionName"),
                s(p, "repetitionName"),
                None,
            );
            model(r.await.unwrap()).await
        }
        "WorkflowTriggers_List" => {
            let c = client!(
                server,
                p,
                WorkflowTriggersClient,
                WorkflowTriggersClientOptions
            );
            first_page(c.list(rg, site, wf, None).unwrap()).await
        }
        "WorkflowTriggers_Get" => {
            let c = client!(
                server,
                p,
                WorkflowTriggersClient,
                WorkflowTriggersClientOptions
            );
            model(
                c.get(rg, site, wf, s(p, "triggerName"), None)
                    .await
                    .unwrap(),
            )
            .await
        }
        "WorkflowTriggers_ListCallbackUrl" => {
            let c = client!(
                server,
                p,
                WorkflowTriggersClient,
                WorkflowTriggersClientOptions
            );
            model(
                c.list_callback_url(rg, site, wf, s(p, "triggerName"), None)
                    .await
                    .unwrap(),
            )
            .await
        }
        "WorkflowTriggers_Run" => {
            let c = client!(
                server,
                p,
                WorkflowTriggersClient,
                WorkflowTriggersClientOptions
            );
            let options = WorkflowTriggersClientRunOptions {
                method_options: fast_polling(),
                ..Default::default()
            };
            first_poll(
                c.begin_run(rg, site, wf, s(p, "triggerName"), Some(options))
                    .unwrap(),
            )
            .await
        }
        "WorkflowTriggers_GetSchemaJson" => {
            let c = client!(
                server,
                p,
                WorkflowTriggersClient,
                WorkflowTriggersClientOptions
            );
            model(
                c.get_schema_json(rg, site, wf, s(p, "triggerName"), None)
                    .await
                    .unwrap(),
            )
            .await
        }
        "WorkflowTriggerHistories_List" => {
            let c = client!(
                server,
                p,
                WorkflowTriggerHistoriesClient,
                WorkflowTriggerHistoriesClientOptions
            );
            first_page(c.list(rg, site, wf, s(p, "triggerName"), None).unwrap()).await
        }
        "WorkflowTriggerHistories_Get" => {
            let c = client!(
                server,
                p,
                WorkflowTriggerHistoriesClient,
                WorkflowTriggerHistoriesClientOptions
            );
            model(
                c.get(rg, site, wf, s(p, "triggerName"), s(p, "historyName"), None)
                    .await
                    .unwrap(),
            )
            .await
        }
        "WorkflowTriggerHistories_Resubmit" => {
            let c = client!(
                server,
                p,
                WorkflowTriggerHistoriesClient,
                WorkflowTriggerHistoriesClientOptions
            );
            let options = WorkflowTriggerHistoriesClientResubmitOptions {
                method_options: fast_polling(),
                ..Default::default()
            };
            first_poll(
                c.begin_resubmit(
                    rg,
                    site,
                    wf,
                    s(p, "triggerName"),
                    s(p, "historyName"),
                    Some(options),
                )
                .unwrap(),
            )
            .await
        }
        "WorkflowVersions_List" => {
            let c = client!(
                server,
                p,
                WorkflowVersionsClient,
                WorkflowVersionsClientOptions
            );
            first_page(c.list(rg, site, wf, None).unwrap()).await
        }
        "WorkflowVersions_Get" => {
            let c = client!(
                server,
                p,
                WorkflowVersionsClient,
                WorkflowVersionsClientOptions
            );
            model(c.get(rg, site, wf, s(p, "versionId"), None).await.unwrap()).await
        }
        other => panic!("no call for example {other}"),
    }
}

/// JSON pointers of `expected` that `actual` lacks or holds differently, plus `+pointer` for
/// what `actual` adds.
fn differences(expected: &Value, actual: &Value, at: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let here = format!("{at}/{k}");
                match a.get(k) {
                    Some(w) => differences(v, w, &here, out),
                    None => out.push(here),
                }
            }
            for k in a.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!("+{at}/{k}"));
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (v, w)) in e.iter().zip(a).enumerate() {
                differences(v, w, &format!("{at}/{i}"), out);
            }
        }
        (e, a) if e == a => {}
        _ => out.push(format!("{at} (was {expected}, now {actual})")),
    }
}

fn check_request(request: &RecordedRequest, op: &SpecOperation, parameters: &Value) {
    let path = expected_path(op, parameters);
    let api_version = parameters["api-version"].as_str().unwrap();
    assert_eq!(request.method, op.method);
    assert_eq!(request.target, format!("{path}?api-version={api_version}"));
    assert_eq!(request.header_values("accept"), ["application/json"]);
    assert_eq!(request.header_values("authorization").len(), 1);
    match &op.body_param {
        Some(name) => {
            assert_eq!(request.header_values("content-type"), ["application/json"]);
            assert_eq!(
                request.body_json().unwrap(),
                parameters[name],
                "request body"
            );
        }
        None => {
            assert!(request.body.is_empty(), "no body: {}", request.body_text());
            assert!(request.header("content-type").is_none());
        }
    }
}

#[tokio::test]
async fn every_x_ms_example_goes_over_the_wire_and_round_trips() {
    let operations = spec_operations();
    let folder = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../specs/web-2024-04-01/examples"
    );
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 25);
    let mut lost_everywhere = Vec::new();
    let mut checked = 0;
    for file in files {
        let id = file.file_stem().unwrap().to_str().unwrap().to_string();
        let op = operations
            .get(&id)
            .unwrap_or_else(|| panic!("{id} is no operation"));
        let example: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let parameters = &example["parameters"];
        for (status, response) in responses(&example) {
            let server = WireServer::with_responses([scripted(status, &response)]).await;
            let outcome = call(&id, &server, parameters).await;
            let request = server.single_request();
            check_request(&request, op, parameters);
            match (outcome, response.get("body")) {
                (Outcome::Model(got, actual), Some(body)) => {
                    assert_eq!(got, status, "{id}");
                    let mut lost = Vec::new();
                    differences(body, &actual, "", &mut lost);
                    for pointer in lost {
                        lost_everywhere.push((id.clone(), pointer));
                    }
                }
                (Outcome::Empty(got), None) => assert_eq!(got, status, "{id}"),
                (Outcome::Poll(got, monitor), None) => {
                    assert_eq!(got, status, "{id}");
                    let expected = if status == 202 {
                        "InProgress"
                    } else {
                        "Succeeded"
                    };
                    assert_eq!(monitor.status, Some(expected.into()), "{id} {status}");
                }
                (_, body) => panic!("{id} {status}: unexpected outcome for body {body:?}"),
            }
            assert!(
                server.protocol_errors().is_empty(),
                "{:?}",
                server.protocol_errors()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 26, "25 examples, one with two responses");
    let expected: Vec<(String, String)> = UNDECLARED
        .iter()
        .map(|(id, p)| (id.to_string(), p.to_string()))
        .collect();
    assert_eq!(lost_everywhere, expected, "fields lost in the round trip");
}
