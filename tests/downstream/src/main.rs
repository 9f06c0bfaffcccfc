//! `workflow_report <subscription-id> <resource-group> <site> <workflow>`: prints the runs,
//! triggers and versions of a workflow as JSON lines, signed in with the Azure CLI or the
//! Azure Developer CLI.

use azure_identity::DeveloperToolsCredential;
use azure_resourcemanager_web_workflows::models::{ErrorResponse, ServiceError};
use std::process::ExitCode;
use workflow_report::{report, Workflow};

#[tokio::main]
async fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [subscription_id, resource_group, site, name] = args.as_slice() else {
        eprintln!("usage: workflow_report <subscription-id> <resource-group> <site> <workflow>");
        return Ok(ExitCode::from(2));
    };
    let workflow = Workflow {
        subscription_id: subscription_id.clone(),
        resource_group: resource_group.clone(),
        site: site.clone(),
        name: name.clone(),
    };
    let credential = DeveloperToolsCredential::new(None)?;
    match report(credential, &workflow, None).await {
        Ok(report) => {
            for run in &report.runs {
                println!("run {}", serde_json::to_string(run)?);
            }
            for trigger in &report.triggers {
                println!("trigger {}", serde_json::to_string(trigger)?);
            }
            for version in &report.versions {
                println!("version {}", serde_json::to_string(version)?);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            let error = ServiceError::<ErrorResponse>::try_from(error)?;
            let code = error.error_code.unwrap_or_default();
            let request_id = error.request_id.unwrap_or_default();
            eprintln!("{} {code} (x-ms-request-id {request_id})", error.status);
            Ok(ExitCode::FAILURE)
        }
    }
}
