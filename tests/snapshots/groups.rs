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
    let count = |f: fn(&OperationKind) -> bool| {
        ir.clients
            .values()
            .flat_map(|c| &c.operations)
            .filter(|o| f(&o.kind))
            .count()
    };
    assert_eq!(count(|_| true), 25);
    assert_eq!(count(|k| matches!(k, OperationKind::Pageable(_))), 10);
    assert_eq!(count(|k| *k == OperationKind::LongRunning), 2);
    assert_eq!(ir.status_monitor.as_deref(), Some("OperationStatus"));
    for (name, client) in &ir.clients {
        insta::assert_yaml_snapshot!(format!("group_{name}"), client);
    }
}
