//! A report on one Logic Apps workflow: its runs, its triggers and its versions, read through
//! one `WebClient` (so one pipeline and one token for the three operation groups), written
//! from the generated crate's README alone.

use azure_core::credentials::TokenCredential;
use azure_resourcemanager_web_workflows::{
    models::{WorkflowRun, WorkflowTrigger, WorkflowVersion},
    WebClient, WebClientOptions,
};
use futures::TryStreamExt;
use std::sync::Arc;

/// The workflow to report on.
#[derive(Clone, Debug)]
pub struct Workflow {
    /// The subscription of the site.
    pub subscription_id: String,
    /// The resource group of the site.
    pub resource_group: String,
    /// The Logic Apps Standard site.
    pub site: String,
    /// The workflow's name.
    pub name: String,
}

/// What the service says about the workflow.
#[derive(Debug, Default)]
pub struct Report {
    /// Every run, from every page.
    pub runs: Vec<WorkflowRun>,
    /// Every trigger, from every page.
    pub triggers: Vec<WorkflowTrigger>,
    /// How many versions each page held, in order.
    pub version_pages: Vec<usize>,
    /// Every version, from every page.
    pub versions: Vec<WorkflowVersion>,
}

/// Reads the report with `credential`; `options` as `WebClient::new` takes them (`None` for
/// public Azure).
pub async fn report(
    credential: Arc<dyn TokenCredential>,
    workflow: &Workflow,
    options: Option<WebClientOptions>,
) -> azure_core::Result<Report> {
    let client = WebClient::new(credential, workflow.subscription_id.clone(), options)?;
    let (rg, site, name) = (
        workflow.resource_group.as_str(),
        workflow.site.as_str(),
        workflow.name.as_str(),
    );
    let mut report = Report::default();
    // A pager read item by item.
    let mut runs = client.workflow_runs_client().list(rg, site, name, None)?;
    while let Some(run) = runs.try_next().await? {
        report.runs.push(run);
    }
    report.triggers = client
        .workflow_triggers_client()
        .list(rg, site, name, None)?
        .try_collect()
        .await?;
    // A pager read page by page.
    let mut pages = client
        .workflow_versions_client()
        .list(rg, site, name, None)?
        .into_pages();
    while let Some(page) = pages.try_next().await? {
        let versions = page.into_model()?.value.unwrap_or_default();
        report.version_pages.push(versions.len());
        report.versions.extend(versions);
    }
    Ok(report)
}
