//! Wire tests for the crate generated from an OpenAPI 3.1 document (`specs/openapi/tasks-3.1.json`,
//! the shape FastAPI writes): `null` alternatives and type lists read as optional values,
//! `const` properties sent as constants, a `$ref` with a description, and per-status errors.

use serde_json::json;
use tasks_client::{
    models::{
        Kind, Status, TaskCreate, TasksClientGetTaskTasksTaskIdGetError,
        TasksClientListTasksTasksGetOptions,
    },
    TasksClient, TasksClientOptions,
};
use tests::{client_options, ScriptedResponse, WireServer};

fn client(server: &WireServer) -> TasksClient {
    let options = TasksClientOptions {
        client_options: client_options(),
        endpoint: Some(server.base_url().parse().unwrap()),
        ..Default::default()
    };
    TasksClient::new(Some(options)).unwrap()
}

#[tokio::test]
async fn nulls_decode_as_none_and_an_optional_enum_query_value_is_sent() {
    let server = WireServer::with_responses([ScriptedResponse::json(
        200,
        &json!([
            { "id": 1, "kind": "task", "title": "Buy milk", "notes": null, "status": "open",
              "due": null, "priority": null, "tags": [] },
            { "id": 2, "kind": "task", "title": "Call", "notes": "after 5", "status": "done",
              "due": "2026-01-02T03:04:05Z", "priority": 3 }
        ]),
    )])
    .await;
    let options = TasksClientListTasksTasksGetOptions {
        status: Some(Status::Open),
        limit: Some(10),
        ..Default::default()
    };
    let tasks = client(&server)
        .list_tasks_tasks_get(Some(options))
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(tasks.len(), 2);
    let (first, second) = (&tasks[0], &tasks[1]);
    assert_eq!(
        (first.notes.as_deref(), first.due, first.priority),
        (None, None, None)
    );
    assert!(matches!(first.status, Some(Status::Open)));
    assert!(matches!(first.kind, Some(Kind::Task)));
    assert_eq!(second.notes.as_deref(), Some("after 5"));
    assert_eq!(second.priority, Some(3));
    assert_eq!(second.due.map(|d| d.unix_timestamp()), Some(1_767_323_045));
    let request = server.single_request();
    assert_eq!(request.method, "GET");
    assert_eq!(request.target, "/tasks?status=open&limit=10");
}

#[tokio::test]
async fn a_const_property_is_always_sent_and_unset_optional_ones_are_not() {
    let server = WireServer::with_responses([ScriptedResponse::json(
        201,
        &json!({ "id": 7, "kind": "task", "title": "Water plants", "status": "open" }),
    )])
    .await;
    let body = TaskCreate {
        title: Some("Water plants".into()),
        ..Default::default()
    };
    let created = client(&server)
        .create_task_tasks_post(body.try_into().unwrap(), None)
        .await
        .unwrap()
        .into_model()
        .unwrap();
    assert_eq!(created.id, Some(7));
    let request = server.single_request();
    assert_eq!(
        (request.method.as_str(), request.target.as_str()),
        ("POST", "/tasks")
    );
    assert_eq!(
        request.body_json().unwrap(),
        json!({ "kind": "task", "title": "Water plants" })
    );
}

#[tokio::test]
async fn each_error_status_decodes_its_own_model() {
    let server = WireServer::with_responses([
        ScriptedResponse::json(
            404,
            &json!({ "type": "about:blank", "title": "Not Found", "status": 404, "detail": null }),
        )
        .header("content-type", "application/problem+json"),
        ScriptedResponse::json(
            422,
            &json!({ "detail": [ { "loc": ["path", "task_id"], "msg": "not an integer", "type": "int_parsing" } ] }),
        ),
    ])
    .await;
    let client = client(&server);
    let error = client
        .get_task_tasks_task_id_get(41, None)
        .await
        .unwrap_err();
    let Ok(TasksClientGetTaskTasksTaskIdGetError::NotFound(problem)) =
        TasksClientGetTaskTasksTaskIdGetError::try_from(error)
    else {
        panic!("a 404 did not decode as a problem");
    };
    assert_eq!(
        (problem.title.as_deref(), problem.status, problem.detail),
        (Some("Not Found"), Some(404), None)
    );
    let error = client
        .get_task_tasks_task_id_get(42, None)
        .await
        .unwrap_err();
    let Ok(TasksClientGetTaskTasksTaskIdGetError::UnprocessableEntity(invalid)) =
        TasksClientGetTaskTasksTaskIdGetError::try_from(error)
    else {
        panic!("a 422 did not decode as a validation error");
    };
    let detail = invalid.detail.unwrap();
    assert_eq!(detail[0].loc, Some(vec![json!("path"), json!("task_id")]));
    let targets: Vec<String> = server.requests().iter().map(|r| r.target.clone()).collect();
    assert_eq!(targets, ["/tasks/41", "/tasks/42"]);
}
