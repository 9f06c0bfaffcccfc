//! The IR of each operation group (client) of the default selection: operations, parameters
//! and where their values come from, paths, success codes, paging and long-running shapes.

use super::default_config;
use azure_codegen::{generate, ir::OperationKind};

#[test]
fn test_every_operation_group_ir() {
    let generated = generate(&default_config()).unwrap();
    let ir = &generated.ir;
    let names: Vec<&str> = ir.clients.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "WorkflowRunActionRepetitionsClient",
            "WorkflowRunActionRepetitionsRequestHistoriesClient",
            "WorkflowRunActionScopeRepetitionsClient",
            "WorkflowRunActionsClient",
            "WorkflowRunsClient",
            "WorkflowTriggerHistoriesClient",
            "WorkflowTriggersClient",
            "WorkflowVersionsClient",
            "WorkflowsClient",
        ]
    );
    let features: Vec<&str> = ir.clients.values().map(|c| c.feature.as_str()).collect();
    assert_eq!(
        features,
        [
            "workflow_run_action_repetitions",
            "workflow_run_action_repetitions_request_histories",
            "workflow_run_action_scope_repetitions",
            "workflow_run_actions",
            "workflow_runs",
            "workflow_trigger_histories",
            "workflow_triggers",
            "workflow_versions",
            "workflows",
        ]
    );
    let count = |f: fn(&OperationKind) -> bool| {
        ir.clients
            .values()
            .flat_map(|c| &c.operations)
            .filter(|o| f(&o.kind))
            .count()
    };
    assert_eq!(count(|_| true), 25);
    assert_eq!(count(|k| matches!(k, OperationKind::Pageable(_))), 10);
    assert_eq!(count(|k| matches!(k, OperationKind::LongRunning(_))), 2);
    assert_eq!(ir.status_monitor.as_deref(), Some("OperationStatus"));
    for (name, client) in &ir.clients {
        insta::assert_yaml_snapshot!(format!("group_{name}"), client);
    }
}

/// Each model type is compiled with the features of the clients that reach it, through
/// responses, bodies, errors and fields; one every client reaches is not gated at all, one only
/// some reach is, and the manifest turns every client's feature on by default.
#[test]
fn test_types_carry_the_features_of_the_clients_that_reach_them() {
    let generated = generate(&default_config()).unwrap();
    let ir = &generated.ir;
    let features = |name: &str| -> Vec<&str> {
        ir.types[name]
            .features()
            .iter()
            .map(String::as_str)
            .collect()
    };
    // Only the triggers' recurrence schedule uses it, through nested fields.
    assert_eq!(features("DayOfWeek"), ["workflow_triggers"]);
    // The error model of every operation.
    assert_eq!(features("ErrorResponse").len(), ir.clients.len());
    let text = |path: &str| {
        generated
            .files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.text.clone())
            .unwrap()
    };
    // The doc comment and attributes right before an item's declaration.
    let attributes = |file: &str, declaration: &str| -> String {
        let text = text(file);
        let at = text.find(declaration).unwrap();
        let start = text[..at].rfind("\n}\n").unwrap_or(0);
        text[start..at].to_string()
    };
    let day = attributes("src/models/enums.rs", "pub enum DayOfWeek ");
    assert!(
        day.contains("#[cfg(feature = \"workflow_triggers\")]"),
        "{day}"
    );
    let error = attributes("src/models/models.rs", "pub struct ErrorResponse ");
    assert!(!error.contains("#[cfg("), "{error}");
    let manifest = text("Cargo.toml");
    let all: Vec<String> = ir
        .clients
        .values()
        .map(|c| format!("{:?}", c.feature))
        .collect();
    assert!(
        manifest.contains(&format!(
            "default = [\"azure_core/default\", {}]",
            all.join(", ")
        )),
        "{manifest}"
    );
    for c in ir.clients.values() {
        assert!(
            manifest.contains(&format!("\n{} = []\n", c.feature)),
            "{manifest}"
        );
    }
}
